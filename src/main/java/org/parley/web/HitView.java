package org.parley.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.search.Hit;
import org.parley.search.InvalidQueryException;
import org.parley.search.Json;
import org.parley.search.SearchResult;

/**
 * How {@code /api/search} shows its hits: which fields ({@code fields=}) and how the snippet is cut
 * ({@code fragment_size=}, {@code fragments=}). Presentation only, so it lives at the edge and not in the request
 * the backends answer: every backend returns the same hits, and this shapes them.
 *
 * @param fields       the hit fields to return, in the API's names, besides {@code id}; empty means all
 * @param fragmentSize characters per snippet fragment, or 0 for the whole paragraph (up to 5,000 characters)
 * @param fragments    at most this many fragments around the best matches, joined by an ellipsis
 */
record HitView(Set<String> fields, int fragmentSize, int fragments) {
    static final Set<String> PARAMS = Set.of("fields", "fragment_size", "fragments");
    /** The names of a hit's JSON fields ({@code HitViewTest} keeps this list equal to what a hit serialises to). */
    static final List<String> HIT_FIELDS = List.of("id", "article_id", "title", "published", "ordinal", "text",
            "snippet", "highlights", "countries", "years", "explicit_years", "speakers", "score", "article_hits", "url");
    static final int MAX_FIELDS_CHARS = 300;
    static final int MIN_FRAGMENT_SIZE = 20;
    static final int MAX_FRAGMENT_SIZE = 1000;
    static final int MAX_FRAGMENTS = 5;
    static final HitView ALL = new HitView(Set.of(), 0, 1);

    HitView {
        fields = Set.copyOf(fields);
    }

    /** Reads the view's parameters; the search's own are read by {@link SearchParams}. */
    static HitView parse(Map<String, List<String>> params) {
        Set<String> fields = new LinkedHashSet<>();
        String list = SearchParams.one(params, "fields");
        if (list != null && list.length() > MAX_FIELDS_CHARS) {
            throw new InvalidQueryException("invalid_fields", "fields is too long: at most " + MAX_FIELDS_CHARS + " characters",
                    "fields");
        }
        if (list != null && !list.isBlank()) {
            for (String f : list.split(",", -1)) {
                String name = f.strip();
                if (!HIT_FIELDS.contains(name)) {
                    throw new InvalidQueryException("invalid_fields", "fields takes a comma-separated list of "
                            + String.join(", ", HIT_FIELDS) + "; not '" + Errors.shorten(name) + "'", "fields");
                }
                fields.add(name);
            }
        }
        int size = SearchParams.intOr(params, "fragment_size", 0);
        if (size != 0 && (size < MIN_FRAGMENT_SIZE || size > MAX_FRAGMENT_SIZE)) {
            throw new InvalidQueryException("invalid_fragment_size", "fragment_size must be 0 (the whole paragraph) or "
                    + "between " + MIN_FRAGMENT_SIZE + " and " + MAX_FRAGMENT_SIZE + " characters", "fragment_size");
        }
        int count = SearchParams.intOr(params, "fragments", 1);
        if (count < 1 || count > MAX_FRAGMENTS) {
            throw new InvalidQueryException("invalid_fragments", "fragments must be between 1 and " + MAX_FRAGMENTS, "fragments");
        }
        if (count > 1 && size == 0) {
            throw new InvalidQueryException("invalid_fragments", "fragments needs a fragment_size: the whole paragraph is "
                    + "one fragment", "fragments");
        }
        return new HitView(fields, size, count);
    }

    /** The hit's snippet HTML: escaped, matches in {@code <mark>}. */
    String snippet(Hit h) {
        return fragmentSize == 0 ? SafeHtml.marked(h.text(), h.highlights(), SafeHtml.MAX_HIT_CHARS)
                : SafeHtml.fragments(h.text(), h.highlights(), fragmentSize, fragments);
    }

    /** The API's response body for {@code r}. */
    Object body(SearchResult r) {
        ApiJson.ApiResult result = ApiJson.ApiResult.of(r, this);
        if (fields.isEmpty()) return result;
        ObjectNode tree = Json.mapper().valueToTree(result);
        List<String> dropped = new ArrayList<>(HIT_FIELDS);
        dropped.removeAll(fields);
        dropped.remove("id"); // a hit is always identifiable
        for (JsonNode hit : tree.withArray("hits")) ((ObjectNode) hit).remove(dropped);
        return tree;
    }
}
