package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * A stem's top-N search, which skips on its frequent words' impacts and scores its rare words' documents ahead,
 * ranks exactly as Lucene's synonym query does: same documents, same order, same float scores, alone, under a
 * filter and with an exclusion, on random indexes of several segments with deletions.
 */
class StemTopScoresWeightTest {
    /** Stems as lead words and a tail: one frequent word, or several, and rare words that sometimes repeat. */
    private static final String[][] STEMS = {
            {"cooperation", "cooperates", "cooperated", "cooperative"},
            {"nations", "national", "nation", "nationally", "nationals"},
            {"trade", "trades", "trading"}};
    private static final String[] FILLER = {"the", "talks", "minister", "said", "border", "on", "visit"};

    @Test
    void ranksExactlyAsTheSynonymQuery() throws IOException {
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            try (Directory dir = new ByteBuffersDirectory()) {
                index(dir, random);
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    assertThat(reader.leaves()).hasSizeGreaterThan(1);
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setQueryCache(null);
                    StemVariants stems = StemVariants.load(reader, IndexSchema.TEXT);
                    TextAnalysis.Stemmer stemmer = new TextAnalysis.Stemmer();
                    for (String[] forms : STEMS) {
                        Query stem = stems.query(BytesRef.deepCopyOf(stemmer.stem(new BytesRef(forms[0]))));
                        assertThat(stem).isInstanceOf(StemQuery.class);
                        // one frequent word skips on its own impacts; several would not (the synonym query's weight)
                        boolean oneLead = forms != STEMS[1];
                        assertThat(searcher.createWeight(stem, ScoreMode.TOP_SCORES, 1f) instanceof StemTopScoresWeight)
                                .as("the split weight is in use for %s", forms[0]).isEqualTo(oneLead);
                        SynonymQuery.Builder b = new SynonymQuery.Builder(IndexSchema.TEXT);
                        for (Term t : terms(stem)) b.addTerm(t);
                        Query synonym = b.build();
                        Query group = new TermQuery(new Term("group", "a"));
                        Query visit = new TermQuery(new Term(IndexSchema.TEXT, "visit"));
                        for (int n : new int[] {1, 3, 10, 40}) {
                            assertSameTop(searcher, stem, synonym, n);
                            assertSameTop(searcher, filtered(stem, group), filtered(synonym, group), n);
                            assertSameTop(searcher, excluding(stem, visit), excluding(synonym, visit), n);
                        }
                    }
                }
            }
        }
    }

    /**
     * Paragraphs of 3 to 40 words, so that norms differ; the tail words are rare but come in runs, repeated,
     * so that some of the best scores belong to documents holding both a lead and a tail word.
     */
    private static void index(Directory dir, Random random) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(TextAnalysis.indexAnalyzer());
        try (IndexWriter w = new IndexWriter(dir, config)) {
            for (int i = 0; i < 9000; i++) {
                StringBuilder text = new StringBuilder();
                int words = 3 + random.nextInt(38);
                for (int k = 0; k < words; k++) {
                    String[] stem = STEMS[random.nextInt(STEMS.length)];
                    String word;
                    if (random.nextInt(3) > 0) {
                        word = FILLER[random.nextInt(FILLER.length)];
                    } else if (random.nextInt(40) > 0) {
                        // the lead: the first word, or for the second stem one of its three frequent words
                        word = stem == STEMS[1] ? stem[random.nextInt(3)] : stem[0];
                    } else {
                        int first = stem == STEMS[1] ? 3 : 1;
                        word = stem[first + random.nextInt(stem.length - first)];
                        if (random.nextBoolean()) text.append(word).append(' ').append(word).append(' ');
                    }
                    text.append(word).append(' ');
                }
                Document doc = new Document();
                doc.add(new TextField(IndexSchema.TEXT, text.toString(), Field.Store.NO));
                doc.add(new StringField("group", random.nextInt(4) == 0 ? "a" : "b", Field.Store.NO));
                doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
                doc.add(new SortedDocValuesField(IndexSchema.SORT_KEY, new BytesRef(String.format("k%05d", random.nextInt(100000)))));
                w.addDocument(doc);
                if (i % 2500 == 2499) w.commit();
            }
            for (int d = 0; d < 200; d++) w.deleteDocuments(new Term("id", Integer.toString(random.nextInt(9000))));
        }
    }

    private static void assertSameTop(IndexSearcher searcher, Query mine, Query reference, int n) throws IOException {
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(IndexSchema.SORT_KEY, SortField.Type.STRING));
        TopDocs ours = searcher.search(mine, new TopFieldCollectorManager(sort, n, null, n));
        TopDocs theirs = searcher.search(reference, new TopFieldCollectorManager(sort, n, null, Integer.MAX_VALUE));
        assertThat(ours.scoreDocs).as("%s top %d", mine, n).hasSameSizeAs(theirs.scoreDocs);
        for (int i = 0; i < ours.scoreDocs.length; i++) {
            FieldDoc a = (FieldDoc) ours.scoreDocs[i];
            FieldDoc b = (FieldDoc) theirs.scoreDocs[i];
            assertThat(a.doc).as("%s hit %d of %d", mine, i, n).isEqualTo(b.doc);
            assertThat(Float.floatToIntBits((Float) a.fields[0])).as("%s score %d", mine, i)
                    .isEqualTo(Float.floatToIntBits((Float) b.fields[0]));
        }
    }

    private static Query filtered(Query scored, Query filter) {
        return new BooleanQuery.Builder().add(scored, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
    }

    private static Query excluding(Query scored, Query excluded) {
        return new BooleanQuery.Builder().add(scored, BooleanClause.Occur.MUST).add(excluded, BooleanClause.Occur.MUST_NOT).build();
    }

    private static Term[] terms(Query q) {
        java.util.List<Term> out = new java.util.ArrayList<>();
        q.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                out.addAll(java.util.List.of(terms));
            }
        });
        return out.toArray(new Term[0]);
    }
}
