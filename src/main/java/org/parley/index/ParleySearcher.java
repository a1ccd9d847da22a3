package org.parley.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.Weight;
import org.parley.search.FacetValue;

/**
 * An {@link IndexSearcher} plus everything that is expensive to derive from its reader and so is computed once
 * per reader, not per request: every paragraph's facet values ({@link FacetOrdinals}) with their match-all
 * counts, the indexed words of every stem ({@link StemVariants}), the article and paragraph counts, and, lazily,
 * the facet value lists used for autocomplete.
 */
final class ParleySearcher extends IndexSearcher {
    /**
     * Searches whose counts, and pages, each cache keeps per reader; 0 turns both caches off (to measure the work
     * of a search seen for the first time; Lucene's own query cache stays on unless {@link #LUCENE_QUERY_CACHE} is off).
     */
    static final int CACHE_ENTRIES = Integer.getInteger("parley.search.cacheEntries", 512);
    /** Bound of each cache's heap estimate. */
    static final long CACHE_BYTES = 32L << 20;
    /**
     * Whether Lucene's own query cache keeps the matches of filters and costly queries seen often (its default);
     * {@code -Dparley.search.luceneQueryCache=false} turns it off too, so that a benchmark repeating its queries
     * measures every search at first sight (see BENCHMARKS.md, "Lucene's query cache in the mix").
     */
    static final boolean LUCENE_QUERY_CACHE = Boolean.parseBoolean(System.getProperty("parley.search.luceneQueryCache", "true"));
    /**
     * Bound of the frequent stems' counts kept per reader; 0 counts none (to measure a search without them). Each
     * stem costs a count per facet value, 4 bytes each.
     */
    static final long FREQUENT_STEM_BYTES = Long.getLong("parley.search.frequentStemBytes", 16L << 20);
    /** A stem in fewer documents than this, or than one paragraph in {@link #FREQUENT_STEM_SHARE}, is counted per search. */
    static final int MIN_FREQUENT_STEM = 2_000;
    static final int FREQUENT_STEM_SHARE = 256;
    /**
     * Postings read to count the frequent stems ahead, per paragraph (see {@link FrequentStems}). At a million
     * paragraphs 16 reach the stems in about 5,000 of them: 784 stems against 95 with 8, the background counting
     * 4.5 s from the open instead of 2.6 s, and 25% less CPU for the mix's rare words of frequent stems ("lining":
     * "line", "lines").
     */
    static final long FREQUENT_STEM_POSTINGS = 16;
    /** Every paragraph's facet values in memory, for counting (empty when the index has none). */
    final FacetOrdinals facetOrdinals;
    /** The words of each stem in {@code text}, for stemmed query terms. */
    final StemVariants stems;
    /** Facet counts of the most frequent stems (see {@link FrequentStems}). */
    final FrequentStems frequentStems;
    /**
     * The fields of every segment merged, for the highlighter, which would otherwise merge them again for each
     * search (about 3% of a search's CPU at a million paragraphs).
     */
    final FieldInfos fieldInfos;
    final int articles;
    final int paragraphs;
    final long sizeBytes;
    final Instant lastBuild;
    /** Matches and facet counts of recent searches, by query and filters (see {@link SearchCache}). */
    final SearchCache<LuceneSearchService.CountKey, DrillSidewaysPass.Result<Void>> counts;
    /** Recent pages of hits (before highlighting), by request. */
    final SearchCache<LuceneSearchService.PageKey, LuceneSearchService.Page> pages;
    private final Map<String, List<FacetValue>> allValues = new ConcurrentHashMap<>();
    private volatile Map<String, String> speakersByLowerCase;

    /** Where wide passes search slices besides the searching thread (null: never). */
    private final SliceExecutor slices;
    /** The same reader searched in slices on {@link #slices}, for wide counting passes (null: never). */
    private final IndexSearcher sliced;

    /**
     * @param background where the frequent stems are counted once the reader is open
     * @param slices     where the slices of a wide counting pass may run besides the searching thread (null: on it alone)
     */
    ParleySearcher(IndexReader reader, FacetsConfig config, Executor background, SliceExecutor slices) throws IOException {
        super(reader);
        this.slices = slices == null || !slices.enabled() ? null : slices;
        this.sliced = this.slices == null ? null : slicedSearcher(reader, this.slices);
        if (!LUCENE_QUERY_CACHE) setQueryCache(null);
        this.facetOrdinals = reader.leaves().isEmpty()
                ? FacetOrdinals.empty(IndexSchema.FACET_DIMS)
                : FacetOrdinals.load(reader, config, IndexSchema.FACET_DIMS);
        this.stems = StemVariants.load(reader, IndexSchema.TEXT);
        this.fieldInfos = FieldInfos.getMergedFieldInfos(reader);
        this.articles = count(IndexSchema.articlesOnly());
        this.paragraphs = count(IndexSchema.paragraphsOnly());
        long size = 0;
        Instant built = null;
        if (reader instanceof DirectoryReader dr) {
            IndexCommit commit = dr.getIndexCommit();
            for (String file : commit.getFileNames()) size += dr.directory().fileLength(file);
            String t = commit.getUserData().get(IndexBuilder.USER_BUILD_TIME);
            if (t != null) built = Instant.parse(t);
        }
        this.sizeBytes = size;
        this.lastBuild = built;
        this.counts = new SearchCache<>(CACHE_ENTRIES, CACHE_BYTES, r -> 64 + r.facets().bytes());
        this.pages = new SearchCache<>(CACHE_ENTRIES, CACHE_BYTES, LuceneSearchService.Page::bytes);
        // last: the counting thread gets a searcher whose fields are all set
        this.frequentStems = FREQUENT_STEM_BYTES == 0 ? FrequentStems.none()
                : FrequentStems.countInBackground(background, this, facetOrdinals, stems, new FrequentStems.Budget(
                        Math.max(MIN_FREQUENT_STEM, paragraphs / FREQUENT_STEM_SHARE), FREQUENT_STEM_POSTINGS * Math.max(1, paragraphs),
                        FREQUENT_STEM_BYTES));
    }

    /**
     * A counting pass: split into slices searched at once when a core is idle and {@code query} may match at least
     * {@link SliceExecutor#WIDE_MATCHES} documents (by document frequencies), else searched on this thread alone,
     * in one slice, exactly as without slice threads (no per-slice collectors to sum).
     */
    <C extends Collector, T> T searchCounting(Query query, CollectorManager<C, T> manager) throws IOException {
        if (sliced == null || !slices.coreIdle() || !slices.wideEnough(MatchBound.of(query, getIndexReader(), stems))) {
            return search(query, manager);
        }
        return slices.wide(() -> sliced.search(query, manager));
    }

    /**
     * A searcher of {@code reader} in as many slices as there are threads to search them (the slice threads and the
     * searching thread), of whole segments: every slice has its own collector and counts, summed at the end, so
     * fewer slices cost less. Its segments start at cancellation checkpoints too.
     */
    private static IndexSearcher slicedSearcher(IndexReader reader, SliceExecutor slices) {
        int parts = slices.threads() + 1;
        int docsPerSlice = Math.max(slices.minDocsPerSlice(), (reader.maxDoc() + parts - 1) / parts);
        IndexSearcher searcher = new IndexSearcher(reader, slices) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return slices(leaves, docsPerSlice, Integer.MAX_VALUE, false);
            }

            @Override
            protected void searchLeaf(LeafReaderContext ctx, int minDocId, int maxDocId, Weight weight, Collector collector)
                    throws IOException {
                Cancellation.checkpoint();
                super.searchLeaf(ctx, minDocId, maxDocId, weight, collector);
            }
        };
        if (!LUCENE_QUERY_CACHE) searcher.setQueryCache(null);
        return searcher;
    }

    /** Every segment of every search starts at a cancellation checkpoint (see {@link Cancellation}). */
    @Override
    protected void searchLeaf(LeafReaderContext ctx, int minDocId, int maxDocId, Weight weight, Collector collector) throws IOException {
        Cancellation.checkpoint();
        super.searchLeaf(ctx, minDocId, maxDocId, weight, collector);
    }

    /** Expanding fuzzy and wildcard terms can be the costly part of a query: check once it is done. */
    @Override
    public Query rewrite(Query original) throws IOException {
        Query rewritten = super.rewrite(original);
        Cancellation.checkpoint();
        return rewritten;
    }

    static SearcherFactory factory(FacetsConfig config, Executor background, SliceExecutor slices) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                return new ParleySearcher(reader, config, background, slices);
            }
        };
    }

    /**
     * Facet counts over every paragraph, counted once per reader: the unfiltered, empty query (the landing
     * page) would otherwise count every document of the index on every request.
     */
    OrdinalFacets allDocsFacets() {
        return facetOrdinals.totals();
    }

    /** Every value of {@code dim} over all paragraphs, most frequent first (computed once per reader). */
    List<FacetValue> allValues(String dim) throws IOException {
        List<FacetValue> cached = allValues.get(dim);
        if (cached != null) return cached;
        List<FacetValue> values = new ArrayList<>();
        for (LabelAndValue lv : allDocsFacets().getAllChildren(dim).labelValues) {
            values.add(new FacetValue(lv.label, FacetListing.label(dim, lv.label), lv.value.longValue(), false));
        }
        values.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
        List<FacetValue> frozen = List.copyOf(values);
        allValues.put(dim, frozen);
        return frozen;
    }

    /** The indexed spelling of a speaker typed in any case, or the input unchanged. */
    String resolveSpeaker(String typed) {
        Map<String, String> map = speakersByLowerCase;
        if (map == null) {
            map = new HashMap<>();
            try {
                for (FacetValue v : allValues(IndexSchema.SPEAKER)) map.putIfAbsent(v.value().toLowerCase(Locale.ROOT), v.value());
            } catch (IOException e) {
                return typed;
            }
            speakersByLowerCase = map;
        }
        return map.getOrDefault(typed.toLowerCase(Locale.ROOT), typed);
    }
}
