package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.parley.corpus.Article;
import org.parley.corpus.InputFormat;
import org.parley.corpus.Paragraph;
import org.parley.corpus.ParagraphKind;
import org.parley.enrich.EnrichedArticle;
import org.parley.enrich.EnrichedParagraph;
import org.parley.enrich.ParagraphMetadata;

class IndexSchemaTest {
    /** The sort key is stored in every index: building it by hand must give the bytes String.format gave. */
    @Test
    void sortKeyIsTheArticleIdThenTheZeroPaddedOrdinal() {
        for (int ordinal : new int[]{0, 1, 9, 10, 99, 999, 12_345, 99_999, 100_000, 999_999, 1_000_000, 12_345_678,
                Integer.MAX_VALUE, -1, -12_345, Integer.MIN_VALUE}) {
            assertThat(IndexSchema.sortKey("a0001234", ordinal)).isEqualTo("a0001234" + '\u0000' + String.format("%06d", ordinal));
        }
        assertThat(IndexSchema.sortKey("", 7)).isEqualTo("\u0000000007");
    }

    /**
     * The paragraph documents carry the facet fields FacetsConfig#build would make, in the same order, with every other
     * field as before: the same index, built without build()'s maps and copy. The reference is the former construction
     * (SortedSetDocValuesFacetFields translated by build()).
     */
    @Test
    void paragraphDocumentsAreWhatFacetsConfigBuilds() throws Exception {
        Random random = new Random(42);
        String[] countries = {"KH", "VN", "US", "RU", "CN", "FR"};
        String[] speakers = {"Hun Sen", "Ada Lovelace", " ", "Name\u001Fwith delimiter", "Esc\u001Eape", "Jean-Luc Picard"};
        FacetsConfig config = IndexSchema.newFacetsConfig();
        IndexSchema schema = new IndexSchema();
        for (int round = 0; round < 300; round++) {
            LocalDate published = random.nextInt(4) == 0 ? null : LocalDate.of(2000 + random.nextInt(26), 1 + random.nextInt(12), 1);
            String title = random.nextInt(5) == 0 ? null : "Title " + round;
            String url = random.nextInt(3) == 0 ? null : "https://example.org/" + round;
            List<Paragraph> paragraphs = new ArrayList<>();
            List<EnrichedParagraph> enriched = new ArrayList<>();
            for (int p = 1; p <= 1 + random.nextInt(4); p++) {
                Paragraph paragraph = new Paragraph(p, "Paragraph " + p + " of " + round, ParagraphKind.BODY, "Paragraph " + p + " of " + round);
                paragraphs.add(paragraph);
                enriched.add(new EnrichedParagraph(paragraph, new ParagraphMetadata(pick(random, countries), pick(random,
                        new Integer[]{1956, 2021, 2023, 2024}), pick(random, speakers), List.of())));
            }
            Article article = new Article("a" + round, "a" + round + ".txt", title, published, null, null, paragraphs, url,
                    InputFormat.TEXT);
            List<Document> docs = schema.documents("dir/a" + round + ".txt", new EnrichedArticle(article, enriched));
            for (int i = 0; i < enriched.size(); i++) {
                Document expected = config.build(formerParagraphDocument("dir/a" + round + ".txt", article, enriched.get(i)));
                assertThat(describe(docs.get(i))).isEqualTo(describe(expected));
            }
        }
    }

    @SafeVarargs
    private static <T> List<T> pick(Random random, T... values) {
        List<T> out = new ArrayList<>();
        for (int k = random.nextInt(5); k > 0; k--) out.add(values[random.nextInt(values.length)]);
        return out;
    }

    /** What a Lucene field is, for comparison: its class, name, type and value. */
    private static List<String> describe(Document doc) {
        List<String> out = new ArrayList<>();
        for (IndexableField f : doc) {
            BytesRef b = f.binaryValue();
            out.add(f.getClass().getSimpleName() + " " + f.name() + " " + f.fieldType() + " " + f.stringValue() + " "
                    + (b == null ? null : b.toString()) + " " + f.numericValue());
        }
        return out;
    }

    /** The paragraph document as the schema built it before, facet fields to be translated by FacetsConfig#build. */
    private static Document formerParagraphDocument(String file, Article article, EnrichedParagraph ep) {
        int ordinal = ep.paragraph().ordinal();
        ParagraphMetadata m = ep.metadata();
        Document doc = new Document();
        doc.add(new StringField(IndexSchema.TYPE, IndexSchema.TYPE_PARAGRAPH, Field.Store.NO));
        doc.add(new StringField(IndexSchema.FILE, file, Field.Store.NO));
        doc.add(new StringField(IndexSchema.ARTICLE_ID, article.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexSchema.ARTICLE_ID, new BytesRef(article.id())));
        doc.add(new SortedDocValuesField(IndexSchema.SORT_KEY, new BytesRef(IndexSchema.sortKey(article.id(), ordinal))));
        if (article.title() != null) doc.add(new StoredField(IndexSchema.TITLE, article.title()));
        if (article.url() != null) doc.add(new StoredField(IndexSchema.URL, article.url()));
        doc.add(new StoredField(IndexSchema.ORDINAL, ordinal));
        org.apache.lucene.document.FieldType text = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
        text.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        doc.add(new Field(IndexSchema.TEXT, ep.paragraph().text(), text));
        if (article.published() != null) {
            long day = article.published().toEpochDay();
            doc.add(new LongPoint(IndexSchema.PUBLISHED, day));
            doc.add(new NumericDocValuesField(IndexSchema.PUBLISHED, day));
            doc.add(new StoredField(IndexSchema.PUBLISHED, day));
        }
        for (String country : new LinkedHashSet<>(m.countries())) {
            doc.add(new SortedSetDocValuesFacetField(IndexSchema.COUNTRY, country));
            doc.add(new StoredField(IndexSchema.COUNTRY, country));
        }
        for (int year : new LinkedHashSet<>(IndexSchema.facetYears(m, article.published()))) {
            doc.add(new SortedSetDocValuesFacetField(IndexSchema.YEAR, Integer.toString(year)));
            doc.add(new IntPoint(IndexSchema.YEAR, year));
            doc.add(new SortedNumericDocValuesField(IndexSchema.YEAR, year));
            doc.add(new StoredField(IndexSchema.YEAR, year));
        }
        for (int year : m.years()) doc.add(new StoredField(IndexSchema.EXPLICIT_YEAR, year));
        for (String speaker : new LinkedHashSet<>(m.speakers())) {
            if (speaker.isBlank()) continue;
            doc.add(new SortedSetDocValuesFacetField(IndexSchema.SPEAKER, speaker));
            doc.add(new StoredField(IndexSchema.SPEAKER, speaker));
        }
        return doc;
    }
}
