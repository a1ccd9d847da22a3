package org.parley.search;

import java.util.List;
import java.util.Map;

/**
 * A request for the values of one facet that start with a prefix (autocomplete), valid by construction. With a
 * query or filters the values are those of the matching paragraphs, counted under them (drill-sideways, as the
 * search's own facets: the facet's own selection does not narrow its counts), so that a suggestion never leads to
 * an empty result; without, they are the whole index's.
 *
 * @param prefix   case-insensitive prefix of the value or of any of its words; blank lists the most frequent values
 * @param limit    values to return, 1..{@link #MAX_LIMIT}
 * @param query    the search's query text (full syntax; blank: every paragraph)
 * @param filters  the search's selected values per dimension
 * @param yearFrom the search's inclusive year range, or null
 * @throws InvalidQueryException for a bound out of range, with the same codes as {@link SearchRequest}
 */
public record FacetValuesRequest(Dimension dim, String prefix, int limit, String query, Map<Dimension, List<String>> filters,
                                 Integer yearFrom, Integer yearTo) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_PREFIX_CHARS = 100;

    public FacetValuesRequest {
        if (dim == null) throw new InvalidQueryException("unknown_facet", "a facet is required: country, year or speaker", "dim");
        prefix = prefix == null ? "" : prefix.strip();
        if (prefix.length() > MAX_PREFIX_CHARS) {
            throw new InvalidQueryException("invalid_prefix", "prefix is too long (limit " + MAX_PREFIX_CHARS + ")", "prefix");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("invalid_limit", "limit must be between 1 and " + MAX_LIMIT, "limit");
        }
        // the search part is checked by the search request it is (same bounds, codes and words)
        SearchRequest search = new SearchRequest(query, filters, yearFrom, yearTo, SortOrder.RELEVANCE, 1, 1, null, false, 0);
        query = search.query();
        filters = search.filters();
    }

    /** Values over the whole index. */
    public FacetValuesRequest(Dimension dim, String prefix, int limit) {
        this(dim, prefix, limit, "", Map.of(), null, null);
    }

    /** Whether the values are those of a search (a query or a filter) rather than of the whole index. */
    public boolean inContext() {
        return !query.isBlank() || !filters.isEmpty() || yearFrom != null || yearTo != null;
    }

    /** The search whose matching paragraphs the values are counted over. */
    public SearchRequest search() {
        return new SearchRequest(query, filters, yearFrom, yearTo, SortOrder.RELEVANCE, 1, 1, null, false, 0);
    }
}
