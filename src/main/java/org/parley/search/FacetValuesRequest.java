package org.parley.search;

import java.util.List;
import java.util.Map;

/**
 * A request for the values of one facet that start with a prefix (autocomplete), valid by construction. With a
 * query or filters the values are those of the matching paragraphs, counted under them (drill-sideways, as the
 * search's own facets: the facet's own selection does not narrow its counts), so that a suggestion never leads to
 * an empty result; without, they are the whole index's.
 *
 * @param prefix   prefix of the value, its label or any of their words, case and accents ignored (a country also by
 *                 any of its names); blank lists the most frequent values
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

    /**
     * Which values the prefix asks for, one rule for every backend: the prefix begins the value, its label or one of
     * their words (after a space, hyphen or other non-letter: "sen" finds "Hun Sen", "obeidi" "Basim al-Obeidi"),
     * with case and accents ignored, since a box is typed without them ("turk" finds "Türkiye", "ruta" "Rūta"); a
     * country is also found by any name it is filtered by ("Turkey", see {@link CountryNames}).
     */
    public java.util.function.Predicate<FacetValue> matcher() {
        if (prefix.isEmpty()) return v -> true;
        String folded = fold(prefix);
        String country = dim == Dimension.COUNTRY ? CountryNames.code(prefix).orElse(null) : null;
        return v -> v.value().equals(country) || beginsWord(fold(v.value()), folded)
                || (v.label() != null && beginsWord(fold(v.label()), folded));
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    /** Lower case without accents; ASCII (most values) without the normaliser's cost. */
    static String fold(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) ascii = s.charAt(i) < 0x80;
        String plain = ascii ? s : MARKS.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)).replaceAll("");
        return plain.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean beginsWord(String text, String prefix) {
        for (int i = text.indexOf(prefix.charAt(0)); i >= 0; i = text.indexOf(prefix.charAt(0), i + 1)) {
            if ((i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))) && text.startsWith(prefix, i)) return true;
        }
        return false;
    }

    /** The search whose matching paragraphs the values are counted over. */
    public SearchRequest search() {
        return new SearchRequest(query, filters, yearFrom, yearTo, SortOrder.RELEVANCE, 1, 1, null, false, 0);
    }
}
