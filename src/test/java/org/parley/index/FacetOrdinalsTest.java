package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The in-memory facet counting ({@link FacetOrdinals}, {@link OrdinalFacets}, {@link DrillSidewaysPass}) against
 * Lucene's own sorted-set doc-values facet counting as the oracle: random documents over several segments,
 * with deletions, documents without facet values and values outside the counted dimensions, and random
 * drill-down filters on zero to three dimensions.
 */
class FacetOrdinalsTest {
    private static final List<String> DIMS = List.of("country", "year", "speaker");
    private static final String[] WORDS = {"trade", "talks", "border", "visit", "summit"};

    @Test
    void countsAgreeWithLuceneSortedSetFacetsOnRandomIndexesAndFilters() throws IOException {
        int throughSelective = 0;
        int fromStemWithout = 0;
        int fromStemOr = 0;
        int underOneFilter = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            FacetsConfig config = config();
            try (Directory dir = new ByteBuffersDirectory()) {
                writeRandomIndex(dir, config, random);
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    assertThat(reader.leaves().size()).as("several segments").isGreaterThan(1);
                    IndexSearcher searcher = new IndexSearcher(reader);
                    FacetOrdinals ordinals = FacetOrdinals.load(reader, config, DIMS);
                    DefaultSortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
                    // every word counted ahead, so that single words take the shortcut (under no filter or one)
                    StemVariants stems = StemVariants.load(reader, "text");
                    FrequentStems frequent = FrequentStems.count(searcher, ordinals, stems,
                            new FrequentStems.Budget(1, Long.MAX_VALUE, Long.MAX_VALUE));
                    assertThat(frequent.size()).isEqualTo(WORDS.length);

                    assertSameCounts(ordinals.totals(), new SortedSetDocValuesFacetCounts(state), "match-all, seed " + seed);
                    for (int q = 0; q < 40; q++) {
                        Query base = randomBase(random);
                        RandomFilters filters = randomFilters(config, base, random);
                        DrillSidewaysPass.Filters ours = filters.ours();
                        DrillDownQuery theirs = filters.theirs();
                        DrillSidewaysPass.Result<?> mine = DrillSidewaysPass.search(searcher, ordinals, ours,
                                new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
                        DrillSideways.ConcurrentDrillSidewaysResult<?> oracle = new DrillSideways(searcher, config, state)
                                .search(theirs, new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
                        assertSameCounts(mine.facets(), oracle.facets, "seed " + seed + ", query " + theirs);
                        MatchedDocs kept = new MatchedDocs(reader.leaves().size());
                        DrillSidewaysPass.Result<Void> counted = DrillSidewaysPass.count(searcher, ordinals, FrequentStems.none(), stems, ours, kept);
                        assertSameCounts(counted.facets(), oracle.facets, "count only, seed " + seed + ", query " + theirs);
                        // the counting pass keeps exactly the matches of the filtered query, for the ranked pass
                        assertThat(kept.complete()).isTrue();
                        assertThat(docSet(searcher, kept.filter())).as("kept matches, seed " + seed + ", query " + theirs)
                                .isEqualTo(docSet(searcher, ours.query()));
                        assertThat(docIds(searcher.search(kept.restrict(ours.query()), 10)))
                                .isEqualTo(docIds(searcher.search(ours.query(), 10)));
                        assertThat(counted.total()).isEqualTo(mine.total())
                                .isEqualTo(((org.apache.lucene.search.TopDocs) oracle.collectorResult).totalHits.value());
                        DrillSidewaysPass.Result<Void> fromFrequent = DrillSidewaysPass.count(searcher, ordinals, frequent, stems, ours, null);
                        assertSameCounts(fromFrequent.facets(), oracle.facets, "from frequent words, seed " + seed + ", query " + theirs);
                        assertThat(fromFrequent.total()).isEqualTo(counted.total());
                        // a counted word without others or with alternatives, from its counts, whatever the shares say
                        MatchedDocs keptFromStem = new MatchedDocs(reader.leaves().size());
                        FacetOrdinals.Counted fromStem = DrillSidewaysPass.fromCountedStem(searcher, ordinals,
                                frequent, stems, ours, Double.MAX_VALUE, keptFromStem);
                        if (fromStem != null) {
                            assertKeptIfComplete(searcher, keptFromStem, ours, "from a counted word, seed " + seed);
                            assertSameCounts(DrillSidewaysPass.of(ordinals, fromStem).facets(), oracle.facets,
                                    "from a counted word's counts, seed " + seed + ", query " + theirs);
                            assertThat(fromStem.documents()).isEqualTo(counted.total());
                            if (theirs.toString().contains("-")) fromStemWithout++;
                            else fromStemOr++;
                        }
                        // a counted word under one filter, over the matches that pass it or all minus those that fail it
                        FacetOrdinals.Counted word = frequent.get(base);
                        if (word != null && ours.dims().size() <= 1) {
                            for (double complementShare : new double[] {0, 2}) {
                                MatchedDocs keptUnder = new MatchedDocs(reader.leaves().size());
                                FacetOrdinals.Counted under = DrillSidewaysPass.underOneFilter(searcher, ordinals, ours, word,
                                        complementShare, keptUnder);
                                // the conjunction's matches (complement share 2: never the complement) are the search's
                                if (complementShare > 1 && ours.dims().size() == 1) assertThat(keptUnder.complete()).isTrue();
                                if (ours.dims().isEmpty()) assertThat(keptUnder.complete()).as("no pass, nothing kept").isFalse();
                                assertKeptIfComplete(searcher, keptUnder, ours, "under one filter, seed " + seed);
                                assertSameCounts(DrillSidewaysPass.of(ordinals, under).facets(), oracle.facets,
                                        "under one filter (" + complementShare + "), seed " + seed + ", query " + theirs);
                                assertThat(under.documents()).isEqualTo(counted.total());
                            }
                            if (ours.dims().size() == 1) underOneFilter++;
                        }
                        // two filters or more: the two conjunctions through the most selective one, taken whatever
                        // the shares say (the service takes them only when they visit less)
                        MatchedDocs keptThrough = new MatchedDocs(reader.leaves().size());
                        FacetOrdinals.Counted through = DrillSidewaysPass.throughSelectiveFilter(searcher, ordinals, ours,
                                ordinals.select(ours.valueFilters()), null, Double.MAX_VALUE, keptThrough);
                        if (ours.dims().size() >= 2) {
                            assertThat(docSet(searcher, keptThrough.filter())).as("kept through the selective filter, seed " + seed)
                                    .isEqualTo(docSet(searcher, ours.query()));
                            assertSameCounts(DrillSidewaysPass.of(ordinals, through).facets(), oracle.facets,
                                    "through the selective filter, seed " + seed + ", query " + theirs);
                            assertThat(through.documents()).isEqualTo(counted.total());
                            throughSelective++;
                        } else {
                            assertThat(through).isNull();
                        }
                        assertThat(((org.apache.lucene.search.TopDocs) mine.hits()).totalHits)
                                .isEqualTo(((org.apache.lucene.search.TopDocs) oracle.collectorResult).totalHits);
                        assertThat(docIds((org.apache.lucene.search.TopDocs) mine.hits()))
                                .isEqualTo(docIds((org.apache.lucene.search.TopDocs) oracle.collectorResult));
                    }
                }
            }
        }
        assertThat(throughSelective).as("queries with two filters or more").isGreaterThan(10);
        assertThat(fromStemWithout).as("exclusions subtracted from a counted word").isGreaterThan(10);
        assertThat(fromStemOr).as("alternatives added to a counted word").isGreaterThan(10);
        assertThat(underOneFilter).as("a counted word under one filter").isGreaterThan(10);
    }

    /** When {@code kept} is complete it holds exactly the matches of the filtered search, and leads it to the same hits. */
    private static void assertKeptIfComplete(IndexSearcher searcher, MatchedDocs kept, DrillSidewaysPass.Filters ours, String what)
            throws IOException {
        if (!kept.complete()) return;
        assertThat(docSet(searcher, kept.filter())).as("kept matches, " + what + ", query " + ours.query())
                .isEqualTo(docSet(searcher, ours.query()));
        assertThat(docIds(searcher.search(kept.restrict(ours.base()), 10))).as("hits led by the kept matches, " + what)
                .isEqualTo(docIds(searcher.search(ours.query(), 10)));
    }

    /**
     * The same passes on a searcher that searches every segment as its own slice on a pool of threads, as the
     * service does on idle cores ({@link SliceExecutor}): counts, totals, kept matches and ranked hits as on one
     * thread.
     */
    @Test
    void countsKeptMatchesAndHitsAreTheSameWhenSegmentsAreSearchedAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        int kept = 0;
        try {
            for (long seed = 11; seed <= 14; seed++) {
                Random random = new Random(seed);
                FacetsConfig config = config();
                try (Directory dir = new ByteBuffersDirectory()) {
                    writeRandomIndex(dir, config, random);
                    try (DirectoryReader reader = DirectoryReader.open(dir)) {
                        IndexSearcher alone = new IndexSearcher(reader);
                        IndexSearcher atOnce = new IndexSearcher(reader, pool) {
                            @Override
                            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                                return slices(leaves, 1, 1, false); // one slice per segment
                            }
                        };
                        assertThat(atOnce.getSlices().length).as("several slices").isGreaterThan(1);
                        FacetOrdinals ordinals = FacetOrdinals.load(reader, config, DIMS);
                        StemVariants stems = StemVariants.load(reader, "text");
                        FrequentStems frequent = FrequentStems.count(alone, ordinals, stems,
                                new FrequentStems.Budget(1, Long.MAX_VALUE, Long.MAX_VALUE));
                        for (int q = 0; q < 40; q++) {
                            DrillSidewaysPass.Filters filters = randomFilters(config, randomBase(random), random).ours();
                            String what = "seed " + seed + ", query " + filters.query();
                            MatchedDocs keptAlone = new MatchedDocs(reader.leaves().size());
                            MatchedDocs keptAtOnce = new MatchedDocs(reader.leaves().size());
                            DrillSidewaysPass.Result<Void> one = DrillSidewaysPass.count(alone, ordinals, FrequentStems.none(), stems, filters, keptAlone);
                            DrillSidewaysPass.Result<Void> many = DrillSidewaysPass.count(atOnce, ordinals, FrequentStems.none(), stems, filters, keptAtOnce);
                            assertSameCounts(many.facets(), one.facets(), what);
                            assertThat(many.total()).as(what).isEqualTo(one.total());
                            assertThat(keptAtOnce.complete()).as(what).isEqualTo(keptAlone.complete());
                            if (keptAlone.complete()) {
                                assertThat(docSet(alone, keptAtOnce.filter())).as(what).isEqualTo(docSet(alone, keptAlone.filter()));
                                kept++;
                            }
                            DrillSidewaysPass.Result<Void> fromFrequent = DrillSidewaysPass.count(atOnce, ordinals, frequent, stems, filters, null);
                            assertSameCounts(fromFrequent.facets(), one.facets(), "from frequent words, " + what);
                            assertThat(fromFrequent.total()).as(what).isEqualTo(one.total());
                            DrillSidewaysPass.Result<TopDocs> rankedAlone = DrillSidewaysPass.search(alone, ordinals, filters,
                                    new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
                            DrillSidewaysPass.Result<TopDocs> rankedAtOnce = DrillSidewaysPass.search(atOnce, ordinals, filters,
                                    new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
                            assertThat(docIds(rankedAtOnce.hits())).as(what).isEqualTo(docIds(rankedAlone.hits()));
                            assertSameCounts(rankedAtOnce.facets(), one.facets(), "ranked, " + what);
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(kept).as("searches whose matches were kept").isGreaterThan(50);
    }

    /**
     * Documents packed four values to a word, two to a word (most documents then take the many-valued path), and a
     * word's matches dense in one part of the index and scattered in another, so that counting switches between
     * batches and one match at a time: the same counts, totals, kept matches and hits as Lucene's.
     */
    @Test
    void countsAreTheSameWhateverTheLayoutAndTheDensityOfMatches() throws IOException {
        FacetsConfig config = config();
        Random random = new Random(21);
        try (Directory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig iwc = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
            try (IndexWriter w = new IndexWriter(dir, iwc)) {
                for (int i = 0; i < 6000; i++) {
                    Document d = new Document();
                    d.add(new StringField("id", Integer.toString(i), Field.Store.NO));
                    // "trade": every paragraph, then one in 40, then one in 3; "talks": one in 60 throughout
                    int every = i < 2000 ? 1 : i < 4000 ? 40 : 3;
                    if (i % every == 0) d.add(new org.apache.lucene.document.TextField("text", "trade", Field.Store.NO));
                    if (i % 60 == 7) d.add(new org.apache.lucene.document.TextField("text", "talks", Field.Store.NO));
                    for (String dim : DIMS) {
                        for (int v = 0, k = random.nextInt(4); v < k; v++) { // up to nine values a paragraph
                            String value = value(dim, random);
                            d.add(new SortedSetDocValuesFacetField(dim, value));
                            if (dim.equals("year")) d.add(new IntPoint("year", Integer.parseInt(value)));
                        }
                    }
                    w.addDocument(config.build(d));
                    if (i == 2999) w.commit(); // two segments
                }
                w.deleteDocuments(new Term("id", "5"));
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                DefaultSortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
                StemVariants stems = StemVariants.load(reader, "text");
                Query[] bases = {new TermQuery(new Term("text", "trade")), new TermQuery(new Term("text", "talks")),
                        new MatchAllDocsQuery(), new org.apache.lucene.search.PhraseQuery("text", "trade", "talks")};
                for (int minBits : new int[] {0, 31}) {
                    FacetOrdinals ordinals = FacetOrdinals.load(reader, config, DIMS, minBits);
                    assertSameCounts(ordinals.totals(), new SortedSetDocValuesFacetCounts(state), "match-all, bits " + minBits);
                    for (int q = 0; q < 30; q++) {
                        RandomFilters filters = randomFilters(config, bases[q % bases.length], random);
                        DrillSidewaysPass.Filters ours = filters.ours();
                        String what = "bits " + minBits + ", query " + filters.theirs();
                        DrillSideways.ConcurrentDrillSidewaysResult<?> oracle = new DrillSideways(searcher, config, state)
                                .search(filters.theirs(), new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
                        TopDocs expected = (TopDocs) oracle.collectorResult;
                        MatchedDocs kept = new MatchedDocs(reader.leaves().size());
                        DrillSidewaysPass.Result<Void> counted = DrillSidewaysPass.count(searcher, ordinals, FrequentStems.none(), stems, ours, kept);
                        assertSameCounts(counted.facets(), oracle.facets, what);
                        assertThat(counted.total()).as(what).isEqualTo(expected.totalHits.value());
                        assertThat(kept.complete()).as(what).isTrue();
                        assertThat(docSet(searcher, kept.filter())).as("kept, " + what).isEqualTo(docSet(searcher, ours.query()));
                        DrillSidewaysPass.Result<TopDocs> ranked = DrillSidewaysPass.search(searcher, ordinals, ours,
                                new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
                        assertSameCounts(ranked.facets(), oracle.facets, "ranked, " + what);
                        assertThat(docIds(ranked.hits())).as(what).isEqualTo(docIds(expected));
                    }
                }
            }
        }
    }

    @Test
    void topChildrenBreakTiesByValueAndCountOnlyValuesWithMatches() throws IOException {
        FacetsConfig config = config();
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (String[] values : new String[][] {{"b", "a"}, {"a"}, {"c"}, {"b"}}) {
                    Document d = new Document();
                    for (String v : values) d.add(new SortedSetDocValuesFacetField("speaker", v));
                    w.addDocument(config.build(d));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                OrdinalFacets all = FacetOrdinals.load(reader, config, DIMS).totals();
                FacetResult top = all.getTopChildren(2, "speaker");
                assertThat(top.labelValues).extracting(lv -> lv.label + "=" + lv.value).containsExactly("a=2", "b=2");
                assertThat(top.childCount).isEqualTo(3);
                assertThat(all.getSpecificValue("speaker", "c")).isEqualTo(1);
                assertThat(all.getSpecificValue("speaker", "nobody")).isEqualTo(0);
                assertThat(all.getTopChildren(5, "country").labelValues).isEmpty();
            }
        }
    }

    /**
     * The top values of a dimension with many values and many ties, for every size up to more than it has: the same
     * as sorting all its values by count, the earlier value first on a tie.
     */
    @Test
    void topChildrenAreTheFirstValuesOfAllSortedByCount() throws IOException {
        FacetsConfig config = config();
        Random random = new Random(8);
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (int v = 0; v < 400; v++) {
                    for (int k = random.nextInt(12); k > 0; k--) { // counts of 1 to 11, many equal
                        Document d = new Document();
                        d.add(new SortedSetDocValuesFacetField("speaker", String.format("s%03d", random.nextInt(400))));
                        w.addDocument(config.build(d));
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                OrdinalFacets all = FacetOrdinals.load(reader, config, DIMS).totals();
                List<LabelAndValue> sorted = new ArrayList<>(List.of(all.getAllChildren("speaker").labelValues));
                sorted.sort((a, b) -> Integer.compare(b.value.intValue(), a.value.intValue())); // stable: value order on ties
                for (int n : new int[] {1, 2, 7, 10, 64, sorted.size() - 1, sorted.size(), 500}) {
                    FacetResult top = all.getTopChildren(n, "speaker");
                    assertThat(top.labelValues).as("top %d", n).containsExactlyElementsOf(sorted.subList(0, Math.min(n, sorted.size())));
                    assertThat(top.childCount).isEqualTo(sorted.size());
                }
            }
        }
    }

    @Test
    void countsMatchesOfAnIndexWithoutAnyFacetValue() throws IOException {
        FacetsConfig config = config();
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (String word : WORDS) {
                    Document d = new Document();
                    d.add(new StringField("text", word, Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                FacetOrdinals ordinals = FacetOrdinals.load(reader, config, DIMS);
                IndexSearcher searcher = new IndexSearcher(reader);
                StemVariants stems = StemVariants.load(reader, "text");
                DrillSidewaysPass.Filters filters = new DrillSidewaysPass.Filters(config, new MatchAllDocsQuery());
                DrillSidewaysPass.Result<Void> all = DrillSidewaysPass.count(searcher, ordinals, FrequentStems.none(), stems, filters, null);
                assertThat(all.total()).isEqualTo(WORDS.length);
                for (String dim : DIMS) assertThat(all.facets().getTopChildren(5, dim).labelValues).isEmpty();
                filters.add("country", "C1");
                assertThat(DrillSidewaysPass.count(searcher, ordinals, FrequentStems.none(), stems, filters, null).total()).isZero();
            }
        }
    }

    /** A random base query: all documents, a word, a phrase, alternatives, or a word without others. */
    private static Query randomBase(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> new MatchAllDocsQuery();
            case 6 -> new org.apache.lucene.search.PhraseQuery("text", // a phrase ("trade talks")
                    WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)]);
            case 1, 2 -> word(random);
            case 3 -> { // a word or one or two others ("trade OR tariffs")
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (int n = 2 + random.nextInt(2); n > 0; n--) b.add(word(random), BooleanClause.Occur.SHOULD);
                yield b.build();
            }
            default -> { // a word without one or two others ("trade NOT talks")
                BooleanQuery.Builder b = new BooleanQuery.Builder()
                        .add(word(random), random.nextBoolean() ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
                for (int n = 1 + random.nextInt(2); n > 0; n--) b.add(word(random), BooleanClause.Occur.MUST_NOT);
                yield b.build();
            }
        };
    }

    /** The same random filters as parley's drill-down and as Lucene's. */
    private record RandomFilters(DrillSidewaysPass.Filters ours, DrillDownQuery theirs) {
    }

    /** Random filters on zero to three dimensions (values, or a range over the year points). */
    private static RandomFilters randomFilters(FacetsConfig config, Query base, Random random) {
        DrillSidewaysPass.Filters ours = new DrillSidewaysPass.Filters(config, base);
        DrillDownQuery theirs = new DrillDownQuery(config, base);
        for (String dim : DIMS) {
            if (random.nextInt(3) != 0) continue;
            if (dim.equals("year") && random.nextBoolean()) {
                // a range over the year points, as the service filters year ranges
                int from = 1988 + random.nextInt(15), to = from + random.nextInt(8);
                Query range = IntPoint.newRangeQuery("year", from, to);
                ours.add(dim, range, value -> IndexSchema.yearInRange(value, from, to));
                theirs.add(dim, range);
                continue;
            }
            for (int v = 0, n = 1 + random.nextInt(2); v < n; v++) {
                String value = value(dim, random);
                ours.add(dim, value);
                theirs.add(dim, value);
            }
        }
        return new RandomFilters(ours, theirs);
    }

    private static Query word(Random random) {
        return new TermQuery(new Term("text", WORDS[random.nextInt(WORDS.length)]));
    }

    private static FacetsConfig config() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : DIMS) config.setMultiValued(dim, true);
        config.setMultiValued("other", true);
        return config;
    }

    private static String value(String dim, Random random) {
        return switch (dim) {
            case "country" -> "C" + random.nextInt(12);
            case "year" -> Integer.toString(1990 + random.nextInt(15));
            default -> "Speaker " + (char) ('A' + random.nextInt(20));
        };
    }

    private static void writeRandomIndex(Directory dir, FacetsConfig config, Random random) throws IOException {
        IndexWriterConfig iwc = new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter w = new IndexWriter(dir, iwc)) {
            int id = 0;
            for (int segment = 0; segment < 4; segment++) {
                for (int i = 0, n = 50 + random.nextInt(200); i < n; i++) {
                    Document d = new Document();
                    d.add(new StringField("id", Integer.toString(id++), Field.Store.NO));
                    for (int k = 1 + random.nextInt(3); k > 0; k--) {  // one to three words, so that exclusions overlap
                        // with positions, for phrases; consecutive values are consecutive positions
                        d.add(new org.apache.lucene.document.TextField("text", WORDS[random.nextInt(WORDS.length)], Field.Store.NO));
                    }
                    if (random.nextInt(10) != 0) {   // some documents carry no facet value at all
                        for (String dim : DIMS) {
                            for (int v = 0, k = random.nextInt(3); v < k; v++) {
                                String value = value(dim, random);
                                d.add(new SortedSetDocValuesFacetField(dim, value));
                                if (dim.equals("year")) d.add(new IntPoint("year", Integer.parseInt(value)));
                            }
                        }
                        if (random.nextInt(5) == 0) d.add(new SortedSetDocValuesFacetField("other", "x"));
                        d = config.build(d);
                    }
                    w.addDocument(d);
                }
                w.commit();
                for (int k = 0; k < 10; k++) w.deleteDocuments(new Term("id", Integer.toString(random.nextInt(id))));
            }
        }
    }

    private static void assertSameCounts(Facets ours, Facets lucene, String what) throws IOException {
        for (String dim : DIMS) {
            assertThat(children(ours.getAllChildren(dim))).as(dim + ", " + what).isEqualTo(children(safeAll(lucene, dim)));
            FacetResult top = ours.getTopChildren(5, dim);
            FacetResult expected = safeTop(lucene, dim);
            assertThat(children(top)).as("top 5 " + dim + ", " + what).isEqualTo(children(expected));
            assertThat(top.childCount).as("child count " + dim + ", " + what).isEqualTo(expected == null ? 0 : expected.childCount);
        }
    }

    private static FacetResult safeAll(Facets f, String dim) throws IOException {
        try {
            return f.getAllChildren(dim);
        } catch (IllegalArgumentException e) {
            return null; // Lucene: dimension absent from the index
        }
    }

    private static FacetResult safeTop(Facets f, String dim) throws IOException {
        try {
            return f.getTopChildren(5, dim);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every document {@code query} matches, by global doc id. */
    private static java.util.Set<Integer> docSet(IndexSearcher searcher, Query query) throws IOException {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        for (org.apache.lucene.search.ScoreDoc d : searcher.search(query, Integer.MAX_VALUE).scoreDocs) out.add(d.doc);
        return out;
    }

    private static List<String> docIds(org.apache.lucene.search.TopDocs top) {
        List<String> out = new ArrayList<>();
        for (org.apache.lucene.search.ScoreDoc d : top.scoreDocs) out.add(d.doc + "@" + d.score);
        return out;
    }

    /** "label=count" in the result's order (order matters: it is the ranking). */
    private static List<String> children(FacetResult r) {
        List<String> out = new ArrayList<>();
        if (r == null) return out;
        for (LabelAndValue lv : r.labelValues) if (lv.value.longValue() > 0) out.add(lv.label + "=" + lv.value);
        return out;
    }
}
