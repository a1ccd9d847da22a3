package org.parley.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.parley.corpus.Article;
import org.parley.enrich.EnrichedArticle;
import org.parley.enrich.EnrichedParagraph;
import org.parley.enrich.ParagraphMetadata;
import org.parley.index.IndexSchema;
import org.parley.search.ArticleView;
import org.parley.search.CountryNames;
import org.parley.search.Json;
import org.parley.search.ParagraphView;

/**
 * Parley's Solr configset (schema and solrconfig, uploaded by parley itself) and how an enriched article becomes
 * Solr documents.
 *
 * <p>Analysis matches the embedded index ({@code TextAnalysis}): {@code text} holds every word (standard
 * tokenizer, English possessive, lower case, ASCII folding), {@code text_stem} the same words with English stop
 * words removed and Porter stems, for bare terms. The embedded index stems at query time and expands a stem
 * to its indexed words; Solr indexes the stems, which matches the same paragraphs and scores the stem as one
 * term, as the embedded index does. Query-time analysis happens in parley (the query analyzers here only split
 * on whitespace and turn {@link #GAP} into a position gap), so a query is analysed by exactly the same
 * code on both backends.
 *
 * <p>Document ids are {@code articleId!000007} (compositeId routing: an article's documents share a shard, so
 * collapse, expand and per-article counts are exact); the uniqueKey is also the sort tie-breaker.
 */
public final class SolrSchema {
    /** Bump when fields or analysis change (s2: the query analyzers turn {@link #GAP} into a position gap). */
    public static final String VERSION = "s2";
    /**
     * Written by the translator where a phrase on the stems skips a position (a stop word the analyzer removed):
     * the query analyzers remove it and keep its position, as the embedded index's phrase does. Upper
     * case, so no analysed word (always lower case) can be mistaken for it.
     */
    public static final String GAP = "GAP";
    public static final String CONFIGSET = "parley-" + VERSION;

    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String TYPE_PARAGRAPH = "paragraph";
    public static final String TYPE_ARTICLE = "article";
    public static final String TYPE_BUILD = "build";
    public static final String FILE = "file";
    public static final String PID = "pid";
    public static final String ARTICLE_ID = "article_id";
    public static final String ORDINAL = "ordinal";
    public static final String TITLE = "title";
    public static final String TITLE_STEM = "title_stem";
    public static final String TEXT = "text";
    public static final String TEXT_STEM = "text_stem";
    public static final String PUBLISHED = "published";
    public static final String COUNTRY = "country";
    public static final String YEAR = "year";
    public static final String YEAR_INT = "year_i";
    public static final String EXPLICIT_YEAR = "explicit_year";
    public static final String SPEAKER = "speaker";
    public static final String SPEAKER_LC = "speaker_lc";
    public static final String ARTICLE_JSON = "article_json";
    public static final String BUILD_JSON = "build_json";
    public static final String BUILD_ID = "_parley!build";

    private static final ObjectMapper JSON = Json.mapper();

    private SolrSchema() {
    }

    public static String paragraphDocId(String articleId, int ordinal) {
        return articleId + "!" + String.format("%06d", ordinal);
    }

    public static String articleDocId(String articleId) {
        return articleId + "!article";
    }

    /** The documents of one article: its searchable paragraphs, then the article document. */
    public static List<Map<String, Object>> documents(String file, EnrichedArticle enriched) {
        Article a = enriched.article();
        List<Map<String, Object>> docs = new ArrayList<>();
        List<ParagraphView> views = new ArrayList<>();
        for (EnrichedParagraph ep : enriched.paragraphs()) {
            ParagraphMetadata m = ep.metadata();
            int ordinal = ep.paragraph().ordinal();
            List<String> countries = List.copyOf(new LinkedHashSet<>(m.countries()));
            List<Integer> years = List.copyOf(new LinkedHashSet<>(IndexSchema.facetYears(m, a.published())));
            List<String> speakers = m.speakers().stream().filter(s -> !s.isBlank()).distinct().toList();
            views.add(new ParagraphView(ordinal, ep.paragraph().kind().label(), ep.paragraph().text(),
                    countries.stream().map(c -> new org.parley.search.CountryRef(c, CountryNames.label(c))).toList(),
                    years, m.years(), m.speakers(), List.of()));
            if (!ep.paragraph().kind().searchable()) continue;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put(ID, paragraphDocId(a.id(), ordinal));
            d.put(TYPE, TYPE_PARAGRAPH);
            d.put(FILE, file);
            d.put(PID, IndexSchema.paragraphId(a.id(), ordinal));
            d.put(ARTICLE_ID, a.id());
            d.put(ORDINAL, ordinal);
            if (a.title() != null) d.put(TITLE, a.title());
            d.put(TEXT, ep.paragraph().text());
            if (a.published() != null) d.put(PUBLISHED, a.published() + "T00:00:00Z");
            if (!countries.isEmpty()) d.put(COUNTRY, countries);
            if (!years.isEmpty()) {
                d.put(YEAR, years.stream().map(String::valueOf).toList());
                d.put(YEAR_INT, years);
            }
            if (!m.years().isEmpty()) d.put(EXPLICIT_YEAR, m.years());
            if (!speakers.isEmpty()) {
                d.put(SPEAKER, speakers);
                d.put(SPEAKER_LC, speakers.stream().map(s -> s.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList());
            }
            docs.add(d);
        }
        Map<String, Object> article = new LinkedHashMap<>();
        article.put(ID, articleDocId(a.id()));
        article.put(TYPE, TYPE_ARTICLE);
        article.put(FILE, file);
        ArticleView view = new ArticleView(a.id(), a.fileName(), a.title(), a.published(), a.author(), a.source(), views);
        try {
            article.put(ARTICLE_JSON, JSON.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        docs.add(article);
        return docs;
    }

    /** The configset as a zip, for {@code /admin/configs?action=UPLOAD}. */
    public static byte[] configsetZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("solrconfig.xml"));
            zip.write(SOLRCONFIG.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("schema.xml"));
            zip.write(SCHEMA.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static final String SCHEMA = """
            <?xml version="1.0" encoding="UTF-8"?>
            <schema name="parley" version="1.6">
              <uniqueKey>id</uniqueKey>
              <fieldType name="string" class="solr.StrField" sortMissingLast="true"/>
              <fieldType name="plong" class="solr.LongPointField" docValues="true"/>
              <fieldType name="pint" class="solr.IntPointField" docValues="true"/>
              <fieldType name="pdate" class="solr.DatePointField" docValues="true" sortMissingLast="true"/>
              <!-- every word, as the embedded index's text field: phrases, wildcards, fuzzy terms, spelling -->
              <fieldType name="text_words" class="solr.TextField" positionIncrementGap="100"
                         storeOffsetsWithPositions="true">
                <analyzer type="index">
                  <tokenizer name="standard"/>
                  <filter name="englishPossessive"/>
                  <filter name="lowercase"/>
                  <filter name="asciiFolding"/>
                </analyzer>
                <analyzer type="query">
                  <tokenizer name="whitespace"/>
                  <filter name="patternReplace" pattern="^GAP$" replacement="" replace="all"/>
                  <filter name="length" min="1" max="2147483647"/>
                </analyzer>
              </fieldType>
              <!-- English stems without stop words, as the embedded index's stemmed query analyzer -->
              <fieldType name="text_stems" class="solr.TextField" positionIncrementGap="100"
                         storeOffsetsWithPositions="true">
                <analyzer type="index">
                  <tokenizer name="standard"/>
                  <filter name="englishPossessive"/>
                  <filter name="lowercase"/>
                  <filter name="asciiFolding"/>
                  <filter name="stop"/>
                  <filter name="porterStem"/>
                </analyzer>
                <!-- the words come analysed; GAP holds the place of a removed stop word inside a phrase -->
                <analyzer type="query">
                  <tokenizer name="whitespace"/>
                  <filter name="patternReplace" pattern="^GAP$" replacement="" replace="all"/>
                  <filter name="length" min="1" max="2147483647"/>
                </analyzer>
              </fieldType>

              <field name="id" type="string" indexed="true" stored="true" docValues="true" required="true"/>
              <field name="_version_" type="plong" indexed="false" stored="false"/>
              <field name="type" type="string" indexed="true" stored="false" docValues="false"/>
              <field name="file" type="string" indexed="true" stored="false" docValues="false"/>
              <field name="pid" type="string" indexed="false" stored="true" docValues="false"/>
              <field name="article_id" type="string" indexed="true" stored="true" docValues="true"/>
              <field name="ordinal" type="pint" indexed="false" stored="true" docValues="false"/>
              <field name="title" type="string" indexed="false" stored="true" docValues="false"/>
              <field name="title_stem" type="text_stems" indexed="true" stored="false"/>
              <field name="text" type="text_words" indexed="true" stored="true"/>
              <field name="text_stem" type="text_stems" indexed="true" stored="true"/>
              <field name="published" type="pdate" indexed="true" stored="true"/>
              <field name="country" type="string" indexed="true" stored="true" docValues="true" multiValued="true"/>
              <field name="year" type="string" indexed="true" stored="true" docValues="true" multiValued="true"/>
              <field name="year_i" type="pint" indexed="true" stored="false" docValues="true" multiValued="true"/>
              <field name="explicit_year" type="pint" indexed="false" stored="true" docValues="false" multiValued="true"/>
              <field name="speaker" type="string" indexed="true" stored="true" docValues="true" multiValued="true"/>
              <field name="speaker_lc" type="string" indexed="true" stored="false" docValues="false" multiValued="true"/>
              <field name="article_json" type="string" indexed="false" stored="true" docValues="false"/>
              <field name="build_json" type="string" indexed="false" stored="true" docValues="false"/>

              <copyField source="text" dest="text_stem"/>
              <copyField source="title" dest="title_stem"/>
            </schema>
            """;

    static final String SOLRCONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <config>
              <luceneMatchVersion>9.12</luceneMatchVersion>
              <dataDir>${solr.data.dir:}</dataDir>
              <directoryFactory name="DirectoryFactory" class="${solr.directoryFactory:solr.NRTCachingDirectoryFactory}"/>
              <schemaFactory class="ClassicIndexSchemaFactory"/>
              <indexConfig>
                <lockType>${solr.lock.type:native}</lockType>
              </indexConfig>
              <!-- global term statistics: scores do not depend on which shard a paragraph sits on -->
              <statsCache class="org.apache.solr.search.stats.ExactStatsCache"/>
              <updateHandler class="solr.DirectUpdateHandler2">
                <updateLog>
                  <str name="dir">${solr.ulog.dir:}</str>
                </updateLog>
                <autoCommit>
                  <maxTime>15000</maxTime>
                  <openSearcher>false</openSearcher>
                </autoCommit>
              </updateHandler>
              <query>
                <maxBooleanClauses>${solr.max.booleanClauses:2048}</maxBooleanClauses>
                <filterCache size="512" initialSize="128" autowarmCount="0"/>
                <queryResultCache size="512" initialSize="128" autowarmCount="0"/>
                <documentCache size="512" initialSize="128" autowarmCount="0"/>
                <enableLazyFieldLoading>true</enableLazyFieldLoading>
                <useColdSearcher>false</useColdSearcher>
              </query>
              <requestDispatcher>
                <requestParsers enableRemoteStreaming="false" multipartUploadLimitInKB="20480"
                                formdataUploadLimitInKB="20480"/>
              </requestDispatcher>
              <searchComponent name="spellcheck" class="solr.SpellCheckComponent">
                <str name="queryAnalyzerFieldType">text_words</str>
                <lst name="spellchecker">
                  <str name="name">default</str>
                  <str name="field">text</str>
                  <str name="classname">solr.DirectSolrSpellChecker</str>
                  <str name="distanceMeasure">internal</str>
                  <int name="maxEdits">2</int>
                  <int name="minPrefix">1</int>
                  <int name="minQueryLength">3</int>
                  <float name="maxQueryFrequency">1</float>
                </lst>
              </searchComponent>
              <requestHandler name="/select" class="solr.SearchHandler">
                <lst name="defaults">
                  <str name="echoParams">none</str>
                  <str name="wt">json</str>
                  <str name="df">text</str>
                </lst>
                <arr name="last-components">
                  <str>spellcheck</str>
                </arr>
              </requestHandler>
            </config>
            """;
}
