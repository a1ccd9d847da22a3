package org.parley.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.parley.search.ArticleView;
import org.parley.search.InvalidQueryException;
import org.parley.search.ParagraphView;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;
import org.parley.web.Views.ParagraphItem;

/** The server-rendered search page, article pages and downloads. Every state lives in the URL. */
final class PageRoutes {
    private static final System.Logger LOG = System.getLogger(PageRoutes.class.getName());
    private final Supplier<SearchService> search;
    private final ThymeleafRenderer renderer = new ThymeleafRenderer();

    PageRoutes(Supplier<SearchService> search) {
        this.search = search;
    }

    void register(JavalinConfig config) {
        config.fileRenderer(renderer);
        config.routes.get("/", this::searchPage);
        config.routes.get("/articles/{id}", this::articlePage);
        config.routes.get("/export.csv", this::exportCsv);
        config.routes.get("/export.json", this::exportJson);
    }

    void searchPage(Context ctx) {
        String format = ctx.queryParam("format");
        if ("csv".equals(format) || "json".equals(format)) {
            export(ctx, format.equals("csv"));
            return;
        }
        SearchPage page;
        try {
            UrlState state = UrlState.parse(ctx.queryString());
            SearchResult result = search.get().search(state.toRequest(SearchPage.PAGE_SIZE, SearchPage.FACET_SIZE));
            if (result.hits().isEmpty() && result.total() > 0 && state.page() > 1) { // past the last page
                ctx.redirect(SearchPage.pagination(state, result.total()).pages().getLast().href());
                return;
            }
            page = SearchPage.of(state, result);
        } catch (InvalidQueryException e) {
            ctx.status(400);
            page = SearchPage.error(UrlState.parseLenient(ctx.queryString()), friendly(e));
        } catch (SearchLimiter.BusyException e) { // too many searches at once, or this one ran too long
            ctx.status(503).header("Retry-After", "2");
            page = SearchPage.error(UrlState.parseLenient(ctx.queryString()), e.code().equals("timeout")
                    ? "This search took too long. Try fewer words, or fewer wildcards (*)."
                    : "Parley is busy with other searches right now. Please try again in a moment.");
        } catch (RuntimeException e) { // never a stack trace: log it, show a page
            LOG.log(System.Logger.Level.ERROR, "search page failed for ?" + ctx.queryString(), e);
            ctx.status(500);
            page = SearchPage.error(UrlState.parseLenient(ctx.queryString()),
                    "Something went wrong on our side while searching. Please try again in a moment.");
        }
        ctx.html(renderer.render("search", Map.of("page", page)));
    }

    private void articlePage(Context ctx) {
        UrlState state = UrlState.parseLenient(ctx.queryString());
        int hit = parseInt(ctx.queryParam("p"));
        Optional<ArticleView> article;
        try {
            article = articleFor(ctx.pathParam("id"), state.q());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "article page failed for " + ctx.path(), e);
            ctx.status(500).html(renderer.render("not-found", Map.of("backHref", state.href(), "heading",
                    "Something went wrong", "message", "The article could not be loaded. Please try again in a moment.")));
            return;
        }
        if (article.isEmpty()) {
            ctx.status(404).html(renderer.render("not-found", Map.of("backHref", state.href(), "heading",
                    "Article not found", "message", "There is no article with that id. It may have been removed from the corpus.")));
            return;
        }
        ctx.html(renderer.render("article", articleModel(article.get(), state, hit)));
    }

    /** The article with the search's matches marked; a query that cannot be parsed marks nothing. */
    private Optional<ArticleView> articleFor(String id, String query) {
        try {
            return search.get().article(id, query);
        } catch (InvalidQueryException e) {
            return search.get().article(id);
        }
    }

    Map<String, Object> articleModel(ArticleView a, UrlState state, int hitOrdinal) {
        List<ParagraphItem> items = new ArrayList<>();
        for (ParagraphView p : a.paragraphs()) {
            String kind = p.kind() == null ? "body" : p.kind().toLowerCase(java.util.Locale.ROOT);
            items.add(new ParagraphItem(p.ordinal(), kind, kindLabel(kind), SafeHtml.marked(p.text(), p.highlights(), Integer.MAX_VALUE),
                    p.ordinal() == hitOrdinal,
                    SearchPage.chips(p.countries(), p.years(), p.explicitYears(), p.speakers(), state)));
        }
        String back = state.href() + (hitOrdinal > 0 ? "#hit-" + a.id() + "-" + hitOrdinal : "");
        java.util.HashMap<String, Object> model = new java.util.HashMap<>();
        model.put("article", a);
        model.put("title", a.title() == null || a.title().isBlank() ? a.id() : a.title());
        model.put("dateIso", Views.isoDate(a.published()));
        model.put("dateText", Views.humanDate(a.published()));
        model.put("paragraphs", items);
        model.put("backHref", back);
        model.put("hasSearch", !state.isEmpty());
        model.put("query", state.q());
        model.put("hitOrdinal", hitOrdinal);
        return model;
    }

    private void exportCsv(Context ctx) {
        export(ctx, true);
    }

    private void exportJson(Context ctx) {
        export(ctx, false);
    }

    private void export(Context ctx, boolean csv) {
        try {
            UrlState state = UrlState.parse(ctx.queryString());
            Exports.Collected collected = Exports.collect(search.get(), state, Exports.MAX_ROWS);
            ctx.header("X-Total-Count", Long.toString(collected.total()));
            ctx.header("X-Exported-Count", Integer.toString(collected.hits().size()));
            if (csv) {
                ctx.header("Content-Disposition", "attachment; filename=\"parley-results.csv\"");
                ctx.contentType("text/csv; charset=utf-8").result(Exports.csv(collected));
            } else {
                ctx.header("Content-Disposition", "attachment; filename=\"parley-results.json\"");
                ctx.json(Exports.json(state, collected));
            }
        } catch (InvalidQueryException e) {
            ctx.status(400).json(Map.of("error", e.code(), "message", friendly(e),
                    "param", e.param() == null ? "q" : e.param()));
        }
    }

    static String friendly(InvalidQueryException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "The query could not be understood." : e.getMessage().strip();
        message = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return message.endsWith(".") ? message : message + ".";
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "caption" -> "Caption";
            case "byline" -> "Byline";
            case "dateline" -> "Date line";
            case "boilerplate" -> "Site text";
            case "title" -> "Headline";
            case "heading" -> "Heading";
            default -> "";
        };
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
