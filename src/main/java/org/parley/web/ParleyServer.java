package org.parley.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.parley.search.Json;
import org.parley.search.SearchService;

/**
 * The HTTP face of parley: the JSON API ({@link ApiRoutes}) and the search page ({@link PageRoutes}),
 * with security headers on every response. Binds to loopback unless a host is given explicitly.
 */
public final class ParleyServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    /**
     * Room for a long query string: a 100 KB query still reaches the API's own validation (and its clear JSON 400);
     * anything larger is refused by Jetty, in JSON too ({@link JsonErrorHandler}).
     */
    static final int MAX_REQUEST_HEADER_BYTES = 256 * 1024;

    private final Javalin app;
    private final SearchLimiter limiter;

    /** @param search the search service to answer from (a Lucene service switches to rebuilt indexes itself) */
    public ParleyServer(SearchService search) {
        this(search, SearchLimiter.defaults());
    }

    ParleyServer(SearchService search, SearchLimiter limiter) {
        this.limiter = limiter;
        SearchService limited = limiter.limit(search);
        this.app = Javalin.create(config -> configure(config, limited));
    }

    private static void configure(JavalinConfig config, SearchService search) {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = 64 * 1024; // no endpoint takes a body
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
            http.setSendServerVersion(false);
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.jsonMapper(new JavalinJackson(Json.mapper(), false));
        config.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/static";
            files.location = Location.CLASSPATH;
        });
        config.routes.before(ctx -> SecurityHeaders.apply(ctx));
        // before decoding drops it: a malformed escape is refused, not searched as if it were absent
        config.routes.before(ctx -> RawQueryString.check(ctx.queryString()));
        PageRoutes pages = new PageRoutes(search);
        Errors.register(config, pages::renderError);
        new ApiRoutes(search).register(config);
        pages.register(config);
    }

    /** Starts listening; port 0 picks a free port. */
    public ParleyServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        limiter.close();
    }
}
