package org.parley.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.parley.search.Dimension;
import org.parley.search.FacetValue;
import org.parley.search.FacetValuesRequest;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchService;

/**
 * The JSON API under {@code /api} (described in {@code /api/openapi.json}, which a test keeps in step with the
 * routes registered here).
 *
 * <p>Every handler runs inside {@link #api}: client mistakes become a 400 (or 404) with
 * {@code {"error", "message", "param"}}, and anything unexpected a 500 with a generic message; no stack trace
 * or exception text ever reaches the client.
 */
final class ApiRoutes {
    static final String OPENAPI_RESOURCE = "/api/openapi.json";

    /** The error body of every failed API request. */
    record ApiError(String error, String message, String param) {
    }

    /** {@code /api/facets/{dim}}: values of one facet matching a prefix. */
    record FacetValues(Dimension dim, String prefix, List<FacetValue> values) {
    }

    private static final class NotFound extends Exception {
        private final String param;

        NotFound(String message, String param) {
            super(message);
            this.param = param;
        }
    }

    @FunctionalInterface
    private interface ApiHandler {
        void handle(Context ctx, SearchService search) throws Exception;
    }

    private final Supplier<SearchService> search;
    private final byte[] openApi;

    ApiRoutes(Supplier<SearchService> search) {
        this.search = search;
        this.openApi = loadOpenApi();
    }

    void register(JavalinConfig config) {
        config.routes.get("/api/search", api((ctx, s) -> ctx.json(ApiJson.ApiResult.of(s.search(SearchParams.parse(ctx.queryParamMap(), Set.of()))))));
        config.routes.get("/api/articles/{id}", api((ctx, s) -> {
            noParams(ctx, Set.of("q"));
            String id = ctx.pathParam("id");
            ctx.json(s.article(id, SearchParams.one(ctx.queryParamMap(), "q")).orElseThrow(() -> new NotFound("no article with id '" + shorten(id) + "'", "id")));
        }));
        config.routes.get("/api/facets/{dim}", api((ctx, s) -> {
            noParams(ctx, Set.of("prefix", "limit"));
            FacetValuesRequest request = new FacetValuesRequest(Dimension.fromParam(ctx.pathParam("dim")),
                    SearchParams.one(ctx.queryParamMap(), "prefix"),
                    SearchParams.intOr(ctx.queryParamMap(), "limit", FacetValuesRequest.DEFAULT_LIMIT));
            ctx.json(new FacetValues(request.dim(), request.prefix(), s.facetValues(request)));
        }));
        config.routes.get("/api/health", api((ctx, s) -> {
            noParams(ctx, Set.of());
            var stats = s.stats();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("paragraphs", stats.paragraphs());
            body.put("last_build", stats.lastBuild());
            ctx.json(body);
        }));
        config.routes.get("/api/stats", api((ctx, s) -> {
            noParams(ctx, Set.of());
            ctx.json(s.stats());
        }));
        config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        // Anything else under /api is a JSON 404, not the HTML error page.
        config.routes.get("/api/<path>", ctx -> error(ctx, 404, new ApiError("not_found", "no such endpoint: " + shorten(ctx.path()), null)));
    }

    private Handler api(ApiHandler handler) {
        return ctx -> {
            SearchService s = search.get();
            if (s == null) {
                error(ctx, 503, new ApiError("unavailable", "the index is not ready yet", null));
                return;
            }
            try {
                handler.handle(ctx, s);
            } catch (InvalidQueryException e) {
                error(ctx, 400, new ApiError(e.code(), e.getMessage(), e.param()));
            } catch (NotFound e) {
                error(ctx, 404, new ApiError("not_found", e.getMessage(), e.param));
            } catch (SearchLimiter.BusyException e) {
                ctx.header("Retry-After", "1");
                error(ctx, 503, new ApiError(e.code(), e.getMessage(), null));
            } catch (Exception e) {
                System.err.println("parley: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
                error(ctx, 500, new ApiError("internal_error", "the server could not answer this request", null));
            }
        };
    }

    private static void error(Context ctx, int status, ApiError body) {
        ctx.status(status).json(body);
    }

    private static void noParams(Context ctx, Set<String> allowed) throws InvalidQueryException {
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String name = shorten(e.getKey());
                throw new InvalidQueryException("unknown_parameter", "unknown parameter '" + name + "'"
                        + (allowed.isEmpty() ? "; this endpoint takes none" : "; parameters are " + String.join(", ", allowed)), name);
            }
            if (e.getValue().size() > 1) {
                throw new InvalidQueryException("repeated_parameter", "parameter '" + e.getKey() + "' may be given only once", e.getKey());
            }
            for (String v : e.getValue()) SearchParams.checkText(e.getKey(), v);
        }
    }

    private static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
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
