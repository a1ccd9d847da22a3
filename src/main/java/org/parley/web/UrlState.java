package org.parley.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parley.search.Dimension;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchRequest;
import org.parley.search.SortOrder;

/**
 * Everything the search page shows is determined by its URL: query, selected facet values (in the order they were
 * added), year range, sort, page and which facet lists are expanded. Immutable: every {@code with...} returns a copy,
 * and changing what is searched for goes back to page 1.
 *
 * @param filters selected facet values in the order they were added
 * @param grouped at most one paragraph per article ({@code group=article})
 * @param more    facet dimensions whose full value list is shown
 */
record UrlState(String q, List<Filter> filters, Integer yearFrom, Integer yearTo, SortOrder sort, boolean grouped,
                int page, List<Dimension> more) {
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cc}\uFFFD]+");

    /** One selected facet value. */
    record Filter(Dimension dim, String value) {
    }

    UrlState {
        q = q == null ? "" : q;
        filters = List.copyOf(filters.stream().distinct().toList());
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        page = Math.max(1, page);
        more = List.copyOf(more.stream().distinct().toList());
    }

    static UrlState empty() {
        return new UrlState("", List.of(), null, null, SortOrder.RELEVANCE, false, 1, List.of());
    }

    /**
     * Parses a raw (still encoded) query string, rejecting what cannot be read; {@link #toRequest} applies the
     * request's own bounds.
     */
    static UrlState parse(String rawQuery) {
        return parse(rawQuery, true);
    }

    /**
     * Parses what can be parsed and drops the rest, within the request's bounds (so that an error page for a
     * 4,000-filter URL stays small): used to redisplay the form next to an error message.
     */
    static UrlState parseLenient(String rawQuery) {
        return parse(rawQuery, false);
    }

    private static UrlState parse(String rawQuery, boolean strict) throws InvalidQueryException {
        String q = "";
        List<Filter> filters = new ArrayList<>();
        Integer from = null;
        Integer to = null;
        SortOrder sort = SortOrder.RELEVANCE;
        int page = 1;
        boolean grouped = false;
        List<Dimension> more = new ArrayList<>();
        for (Map.Entry<String, String> p : pairs(rawQuery)) {
            // Control characters (pasted tabs, NULs) and undecodable bytes become spaces: a search box forgives.
            String value = CONTROL.matcher(p.getValue()).replaceAll(" ");
            switch (p.getKey()) {
                case "q" -> q = value.strip();
                case "country", "year", "speaker" -> {
                    Dimension dim = Dimension.fromParam(p.getKey());
                    boolean room = strict || filters.stream().filter(f -> f.dim() == dim).count() < SearchRequest.MAX_VALUES_PER_FILTER;
                    if (!value.isBlank() && room) filters.add(new Filter(dim, value.strip()));
                }
                case "year_from" -> from = year(value, "year_from", strict, from);
                case "year_to" -> to = year(value, "year_to", strict, to);
                case "sort" -> {
                    try {
                        sort = SortOrder.fromParam(value);
                    } catch (InvalidQueryException e) {
                        if (strict) throw e;
                    }
                }
                case "page" -> page = page(value, strict);
                case "group" -> {
                    try {
                        grouped = SearchRequest.parseGroup(value);
                    } catch (InvalidQueryException e) {
                        if (strict) throw e;
                    }
                }
                case "more" -> {
                    for (Dimension d : Dimension.values()) if (d.param().equals(value)) more.add(d);
                }
                default -> { } // unknown parameters are ignored so that old links keep working
            }
        }
        if (!strict && q.length() > SearchRequest.MAX_QUERY_CHARS) q = q.substring(0, SearchRequest.MAX_QUERY_CHARS);
        if (!strict && from != null && to != null && from > to) {
            Integer swap = from;
            from = to;
            to = swap;
        }
        return new UrlState(q, filters, from, to, sort, grouped, page, more);
    }

    private static Integer year(String value, String param, boolean strict, Integer previous) {
        if (value.isBlank()) return previous;
        try {
            return SearchRequest.parseYear(value, param);
        } catch (InvalidQueryException e) {
            if (strict) throw e;
            return previous;
        }
    }

    private static int page(String value, boolean strict) {
        try {
            int page = Integer.parseInt(value.strip());
            if (page >= 1) return strict ? page : Math.min(page, SearchRequest.MAX_PAGE_DEPTH / SearchPage.PAGE_SIZE);
        } catch (NumberFormatException ignored) {
            // a number too large for an int is a page past every end, not "less than 1"
            if (value.strip().matches("\\+?\\d+")) return strict ? Integer.MAX_VALUE : SearchRequest.MAX_PAGE_DEPTH / SearchPage.PAGE_SIZE;
        }
        if (strict) throw new InvalidQueryException("invalid_page", "page must be 1 or more", "page");
        return 1;
    }

    /** Decoded name/value pairs in their order in the query string. */
    static List<Map.Entry<String, String>> pairs(String rawQuery) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) return out;
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            out.add(Map.entry(name, value));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // a stray % is taken literally
            return s;
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- reading ----

    List<String> values(Dimension dim) {
        return filters.stream().filter(f -> f.dim().equals(dim)).map(Filter::value).toList();
    }

    boolean has(Dimension dim, String value) {
        return filters.contains(new Filter(dim, value));
    }

    boolean hasYearRange() {
        return yearFrom != null || yearTo != null;
    }

    boolean expanded(Dimension dim) {
        return more.contains(dim);
    }

    /** Whether anything narrows the search beyond the query text. */
    boolean narrowed() {
        return !filters.isEmpty() || hasYearRange();
    }

    boolean isEmpty() {
        return q.isEmpty() && !narrowed();
    }

    /** The request this state asks for; refused with the request's own error when out of bounds. */
    SearchRequest toRequest(int size, int facetSize) {
        Map<Dimension, List<String>> byDim = new EnumMap<>(Dimension.class);
        for (Filter f : filters) byDim.computeIfAbsent(f.dim(), d -> new ArrayList<>()).add(f.value());
        return new SearchRequest(q, byDim, yearFrom, yearTo, sort, page, size, null, grouped, facetSize);
    }

    // ---- changing ----

    UrlState withQuery(String newQ) {
        return new UrlState(newQ, filters, yearFrom, yearTo, sort, grouped, 1, more);
    }

    UrlState withFilter(Dimension dim, String value) {
        if (has(dim, value)) return withPage(1);
        List<Filter> next = new ArrayList<>(filters);
        next.add(new Filter(dim, value));
        return new UrlState(q, next, yearFrom, yearTo, sort, grouped, 1, more);
    }

    UrlState withoutFilter(Dimension dim, String value) {
        List<Filter> next = new ArrayList<>(filters);
        next.remove(new Filter(dim, value));
        return new UrlState(q, next, yearFrom, yearTo, sort, grouped, 1, more);
    }

    UrlState toggle(Dimension dim, String value) {
        return has(dim, value) ? withoutFilter(dim, value) : withFilter(dim, value);
    }

    UrlState withoutFilters() {
        return new UrlState(q, List.of(), null, null, sort, grouped, 1, more);
    }

    UrlState withYearRange(Integer from, Integer to) {
        return new UrlState(q, filters, from, to, sort, grouped, 1, more);
    }

    UrlState withSort(SortOrder newSort) {
        return new UrlState(q, filters, yearFrom, yearTo, newSort, grouped, 1, more);
    }

    UrlState withGrouped(boolean newGrouped) {
        return new UrlState(q, filters, yearFrom, yearTo, sort, newGrouped, 1, more);
    }

    UrlState withPage(int newPage) {
        return new UrlState(q, filters, yearFrom, yearTo, sort, grouped, newPage, more);
    }

    UrlState withMore(Dimension dim, boolean expanded) {
        List<Dimension> next = new ArrayList<>(more);
        next.remove(dim);
        if (expanded) next.add(dim);
        return new UrlState(q, filters, yearFrom, yearTo, sort, grouped, page, next);
    }

    // ---- writing ----

    /** The canonical query string (without {@code ?}); empty for the empty state. */
    String queryString() {
        StringBuilder sb = new StringBuilder();
        if (!q.isEmpty()) add(sb, "q", q);
        for (Filter f : filters) add(sb, f.dim().param(), f.value());
        if (yearFrom != null) add(sb, "year_from", yearFrom.toString());
        if (yearTo != null) add(sb, "year_to", yearTo.toString());
        if (sort != SortOrder.RELEVANCE) add(sb, "sort", sort.param());
        if (grouped) add(sb, "group", "article");
        if (page > 1) add(sb, "page", Integer.toString(page));
        for (Dimension m : more) add(sb, "more", m.param());
        return sb.toString();
    }

    private static void add(StringBuilder sb, String name, String value) {
        if (!sb.isEmpty()) sb.append('&');
        sb.append(name).append('=').append(encode(value));
    }

    /** A link to the search page showing this state. */
    String href() {
        return path("/");
    }

    /** {@code path} with this state as its query string. */
    String path(String path) {
        String qs = queryString();
        return qs.isEmpty() ? path : path + "?" + qs;
    }
}
