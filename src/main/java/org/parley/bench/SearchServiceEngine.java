package org.parley.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;
import org.parley.search.SortOrder;

/** Runs the query mix in-process against parley's {@link SearchService} (thread-safe: one shared service). */
public final class SearchServiceEngine implements QueryEngine {
    private final SearchService service;

    public SearchServiceEngine(SearchService service) {
        this.service = service;
    }

    /** The request the mix's query becomes: relevance order, first page of 10 highlighted hits, all facets. */
    public static SearchRequest request(BenchQuery q) {
        Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
        q.filters().forEach((dim, values) -> filters.put(Dimension.fromParam(dim), values));
        return new SearchRequest(q.lucene(), filters, q.yearFrom(), q.yearTo(), SortOrder.RELEVANCE, 1, 10, null, false,
                SearchRequest.DEFAULT_FACET_SIZE);
    }

    @Override
    public Session open() {
        return q -> {
            SearchResult r = service.search(request(q));
            int values = 0;
            for (Facet f : r.facets()) values += f.values().size();
            return new Outcome(r.total(), r.hits().size(), values);
        };
    }
}
