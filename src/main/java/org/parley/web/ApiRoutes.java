package org.parley.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.search.Dimension;
import org.parley.search.FacetValue;
import org.parley.search.FacetValuesRequest;
import org.parley.search.Health;
import org.parley.search.InvalidQueryException;
import org.parley.search.Json;
import org.parley.search.SearchRequest;
import org.parley.search.SearchService;
import org.parley.search.WordsStartingWith;

/**
 * The JSON API under {@code /api} (described in {@code /api/openapi.json}, which a test keeps in step with the
 * routes registered here). Handlers only read parameters and answer; failures are mapped once, in {@link Errors}.
 */
final class ApiRoutes {
    static final String OPENAPI_RESOURCE = "/api/openapi.json";

    /** {@code /api/facets/{dim}}: values of one facet matching a prefix. */
    record FacetValues(Dimension dim, String prefix, List<FacetValue> values) {
    }

    private final SearchService search;
    private final byte[] openApi;
    private final ObjectMapper mapper = Json.mapper();

    /** Live ingestion's status for health, or null when the corpus is not watched. */
    private final java.util.function.Supplier<?> watch;

    ApiRoutes(SearchService search) {
        this(search, () -> null);
    }

    ApiRoutes(SearchService search, java.util.function.Supplier<?> watch) {
        this.search = search;
        this.watch = watch;
        this.openApi = loadOpenApi();
    }

    void register(JavalinConfig config) {
        config.routes.get("/api/search", this::search);
        config.routes.get("/api/articles/{id}", this::article);
        config.routes.get("/api/facets/{dim}", this::facetValues);
        config.routes.get("/api/words", this::words);
        config.routes.get("/api/health", this::health);
        config.routes.get("/api/stats", ctx -> {
            noParams(ctx, Set.of());
            json(ctx, search.stats());
        });
        config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void search(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        SearchRequest request = SearchParams.parse(params, HitView.PARAMS);
        HitView view = HitView.parse(params);
        json(ctx, view.body(search.search(request)));
    }

    /**
     * Answers {@code body} as JSON written straight to UTF-8 bytes, for every route here: {@code ctx.json} wrote a string
     * first and encoded it again, two copies of every answer (the same mapper configuration, {@link Json}).
     */
    private void json(Context ctx, Object body) {
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void article(Context ctx) {
        noParams(ctx, Set.of("q"));
        String id = ctx.pathParam("id");
        json(ctx, search.article(id, SearchParams.one(ctx.queryParamMap(), "q"))
                .orElseThrow(() -> new NotFoundResponse("no article with id '" + Errors.shorten(id) + "'", Map.of("param", "id"))));
    }

    /** The parameters of {@code /api/facets/{dim}}: the prefix and limit, and the search the values are counted under. */
    static final Set<String> FACET_VALUE_PARAMS = Set.of("prefix", "limit", "q", "country", "year", "speaker", "year_from", "year_to");

    private void facetValues(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        noParams(ctx, FACET_VALUE_PARAMS, Set.of("country", "year", "speaker"));
        Map<Dimension, List<String>> filters = new java.util.EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            List<String> values = params.getOrDefault(d.param(), List.of());
            if (!values.isEmpty()) filters.put(d, values);
        }
        FacetValuesRequest request = new FacetValuesRequest(Dimension.fromParam(ctx.pathParam("dim")),
                SearchParams.one(params, "prefix"),
                SearchParams.intOr(params, "limit", FacetValuesRequest.DEFAULT_LIMIT),
                SearchParams.one(params, "q"), filters,
                SearchParams.optionalYear(params, "year_from"), SearchParams.optionalYear(params, "year_to"));
        json(ctx, new FacetValues(request.dim(), request.prefix(), search.facetValues(request)));
    }

    /**
     * {@code /api/words?prefix=}: what the index holds of a word being typed (see {@link WordsStartingWith}), which
     * instant search asks before it searches a keystroke.
     */
    private void words(Context ctx) {
        noParams(ctx, Set.of("prefix"));
        String prefix = SearchParams.one(ctx.queryParamMap(), "prefix");
        if (!WordsStartingWith.lookable(prefix)) {
            throw new InvalidQueryException("invalid_prefix", "'prefix' must be one word of 1 to "
                    + WordsStartingWith.MAX_PREFIX_CHARS + " letters", "prefix");
        }
        json(ctx, search.wordsStartingWith(prefix).orElseThrow(() -> new NotFoundResponse(
                "this index lists no words (instant search then searches every keystroke)", Map.of("param", "prefix"))));
    }

    private void health(Context ctx) {
        noParams(ctx, Set.of());
        Health health = Health.of(search);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", health.ok() ? "ok" : "failing");
        body.put("generation", health.generation());
        body.put("paragraphs", health.paragraphs());
        body.put("last_build", health.lastBuild());
        if (!health.ok()) body.put("problem", health.problem());
        Object watching = watch.get();
        if (watching != null) body.put("watch", watching);
        ctx.status(health.ok() ? 200 : 503); // a load balancer takes a 503 node out
        json(ctx, body);
    }

    private static void noParams(Context ctx, Set<String> allowed) {
        noParams(ctx, allowed, Set.of());
    }

    private static void noParams(Context ctx, Set<String> allowed, Set<String> repeatable) {
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().isEmpty()) continue; // "?q=x&": an empty pair, not a parameter
            if (!allowed.contains(e.getKey())) {
                String name = Errors.shorten(e.getKey());
                throw new InvalidQueryException("unknown_parameter", "unknown parameter '" + name + "'"
                        + (allowed.isEmpty() ? "; this endpoint takes none" : "; parameters are "
                        + String.join(", ", allowed.stream().sorted().toList())), name);
            }
            if (e.getValue().size() > 1 && !repeatable.contains(e.getKey())) {
                throw new InvalidQueryException("repeated_parameter", "parameter '" + e.getKey() + "' may be given only once", e.getKey());
            }
            for (String v : e.getValue()) SearchParams.checkText(e.getKey(), v);
        }
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
