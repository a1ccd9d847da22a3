package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.IOSupplier;

/**
 * One pass over the matches of a query that counts every facet dimension drill-sideways, and optionally collects
 * the hits: a dimension the request filters on is counted as if that filter were absent (all its values under the
 * other filters), so a user can widen a multi-select filter; the other dimensions are counted over the hits.
 *
 * <p>The pass runs the unfiltered query and tests each match against the filters in {@link FacetOrdinals} (the
 * document's facet values are read for counting anyway), see {@link FacetOrdinals#counter(FacetOrdinals.Selection,
 * org.apache.lucene.util.IOSupplier)}. The filtered query ({@link Filters#query()}) is for ranked searches, where a
 * conjunction lets Lucene skip.
 */
final class DrillSidewaysPass {
    private DrillSidewaysPass() {
    }

    /**
     * The filters of a request on the facet dimensions: as a drill-down query for ranking, and as the values each
     * dimension accepts for counting. Values of one dimension are alternatives; dimensions are combined with AND.
     */
    static final class Filters {
        private final Query base;
        private final DrillDownQuery query;
        private final Map<String, LinkedHashSet<String>> values = new LinkedHashMap<>();
        private final Map<String, Predicate<String>> tests = new LinkedHashMap<>();
        /** The filtered dimensions in the order they were added: the order of the drill-down's per-dimension queries. */
        private final List<String> dims = new ArrayList<>();
        /** The filters in slot terms, made once per search (see {@link #selection}), and the ordinals they are for. */
        private FacetOrdinals.Selection selection;
        private FacetOrdinals selectedFrom;

        Filters(FacetsConfig config, Query base) {
            this.base = base;
            this.query = new DrillDownQuery(config, base);
        }

        /** Keeps documents with {@code value} in {@code dim}. */
        void add(String dim, String value) {
            if (tests.containsKey(dim)) throw new IllegalArgumentException(dim + " already has a query filter");
            query.add(dim, value);
            selection = null;
            if (!values.containsKey(dim)) dims.add(dim);
            values.computeIfAbsent(dim, d -> new LinkedHashSet<>()).add(value);
        }

        /**
         * Keeps documents matching {@code filter}, which must match exactly the documents with a value of
         * {@code dim} that {@code accepts} accepts (e.g. a numeric range over the values' points).
         */
        void add(String dim, Query filter, Predicate<String> accepts) {
            if (values.containsKey(dim) || tests.containsKey(dim)) throw new IllegalArgumentException(dim + " is already filtered");
            query.add(dim, filter);
            selection = null;
            tests.put(dim, accepts);
            dims.add(dim);
        }

        /** The filtered dimensions, in the order they were added. */
        List<String> dims() {
            return List.copyOf(dims);
        }

        /** The filter of one dimension alone (the drill-down's own query for it). */
        Query dimQuery(String dim) {
            return query.getDrillDownQueries()[dims.indexOf(dim)];
        }

        /** The query without its filters. */
        Query base() {
            return base;
        }

        /** The base query with every filter: the documents a ranked search returns. */
        DrillDownQuery query() {
            return query;
        }

        /**
         * About the share of {@code counted}'s documents (a query's matches) that pass every filter, the dimensions
         * taken as independent.
         */
        double share(FacetOrdinals ordinals, FacetOrdinals.Counted counted) {
            if (dims.isEmpty()) return 1;
            double share = 1;
            for (String dim : dims) share *= ordinals.share(selection(ordinals), ordinals.dimIndex(dim), counted);
            return share;
        }

        /**
         * The filters as the slots of {@code ordinals} they accept: made once, then reused by every step of the search
         * that asks (the ranked hits' check, the counting passes).
         */
        FacetOrdinals.Selection selection(FacetOrdinals ordinals) {
            if (selection == null || selectedFrom != ordinals) {
                selection = ordinals.select(valueFilters());
                selectedFrom = ordinals;
            }
            return selection;
        }

        Map<String, FacetOrdinals.ValueFilter> valueFilters() {
            Map<String, FacetOrdinals.ValueFilter> out = new LinkedHashMap<>();
            values.forEach((dim, v) -> out.put(dim, new FacetOrdinals.ValueFilter(v, null)));
            tests.forEach((dim, t) -> out.put(dim, new FacetOrdinals.ValueFilter(null, t)));
            return out;
        }
    }

    /** Hits (null when not collected), the number of matches and the facet counts of one search. */
    record Result<T>(T hits, long total, OrdinalFacets facets) {
    }

    /**
     * Counts matches and facet values without scoring: the ranked hits are better found by a separate top-N
     * search, which can skip documents that cannot make the top N (Lucene's dynamic pruning), while counting
     * has to visit every match but needs no scores, norms or term frequencies. The matches that pass every filter
     * go to {@code keep} (when not null) if the pass visits them; see {@link MatchedDocs#complete()}.
     */
    static Result<Void> count(IndexSearcher searcher, FacetOrdinals ordinals, FrequentStems frequent, StemVariants stems,
                              Filters filters, MatchedDocs keep) throws IOException {
        FacetOrdinals.Counted counted = fromFrequentStem(searcher, ordinals, frequent, filters, keep);
        if (counted == null) counted = fromCountedStem(searcher, ordinals, frequent, stems, filters, OTHERS_SHARE, keep);
        if (counted == null) {
            FacetOrdinals.Selection selection = filters.selection(ordinals);
            counted = throughSelectiveFilter(searcher, ordinals, filters, selection, frequent.get(filters.base), SELECTIVE_SHARE, keep);
            if (counted == null) counted = counting(searcher, filters.base, ordinals.counter(selection, recorder(keep)));
        }
        return of(ordinals, counted);
    }

    private static IOSupplier<Collector> recorder(MatchedDocs keep) {
        return keep == null ? null : keep::recorder;
    }

    /** Two conjunction passes replace the pass over the base when they are expected to visit at most this share of it. */
    static final double SELECTIVE_SHARE = 0.25;

    /**
     * The counts of a query under two filters or more from two conjunctions instead of a pass over all its matches,
     * when the filters' shares (of {@code baseCounts}, the query's own counts when known, else of the index; as if
     * independent) say the two visit less than {@code maxShare} of them; else null. With s the most selective filter:
     * <ul>
     *   <li>the base AND filter s, counted as the base is: a match passing every filter counts in every dimension,
     *   one failing only the filter of d (not s) counts in d;</li>
     *   <li>the base AND the other filters, where a match failing filter s counts in s's dimension, and nothing
     *   else (a match passing s was counted above).</li>
     * </ul>
     * Together they count what the one pass would: every match that can count anywhere passes s or fails only s.
     * ("national" under a speaker and a year range visits the speaker's matches and those of the years, not every
     * paragraph with the word.)
     */
    static FacetOrdinals.Counted throughSelectiveFilter(IndexSearcher searcher, FacetOrdinals ordinals, Filters filters,
                                                        FacetOrdinals.Selection selection, FacetOrdinals.Counted baseCounts,
                                                        double maxShare, MatchedDocs keep) throws IOException {
        List<String> dims = filters.dims();
        if (dims.size() < 2) return null;
        double[] share = new double[dims.size()];
        int s = 0;
        for (int i = 0; i < share.length; i++) {
            int d = ordinals.dimIndex(dims.get(i));
            // among the base's matches when they were counted ahead (a word and a country go together), else overall
            share[i] = baseCounts == null ? ordinals.share(selection, d) : ordinals.share(selection, d, baseCounts);
            if (share[i] < share[s]) s = i;
        }
        double others = 1;
        for (int i = 0; i < share.length; i++) if (i != s) others *= share[i];
        if (share[s] + others > maxShare) return null;
        String selective = dims.get(s);
        // every match passing all the filters passes s: this pass sees them all
        FacetOrdinals.Counted passing = counting(searcher, both(filters.base, filters.dimQuery(selective)),
                ordinals.counter(selection, recorder(keep)));
        BooleanQuery.Builder rest = new BooleanQuery.Builder().add(filters.base, BooleanClause.Occur.FILTER);
        for (String dim : dims) if (!dim.equals(selective)) rest.add(filters.dimQuery(dim), BooleanClause.Occur.FILTER);
        FacetOrdinals.Counted failing = counting(searcher, rest.build(), ordinals.failingCounter(selection, ordinals.dimIndex(selective)));
        int[] counts = passing.slotCounts();
        for (int i = 0; i < counts.length; i++) counts[i] += failing.slotCounts()[i];
        return new FacetOrdinals.Counted(counts, passing.documents());
    }

    /**
     * The counts of a query that is a counted frequent stem, under at most one filter, from the stem's counts (see
     * {@link #underOneFilter}). Null when the query is not such a stem (the caller counts it in one pass).
     */
    private static FacetOrdinals.Counted fromFrequentStem(IndexSearcher searcher, FacetOrdinals ordinals,
                                                          FrequentStems frequent, Filters filters, MatchedDocs keep)
            throws IOException {
        if (filters.dims().size() > 1) return null;
        FacetOrdinals.Counted stem = frequent.get(filters.base);
        return stem == null ? null : underOneFilter(searcher, ordinals, filters, stem, COMPLEMENT_SHARE, keep);
    }

    /** Above this share of the base's matches passing the filter, those that fail it are counted instead. */
    static final double COMPLEMENT_SHARE = Double.parseDouble(System.getProperty("parley.search.complementShare", "0.6"));

    /**
     * The counts of a search under at most one filter from the base query's own counts ({@code base}, unfiltered).
     * With no filter they are those counts. Under a filter on dimension d, d is counted as if its filter were absent
     * (the base's counts), and the other dimensions over the base's matches that pass the filter: a conjunction that
     * skips the rest, or, when most of the matches pass ("cooperation" in 2014-2040), the base's counts minus those
     * of the matches that fail it (when their filter's share among the matches is above {@code complementShare}).
     * The conjunction's matches, the search's, go to {@code keep} when not null.
     */
    static FacetOrdinals.Counted underOneFilter(IndexSearcher searcher, FacetOrdinals ordinals, Filters filters,
                                                FacetOrdinals.Counted base, double complementShare, MatchedDocs keep)
            throws IOException {
        if (filters.dims().isEmpty()) return base;
        String dim = filters.dims().getFirst();
        int d = ordinals.dimIndex(dim);
        FacetOrdinals.Selection none = ordinals.select(Map.of());
        if (ordinals.share(filters.selection(ordinals), d, base) > complementShare) {
            Query failing = new BooleanQuery.Builder().add(filters.base, BooleanClause.Occur.FILTER)
                    .add(filters.dimQuery(dim), BooleanClause.Occur.MUST_NOT).build();
            FacetOrdinals.Counted out = counting(searcher, failing, ordinals.counter(none, null));
            int[] c = base.slotCounts().clone();
            for (int i = 0; i < c.length; i++) c[i] -= out.slotCounts()[i];
            ordinals.copyDimension(base.slotCounts(), c, d);
            return new FacetOrdinals.Counted(c, base.documents() - out.documents());
        }
        FacetOrdinals.Counted passing = counting(searcher, both(filters.base, filters.dimQuery(dim)), ordinals.counter(none, recorder(keep)));
        ordinals.copyDimension(base.slotCounts(), passing.slotCounts(), d);
        return passing;
    }

    /** The other clauses of a counted stem's search are counted apart when they match at most this share of the index. */
    static final double OTHERS_SHARE = Double.parseDouble(System.getProperty("parley.search.othersShare", "0.5"));

    /**
     * The counts of a search that is a counted frequent stem A with exclusions ("relations NOT people": A NOT B) or
     * alternatives ("releasing OR deranged": A OR B), under at most one filter, from A's counts, when B is rare enough
     * for that to visit less; else null. Exact, since a drill-sideways count adds up over disjoint sets of matches:
     * <ul>
     *   <li>A NOT B counts as A minus A AND B (the matches of A split into the two);</li>
     *   <li>A OR B counts as A plus B NOT A.</li>
     * </ul>
     * Under a filter, these are the base's counts for {@link #underOneFilter}. ("relations NOT people" visits the
     * paragraphs with both words instead of the 150,000 with the first alone.)
     */
    static FacetOrdinals.Counted fromCountedStem(IndexSearcher searcher, FacetOrdinals ordinals, FrequentStems frequent,
                                                 StemVariants stems, Filters filters, double maxShare, MatchedDocs keep)
            throws IOException {
        List<String> dims = filters.dims();
        if (dims.size() > 1 || !(filters.base instanceof BooleanQuery bq) || bq.getMinimumNumberShouldMatch() != 0) return null;
        // the clauses of one kind besides the stem: all MUST_NOT (exclusions) or all SHOULD (alternatives)
        BooleanClause.Occur others = null;
        Query stem = null;
        FacetOrdinals.Counted counts = null;
        BooleanQuery.Builder rest = new BooleanQuery.Builder();
        for (BooleanClause c : bq.clauses()) {
            FacetOrdinals.Counted clauseCounts = stem == null ? frequent.get(c.query()) : null;
            if (clauseCounts != null && (c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.SHOULD)) {
                stem = c.query();
                counts = clauseCounts;
                if (c.occur() == BooleanClause.Occur.MUST) {
                    if (others == BooleanClause.Occur.SHOULD) return null;
                    others = BooleanClause.Occur.MUST_NOT;
                }
                continue;
            }
            BooleanClause.Occur kind = c.occur() == BooleanClause.Occur.MUST_NOT ? c.occur()
                    : c.occur() == BooleanClause.Occur.SHOULD ? c.occur() : null;
            if (kind == null || (others != null && others != kind)) return null;
            others = kind;
            rest.add(c.query(), BooleanClause.Occur.SHOULD);
        }
        if (stem == null || others == null) return null;
        Query alternatives = rest.build();
        // the sum of the other clauses' bounds (MatchBound.UNKNOWN when any is unknown)
        if (MatchBound.of(alternatives, searcher.getIndexReader(), stems) > maxShare * searcher.getIndexReader().numDocs()) return null;
        boolean excluded = others == BooleanClause.Occur.MUST_NOT;
        // the matches that A NOT B lacks, or that A OR B adds, to those of A
        Query difference = excluded ? both(stem, alternatives)
                : new BooleanQuery.Builder().add(alternatives, BooleanClause.Occur.FILTER).add(stem, BooleanClause.Occur.MUST_NOT).build();
        FacetOrdinals.Counted diff = counting(searcher, difference, ordinals.counter(ordinals.select(Map.of()), null));
        int sign = excluded ? -1 : 1;
        int[] c = counts.slotCounts().clone();
        for (int i = 0; i < c.length; i++) c[i] += sign * diff.slotCounts()[i];
        return underOneFilter(searcher, ordinals, filters, new FacetOrdinals.Counted(c, counts.documents() + sign * diff.documents()),
                COMPLEMENT_SHARE, keep);
    }

    /** A counting pass, split over idle cores when it is wide (see {@link ParleySearcher#searchCounting}). */
    private static <C extends Collector, T> T counting(IndexSearcher searcher, Query query, CollectorManager<C, T> manager)
            throws IOException {
        return searcher instanceof ParleySearcher parley ? parley.searchCounting(query, manager) : searcher.search(query, manager);
    }

    private static Query both(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.FILTER).build();
    }

    /**
     * Collects {@code hits} over the documents that pass every filter and counts facets in the same pass (for
     * collectors that must see every match anyway).
     */
    static <C extends Collector, T> Result<T> search(IndexSearcher searcher, FacetOrdinals ordinals, Filters filters,
                                                     CollectorManager<C, T> hits) throws IOException {
        List<C> collectors = Collections.synchronizedList(new ArrayList<>());
        FacetOrdinals.Counted counted = counting(searcher, filters.base,
                ordinals.counter(filters.selection(ordinals), () -> {
                    C c = hits.newCollector();
                    collectors.add(c);
                    return c;
                }));
        return new Result<>(hits.reduce(collectors), counted.documents(), counts(ordinals, counted));
    }

    /** A counting pass's result as facet counts by dimension. */
    static Result<Void> of(FacetOrdinals ordinals, FacetOrdinals.Counted counted) {
        return new Result<>(null, counted.documents(), counts(ordinals, counted));
    }

    private static OrdinalFacets counts(FacetOrdinals ordinals, FacetOrdinals.Counted counted) {
        int[][] counts = new int[ordinals.dims().size()][];
        for (int d = 0; d < counts.length; d++) counts[d] = ordinals.slice(counted.slotCounts(), d);
        return new OrdinalFacets(ordinals, counts);
    }
}
