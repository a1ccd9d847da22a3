package org.parley.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.parley.corpus.Article;
import org.parley.enrich.EnrichedArticle;
import org.parley.enrich.EnrichedParagraph;
import org.parley.enrich.ParagraphMetadata;
import org.parley.search.ArticleView;
import org.parley.search.CountryNames;
import org.parley.search.CountryRef;
import org.parley.search.Dimension;

/**
 * The Lucene schema: field names, the facet configuration, and how an enriched article becomes documents.
 *
 * <p>Two kinds of document share the index, told apart by {@link #TYPE}:
 * <ul>
 *   <li>one <b>paragraph</b> document per searchable paragraph (body and headings): what queries, facet counts
 *       and the spell checker see;</li>
 *   <li>one <b>article</b> document per article holding the article's metadata and every paragraph's kind and
 *       metadata as a stored JSON blob, for {@code /api/articles/{id}}; the text of the non-searchable paragraphs
 *       (captions, bylines) is in the blob, the text of the others is read from their paragraph documents, so
 *       no text is stored twice.</li>
 * </ul>
 * An article's documents are added as one block, paragraphs first and the article document last, which is the
 * layout of Lucene's block joins. The title is indexed once, on the article document, and a {@code title:} query
 * is joined from the article documents to their paragraphs ({@code ToChildBlockJoinQuery}): indexing it on every
 * paragraph made a million-paragraph build about 12% slower. Paragraphs store the title for display.
 * Apart from that, an article document shares no indexed field with paragraph documents except {@link #TYPE} and
 * {@link #FILE}, which the query parser cannot name, and an empty {@link #TEXT} (a norm without terms, so that
 * norms are dense), and every match-all query the parser builds is
 * {@link #allParagraphs()}: so no user query can match an article document, and searches need no
 * {@code type:paragraph} filter on every match.
 * Both carry {@link #FILE}, the corpus-relative path, so an incremental build deletes a changed file's documents
 * with one term.
 */
public final class IndexSchema {
    /** Bump when fields or analysis change: a different version forces a full rebuild. */
    public static final String VERSION = "9";

    public static final String TYPE = "type";
    public static final String TYPE_PARAGRAPH = "paragraph";
    public static final String TYPE_ARTICLE = "article";
    public static final String FILE = "file";
    public static final String ARTICLE_ID = "article_id";
    /** The article document's own id field: a different name, so that no user query can match article documents. */
    public static final String ARTICLE_DOC_ID = "article_doc_id";
    /** Unique, stable sort tie-breaker: article id + zero-padded ordinal, so date order keeps paragraph order. */
    public static final String SORT_KEY = "sort_key";
    /** The title as paragraphs store it, for display; also the query field users name ({@code title:}). */
    public static final String TITLE = "title";
    /** The original article's address, stored on each paragraph for hits' links. */
    public static final String URL = "url";
    /** The title as the article document indexes it (English stems); {@code title:} queries join from it. */
    public static final String ARTICLE_TITLE = "article_title";
    public static final String ORDINAL = "ordinal";
    public static final String TEXT = "text";
    /** Publication date as epoch day: point for ranges, doc values for sorting, stored for display. */
    public static final String PUBLISHED = "published";
    public static final String COUNTRY = "country";
    public static final String YEAR = "year";
    public static final String EXPLICIT_YEAR = "explicit_year";
    public static final String SPEAKER = "speaker";
    public static final String ARTICLE_JSON = "article_json";

    /** The facet dimensions' field names, in the contract's order. */
    public static final List<String> FACET_DIMS = java.util.Arrays.stream(Dimension.values()).map(Dimension::param).toList();

    private static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_STORED);

    /** {@link #TEXT} as article documents carry it: always empty, so not stored (see {@link #articleDocument}). */
    private static final FieldType EMPTY_TEXT_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        // Positions, not offsets: offsets made a build about a tenth dearer and the index an eighth larger, and the
        // few paragraphs a search shows find their words' offsets again by tokenizing (WordOffsets).
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        TEXT_TYPE.freeze();
        EMPTY_TEXT_TYPE.setIndexOptions(TEXT_TYPE.indexOptions());
        EMPTY_TEXT_TYPE.freeze();
    }

    /** The field that holds every dimension's facet values (FacetsConfig's default). */
    private static final String FACET_FIELD = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;
    private final ObjectMapper json = articleMapper();

    /** The facet configuration: the three dimensions are multi-valued, all in one doc-values field. */
    public static FacetsConfig newFacetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : FACET_DIMS) {
            config.setMultiValued(dim, true);
            // Drill-down needs the "dim/value" term only; the default also indexes a "dim" term per value,
            // which no query uses.
            config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
        }
        return config;
    }

    public static TermQuery paragraphsOnly() {
        return new TermQuery(new Term(TYPE, TYPE_PARAGRAPH));
    }

    /**
     * Paragraphs filed under a year in {@code [from, to]}. Lucene picks per segment between the points (a bitset
     * of the whole range: best when the rest of the query matches much) and the doc values (checked only on the
     * documents the rest of the query matches: best when it matches little).
     */
    public static Query yearRange(int from, int to) {
        return new IndexOrDocValuesQuery(IntPoint.newRangeQuery(YEAR, from, to),
                SortedNumericDocValuesField.newSlowRangeQuery(YEAR, from, to));
    }

    /**
     * Whether a year facet value lies in {@code [from, to]}: the facet values of a paragraph are its year points
     * as text, so this agrees with {@link #yearRange}.
     */
    public static boolean yearInRange(String facetValue, int from, int to) {
        try {
            int year = Integer.parseInt(facetValue);
            return year >= from && year <= to;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Every paragraph, unscored: what a blank query, {@code *:*} or a purely negative query starts from. */
    public static Query allParagraphs() {
        return new ConstantScoreQuery(paragraphsOnly());
    }

    public static TermQuery articlesOnly() {
        return new TermQuery(new Term(TYPE, TYPE_ARTICLE));
    }

    public static String paragraphId(String articleId, int ordinal) {
        return articleId + "#" + ordinal;
    }

    static String sortKey(String articleId, int ordinal) {
        // By hand: String.format("%06d") parsed its format for every paragraph of a build.
        String digits = Integer.toString(ordinal);
        StringBuilder key = new StringBuilder(articleId.length() + 1 + Math.max(6, digits.length())).append(articleId).append('\u0000');
        if (ordinal >= 0) key.repeat('0', Math.max(0, 6 - digits.length())).append(digits);
        else key.append(String.format("%06d", ordinal)); // never in practice (ordinals start at 1); kept exact anyway
        return key.toString();
    }

    /** The years a paragraph is filed under: those it names, else the article's publication year. */
    public static List<Integer> facetYears(ParagraphMetadata metadata, LocalDate published) {
        if (!metadata.years().isEmpty()) return metadata.years();
        return published == null ? List.of() : List.of(published.getYear());
    }

    /** All documents of one article: its searchable paragraphs, then the article document. */
    public List<Document> documents(String file, EnrichedArticle enriched) throws IOException {
        Article article = enriched.article();
        List<Document> docs = new ArrayList<>();
        for (EnrichedParagraph ep : enriched.paragraphs()) {
            if (ep.paragraph().kind().searchable()) docs.add(paragraphDocument(file, article, ep));
        }
        docs.add(articleDocument(file, enriched));
        return docs;
    }

    private Document paragraphDocument(String file, Article article, EnrichedParagraph ep) throws IOException {
        int ordinal = ep.paragraph().ordinal();
        ParagraphMetadata m = ep.metadata();
        // The facet fields first, then the others: the order FacetsConfig#build gives (IndexSchemaTest compares them)
        Document doc = new Document();
        List<String> countries = distinct(m.countries());
        List<Integer> years = distinct(facetYears(m, article.published()));
        List<String> speakers = new ArrayList<>(m.speakers().size());
        for (String speaker : distinct(m.speakers())) if (!speaker.isBlank()) speakers.add(speaker);
        for (String country : countries) addFacet(doc, COUNTRY, country);
        for (int year : years) addFacet(doc, YEAR, Integer.toString(year));
        for (String speaker : speakers) addFacet(doc, SPEAKER, speaker);
        doc.add(new StringField(TYPE, TYPE_PARAGRAPH, Field.Store.NO));
        doc.add(new StringField(FILE, file, Field.Store.NO));
        doc.add(new StringField(ARTICLE_ID, article.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ARTICLE_ID, new BytesRef(article.id())));
        doc.add(new SortedDocValuesField(SORT_KEY, new BytesRef(sortKey(article.id(), ordinal))));
        if (article.title() != null) doc.add(new StoredField(TITLE, article.title())); // indexed on the article document
        if (article.url() != null) doc.add(new StoredField(URL, article.url()));
        doc.add(new StoredField(ORDINAL, ordinal));
        doc.add(new Field(TEXT, ep.paragraph().text(), TEXT_TYPE));
        if (article.published() != null) {
            long day = article.published().toEpochDay();
            doc.add(new LongPoint(PUBLISHED, day));
            doc.add(new NumericDocValuesField(PUBLISHED, day));
            doc.add(new StoredField(PUBLISHED, day));
        }
        for (String country : countries) doc.add(new StoredField(COUNTRY, country));
        for (int year : years) {
            doc.add(new IntPoint(YEAR, year));
            doc.add(new SortedNumericDocValuesField(YEAR, year));
            doc.add(new StoredField(YEAR, year));
        }
        for (int year : m.years()) doc.add(new StoredField(EXPLICIT_YEAR, year));
        for (String speaker : speakers) doc.add(new StoredField(SPEAKER, speaker));
        return doc;
    }

    /**
     * The fields {@link FacetsConfig#build} makes of a {@code SortedSetDocValuesFacetField(dim, value)} under this
     * schema's configuration (every dimension multi-valued, in the default index field, drill-down by its full path):
     * the doc-values entry and the drill-down term. Made here because build() sorted every document's fields into
     * maps and copied the document, a fiftieth of a build's CPU.
     */
    private void addFacet(Document doc, String dim, String value) {
        String fullPath = FacetsConfig.pathToString(dim, value);
        doc.add(new SortedSetDocValuesField(FACET_FIELD, new BytesRef(fullPath)));
        doc.add(new StringField(FACET_FIELD, fullPath, Field.Store.NO));
    }

    private static <T> List<T> distinct(List<T> values) {
        return values.size() <= 1 ? values : List.copyOf(new LinkedHashSet<>(values));
    }

    private Document articleDocument(String file, EnrichedArticle enriched) throws JsonProcessingException {
        Article a = enriched.article();
        Document doc = new Document();
        doc.add(new StringField(TYPE, TYPE_ARTICLE, Field.Store.NO));
        doc.add(new StringField(FILE, file, Field.Store.NO));
        doc.add(new StringField(ARTICLE_DOC_ID, a.id(), Field.Store.NO));
        // An empty text gives the article document a norm (0) and no term: with every document holding a norm, the
        // text norms are stored dense, and scoring a match reads its norm directly instead of searching a sparse
        // doc-id set (IndexedDISI), about a tenth of the top-N pass. BM25's statistics count documents and
        // frequencies of terms only (Terms#getDocCount, #getSumTotalTermFreq), so every score stays the same.
        doc.add(new Field(TEXT, "", EMPTY_TEXT_TYPE));
        if (a.title() != null) doc.add(new TextField(ARTICLE_TITLE, a.title(), Field.Store.NO)); // joined to the paragraphs
        // searchable paragraphs without their text, which their own documents store
        doc.add(new StoredField(ARTICLE_JSON, json.writeValueAsBytes(storedArticle(enriched))));
        return doc;
    }

    private static StoredArticle storedArticle(EnrichedArticle enriched) {
        Article a = enriched.article();
        List<StoredArticle.Paragraph> paragraphs = new ArrayList<>();
        for (EnrichedParagraph ep : enriched.paragraphs()) {
            ParagraphMetadata m = ep.metadata();
            String text = ep.paragraph().kind().searchable() ? null : ep.paragraph().text();
            paragraphs.add(new StoredArticle.Paragraph(ep.paragraph().ordinal(), ep.paragraph().kind().label(), text,
                    List.copyOf(new LinkedHashSet<>(m.countries())), facetYears(m, a.published()), m.years(), m.speakers()));
        }
        return new StoredArticle(a.id(), a.fileName(), a.title(), a.published(), a.author(), a.source(), paragraphs, a.url());
    }

    static List<CountryRef> countryRefs(List<String> codes) {
        Set<String> unique = new LinkedHashSet<>(codes);
        List<CountryRef> refs = new ArrayList<>(unique.size());
        for (String code : unique) refs.add(new CountryRef(code, CountryNames.label(code)));
        return refs;
    }

    /**
     * Reads an article document's stored JSON back, taking the searchable paragraphs' text from
     * {@code textByOrdinal} (their paragraph documents).
     */
    ArticleView readArticle(BytesRef bytes, Map<Integer, String> textByOrdinal) {
        try {
            return json.readValue(bytes.bytes, bytes.offset, bytes.length, StoredArticle.class).view(textByOrdinal);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt stored article", e);
        }
    }

    private static ObjectMapper articleMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
