package org.parley.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search request, valid by construction: every bound, allowed value and error code of a request is here, so
 * the API, the page, the exports and the command line refuse the same things with the same words.
 *
 * @param query     query text in the full syntax; blank matches all paragraphs
 * @param filters   selected values per dimension; values of one dimension are OR-ed, dimensions AND-ed; countries
 *                  may be named by code or English name and are held by code
 * @param yearFrom  inclusive lower bound on the paragraph's years, or null
 * @param yearTo    inclusive upper bound, or null
 * @param sort      result order
 * @param page      1-based page number (ignored when a cursor is given)
 * @param size      hits per page, 0..{@link #MAX_SIZE} (0: the total and facet counts only)
 * @param cursor    opaque search-after cursor from a previous response, or null
 * @param groupByArticle at most one (the best) paragraph per article
 * @param facetSize how many values to return per facet
 * @throws InvalidQueryException when a value is out of bounds
 */
public record SearchRequest(String query, Map<Dimension, List<String>> filters, Integer yearFrom, Integer yearTo,
                            SortOrder sort, int page, int size, String cursor, boolean groupByArticle, int facetSize) {
    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    /** Longest query text accepted. */
    public static final int MAX_QUERY_CHARS = 2000;
    public static final int DEFAULT_FACET_SIZE = 10;
    public static final int MAX_FACET_SIZE = 500;
    /** Selected values per dimension: every chip and facet link repeats them all, so pages grow with its square. */
    public static final int MAX_VALUES_PER_FILTER = 50;
    public static final int MAX_VALUE_CHARS = 200;
    /** Deepest hit reachable with {@code page}; beyond it clients use the cursor (as Elasticsearch does). */
    public static final int MAX_PAGE_DEPTH = 10_000;
    public static final int MIN_YEAR = -9999;
    public static final int MAX_YEAR = 9999;

    public SearchRequest {
        query = query == null ? "" : query;
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
        if (query.length() > MAX_QUERY_CHARS) {
            throw new InvalidQueryException("query_too_long", "the query is too long: at most " + MAX_QUERY_CHARS
                    + " characters", "q");
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new InvalidQueryException("invalid_size", "size must be between 0 (facet counts only) and " + MAX_SIZE, "size");
        }
        if (page < 1) throw new InvalidQueryException("invalid_page", "page must be 1 or more", "page");
        if ((long) page * size > MAX_PAGE_DEPTH) {
            throw new InvalidQueryException("page_too_deep", "page * size must not exceed " + MAX_PAGE_DEPTH
                    + "; use the cursor (next_cursor) to page deeper", "page");
        }
        if (facetSize < 0 || facetSize > MAX_FACET_SIZE) {
            throw new InvalidQueryException("invalid_facet_size", "facet_size must be between 0 and " + MAX_FACET_SIZE, "facet_size");
        }
        checkYear(yearFrom, "year_from");
        checkYear(yearTo, "year_to");
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new InvalidQueryException("invalid_year_range", "year_from (" + yearFrom + ") is after year_to (" + yearTo + ")",
                    "year_from");
        }
        filters = validFilters(filters);
    }

    /** A request for the first page of {@code query} with defaults everywhere else. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), null, null, SortOrder.RELEVANCE, 1, DEFAULT_SIZE, null, false, DEFAULT_FACET_SIZE);
    }

    public List<String> filter(Dimension dim) {
        return filters.getOrDefault(dim, List.of());
    }

    /** Whether anything narrows the search beyond the query text. */
    public boolean narrowed() {
        return !filters.isEmpty() || yearFrom != null || yearTo != null;
    }

    /**
     * Identifies what a cursor may be used with: the query, filters, year range and grouping, not the page, size or
     * sort (the cursor records its sort itself). A cursor only has to recognise its own query, not resist forgery
     * (it grants nothing): a 64-bit FNV-1a hash does that at a fraction of a SHA-256 digest's cost per request.
     */
    public String cursorKey() {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("q", query.strip());
        canonical.put("f", filters); // an EnumMap: always in dimension order
        canonical.put("from", yearFrom);
        canonical.put("to", yearTo);
        canonical.put("group", groupByArticle);
        long hash = 0xcbf29ce484222325L;
        String text = canonical.toString();
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(hash);
    }

    /** This request for another page, cursor or size (exports page through a search this way). */
    public SearchRequest withPage(int newPage, int newSize, String newCursor) {
        return new SearchRequest(query, filters, yearFrom, yearTo, sort, newPage, newSize, newCursor, groupByArticle, facetSize);
    }

    /** The {@code group} parameter: {@code article} groups hits by article; blank or {@code none} does not. */
    public static boolean parseGroup(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.isEmpty() || v.equals("none")) return false;
        if (v.equals("article")) return true;
        throw new InvalidQueryException("invalid_group", "group must be 'article' or absent", "group");
    }

    /** The year a text names, as a filter value or a range bound. */
    public static int parseYear(String value, String param) {
        String v = value == null ? "" : value.strip();
        try {
            int year = Integer.parseInt(v);
            checkYear(year, param);
            return year;
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("invalid_year", param + " must be a year such as 2016, not '" + shorten(v) + "'", param);
        }
    }

    private static void checkYear(Integer year, String param) {
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            throw new InvalidQueryException("invalid_year", param + " must be a year such as 2016, not '" + year + "'", param);
        }
    }

    private static Map<Dimension, List<String>> validFilters(Map<Dimension, List<String>> filters) {
        Map<Dimension, List<String>> out = new EnumMap<>(Dimension.class);
        if (filters == null) return Map.of();
        for (Map.Entry<Dimension, List<String>> e : filters.entrySet()) {
            Dimension dim = e.getKey();
            if (e.getValue().size() > MAX_VALUES_PER_FILTER) {
                throw new InvalidQueryException("too_many_values", "at most " + MAX_VALUES_PER_FILTER + " values of '" + dim
                        + "'", dim.param());
            }
            List<String> values = new ArrayList<>();
            for (String raw : e.getValue()) {
                String v = raw == null ? "" : raw.strip();
                if (v.isEmpty()) continue;
                if (v.length() > MAX_VALUE_CHARS) {
                    throw new InvalidQueryException("invalid_value", dim + " value is too long (limit " + MAX_VALUE_CHARS
                            + " characters)", dim.param());
                }
                String value = switch (dim) {
                    case YEAR -> Integer.toString(parseYear(v, dim.param()));
                    case COUNTRY -> CountryNames.code(v).orElseThrow(() -> new InvalidQueryException("unknown_value",
                            "unknown country '" + shorten(v) + "': use an ISO 3166-1 alpha-2 code or an English name", dim.param()));
                    case SPEAKER -> v;
                };
                if (!values.contains(value)) values.add(value);
            }
            if (!values.isEmpty()) out.put(dim, List.copyOf(values));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    static String shorten(String s) {
        if (s == null) return "";
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
