package org.parley.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                int page, List<String> more) {
    static final int MAX_PAGE = 1000;
    static final int MAX_QUERY_CHARS = SearchRequest.MAX_QUERY_CHARS;
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cc}\uFFFD]+");

    /** One selected facet value. */
    record Filter(String dim, String value) {
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

    /** Parses a raw (still encoded) query string, rejecting values that cannot be searched. */
    static UrlState parse(String rawQuery) throws InvalidQueryException {
        return parse(rawQuery, true);
    }

    /** Parses what can be parsed and drops the rest: used to redisplay the form next to an error message. */
    static UrlState parseLenient(String rawQuery) {
        try {
            return parse(rawQuery, false);
        } catch (InvalidQueryException e) {
            throw new IllegalStateException(e); // not thrown when lenient
        }
    }

    private static UrlState parse(String rawQuery, boolean strict) throws InvalidQueryException {
        String q = "";
        List<Filter> filters = new ArrayList<>();
        Integer from = null;
        Integer to = null;
        SortOrder sort = SortOrder.RELEVANCE;
        int page = 1;
        boolean grouped = false;
        List<String> more = new ArrayList<>();
        for (Map.Entry<String, String> p : pairs(rawQuery)) {
            // Control characters (pasted tabs, NULs) and undecodable bytes become spaces: a search box forgives.
            String value = CONTROL.matcher(p.getValue()).replaceAll(" ");
            switch (p.getKey()) {
                case "q" -> q = value.strip();
                case "country", "year", "speaker" -> {
                    if (!value.isBlank()) filters.add(new Filter(p.getKey(), value.strip()));
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
                    if (value.equals("article")) grouped = true;
                    else if (strict && !value.isBlank()) throw new InvalidQueryException("invalid_group",
                            "group can only be “article”.", "group");
                }
                case "more" -> {
                    if (SearchRequest.DIMENSIONS.contains(value)) more.add(value);
                }
                default -> { } // unknown parameters are ignored so that old links keep working
            }
        }
        if (q.length() > MAX_QUERY_CHARS) {
            if (strict) throw new InvalidQueryException("query_too_long",
                    "The query is too long: at most " + MAX_QUERY_CHARS + " characters, please.", "q");
            q = q.substring(0, MAX_QUERY_CHARS);
        }
        if (from != null && to != null && from > to) {
            if (strict) throw new InvalidQueryException("invalid_year_range",
                    "The year range starts after it ends (" + from + " to " + to + ").", "year_from");
            Integer swap = from;
            from = to;
            to = swap;
        }
        return new UrlState(q, filters, from, to, sort, grouped, page, more);
    }

    private static Integer year(String value, String param, boolean strict, Integer previous) throws InvalidQueryException {
        if (value.isBlank()) return previous;
        try {
            int y = Integer.parseInt(value.strip());
            if (y >= 1 && y <= 9999) return y;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (strict) throw new InvalidQueryException("invalid_year",
                "“" + value.strip() + "” is not a year: use four digits such as 2016.", param);
        return previous;
    }

    private static int page(String value, boolean strict) throws InvalidQueryException {
        try {
            int page = Integer.parseInt(value.strip());
            if (page >= 1) return Math.min(page, MAX_PAGE);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (strict) throw new InvalidQueryException("invalid_page", "The page must be a positive number.", "page");
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

    List<String> values(String dim) {
        return filters.stream().filter(f -> f.dim().equals(dim)).map(Filter::value).toList();
    }

    boolean has(String dim, String value) {
        return filters.contains(new Filter(dim, value));
    }

    boolean hasYearRange() {
        return yearFrom != null || yearTo != null;
    }

    boolean expanded(String dim) {
        return more.contains(dim);
    }

    /** Whether anything narrows the search beyond the query text. */
    boolean narrowed() {
        return !filters.isEmpty() || hasYearRange();
    }

    boolean isEmpty() {
        return q.isEmpty() && !narrowed();
    }

    SearchRequest toRequest(int size, int facetSize) {
        Map<String, List<String>> byDim = new LinkedHashMap<>();
        for (Filter f : filters) byDim.computeIfAbsent(f.dim(), d -> new ArrayList<>()).add(f.value());
        return new SearchRequest(q, byDim, yearFrom, yearTo, sort, page, size, null, grouped, facetSize);
    }

    // ---- changing ----

    UrlState withQuery(String newQ) {
        return new UrlState(newQ, filters, yearFrom, yearTo, sort, grouped, 1, more);
    }

    UrlState withFilter(String dim, String value) {
        if (has(dim, value)) return withPage(1);
        List<Filter> next = new ArrayList<>(filters);
        next.add(new Filter(dim, value));
        return new UrlState(q, next, yearFrom, yearTo, sort, grouped, 1, more);
    }

    UrlState withoutFilter(String dim, String value) {
        List<Filter> next = new ArrayList<>(filters);
        next.remove(new Filter(dim, value));
        return new UrlState(q, next, yearFrom, yearTo, sort, grouped, 1, more);
    }

    UrlState toggle(String dim, String value) {
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

    UrlState withMore(String dim, boolean expanded) {
        List<String> next = new ArrayList<>(more);
        next.remove(dim);
        if (expanded) next.add(dim);
        return new UrlState(q, filters, yearFrom, yearTo, sort, grouped, page, next);
    }

    // ---- writing ----

    /** The canonical query string (without {@code ?}); empty for the empty state. */
    String queryString() {
        StringBuilder sb = new StringBuilder();
        if (!q.isEmpty()) add(sb, "q", q);
        for (Filter f : filters) add(sb, f.dim(), f.value());
        if (yearFrom != null) add(sb, "year_from", yearFrom.toString());
        if (yearTo != null) add(sb, "year_to", yearTo.toString());
        if (sort != SortOrder.RELEVANCE) add(sb, "sort", sort.param());
        if (grouped) add(sb, "group", "article");
        if (page > 1) add(sb, "page", Integer.toString(page));
        for (String m : more) add(sb, "more", m);
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
