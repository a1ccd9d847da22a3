package org.parley.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchUnavailableException;

/**
 * Every failure of every route, declared once: client mistakes are 400s with a code, an overloaded server or an unreachable backend a
 * 503 with {@code Retry-After}, unknown things 404s, wrong methods 405s, anything else a logged 500 without a stack
 * trace. Under {@code /api} and for downloads the body is the API's JSON error; elsewhere it is a page.
 */
final class Errors {
    private static final System.Logger LOG = System.getLogger(Errors.class.getName());

    /** The error body of every failed API request and download. */
    record ApiError(String error, String message, String param) {
    }

    /** Renders a failure as a page (the search page with its form, or a plain error page). */
    @FunctionalInterface
    interface PageRenderer {
        void render(Context ctx, int status, String code, String message);
    }

    private Errors() {
    }

    static void register(JavalinConfig config, PageRenderer pages) {
        config.http.prefer405over404 = true;
        config.routes.exception(InvalidQueryException.class, (e, ctx) ->
                respond(ctx, pages, 400, e.code(), e.getMessage(), e.param()));
        config.routes.exception(SearchLimiter.BusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            respond(ctx, pages, 503, e.code(), e.getMessage(), null);
        });
        config.routes.exception(SearchUnavailableException.class, (e, ctx) -> {
            LOG.log(System.Logger.Level.WARNING, "search unavailable on " + ctx.method() + " " + ctx.path() + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
            ctx.header("Retry-After", "5");
            respond(ctx, pages, 503, "unavailable", e.getMessage(), null);
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            if (status == 405) ctx.header("Allow", allowed(e));
            respond(ctx, pages, status, code(status), message(ctx, status, e), e.getDetails().get("param"));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.log(System.Logger.Level.ERROR, "internal error on " + ctx.method() + " " + ctx.path(), e);
            respond(ctx, pages, 500, "internal_error", "the server could not answer this request", null);
        });
    }

    /** Whether a path answers JSON errors: the API and the downloads (which a script fetches, not a person). */
    static boolean wantsJson(Context ctx) {
        String path = ctx.path();
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/export.")
                || "csv".equals(ctx.queryParam("format")) || "json".equals(ctx.queryParam("format"));
    }

    private static void respond(Context ctx, PageRenderer pages, int status, String code, String message, String param) {
        if (wantsJson(ctx)) {
            ctx.status(status).json(new ApiError(code, message, param));
        } else {
            pages.render(ctx, status, code, message);
        }
    }

    private static String code(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    private static String message(Context ctx, int status, HttpResponseException e) {
        return switch (status) {
            case 404 -> e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().equals("Not Found")
                    && !e.getMessage().startsWith("Endpoint ") ? e.getMessage() : "no such endpoint: " + shorten(ctx.path());
            case 405 -> ctx.method() + " is not allowed on " + shorten(ctx.path()) + "; use " + allowed(e);
            default -> status >= 500 ? "the server could not answer this request" : HttpStatus.forStatus(status).getMessage();
        };
    }

    /** The methods a known path answers (Javalin lists them in the exception's details). */
    private static String allowed(HttpResponseException e) {
        Object methods = e.getDetails().get("availableMethods");
        return methods == null ? "GET" : methods.toString().replaceAll("[\\[\\] ]", "").replace(",", ", ");
    }

    static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
