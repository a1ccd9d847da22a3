package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.taxonomy.TaxonomyReader;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;

/**
 * One pass over the matches of a drill-down query that collects the hits and counts every facet dimension,
 * drill-sideways: a dimension the query filters on is counted as if that filter were absent (all its values
 * under the other filters), so a user can widen a multi-select filter; the other dimensions are counted over
 * the hits.
 *
 * <p>Lucene's {@link DrillSideways} finds, in the same pass, the documents that miss exactly one filter; the
 * counting itself reads {@link FacetOrdinals} instead of facet doc values.
 */
final class FacetedSearch {
    private FacetedSearch() {
    }

    /**
     * A drill-down query and the dimensions it filters on, in the order they were first added (the order in
     * which {@link DrillSideways} reports its sideways results).
     */
    static final class Filters {
        private final DrillDownQuery query;
        private final List<String> dims = new ArrayList<>();

        Filters(FacetsConfig config, Query base) {
            this.query = new DrillDownQuery(config, base);
        }

        /** Keeps documents with {@code value} in {@code dim}; values of one dimension are alternatives. */
        void add(String dim, String value) {
            query.add(dim, value);
            if (!dims.contains(dim)) dims.add(dim);
        }

        /** Keeps documents matching {@code filter}, counted as a filter on {@code dim}. */
        void add(String dim, Query filter) {
            query.add(dim, filter);
            if (!dims.contains(dim)) dims.add(dim);
        }

        DrillDownQuery query() {
            return query;
        }
    }

    /** Hits (null when not collected), the number of matches and the facet counts of one search. */
    record Result<T>(T hits, long total, FacetCounts facets) {
    }

    /**
     * Counts matches and facet values without scoring: the ranked hits are better found by a separate top-N
     * search, which can skip documents that cannot make the top N (Lucene's dynamic pruning), while counting
     * has to visit every match but needs no scores, norms or term frequencies.
     */
    static Result<Void> count(IndexSearcher searcher, FacetsConfig config, FacetOrdinals ordinals, Filters filters)
            throws IOException {
        return run(searcher, config, ordinals, filters, null);
    }

    /** Collects {@code hits} and counts facets in one pass (for collectors that must see every match anyway). */
    static <T> Result<T> search(IndexSearcher searcher, FacetsConfig config, FacetOrdinals ordinals,
                                Filters filters, CollectorManager<?, T> hits) throws IOException {
        return run(searcher, config, ordinals, filters, hits);
    }

    private static <T> Result<T> run(IndexSearcher searcher, FacetsConfig config, FacetOrdinals ordinals,
                                     Filters filters, CollectorManager<?, T> hits) throws IOException {
        List<String> dims = ordinals.dims();
        List<String> filtered = filters.dims;
        DrillDownQuery query = filters.query;
        CollectorManager<?, ?> main = hits == null ? ordinals.counter() : new MultiCollectorManager(hits, ordinals.counter());
        Object mainResult;
        List<FacetOrdinals.Counted> sidewaysResults = List.of();
        if (filtered.isEmpty()) {
            mainResult = searcher.search(query, main);
        } else {
            List<CollectorManager<FacetOrdinals.Counter, FacetOrdinals.Counted>> sideways = new ArrayList<>(filtered.size());
            for (int i = 0; i < filtered.size(); i++) sideways.add(ordinals.counter());
            DrillSideways.Result<?, FacetOrdinals.Counted> r =
                    new DrillSideways(searcher, config, (TaxonomyReader) null).search(query, main, sideways);
            mainResult = r.drillDownResult();
            sidewaysResults = r.drillSidewaysResults();
        }
        FacetOrdinals.Counted overHitsCounted;
        T hitsResult = null;
        if (hits == null) {
            overHitsCounted = (FacetOrdinals.Counted) mainResult;
        } else {
            Object[] both = (Object[]) mainResult;
            @SuppressWarnings("unchecked")
            T h = (T) both[0];
            hitsResult = h;
            overHitsCounted = (FacetOrdinals.Counted) both[1];
        }
        // a filtered dimension is counted over the documents that pass every other filter (its sideways pass)
        int[][] counts = new int[dims.size()][];
        for (int d = 0; d < counts.length; d++) {
            int i = filtered.indexOf(dims.get(d));
            counts[d] = ordinals.slice(i < 0 ? overHitsCounted.slotCounts() : sidewaysResults.get(i).slotCounts(), d);
        }
        return new Result<>(hitsResult, overHitsCounted.documents(), new FacetCounts(ordinals, counts));
    }
}
