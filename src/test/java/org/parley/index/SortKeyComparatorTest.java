package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The lazy sort-key comparator orders hits exactly as Lucene's string sort on the same field: same documents, same
 * order, same sort values, first pages and pages after a cursor, on random indexes of several segments with
 * deletions, many ties of score and date, keys shared between segments and documents without a key.
 */
class SortKeyComparatorTest {
    private static final String[] WORDS = {"trade", "talks", "border", "visit"};

    @Test
    void ordersHitsAsLuceneStringSort() throws IOException {
        int compared = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Random random = new Random(seed);
            try (Directory dir = index(random); DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(2);
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null);
                for (int q = 0; q < 12; q++) {
                    Query query = query(random);
                    for (int s = 0; s < 3; s++) {
                        SortField first = switch (s) {
                            case 0 -> SortField.FIELD_SCORE;
                            default -> {
                                SortField date = new SortField("published", SortField.Type.LONG, s == 2);
                                date.setMissingValue(s == 2 ? Long.MIN_VALUE : Long.MAX_VALUE);
                                yield date;
                            }
                        };
                        Sort lucene = new Sort(first, new SortField("key", SortField.Type.STRING));
                        Sort ours = new Sort(first, SortKeyComparator.sortField("key"));
                        for (int n : new int[] {1, 3, 10, 60}) {
                            String what = "seed " + seed + ", " + query + ", sort " + s + ", top " + n;
                            TopFieldDocs expected = search(searcher, query, lucene, n, null);
                            TopFieldDocs actual = search(searcher, query, ours, n, null);
                            assertThat(hits(actual)).as(what).isEqualTo(hits(expected));
                            if (expected.scoreDocs.length == 0) continue;
                            // the next page after the last hit, as a cursor asks for it
                            FieldDoc last = (FieldDoc) expected.scoreDocs[expected.scoreDocs.length - 1];
                            assertThat(hits(search(searcher, query, ours, n, last))).as("after, " + what)
                                    .isEqualTo(hits(search(searcher, query, lucene, n, last)));
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void ordersAscendingOnly() {
        SortField key = SortKeyComparator.sortField("key");
        assertThat(key.getComparator(10, Pruning.NONE)).isInstanceOf(SortKeyComparator.class);
        SortField reversed = new SortField("key", key.getComparatorSource(), true);
        assertThatThrownBy(() -> reversed.getComparator(10, Pruning.NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    private static TopFieldDocs search(IndexSearcher searcher, Query query, Sort sort, int n, FieldDoc after) throws IOException {
        return searcher.search(query, new TopFieldCollectorManager(sort, n, after, n));
    }

    /** Each hit as "doc:value,value" (score bits, dates, key bytes). */
    private static List<String> hits(TopFieldDocs top) {
        List<String> out = new ArrayList<>();
        for (ScoreDoc d : top.scoreDocs) {
            StringBuilder s = new StringBuilder().append(d.doc).append(':');
            for (Object v : ((FieldDoc) d).fields) {
                s.append(v instanceof BytesRef b ? b.utf8ToString() : v instanceof Float f ? Integer.toHexString(Float.floatToIntBits(f)) : String.valueOf(v)).append(',');
            }
            out.add(s.toString());
        }
        return out;
    }

    private static Query query(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new MatchAllDocsQuery();
            case 1 -> new TermQuery(new Term("text", WORDS[random.nextInt(WORDS.length)]));
            default -> new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("text", WORDS[random.nextInt(WORDS.length)])), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term("text", WORDS[random.nextInt(WORDS.length)])), BooleanClause.Occur.SHOULD)
                    .build();
        };
    }

    /** Short texts (scores tie often), few dates, keys from a small set (some shared between segments), some absent. */
    private static Directory index(Random random) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter w = new IndexWriter(dir, config)) {
            int id = 0;
            for (int segment = 0; segment < 3 + random.nextInt(4); segment++) {
                for (int i = 0, n = 20 + random.nextInt(150); i < n; i++) {
                    Document d = new Document();
                    d.add(new StringField("id", Integer.toString(id++), Field.Store.NO));
                    String[] words = new String[1 + random.nextInt(3)];
                    for (int k = 0; k < words.length; k++) words[k] = WORDS[random.nextInt(WORDS.length)];
                    d.add(new TextField("text", String.join(" ", words), Field.Store.NO));
                    if (random.nextInt(8) != 0) d.add(new NumericDocValuesField("published", 18_000 + random.nextInt(5)));
                    if (random.nextInt(10) != 0) {
                        StringBuilder key = new StringBuilder();
                        for (int k = random.nextInt(3); k >= 0; k--) key.append((char) ('a' + random.nextInt(6)));
                        d.add(new SortedDocValuesField("key", new BytesRef(key)));
                    }
                    w.addDocument(d);
                }
                w.commit();
                for (int k = 0; k < 5; k++) w.deleteDocuments(new Term("id", Integer.toString(random.nextInt(id))));
            }
        }
        return dir;
    }
}
