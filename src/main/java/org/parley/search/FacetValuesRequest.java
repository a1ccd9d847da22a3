package org.parley.search;

/**
 * A request for the values of one facet that start with a prefix (autocomplete), valid by construction.
 *
 * @param prefix case-insensitive prefix of the value or of any of its words; blank lists the most frequent values
 * @param limit  values to return, 1..{@link #MAX_LIMIT}
 */
public record FacetValuesRequest(Dimension dim, String prefix, int limit) {
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
    }
}
