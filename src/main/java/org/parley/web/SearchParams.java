package org.parley.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.search.Dimension;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchRequest;
import org.parley.search.SortOrder;

/**
 * Reads a {@link SearchRequest} from URL query parameters, strictly: unknown parameter names, repeated
 * single-valued parameters and malformed numbers are errors with the offending parameter named, because a
 * typo silently ignored ("contry=KH") returns plausible but wrong results. Shared by the JSON API and the pages.
 */
final class SearchParams {
    static final Set<String> SEARCH_PARAMS = Set.of("q", "country", "year", "speaker", "year_from", "year_to", "sort",
            "page", "size", "cursor", "group", "facet_size");
    private static final Set<String> REPEATABLE = Set.of("country", "year", "speaker");

    private SearchParams() {
    }

    /**
     * Parses the search parameters; {@code extraAllowed} names further parameters the caller handles itself.
     * Syntax only: the request checks bounds and values.
     */
    static SearchRequest parse(Map<String, List<String>> params, Set<String> extraAllowed) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty()) continue; // "q=x&": an empty pair, not a parameter
            if (!SEARCH_PARAMS.contains(name) && !extraAllowed.contains(name)) {
                throw new InvalidQueryException("unknown_parameter", "unknown parameter '" + truncate(name)
                        + "'; parameters are " + String.join(", ", SEARCH_PARAMS.stream().sorted().toList()), truncate(name));
            }
            if (!REPEATABLE.contains(name) && e.getValue().size() > 1) {
                throw new InvalidQueryException("repeated_parameter", "parameter '" + name + "' may be given only once", name);
            }
            for (String v : e.getValue()) checkText(name, v);
        }
        Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
        for (Dimension dim : Dimension.values()) {
            List<String> values = params.getOrDefault(dim.param(), List.of());
            if (!values.isEmpty()) filters.put(dim, values);
        }
        return new SearchRequest(
                one(params, "q"),
                filters,
                optionalYear(params, "year_from"),
                optionalYear(params, "year_to"),
                SortOrder.fromParam(one(params, "sort")),
                intOr(params, "page", 1),
                intOr(params, "size", SearchRequest.DEFAULT_SIZE),
                one(params, "cursor"),
                SearchRequest.parseGroup(one(params, "group")),
                intOr(params, "facet_size", SearchRequest.DEFAULT_FACET_SIZE));
    }

    /**
     * Refuses text that cannot be meant: bytes that were not UTF-8 (decoded to U+FFFD by the server) and
     * control characters (other than tab and line breaks, which a pasted query may hold).
     */
    static void checkText(String name, String value) throws InvalidQueryException {
        if (value == null) return;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\uFFFD') {
                throw new InvalidQueryException("invalid_encoding", "parameter '" + truncate(name)
                        + "' is not valid UTF-8: percent-encode text as UTF-8", truncate(name));
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new InvalidQueryException("invalid_characters", "parameter '" + truncate(name)
                        + "' contains a control character (U+" + String.format("%04X", (int) c) + ")", truncate(name));
            }
        }
    }

    static String one(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static int intOr(Map<String, List<String>> params, String name, int fallback) {
        String v = one(params, name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            // a whole number too large for an int is out of the parameter's range, which the request then names with
            // its own code ("size must be between 0 and 100"), not "not a whole number"
            if (v.strip().matches("[+-]?\\d+")) return v.strip().startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            throw new InvalidQueryException("invalid_number", name + " must be a whole number, not '" + truncate(v) + "'", name);
        }
    }

    static Integer optionalYear(Map<String, List<String>> params, String name) {
        String v = one(params, name);
        return v == null || v.isBlank() ? null : SearchRequest.parseYear(v, name);
    }

    private static String truncate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
