package org.parley.search;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total      matching paragraphs (with grouping: matching articles)
 * @param nextCursor cursor for the page after this one, or null on the last page
 * @param didYouMean a spelling suggestion when the query finds little and a close term exists, or null
 */
public record SearchResult(long total, long tookMs, int page, int size, List<Hit> hits, List<Facet> facets,
                           String nextCursor, String didYouMean) {
}
