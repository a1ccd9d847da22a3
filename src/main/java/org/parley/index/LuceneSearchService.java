package org.parley.index;


import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.parley.search.ArticleView;
import org.parley.search.DidYouMean;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;
import org.parley.search.FacetValuesRequest;
import org.parley.search.Hit;
import org.parley.search.IndexStats;
import org.parley.search.InvalidQueryException;
import org.parley.search.ParagraphView;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;
import org.parley.search.SortOrder;
import org.parley.search.Span;
import org.parley.search.WordsStartingWith;

/**
 * The search contract on an embedded Lucene index: the search assembled in a few steps (parse, drill down,
 * count and rank, highlight), over the generation {@link ServedIndex} keeps current.
 */
public final class LuceneSearchService implements SearchService {
    /** Deepest page reachable with {@code page}; beyond it clients use the cursor (as Elasticsearch does). */
    public static final int MAX_PAGE_DEPTH = SearchRequest.MAX_PAGE_DEPTH;
    /** Suggest a spelling when a query finds fewer hits than this. */
    static final int SUGGEST_BELOW = DidYouMean.SUGGEST_BELOW;
    static final int MAX_ID_CHARS = 200;
    /**
     * A search matching at most this many paragraphs (by document frequencies) is counted and ranked in one pass,
     * unless it is a stem counted ahead (measured at 1M: 12,000 cost 1.5-2% less than 5,000, AND searches 6%;
     * 30,000 3.5% more than 12,000).
     */
    static final long ONE_PASS_MATCHES = Long.getLong("parley.search.onePassMatches", 12_000);

    private final ServedIndex served;
    private final FacetsConfig facetsConfig = IndexSchema.newFacetsConfig();
    private final IndexSchema schema = new IndexSchema();
    private final QueryParserFactory parsers = new QueryParserFactory();
    private final Highlighting highlighting = new Highlighting();
    private final SpellSuggester speller = new SpellSuggester();
    /** Off with the per-reader caches ({@code -Dparley.search.cacheEntries=0}), so a benchmark then measures every search. */
    private final RecentResults recent = new RecentResults(ParleySearcher.CACHE_ENTRIES == 0 ? 0 : RecentResults.MAX_ENTRIES);
    /** Normalises a typed word as the index normalises words (case, accents). */
    private final Analyzer wordAnalyzer = TextAnalysis.exactQuery();

    private LuceneSearchService(ServedIndex served) {
        this.served = served;
    }

    /** Opens the index at {@code root}; fails when no build has completed there yet. */
    public static LuceneSearchService open(Path root) throws IOException {
        return open(new IndexLocation(root), 500);
    }

    static LuceneSearchService open(IndexLocation location, long pollMillis) throws IOException {
        return new LuceneSearchService(ServedIndex.open(location, pollMillis));
    }

    /** The same with its own slice threads (see {@link SliceExecutor}); tests compare searches on one and on several. */
    static LuceneSearchService open(IndexLocation location, long pollMillis, SliceExecutor slices) throws IOException {
        return new LuceneSearchService(ServedIndex.open(location, pollMillis, slices));
    }

    /**
     * CPU time used so far by the threads that search slices of other threads' searches, in nanoseconds: a benchmark
     * timing a search by its thread's CPU adds what these used meanwhile.
     */
    public long sliceCpuNanos() {
        return served.sliceCpuNanos();
    }

    /** Switches to the generation {@code CURRENT} names, if it changed (the service also polls for it). */
    public void refresh() throws IOException {
        served.refresh();
    }

    /**
     * Waits up to {@code timeout} for the work the current reader does in the background after it opens (counting
     * the frequent stems, a few seconds at a million paragraphs) to end; true when it has. A benchmark waits, so that
     * none of its searches runs beside that work or before its counts exist.
     */
    public boolean awaitBackgroundWork(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!withSearcher(searcher -> searcher.frequentStems.done())) {
            if (System.nanoTime() - deadline > 0) return false;
            Thread.sleep(20);
        }
        return true;
    }

    /** The generation being served (for health checks). */
    public String generation() {
        return served.generation();
    }

    private <T> T withSearcher(ServedIndex.SearcherCall<T> call) {
        return served.withSearcher(call);
    }

    // ---------------------------------------------------------------------------------------------- search

    @Override
    public SearchResult search(SearchRequest request) throws InvalidQueryException {
        return search(request, true);
    }

    /**
     * Counts the matches without reading their facet values (most of a frequent word's cost is that counting), and
     * suggests no spelling (a word being typed is rarely in the index).
     */
    @Override
    public SearchResult searchWithoutFacets(SearchRequest request) throws InvalidQueryException {
        return search(request, false);
    }

    private SearchResult search(SearchRequest request, boolean countFacets) throws InvalidQueryException {
        long start = System.nanoTime();
        SearchRequest req = request;
        String hash = req.cursorKey();
        Cursor cursor = req.cursor() == null || req.cursor().isBlank() ? null : Cursor.decode(req.cursor(), req.sort(), hash);
        return withSearcher(searcher -> {
            Query userQuery = parsers.parse(req.query(), searcher::resolveSpeaker, searcher.stems);
            IndexReader.CacheHelper reader = searcher.getIndexReader().getReaderCacheHelper();
            RecentResults.Key key = userQuery == null || req.groupByArticle() || reader == null ? null
                    : RecentResults.Key.of(reader.getKey(), userQuery, req, countFacets);
            // without facets, the same search with its facets counted a moment ago is the better answer, and free
            RecentResults.Entry again = key == null ? null
                    : countFacets ? recent.get(key, start)
                    : firstNonNull(recent.get(RecentResults.Key.of(reader.getKey(), userQuery, req, true), start), recent.get(key, start));
            if (again != null) return reused(again, hash, req, start);
            // no type:paragraph filter: user queries cannot match article documents (see IndexSchema)
            Query base = userQuery == null ? IndexSchema.allParagraphs() : userQuery;
            DrillSidewaysPass.Filters query = drillDown(base, req);
            CountKey counted = CountKey.of(req);
            PageKey pageKey = new PageKey(counted, req.sort(), cursor == null ? req.page() : 0, req.size(), req.cursor(),
                    req.groupByArticle(), countFacets);
            Page page = searcher.pages.get(pageKey, () -> req.groupByArticle()
                    ? groupedPage(searcher, query, req, cursor, hash)
                    : paragraphPage(searcher, query, base, req, counted, cursor, hash, countFacets));
            List<Facet> facets = FacetListing.results(page.facets(), req);
            List<Hit> hits = hits(searcher, userQuery, page);
            String suggestion = null;
            if (countFacets && !req.query().isBlank() && page.total() < SUGGEST_BELOW) suggestion = speller.suggest(req.query(), searcher.getIndexReader());
            long took = (System.nanoTime() - start) / 1_000_000;
            SearchResult result = new SearchResult(page.total(), took, cursor == null ? req.page() : 0, req.size(), hits, facets,
                    page.nextCursor(), suggestion);
            // a suggestion is made from the query's text, which the key leaves out: only results without one are reused
            if (key != null && suggestion == null && page.total() >= SUGGEST_BELOW) {
                FieldDoc last = page.docs().length == 0 ? null : (FieldDoc) page.docs()[page.docs().length - 1];
                recent.put(key, result, last, start);
            }
            return result;
        });
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }

    /** A recent search's result for another text that parses to the same query: its own cursor and time. */
    private static SearchResult reused(RecentResults.Entry e, String hash, SearchRequest req, long start) {
        SearchResult r = e.result();
        String next = r.nextCursor() == null || e.last() == null ? null : Cursor.after(req.sort(), hash, e.last()).encode();
        return new SearchResult(r.total(), (System.nanoTime() - start) / 1_000_000, r.page(), r.size(), r.hits(), r.facets(),
                next, r.didYouMean());
    }

    /**
     * The hits of one page before their stored fields are loaded, and its facet counts (null when the search counted
     * none); kept per reader in {@link ParleySearcher#pages}, never modified once made.
     */
    record Page(long total, ScoreDoc[] docs, int[] articleHits, OrdinalFacets facets, String nextCursor) {
        /** Roughly what the page holds on the heap, for the cache's bound. */
        long bytes() {
            return 128 + 64L * docs.length + (facets == null ? 0 : facets.bytes()) + (nextCursor == null ? 0 : 2L * nextCursor.length());
        }
    }

    /** What decides the matches and facet counts of a search: its query and filters (not its order or page). */
    record CountKey(String query, Map<Dimension, List<String>> filters, Integer yearFrom, Integer yearTo) {
        static CountKey of(SearchRequest req) {
            return new CountKey(req.query(), Map.copyOf(req.filters()), req.yearFrom(), req.yearTo());
        }
    }

    /** What decides one page of a search (not the facet size, which only trims the listing of the same counts). */
    record PageKey(CountKey counted, SortOrder sort, int page, int size, String cursor, boolean groupByArticle,
                   boolean countFacets) {
    }

    private Page paragraphPage(ParleySearcher searcher, DrillSidewaysPass.Filters query, Query base, SearchRequest req,
                               CountKey counted, Cursor cursor, String hash, boolean countFacets) throws IOException {
        int offset = cursor == null ? (req.page() - 1) * req.size() : 0;
        int want = offset + req.size() + 1; // one more than the page tells whether another page follows
        Sort sort = sort(req.sort());
        FieldDoc after = cursor == null ? null : cursor.fieldDoc();
        TopDocs top;
        OrdinalFacets facets;
        long total;
        boolean everything = req.query().isBlank() && req.filters().isEmpty() && req.yearFrom() == null && req.yearTo() == null;
        if (req.size() == 0) { // counts only: no top-N pass
            if (everything) return new Page(searcher.paragraphs, new ScoreDoc[0], new int[0], countFacets ? searcher.allDocsFacets() : null, null);
            // the total alone: Lucene's count, which a single term answers from its document frequency
            if (!countFacets) return new Page(countMatches(searcher, query), new ScoreDoc[0], new int[0], null, null);
            DrillSidewaysPass.Result<Void> count = countOf(searcher, counted, query);
            return new Page(count.total(), new ScoreDoc[0], new int[0], count.facets(), null);
        }
        if (everything) {
            // nothing to count per request: totals and facet counts of the whole index are cached per reader
            top = searcher.search(base, new TopFieldCollectorManager(sort, want, after, want));
            facets = searcher.allDocsFacets();
            total = searcher.paragraphs;
        } else if (searcher.counts.peek(counted) == null && fewMatches(searcher, query)) {
            // Few matches: one pass counts them and ranks them, scoring every match that passes the filters; a
            // second pass would cost more to set up (weights, term lookups, scorers) than it could skip. Without
            // facets asked the counts come along all the same: they cost little more than the total, and spare
            // the client a second request; but not when the search finds next to nothing, since the full search
            // would then suggest a spelling.
            DrillSidewaysPass.Result<TopFieldDocs> both = DrillSidewaysPass.search(searcher, searcher.facetOrdinals, query,
                    new TopFieldCollectorManager(sort, want, after, Integer.MAX_VALUE));
            searcher.counts.get(counted, () -> new DrillSidewaysPass.Result<>(null, both.total(), both.facets()));
            top = both.hits();
            total = both.total();
            facets = countFacets || total >= SUGGEST_BELOW ? both.facets() : null;
        } else if (!countFacets) {
            // counts that cost nothing more (cached, or a frequent stem's) come along: a client need not ask again
            DrillSidewaysPass.Result<Void> free = freeCounts(searcher, counted, query);
            FieldDoc[] ahead = rankedAhead(searcher, query, req, want, after);
            top = ahead != null ? rankedDocs(ahead, sort) : topN(searcher, query, sort, want, after, null);
            facets = free == null ? null : free.facets();
            total = free == null ? countMatches(searcher, query) : free.total();
        } else {
            // Two passes: counting every match needs no scores, and the top-N search skips documents that cannot
            // rank (its hit count is then a lower bound, so the total comes from the counting pass). This makes the
            // slowest queries (frequent words, exclusions) cheaper at the price of a second, cheap query setup.
            // When a frequent stem's hits ranked ahead do not hold the first hits, the counting pass keeps the matches
            // of a filtered search or of a phrase, so that the ranked pass visits those only (see MatchedDocs): a
            // phrase's positions are then checked once, and a stem under a filter that its best hits mostly fail
            // ("deputy" in Russia) is not scored over every paragraph with the word.
            FieldDoc[] ahead = rankedAhead(searcher, query, req, want, after);
            MatchedDocs kept = ahead == null && searcher.counts.peek(counted) == null
                    && (!query.dims().isEmpty() || MatchedDocs.worthKeeping(query.base()))
                    ? new MatchedDocs(searcher.getIndexReader().leaves().size()) : null;
            DrillSidewaysPass.Result<Void> count = countOf(searcher, counted, query, kept);
            top = ahead != null ? rankedDocs(ahead, sort)
                    : topN(searcher, query, sort, want, after, kept == null || !kept.complete() ? null : kept);
            facets = count.facets();
            total = count.total();
        }
        ScoreDoc[] all = top.scoreDocs;
        int from = Math.min(offset, all.length);
        int to = Math.min(offset + req.size(), all.length);
        ScoreDoc[] docs = Arrays.copyOfRange(all, from, to);
        if (req.sort() == SortOrder.RELEVANCE) {
            for (ScoreDoc d : docs) d.score = (Float) ((FieldDoc) d).fields[0]; // the score is the first sort value
        } else if (docs.length > 0) {
            TopFieldCollector.populateScores(docs, searcher, base);
        }
        String next = all.length > to && docs.length > 0
                ? Cursor.after(req.sort(), hash, (FieldDoc) docs[docs.length - 1]).encode() : null;
        int[] ones = new int[docs.length];
        Arrays.fill(ones, 1);
        return new Page(total, docs, ones, facets, next);
    }

    /**
     * Whether a search matches at most {@link #ONE_PASS_MATCHES} paragraphs, by its words' document frequencies, and
     * is not a stem counted ahead (whose counts and best hits are at hand: see {@link FrequentStems}).
     */
    private static boolean fewMatches(ParleySearcher searcher, DrillSidewaysPass.Filters query) throws IOException {
        return MatchBound.of(query.base(), searcher.getIndexReader(), searcher.stems) <= ONE_PASS_MATCHES
                && searcher.frequentStems.get(query.base()) == null;
    }

    /**
     * The first {@code want} hits of a relevance-ranked first page taken from a frequent stem's hits ranked ahead, when
     * they hold them (see {@link RankedAhead}); else null.
     */
    private FieldDoc[] rankedAhead(ParleySearcher searcher, DrillSidewaysPass.Filters query, SearchRequest req, int want,
                                   FieldDoc after) throws IOException {
        if (req.sort() != SortOrder.RELEVANCE || after != null) return null;
        return RankedAhead.firstHits(searcher, searcher.frequentStems, query.base(), !query.dims().isEmpty(),
                b -> drillDown(b, req).query(), want, stem -> query.share(searcher.facetOrdinals, stem));
    }

    private static TopDocs rankedDocs(FieldDoc[] ranked, Sort sort) {
        return new TopFieldDocs(new TotalHits(ranked.length, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), ranked, sort.getSort());
    }

    /**
     * The first {@code want} hits of a search (after {@code after}, when paging by cursor) from a top-N pass, led by
     * the {@code kept} matches of the counting pass when given: they pass every filter, so the base query alone
     * scores them.
     */
    private static TopDocs topN(ParleySearcher searcher, DrillSidewaysPass.Filters query, Sort sort, int want,
                                FieldDoc after, MatchedDocs kept) throws IOException {
        Query ranked = kept == null ? query.query() : kept.restrict(query.base());
        return searcher.search(ranked, new TopFieldCollectorManager(sort, want, after, want));
    }

    /**
     * The number of matches alone: a frequent stem's, when counted ahead and unfiltered; else Lucene's count, which a
     * single term answers from its document frequency (a stem of several words is counted match by match).
     */
    private static long countMatches(ParleySearcher searcher, DrillSidewaysPass.Filters query) throws IOException {
        FacetOrdinals.Counted stem = unfilteredStem(searcher, query);
        return stem != null ? stem.documents() : searcher.count(query.query());
    }

    /** The counts of the query's stem when the query is a frequent stem counted ahead, without filters; else null. */
    private static FacetOrdinals.Counted unfilteredStem(ParleySearcher searcher, DrillSidewaysPass.Filters query) {
        return query.dims().isEmpty() ? searcher.frequentStems.get(query.base()) : null;
    }

    /**
     * The counts of a search when they need no counting pass: an earlier identical search's (cached), or those of
     * an unfiltered frequent stem (counted ahead); else null.
     */
    private static DrillSidewaysPass.Result<Void> freeCounts(ParleySearcher searcher, CountKey key, DrillSidewaysPass.Filters query) {
        DrillSidewaysPass.Result<Void> cached = searcher.counts.peek(key);
        if (cached != null) return cached;
        FacetOrdinals.Counted stem = unfilteredStem(searcher, query);
        return stem == null ? null : DrillSidewaysPass.of(searcher.facetOrdinals, stem);
    }

    /** The counting pass of a search, or its counts from an earlier identical one on the same reader. */
    private static DrillSidewaysPass.Result<Void> countOf(ParleySearcher searcher, CountKey key, DrillSidewaysPass.Filters query)
            throws IOException {
        return countOf(searcher, key, query, null);
    }

    /** The same, handing the matches to {@code kept} (when not null) if a counting pass runs and visits them. */
    private static DrillSidewaysPass.Result<Void> countOf(ParleySearcher searcher, CountKey key, DrillSidewaysPass.Filters query,
                                                          MatchedDocs kept) throws IOException {
        return searcher.counts.get(key, () -> DrillSidewaysPass.count(searcher, searcher.facetOrdinals, searcher.frequentStems,
                searcher.stems, query, kept));
    }

    private Page groupedPage(ParleySearcher searcher, DrillSidewaysPass.Filters query, SearchRequest req, Cursor cursor, String hash)
            throws IOException {
        ArticleGrouping grouping = new ArticleGrouping(req.sort());
        DrillSidewaysPass.Result<List<ArticleGrouping.Group>> r =
                DrillSidewaysPass.search(searcher, searcher.facetOrdinals, query, grouping);
        List<ArticleGrouping.Group> groups = r.hits();
        int from;
        if (cursor == null) {
            from = Math.min((req.page() - 1) * req.size(), groups.size());
        } else {
            Comparator<ArticleGrouping.Group> order = ArticleGrouping.order(req.sort());
            ArticleGrouping.Group after = new ArticleGrouping.Group("", -1, cursor.score(), cursor.date(), cursor.sortKey(), 0);
            from = 0;
            while (from < groups.size() && order.compare(groups.get(from), after) <= 0) from++;
        }
        int to = Math.min(from + req.size(), groups.size());
        ScoreDoc[] docs = new ScoreDoc[to - from];
        int[] counts = new int[to - from];
        for (int i = from; i < to; i++) {
            ArticleGrouping.Group g = groups.get(i);
            docs[i - from] = new ScoreDoc(g.bestDoc(), g.score());
            counts[i - from] = g.hits();
        }
        String next = null;
        if (to < groups.size() && to > from) {
            ArticleGrouping.Group last = groups.get(to - 1);
            next = new Cursor(req.sort(), hash, last.score(), last.date(), last.sortKey()).encode();
        }
        return new Page(groups.size(), docs, counts, r.facets(), next);
    }

    private DrillSidewaysPass.Filters drillDown(Query base, SearchRequest req) {
        DrillSidewaysPass.Filters q = new DrillSidewaysPass.Filters(facetsConfig, base);
        for (String value : req.filter(Dimension.COUNTRY)) q.add(IndexSchema.COUNTRY, value);
        for (String value : req.filter(Dimension.SPEAKER)) q.add(IndexSchema.SPEAKER, value);
        List<String> years = req.filter(Dimension.YEAR);
        if (req.yearFrom() == null && req.yearTo() == null) {
            for (String value : years) q.add(IndexSchema.YEAR, value);
        } else {
            // The range and any selected years form one drill-down on "year" (a paragraph needs a year that is
            // selected and within the range), so the year counts stay drill-sideways (all years under the other
            // filters) and the bar chart can show the range in context.
            int from = req.yearFrom() == null ? Integer.MIN_VALUE : req.yearFrom();
            int to = req.yearTo() == null ? Integer.MAX_VALUE : req.yearTo();
            Set<String> selected = Set.copyOf(years);
            Predicate<String> accepts = value ->
                    IndexSchema.yearInRange(value, from, to) && (selected.isEmpty() || selected.contains(value));
            if (years.isEmpty()) {
                q.add(IndexSchema.YEAR, IndexSchema.yearRange(from, to), accepts);
            } else {
                BooleanQuery.Builder anyYear = new BooleanQuery.Builder();
                String field = facetsConfig.getDimConfig(IndexSchema.YEAR).indexFieldName;
                for (String y : selected) {
                    if (accepts.test(y)) anyYear.add(new TermQuery(DrillDownQuery.term(field, IndexSchema.YEAR, y)), BooleanClause.Occur.SHOULD);
                }
                q.add(IndexSchema.YEAR, anyYear.build(), accepts); // no clause: matches nothing
            }
        }
        return q;
    }

    static Sort sort(SortOrder order) {
        SortField key = SortKeyComparator.sortField(IndexSchema.SORT_KEY); // Lucene's string order, bytes read lazily
        if (order == SortOrder.RELEVANCE) return new Sort(SortField.FIELD_SCORE, key);
        boolean reverse = order == SortOrder.DATE_DESC;
        SortField date = new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, reverse);
        date.setMissingValue(ArticleGrouping.missingDate(order)); // undated paragraphs last either way
        return new Sort(date, key);
    }

    private List<Hit> hits(ParleySearcher searcher, Query userQuery, Page page) throws IOException {
        ScoreDoc[] docs = page.docs();
        StoredFields stored = searcher.storedFields();
        Document[] documents = new Document[docs.length];
        int[] ids = new int[docs.length];
        String[] texts = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
            documents[i] = stored.document(docs[i].doc);
            texts[i] = documents[i].get(IndexSchema.TEXT);
        }
        List<List<Span>> highlights = highlighting.spans(searcher, userQuery, ids, texts);
        List<Hit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document d = documents[i];
            IndexableField published = d.getField(IndexSchema.PUBLISHED);
            float score = Float.isNaN(docs[i].score) ? 0f : docs[i].score;
            String articleId = d.get(IndexSchema.ARTICLE_ID);
            int ordinal = d.getField(IndexSchema.ORDINAL).numericValue().intValue();
            hits.add(new Hit(IndexSchema.paragraphId(articleId, ordinal), articleId, d.get(IndexSchema.TITLE),
                    published == null ? null : LocalDate.ofEpochDay(published.numericValue().longValue()),
                    ordinal, texts[i], highlights.get(i),
                    IndexSchema.countryRefs(Arrays.asList(d.getValues(IndexSchema.COUNTRY))),
                    ints(d, IndexSchema.YEAR), ints(d, IndexSchema.EXPLICIT_YEAR),
                    Arrays.asList(d.getValues(IndexSchema.SPEAKER)), score, page.articleHits()[i], d.get(IndexSchema.URL)));
        }
        return hits;
    }

    private static List<Integer> ints(Document d, String field) {
        IndexableField[] fields = d.getFields(field);
        List<Integer> out = new ArrayList<>(fields.length);
        for (IndexableField f : fields) out.add(f.numericValue().intValue());
        return out;
    }

    // ------------------------------------------------------------------------------------------ validation



    // ------------------------------------------------------------------------------- articles, facets, stats

    @Override
    public Optional<ArticleView> article(String id, String query) throws InvalidQueryException {
        if (id == null || id.isBlank() || id.length() > MAX_ID_CHARS) return Optional.empty();
        String q = query == null ? "" : query;
        if (q.length() > SearchRequest.MAX_QUERY_CHARS) q = "";
        String text = q;
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(IndexSchema.ARTICLE_DOC_ID, id)), 1);
            if (top.scoreDocs.length == 0) return Optional.<ArticleView>empty();
            StoredFields stored = searcher.storedFields();
            BytesRef json = stored.document(top.scoreDocs[0].doc).getBinaryValue(IndexSchema.ARTICLE_JSON);
            // the searchable paragraphs' text lives in their own documents
            TermQuery paragraphs = new TermQuery(new Term(IndexSchema.ARTICLE_ID, id));
            ScoreDoc[] docs = searcher.search(paragraphs, Math.max(1, searcher.count(paragraphs))).scoreDocs;
            Map<Integer, String> texts = new HashMap<>();
            int[] ids = new int[docs.length];
            int[] ordinals = new int[docs.length];
            String[] paragraphTexts = new String[docs.length];
            Set<String> fields = Set.of(IndexSchema.ORDINAL, IndexSchema.TEXT);
            for (int i = 0; i < docs.length; i++) {
                Document p = stored.document(docs[i].doc, fields);
                ids[i] = docs[i].doc;
                ordinals[i] = p.getField(IndexSchema.ORDINAL).numericValue().intValue();
                paragraphTexts[i] = p.get(IndexSchema.TEXT);
                texts.put(ordinals[i], paragraphTexts[i]);
            }
            ArticleView article = schema.readArticle(json, texts);
            Query userQuery = text.isBlank() ? null : parsers.parse(text, searcher::resolveSpeaker, searcher.stems);
            if (userQuery == null) return Optional.of(article);
            // the same highlighter as the hits: what is marked is what matched
            List<List<Span>> spans = highlighting.spans(searcher, userQuery, ids, paragraphTexts);
            Map<Integer, List<Span>> byOrdinal = new HashMap<>();
            for (int i = 0; i < ids.length; i++) byOrdinal.put(ordinals[i], spans.get(i));
            List<ParagraphView> marked = new ArrayList<>(article.paragraphs().size());
            for (ParagraphView p : article.paragraphs()) marked.add(p.withHighlights(byOrdinal.getOrDefault(p.ordinal(), List.of())));
            return Optional.of(article.withParagraphs(marked));
        });
    }

    @Override
    public List<FacetValue> facetValues(FacetValuesRequest request) {
        java.util.function.Predicate<FacetValue> matches = request.matcher();
        int n = request.limit();
        if (!request.inContext()) {
            return withSearcher(searcher -> {
                List<FacetValue> out = new ArrayList<>(n);
                for (FacetValue v : searcher.allValues(request.dim().param())) {
                    if (matches.test(v)) out.add(v);
                    if (out.size() == n) break;
                }
                return out;
            });
        }
        // Under a search: the same drill-sideways counting as the search's facets, over every value of the dimension.
        SearchRequest req = request.search();
        String dim = request.dim().param();
        Set<String> selected = Set.copyOf(req.filter(request.dim()));
        return withSearcher(searcher -> {
            Query userQuery = parsers.parse(req.query(), searcher::resolveSpeaker, searcher.stems);
            Query base = userQuery == null ? IndexSchema.allParagraphs() : userQuery;
            Facets facets = countOf(searcher, CountKey.of(req), drillDown(base, req)).facets();
            org.apache.lucene.facet.FacetResult all;
            try {
                all = facets.getAllChildren(dim);
            } catch (IllegalArgumentException e) {
                all = null; // no value of the dimension anywhere in the index
            }
            List<FacetValue> out = new ArrayList<>();
            if (all == null) return out;
            for (org.apache.lucene.facet.LabelAndValue lv : all.labelValues) {
                long count = lv.value.longValue();
                if (count <= 0) continue;
                String label = FacetListing.label(dim, lv.label);
                FacetValue v = new FacetValue(lv.label, label, count, selected.contains(lv.label));
                if (matches.test(v)) out.add(v);
            }
            out.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
            return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
        });
    }

    @Override
    public Optional<WordsStartingWith> wordsStartingWith(String prefix) {
        if (!WordsStartingWith.lookable(prefix)) return Optional.empty();
        BytesRef normalised = wordAnalyzer.normalize(IndexSchema.TEXT, prefix);
        String typed = normalised.utf8ToString();
        return withSearcher(searcher -> {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), IndexSchema.TEXT);
            // the MAX_WORDS words in most documents so far, least first (ties: the later word in dictionary order first)
            PriorityQueue<Map.Entry<String, Long>> top = new PriorityQueue<>(WordsStartingWith.MAX_WORDS + 1,
                    Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
            long documents = 0, longer = 0, unlisted = 0;
            boolean scannedAll = true;
            int scanned = 0;
            TermsEnum it = terms == null ? null : terms.iterator();
            if (it != null && it.seekCeil(normalised) != TermsEnum.SeekStatus.END) {
                for (BytesRef t = it.term(); t != null && StringHelper.startsWith(t, normalised); t = it.next()) {
                    if (++scanned > WordsStartingWith.MAX_SCANNED) {
                        scannedAll = false;
                        break;
                    }
                    long docFreq = it.docFreq();
                    if (t.length == normalised.length) {
                        documents = docFreq;
                    } else {
                        longer = Math.max(longer, docFreq);
                    }
                    if (top.size() == WordsStartingWith.MAX_WORDS && docFreq <= top.peek().getValue()) {
                        unlisted = Math.max(unlisted, docFreq); // later in dictionary order: loses a tie
                        continue;
                    }
                    top.add(Map.entry(t.utf8ToString(), docFreq));
                    if (top.size() > WordsStartingWith.MAX_WORDS) unlisted = Math.max(unlisted, top.poll().getValue());
                }
            }
            boolean complete = scannedAll && scanned <= WordsStartingWith.MAX_WORDS;
            SortedMap<String, Long> words = new TreeMap<>();
            if (scannedAll) top.forEach(e -> words.put(e.getKey(), e.getValue()));
            return Optional.of(new WordsStartingWith(typed, documents, longer, complete, words, unlisted));
        });
    }

    @Override
    public IndexStats stats() {
        return withSearcher(s -> new IndexStats(s.articles, s.paragraphs, s.sizeBytes, s.lastBuild, served.generation()));
    }

    @Override
    public void close() throws IOException {
        wordAnalyzer.close();
        served.close();
    }
}
