package org.parley.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.parley.search.Facet;
import org.parley.search.Hit;
import org.parley.search.SearchResult;

/** What the API adds to the contract's records: the snippet HTML, made at the edge with the page's escaper. */
final class ApiJson {
    private ApiJson() {
    }

    /** A hit with its {@code snippet}: the text escaped, its highlight spans in {@code <mark>}. */
    record ApiHit(@JsonUnwrapped Hit hit, String snippet) {
        static ApiHit of(Hit h) {
            return of(h, HitView.ALL);
        }

        static ApiHit of(Hit h, HitView view) {
            return new ApiHit(h, view.snippet(h));
        }
    }

    record ApiResult(long total, long tookMs, int page, int size, List<ApiHit> hits, List<Facet> facets,
                     String nextCursor, String didYouMean) {
        static ApiResult of(SearchResult r) {
            return of(r, HitView.ALL);
        }

        static ApiResult of(SearchResult r, HitView view) {
            return new ApiResult(r.total(), r.tookMs(), r.page(), r.size(), r.hits().stream().map(h -> ApiHit.of(h, view)).toList(),
                    r.facets(), r.nextCursor(), r.didYouMean());
        }
    }
}
