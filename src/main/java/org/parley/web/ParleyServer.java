package org.parley.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.CorsPlugin;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
    /** What {@code /api/health} adds as "watch" (set once {@code serve --watch} has started its watcher). */
    private final AtomicReference<Supplier<?>> watchStatus = new AtomicReference<>();

    /** @param search the search service to answer from (a Lucene service switches to rebuilt indexes itself) */
    public ParleyServer(SearchService search) {
        this(search, List.of());
    }

    /**
     * @param corsOrigins web origins (such as {@code https://newsroom.example}) whose pages may call the JSON API from
     *                    the browser; none by default, so that other sites' scripts cannot read it
     */
    public ParleyServer(SearchService search, List<String> corsOrigins) {
        this(search, SearchLimiter.forService(search), corsOrigins);
    }

    ParleyServer(SearchService search, SearchLimiter limiter) {
        this(search, limiter, List.of());
    }

    private ParleyServer(SearchService search, SearchLimiter limiter, List<String> corsOrigins) {
        List<String> origins = corsOrigins.stream().map(ParleyServer::origin).toList();
        this.limiter = limiter;
        SearchService limited = limiter.limit(search);
        this.app = Javalin.create(config -> configure(config, limited, origins, watchStatus));
    }

    /**
     * A CORS origin as browsers send it: scheme, host and optional port, nothing else (a path or a trailing slash
     * would never match, silently); {@code *} allows every origin.
     */
    static String origin(String value) {
        String v = value == null ? "" : value.strip();
        if (v.equals("*")) return v;
        try {
            URI uri = new URI(v);
            boolean bare = (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null
                    && uri.getFragment() == null && uri.getUserInfo() == null;
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && bare) {
                return v;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("a CORS origin is scheme://host[:port] such as https://example.org (or *), not '"
                + v + "'");
    }

    /**
     * Has {@code /api/health} report what live ingestion did ({@code status} is serialized as its "watch" member): a
     * build that fails leaves the old index serving, so the rest of health stays ok.
     */
    public ParleyServer reportWatch(Supplier<?> status) {
        watchStatus.set(status);
        return this;
    }

    private static void configure(JavalinConfig config, SearchService search, List<String> corsOrigins,
                                  AtomicReference<Supplier<?>> watchStatus) {
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
        if (!corsOrigins.isEmpty()) {
            // the API only: the page and downloads stay same-origin
            config.registerPlugin(new CorsPlugin(cors -> cors.addRule(rule -> {
                rule.path = "/api/*";
                if (corsOrigins.contains("*")) {
                    rule.anyHost();
                } else {
                    rule.allowHost(corsOrigins.getFirst(), corsOrigins.subList(1, corsOrigins.size()).toArray(String[]::new));
                }
                rule.exposeHeader("Retry-After");
            })));
        }
        config.routes.before(ctx -> SecurityHeaders.apply(ctx));
        // before decoding drops it: a malformed escape is refused, not searched as if it were absent
        config.routes.before(ctx -> RawQueryString.check(ctx.queryString()));
        PageRoutes pages = new PageRoutes(search);
        Errors.register(config, pages::renderError);
        new ApiRoutes(search, () -> {
            Supplier<?> status = watchStatus.get();
            return status == null ? null : status.get();
        }).register(config);
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
