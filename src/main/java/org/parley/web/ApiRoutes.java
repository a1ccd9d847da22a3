package org.parley.web;

import io.javalin.config.JavalinConfig;
import java.util.function.Supplier;
import org.parley.index.SearchService;

/** The JSON API under {@code /api}. */
final class ApiRoutes {
    private final Supplier<SearchService> search;

    ApiRoutes(Supplier<SearchService> search) {
        this.search = search;
    }

    void register(JavalinConfig config) {
        config.routes.get("/api/health", ctx -> ctx.json(java.util.Map.of("status", "ok")));
    }
}
