package org.parley.web;

import io.javalin.config.JavalinConfig;
import java.util.function.Supplier;
import org.parley.index.SearchService;

/** The server-rendered search page and article pages. */
final class PageRoutes {
    private final Supplier<SearchService> search;

    PageRoutes(Supplier<SearchService> search) {
        this.search = search;
    }

    void register(JavalinConfig config) {
        config.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result("<!doctype html><title>parley</title><p>parley</p>"));
    }
}
