package org.parley.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.search.Dimension;
import org.parley.search.Hit;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;

/** Collects the hits of a search for download, paging through the service, at most {@link #MAX_ROWS} of them. */
final class Exports {
    static final int MAX_ROWS = 10_000;

    private Exports() {
    }

    /** The hits of a search (all pages, from the first), bounded. */
    record Collected(long total, List<Hit> hits) {
        boolean truncated() {
            return total > hits.size();
        }
    }

    static Collected collect(SearchService service, UrlState state, int maxRows) throws InvalidQueryException {
        List<Hit> hits = new ArrayList<>();
        SearchRequest base = state.withGrouped(false).withPage(1).toRequest(SearchRequest.MAX_SIZE, 1);
        String cursor = null;
        int page = 1;
        long total = 0;
        while (hits.size() < maxRows) {
            SearchRequest request = base.withPage(page, base.size(), cursor);
            SearchResult result = service.search(request);
            total = result.total();
            for (Hit h : result.hits()) {
                if (hits.size() >= maxRows) break;
                hits.add(h);
            }
            if (result.hits().size() < base.size() || hits.size() >= total) break;
            if (result.nextCursor() != null) { // search_after: stays correct and cheap however deep
                cursor = result.nextCursor();
                page = 1;
            } else {
                cursor = null;
                page++;
            }
        }
        return new Collected(total, hits);
    }

    static String csv(Collected collected) {
        StringBuilder sb = new StringBuilder(CsvExport.header());
        for (Hit h : collected.hits()) sb.append(CsvExport.row(h));
        return sb.toString();
    }

    static Map<String, Object> json(UrlState state, Collected collected) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", state.q());
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Dimension dim : Dimension.values()) if (!state.values(dim).isEmpty()) filters.put(dim.param(), state.values(dim));
        out.put("filters", filters);
        out.put("year_from", state.yearFrom());
        out.put("year_to", state.yearTo());
        out.put("sort", state.sort().param());
        out.put("total", collected.total());
        out.put("exported", collected.hits().size());
        out.put("truncated", collected.truncated());
        out.put("hits", ApiJson.hits(collected.hits()));
        return out;
    }
}
