package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.parley.search.SortOrder;

/**
 * The first hits of a frequent stem under filters and exclusions, taken from its hits ranked ahead, are those of
 * Lucene's sorted top-N search of the same query (documents, order, score bits and sort keys), or none when the
 * ranked hits cannot hold them; on random indexes of several segments with deletions.
 */
class RankedAheadTest {
    private static final List<String> DIMS = List.of("country", "year", "speaker");
    private static final String[] WORDS = {"relations", "relation", "talks", "minister", "border", "visit", "trade"};

    @Test
    void firstHitsAreThoseOfTheTopNSearch() throws IOException {
        FacetsConfig config = new FacetsConfig();
        for (String dim : DIMS) config.setMultiValued(dim, true);
        Sort sort = LuceneSearchService.sort(SortOrder.RELEVANCE);
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            try (Directory dir = index(config, random); DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                StemVariants stems = StemVariants.load(reader, IndexSchema.TEXT);
                FrequentStems frequent = FrequentStems.count(searcher, FacetOrdinals.load(reader, config, DIMS), stems,
                        new FrequentStems.Budget(1000, Long.MAX_VALUE, Long.MAX_VALUE));
                Query relations = stems.query(new BytesRef("relat"));
                assertThat(frequent.ranked(relations)).as("ranked ahead").isNotNull();
                Query visit = stems.query(new BytesRef("visit"));
                Query common = new TermQuery(new Term("group", "common")); // 1 paragraph in 2
                Query rare = new TermQuery(new Term("group", "rare"));     // 1 in 500
                UnaryOperator<Query> none = q -> q;
                UnaryOperator<Query> inCommon = q -> and(q, common);
                UnaryOperator<Query> inRare = q -> and(q, rare);
                for (int want : new int[] {1, 11, 31, 200}) {
                    assertSame(searcher, frequent, relations, relations, false, none, want, true);
                    assertSame(searcher, frequent, relations, relations, true, inCommon, want, want <= 11);
                    assertSame(searcher, frequent, relations, not(relations, visit), false, none, want, want <= 1);
                    assertSame(searcher, frequent, relations, not(relations, visit), true, inCommon, want, false);
                    assertSame(searcher, frequent, relations, relations, true, inRare, want, false);
                }
                assertThat(RankedAhead.firstHits(searcher, frequent, relations, false, none, FrequentStems.RANKED_HITS + 1, c -> 1.0))
                        .as("deeper than the ranked hits").isNull();
                assertThat(RankedAhead.firstHits(searcher, frequent, and(relations, visit), false, none, 11, c -> 1.0))
                        .as("two scored clauses").isNull();
            }
        }
    }

    /**
     * Checks the ranked hits against the top-N search; when none are given, checks that fewer than {@code want} of
     * the stem's ranked hits pass. {@code taken} when they must be given.
     */
    private static void assertSame(IndexSearcher searcher, FrequentStems frequent, Query stem, Query base, boolean filters,
                                   UnaryOperator<Query> filtered, int want, boolean taken) throws IOException {
        FieldDoc[] ours = RankedAhead.firstHits(searcher, frequent, base, filters, filtered, want, c -> 1.0);
        Sort sort = LuceneSearchService.sort(SortOrder.RELEVANCE);
        Query query = filtered.apply(base);
        if (taken) assertThat(ours).as("%s, %d hits taken from the ranked ones", query, want).isNotNull();
        if (ours == null) {
            TopDocs ranked = searcher.search(stem, new TopFieldCollectorManager(sort, FrequentStems.RANKED_HITS, null, Integer.MAX_VALUE));
            int pass = 0;
            for (var d : ranked.scoreDocs) {
                if (searcher.count(new BooleanQuery.Builder().add(query, BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term("id", id(searcher, d.doc))), BooleanClause.Occur.FILTER).build()) > 0) pass++;
            }
            assertThat(pass).as("%s: given up although %d of the ranked hits pass", query, pass).isLessThan(want);
            return;
        }
        TopDocs theirs = searcher.search(query, new TopFieldCollectorManager(sort, want, null, Integer.MAX_VALUE));
        assertThat(ours).hasSameSizeAs(theirs.scoreDocs);
        for (int i = 0; i < ours.length; i++) {
            FieldDoc b = (FieldDoc) theirs.scoreDocs[i];
            assertThat(ours[i].doc).as("%s hit %d", query, i).isEqualTo(b.doc);
            assertThat(Float.floatToIntBits((Float) ours[i].fields[0])).isEqualTo(Float.floatToIntBits((Float) b.fields[0]));
            assertThat(ours[i].fields[1]).isEqualTo(b.fields[1]);
        }
    }

    private static String id(IndexSearcher searcher, int doc) throws IOException {
        return searcher.storedFields().document(doc).get("id");
    }

    /** Paragraphs of 4 to 30 words; sort keys with ties, so that the key and the document break them. */
    private static Directory index(FacetsConfig config, Random random) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(TextAnalysis.indexAnalyzer()))) {
            for (int i = 0; i < 6000; i++) {
                StringBuilder text = new StringBuilder();
                int words = 4 + random.nextInt(27);
                for (int k = 0; k < words; k++) text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                Document d = new Document();
                d.add(new TextField(IndexSchema.TEXT, text.toString(), Field.Store.NO));
                d.add(new StringField("group", random.nextInt(500) == 0 ? "rare" : random.nextBoolean() ? "common" : "other", Field.Store.NO));
                d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                d.add(new SortedDocValuesField(IndexSchema.SORT_KEY, new BytesRef("k" + random.nextInt(3000))));
                d.add(new SortedSetDocValuesFacetField("country", random.nextBoolean() ? "KH" : "VN"));
                w.addDocument(config.build(d));
                if (i % 2000 == 1999) w.commit();
            }
            for (int k = 0; k < 100; k++) w.deleteDocuments(new Term("id", Integer.toString(random.nextInt(6000))));
        }
        return dir;
    }

    private static Query and(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.MUST).add(b, BooleanClause.Occur.FILTER).build();
    }

    private static Query not(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.MUST).add(b, BooleanClause.Occur.MUST_NOT).build();
    }
}
