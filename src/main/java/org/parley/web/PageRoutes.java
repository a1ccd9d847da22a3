package org.parley.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.parley.search.ArticleView;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;
import org.parley.search.Hit;
import org.parley.search.IndexStats;
import org.parley.search.InvalidQueryException;
import org.parley.search.ParagraphView;
import org.parley.search.SearchRequest;
import org.parley.search.Json;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;
import org.parley.search.SortOrder;
import org.parley.search.WordsStartingWith;
import org.parley.web.Views.ParagraphItem;

/**
 * The server-rendered search page, article pages and downloads. Every state lives in the URL. Failures are
 * mapped in {@link Errors}; {@link #renderError} is how they look as a page.
 */
final class PageRoutes {
    /** Downloads streamed at once; each holds one page of hits and a connection for as long as the client reads. */
    static final int MAX_DOWNLOADS = 4;
    private static final long DOWNLOAD_WAIT_MILLIS = 500;

    private final SearchService search;
    private final ThymeleafRenderer renderer = new ThymeleafRenderer();
    private final ObjectMapper json = Json.mapper();
    private final Semaphore downloads = new Semaphore(MAX_DOWNLOADS);

    PageRoutes(SearchService search) {
        this.search = search;
    }

    void register(JavalinConfig config) {
        config.fileRenderer(renderer);
        config.routes.get("/", this::searchPage);
        config.routes.get("/articles/{id}", this::articlePage);
        config.routes.get("/export.csv", ctx -> export(ctx, true));
        config.routes.get("/export.json", ctx -> export(ctx, false));
    }

    void searchPage(Context ctx) throws Exception {
        String format = ctx.queryParam("format");
        if ("csv".equals(format) || "json".equals(format)) {
            export(ctx, format.equals("csv"));
            return;
        }
        UrlState state = UrlState.parse(ctx.queryString());
        if (state.page() > SearchPage.MAX_PAGE) {
            // past the deepest page the page's paging reaches (an edited address): its last page, as past the last
            // hit, rather than the request's "page_too_deep" error, which offers a cursor the page has no use for
            ctx.redirect(SearchPage.pagination(state, count(state)).pages().getLast().href());
            return;
        }
        ctx.header("Vary", PART_HEADER);
        Part part = Part.of(ctx.header(PART_HEADER));
        if (part == Part.FACETS) {
            // The facets do not depend on the page, the order or the hits: counts only (size 0), so no top-N pass
            // scores the matches (for a stemmed frequent word about a third of a search).
            SearchResult result = search.search(state.withPage(1).toRequest(0, SearchPage.FACET_SIZE));
            ctx.header("Cache-Control", "no-store");
            ctx.html(renderer.renderParts("search", Map.of("page", SearchPage.of(state, result, extras(state, result))), FACETS_PARTS));
            return;
        }
        SearchResult result = part == Part.RESULTS
                ? search.searchWithoutFacets(state.toRequest(SearchPage.PAGE_SIZE, SearchPage.FACET_SIZE))
                : search.search(state.toRequest(SearchPage.PAGE_SIZE, SearchPage.FACET_SIZE));
        if (result.hits().isEmpty() && result.total() > 0 && state.page() > 1) { // past the last page
            ctx.redirect(SearchPage.pagination(state, result.total()).pages().getLast().href());
            return;
        }
        if (part == Part.RESULTS) {
            ctx.header("Cache-Control", "no-store");
            // when the counts came along at no cost (see SearchService#searchWithoutFacets) the part is the whole
            // layout, filters and chart included (data-facets="counted"), and the script asks no facets part
            boolean counted = counted(result);
            ctx.html(renderer.renderParts("search", Map.of("page", SearchPage.of(state, result,
                    counted ? extras(state, result) : SearchPage.Extras.NONE), "typing", typing(state),
                    "facetsCounted", counted ? "counted" : ""), RESULTS_PARTS));
            return;
        }
        ctx.html(renderer.render("search", Map.of("page", SearchPage.of(state, result, extras(state, result)), "typing", typing(state))));
    }

    /**
     * Asks for one part of the search page instead of all of it: what instant search fetches while one types.
     * {@code results}: the results column without the year chart, from a search that does not count facet values
     * or suggest spellings (cheap enough for every keystroke); {@code facets}: the filters column, the year chart,
     * the toolbar's filters link and the "no results" notice (with its suggestions), fetched once the typing pauses. Both parts together are the page; without the header (no
     * JavaScript, a reload, a shared link) the page is served whole.
     */
    static final String PART_HEADER = "X-Parley-Part";

    /** The parts of the search template each part renders (Thymeleaf markup selectors). */
    private static final java.util.Set<String> RESULTS_PARTS = java.util.Set.of("head", "div.layout");
    private static final java.util.Set<String> FACETS_PARTS = java.util.Set.of("aside#filters", "figure.timeline",
            "a.jump-filters", "div#no-results");

    enum Part {
        PAGE, RESULTS, FACETS;

        static Part of(String header) {
            if (header == null) return PAGE;
            return switch (header.strip()) {
                case "results" -> RESULTS;
                case "facets" -> FACETS;
                default -> PAGE;
            };
        }
    }

    /** Whether a result's facets were counted (a result without counts lists only the selected values, at 0). */
    private static boolean counted(SearchResult result) {
        return result.facets().stream().anyMatch(f -> f.values().stream().anyMatch(v -> v.count() > 0));
    }

    /** The query's last word when the query ends in one: letters only, after a space or at the start. */
    private static final java.util.regex.Pattern LAST_WORD = java.util.regex.Pattern.compile("(?:^|\\s)(\\p{L}+)$");

    /**
     * What instant search is told of the query's last word ({@link WordsStartingWith}): whether it
     * is an indexed word and how frequent the longer words it begins are, with all of them when they are few. The
     * page then waits for the typing to pause, instead of searching at once, while that word is only the beginning
     * of longer ones ("cambo"), and searches at once when it is probably finished ("cambodia"). Unknown: every
     * keystroke may be the last, as without this.
     */
    Views.TypedWord typing(UrlState state) {
        java.util.regex.Matcher m = LAST_WORD.matcher(state.q());
        if (!m.find()) return Views.TypedWord.UNKNOWN;
        return search.wordsStartingWith(m.group(1))
                .map(w -> new Views.TypedWord(w.prefix(), wordsJson(w)))
                .orElse(Views.TypedWord.UNKNOWN);
    }

    private String wordsJson(WordsStartingWith words) {
        try {
            return json.writeValueAsString(words);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a word list as JSON", e);
        }
    }

    /** Most filters a "no results" page tries to drop one by one. */
    static final int MAX_DROP_TRIES = 6;

    /**
     * What the page shows beyond the result: the paragraphs without a year (under the other filters), and on "no
     * results" whether the query alone finds anything and which single filter's removal finds the most. Each is a
     * counting search (one hit, no facet values).
     */
    SearchPage.Extras extras(UrlState state, SearchResult result) {
        if (!state.queryString().isEmpty()) return counts(state, result);
        // The start page is the same for everyone until the index changes: computed once per served build.
        IndexStats stats = search.stats();
        String key = stats.generation() + "|" + stats.lastBuild() + "|" + stats.paragraphs() + "|" + result.total();
        StartPage cached = startPage;
        if (cached == null || !cached.key().equals(key)) {
            SearchPage.Extras base = counts(state, result);
            cached = new StartPage(key, new SearchPage.Extras(base.noYear(), -1, null, -1, overview(result, stats)));
            startPage = cached;
        }
        return cached.extras();
    }

    /** The start page's extras for one build of the index. */
    private record StartPage(String key, SearchPage.Extras extras) {
    }

    private volatile StartPage startPage;

    /** Most values per list on the start page. */
    static final int START_VALUES = 8;

    /** The start page's account of the corpus: sizes, date span, top values, and example searches that find something. */
    Views.Overview overview(SearchResult all, IndexStats stats) {
        LocalDate earliest = firstDate(SortOrder.DATE_ASC);
        LocalDate latest = firstDate(SortOrder.DATE_DESC);
        String span = earliest == null ? null : earliest.equals(latest) ? Views.humanDate(earliest)
                : Views.humanDate(earliest) + " – " + Views.humanDate(latest);
        UrlState empty = UrlState.empty();
        List<Views.Link> countries = top(all, Dimension.COUNTRY, empty);
        List<Views.Link> speakers = top(all, Dimension.SPEAKER, empty);
        List<String> candidates = new ArrayList<>();
        if (!countries.isEmpty()) {
            String c1 = countries.get(0).label();
            candidates.add(c1);
            if (countries.size() > 1) candidates.add(c1 + " " + countries.get(1).label());
            if (c1.length() >= 6 && c1.chars().allMatch(Character::isLetter)) candidates.add(c1.substring(0, 5).toLowerCase(java.util.Locale.ROOT) + "*");
            if (countries.size() > 2) candidates.add(c1 + " NOT " + countries.get(1).label());
        }
        if (!speakers.isEmpty()) candidates.add("speaker:\"" + speakers.get(0).label().replace("\"", "") + "\"");
        List<Views.Link> examples = new ArrayList<>();
        for (String q : candidates) {
            try {
                UrlState s = empty.withQuery(q);
                long n = count(s);
                if (n > 0) examples.add(new Views.Link(q, s.href(), Views.plural(n, "paragraph", "paragraphs")));
            } catch (InvalidQueryException e) {
                // not an example then
            }
        }
        return new Views.Overview(Views.plural(stats.articles(), "article", "articles"),
                Views.plural(stats.paragraphs(), "paragraph", "paragraphs"), span, countries, speakers, examples,
                empty.withSort(SortOrder.DATE_DESC).href());
    }

    private LocalDate firstDate(SortOrder order) {
        UrlState s = UrlState.empty().withSort(order);
        List<Hit> hits = search.search(s.toRequest(1, 0)).hits();
        return hits.isEmpty() ? null : hits.get(0).published();
    }

    private static List<Views.Link> top(SearchResult result, Dimension dim, UrlState state) {
        List<Views.Link> out = new ArrayList<>();
        for (Facet f : result.facets()) {
            if (f.dim() != dim) continue;
            for (FacetValue v : f.values()) {
                if (out.size() == START_VALUES || v.count() <= 0) break;
                String label = v.label() == null || v.label().isBlank() ? v.value() : v.label();
                out.add(new Views.Link(label, state.withFilter(dim, v.value()).href(), Views.count(v.count())));
            }
        }
        return out;
    }

    private SearchPage.Extras counts(UrlState state, SearchResult result) {
        UrlState undated = state.withGrouped(false);
        for (String y : state.values(Dimension.YEAR)) undated = undated.withoutFilter(Dimension.YEAR, y);
        undated = undated.withYearRange(null, null);
        long all = undated.equals(state.withGrouped(false)) && !state.grouped() ? result.total() : count(undated);
        long noYear = all - count(undated.withYearRange(SearchRequest.MIN_YEAR, SearchRequest.MAX_YEAR));
        if (result.total() == 0 && !state.isEmpty() && count(UrlState.empty()) == 0) {
            return new SearchPage.Extras(noYear, -1, null, -1, null, true); // nothing to find: no suggestion can help
        }
        if (result.total() > 0 || !state.narrowed()) return new SearchPage.Extras(noYear, -1, null, -1, null);
        long queryOnly = count(state.withoutFilters());
        UrlState.Filter best = null;
        long bestTotal = 0;
        if (queryOnly > 0) {
            List<UrlState.Filter> candidates = new ArrayList<>(state.filters());
            if (state.hasYearRange()) candidates.add(new UrlState.Filter(null, null));
            int from = Math.max(0, candidates.size() - MAX_DROP_TRIES); // the most recently added
            for (UrlState.Filter f : candidates.subList(from, candidates.size())) {
                UrlState without = f.dim() == null ? state.withYearRange(null, null) : state.withoutFilter(f.dim(), f.value());
                long n = count(without);
                if (n > 0 && n >= bestTotal) {
                    best = f;
                    bestTotal = n;
                }
            }
        }
        return new SearchPage.Extras(noYear, queryOnly, best, best == null ? -1 : bestTotal, null);
    }

    /** The number of paragraphs a state finds: no hits, no facet values. */
    private long count(UrlState state) {
        return search.searchWithoutFacets(state.withPage(1).toRequest(0, 0)).total();
    }

    /** A failure as a page: the search page keeps its form (with what could be read of the URL) and says what went wrong. */
    void renderError(Context ctx, int status, String code, String message) {
        ctx.status(status);
        UrlState state = UrlState.parseLenient(ctx.queryString());
        if (ctx.path().equals("/")) {
            ctx.html(renderer.render("search", Map.of("page", SearchPage.error(state, pageMessage(status, code, message)))));
            return;
        }
        String heading = switch (status) {
            case 404 -> ctx.path().startsWith("/articles/") ? "Article not found" : "Page not found";
            case 400 -> "That request could not be read";
            case 503 -> "unavailable".equals(code) ? "Search is unavailable" : "Parley is busy";
            default -> "Something went wrong";
        };
        String text = switch (status) {
            case 404 -> ctx.path().startsWith("/articles/")
                    ? "There is no article with that id. It may have been removed from the corpus."
                    : "There is no page at this address.";
            case 400, 405 -> friendly(message);
            default -> pageMessage(status, code, message);
        };
        ctx.html(renderer.render("not-found", Map.of("backHref", state.href(), "heading", heading, "message", text)));
    }

    private static String pageMessage(int status, String code, String message) {
        if (status == 503 && "unavailable".equals(code)) {
            return "Search is unavailable right now: the search cluster cannot be reached. Please try again in a moment.";
        }
        if (status == 503) {
            return "timeout".equals(code) ? "This search took too long. Try fewer words, or fewer wildcards (*)."
                    : "Parley is busy with other searches right now. Please try again in a moment.";
        }
        if (status >= 500) return "Something went wrong on our side while searching. Please try again in a moment.";
        return friendly(message);
    }

    private void articlePage(Context ctx) {
        UrlState state = UrlState.parseLenient(ctx.queryString());
        int hit = parseInt(ctx.queryParam("p"));
        ArticleView article = articleFor(ctx.pathParam("id"), state.q())
                .orElseThrow(() -> new NotFoundResponse("no article with that id"));
        ctx.html(renderer.render("article", articleModel(article, state, hit)));
    }

    /** The article with the search's matches marked; a query that cannot be parsed marks nothing. */
    private Optional<ArticleView> articleFor(String id, String query) {
        try {
            return search.article(id, query);
        } catch (InvalidQueryException e) {
            return search.article(id);
        }
    }

    Map<String, Object> articleModel(ArticleView a, UrlState state, int hitOrdinal) {
        List<ParagraphItem> items = new ArrayList<>();
        List<Integer> matches = new ArrayList<>();
        for (ParagraphView p : a.paragraphs()) {
            String kind = p.kind() == null ? "body" : p.kind().toLowerCase(java.util.Locale.ROOT);
            // a byline's or date line's years are when it was written, not what it is about: no year chips there
            boolean furniture = kind.equals("byline") || kind.equals("dateline");
            boolean match = !p.highlights().isEmpty();
            if (match) matches.add(p.ordinal());
            items.add(new ParagraphItem(p.ordinal(), kind, kindLabel(kind), SafeHtml.marked(p.text(), p.highlights(), Integer.MAX_VALUE),
                    p.ordinal() == hitOrdinal, match,
                    SearchPage.chips(p.countries(), furniture ? List.of() : p.years(), p.explicitYears(), p.speakers(), state)));
        }
        String back = state.href() + (hitOrdinal > 0 ? "#hit-" + a.id() + "-" + hitOrdinal : "");
        Views.MatchNav nav = Views.MatchNav.of(matches, hitOrdinal);
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
        model.put("nav", nav);
        String source = a.source();
        boolean sourceIsUrl = source != null && (source.startsWith("https://") || source.startsWith("http://"));
        model.put("originalHref", sourceIsUrl ? source : null);
        model.put("sourceText", sourceIsUrl ? java.net.URI.create(source).getHost() : source);
        model.put("jsonHref", "/api/articles/" + UrlState.encode(a.id()).replace("+", "%20"));
        return model;
    }

    /**
     * A download, streamed. Downloads have their own bound on top of the search limiter's (each page of one is a
     * search): a few at once, a 503 with {@code Retry-After} beyond.
     */
    private void export(Context ctx, boolean csv) throws Exception {
        UrlState state = UrlState.parse(ctx.queryString());
        if (!downloads.tryAcquire(DOWNLOAD_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new SearchLimiter.BusyException("busy", "the server is busy with " + MAX_DOWNLOADS
                    + " downloads; retry in a moment");
        }
        try {
            Exports.Download download = Exports.open(search, state);
            ctx.header("X-Total-Count", Long.toString(download.total()));
            ctx.header("X-Exported-Count", Integer.toString(download.rows()));
            ctx.header("Content-Disposition", "attachment; filename=\"parley-results." + (csv ? "csv" : "json") + "\"");
            ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/json");
            // from here on the status is sent: a failure can only cut the download short (and is logged)
            OutputStream out = ctx.outputStream();
            if (csv) {
                Exports.csv(download, new OutputStreamWriter(out, StandardCharsets.UTF_8));
            } else {
                Exports.json(download, out);
            }
        } finally {
            downloads.release();
        }
    }

    static String friendly(String text) {
        String message = text == null || text.isBlank() ? "The query could not be understood." : text.strip();
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
