package org.parley.search;

import java.util.List;
import java.util.Map;

/**
 * A validated search request.
 *
 * @param query     query text in the full syntax; blank matches all paragraphs
 * @param filters   facet dimension ({@code country}, {@code year}, {@code speaker}) to selected values;
 *                  values of one dimension are OR-ed, dimensions AND-ed
 * @param yearFrom  inclusive lower bound on the paragraph's years, or null
 * @param yearTo    inclusive upper bound, or null
 * @param sort      result order
 * @param page      1-based page number (ignored when a cursor is given)
 * @param size      hits per page, 1..{@link #MAX_SIZE}
 * @param cursor    opaque search-after cursor from a previous response, or null
 * @param groupByArticle at most one (the best) paragraph per article
 * @param facetSize how many values to return per facet
 */
public record SearchRequest(String query, Map<String, List<String>> filters, Integer yearFrom, Integer yearTo,
                            SortOrder sort, int page, int size, String cursor, boolean groupByArticle, int facetSize) {
    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    /** Longest query text accepted, by the API and the search page alike. */
    public static final int MAX_QUERY_CHARS = 2000;
    public static final int DEFAULT_FACET_SIZE = 10;
    public static final int MAX_FACET_SIZE = 500;
    public static final List<String> DIMENSIONS = List.of("country", "year", "speaker");

    public SearchRequest {
        query = query == null ? "" : query;
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
    }

    /** A request for the first page of {@code query} with defaults everywhere else. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), null, null, SortOrder.RELEVANCE, 1, DEFAULT_SIZE, null, false, DEFAULT_FACET_SIZE);
    }

    public List<String> filter(String dim) {
        return filters.getOrDefault(dim, List.of());
    }
}
