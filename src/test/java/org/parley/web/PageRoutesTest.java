package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.index.TestCorpus;
import org.parley.search.ArticleView;
import org.parley.search.Dimension;
import org.parley.search.InvalidQueryException;
import org.parley.search.Json;
import org.parley.search.ParagraphView;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;

/** The pages over real HTTP, against a real index of the test corpus; expected numbers come from the corpus or the index. */
class PageRoutesTest {
    private static final SearchService SERVICE = WebTestIndex.service();
    private static ParleyServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = new ParleyServer(SERVICE).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void homePageListsEverythingWithFacetsAndChart() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        String html = r.body();
        long total = WebTestIndex.paragraphs().size();
        assertThat(SERVICE.search(SearchRequest.of("")).total()).isEqualTo(total);
        assertThat(html).contains("<strong class=\"summary__count\">" + Views.count(total) + " paragraphs</strong>");
        assertThat(html).contains("id=\"facet-country\"", "id=\"facet-speaker\"", "id=\"facet-year\"");
        assertThat(html).contains("<svg class=\"timeline__chart");
        assertThat(html).contains("autofocus").contains("<label for=\"q\"");
        assertThat(html).doesNotContain(" style=", "onclick", "<script>");
        // the start page tells what the corpus holds instead of listing its first paragraphs
        long articles = WebTestIndex.paragraphs().values().stream().map(TestCorpus.Expected::articleId).distinct().count();
        assertThat(flat(html)).contains("class=\"overview\"", "<strong>" + Views.plural(articles, "article", "articles") + "</strong>",
                "<strong>" + Views.plural(total, "paragraph", "paragraphs") + "</strong>");
        assertThat(html).doesNotContain("class=\"hit\"");
        java.time.LocalDate earliest = WebTestIndex.paragraphs().values().stream().map(TestCorpus.Expected::published)
                .filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder()).orElseThrow();
        assertThat(html).contains(Views.humanDate(earliest) + " – ");
        // the most named country first, linked to its filter
        String topCountry = WebTestIndex.paragraphs().values().stream().flatMap(p -> p.countries().stream())
                .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting())).entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(html).contains("<li><a href=\"/?country=" + topCountry + "\">");
        // every example search finds something
        java.util.regex.Matcher example = java.util.regex.Pattern.compile("class=\"example\" href=\"([^\"]+)\"").matcher(html);
        int examples = 0;
        while (example.find()) {
            examples++;
            String page = get(example.group(1).replace("&amp;", "&")).body();
            assertThat(page).as(example.group(1)).contains("class=\"hit\"").doesNotContain("id=\"no-results\"");
        }
        assertThat(examples).isGreaterThanOrEqualTo(3);
    }

    @Test
    void consecutiveHitsOfOneArticleShareOneTitleAndLongParagraphsAreSnippets() throws Exception {
        SearchResult r = SERVICE.search(UrlState.parse("country=KH&sort=date").toRequest(SearchPage.PAGE_SIZE, 0));
        int runs = 0;
        String previous = null;
        for (var h : r.hits()) {
            if (!h.articleId().equals(previous)) runs++;
            previous = h.articleId();
        }
        assertThat(runs).isLessThan(r.hits().size());
        String html = get("/?country=KH&sort=date").body();
        assertThat(html.split("<li class=\"hit-group", -1)).hasSize(runs + 1);
        assertThat(html.split("<li class=\"hit\" id=", -1)).hasSize(r.hits().size() + 1);
        assertThat(html).contains("class=\"hit-group hit-group--several\"");
        // a paragraph longer than a snippet: the snippet, and the whole paragraph behind a <details>
        var longest = WebTestIndex.paragraphs().values().stream().filter(p -> p.text().contains("Cambodia"))
                .max(java.util.Comparator.comparingInt(p -> p.text().length())).orElseThrow();
        assertThat(longest.text().length()).isGreaterThan(SafeHtml.SNIPPET_CHARS + SafeHtml.SNIPPET_SLACK);
        String page = flat(get("/?q=Cambodia&group=article").body());
        assertThat(page).contains("<details class=\"hit__full\"> <summary>Whole paragraph</summary>");
        java.util.regex.Matcher snippet = java.util.regex.Pattern.compile("<p class=\"hit__snippet\">(.*?)</p>").matcher(page);
        while (snippet.find()) {
            assertThat(snippet.group(1).replaceAll("<[^>]+>", "").length()).isLessThanOrEqualTo(SafeHtml.SNIPPET_CHARS + SafeHtml.SNIPPET_SLACK + 10);
        }
    }

    @Test
    void theMatchingParagraphsOfAnArticleAreALinkToThem() throws Exception {
        SearchResult grouped = SERVICE.search(UrlState.parse("q=Cambodia&group=article").toRequest(SearchPage.PAGE_SIZE, 0));
        var many = grouped.hits().stream().filter(h -> h.articleHits() > 1).findFirst().orElseThrow();
        String html = get("/?q=Cambodia&group=article").body();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("class=\"hit__more\" href=\"([^\"]+)\">"
                + many.articleHits() + " matching paragraphs in this article</a>").matcher(html);
        assertThat(link.find()).isTrue();
        String target = link.group(1).replace("&amp;", "&");
        assertThat(target).contains("article%3A" + many.articleId()).doesNotContain("group=");
        String page = get(target).body();
        assertThat(page).contains("summary__count\">" + Views.plural(many.articleHits(), "paragraph", "paragraphs") + "<");
        assertThat(page.split("<li class=\"hit\" id=\"hit-" + many.articleId() + "-", -1)).hasSize(Math.min(many.articleHits(), SearchPage.PAGE_SIZE) + 1);
    }

    @Test
    void queryIsKeptHighlightedAndFiltered() throws Exception {
        assertThat(WebTestIndex.count(p -> p.text().contains("Putin") && p.countries().contains("RU"))).isPositive();
        String html = flat(get("/?q=Putin&country=RU").body());
        assertThat(html).contains("value=\"Putin\"");
        assertThat(html).contains("<mark>Putin</mark>");
        assertThat(html).contains("Country: Russia");
        assertThat(html).containsPattern("<input type=\"checkbox\" form=\"search-form\" class=\"js-autosubmit\" id=\"country-\\d+\" name=\"country\" value=\"RU\" checked=\"checked\">");
    }

    @Test
    void hostileQueryAndCorpusTextAreEscaped() throws Exception {
        String html = get("/?q=" + UrlState.encode("<script>alert(1)</script>")).body();
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // the synthetic article whose text holds markup
        assertThat(WebTestIndex.count(p -> p.text().contains("<script>alert(1)</script>"))).isEqualTo(1);
        String stored = get("/?q=reader").body();
        assertThat(stored).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "China &amp; Vietnam");
        assertThat(stored).doesNotContain("<script>alert(");
    }

    @Test
    void badQueryIsA400PageWithAFriendlyMessage() throws Exception {
        HttpResponse<String> r = get("/?q=%22unclosed");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("That search could not be run", "inside a quoted phrase", "value=\"&quot;unclosed\"");
        assertThat(r.body()).doesNotContain("Exception", "at org.");
        HttpResponse<String> year = get("/?q=x&year_from=abc");
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(year.body()).contains("must be a year such as 2016");
    }

    @Test
    void noResultsOffersSuggestionAndDropsTheNarrowestFilter() throws Exception {
        String typo = get("/?q=cambodai").body();
        assertThat(typo).contains("id=\"no-results\"");
        String suggestion = search("cambodai").didYouMean();
        assertThat(suggestion).isNotNull();
        assertThat(typo).contains("Did you mean", ">" + suggestion + "</a>");
        // Mekong is named in Cambodian paragraphs, none of which quotes the synthetic speaker Anna Smith
        assertThat(WebTestIndex.count(p -> p.text().contains("Mekong") && p.countries().contains("KH"))).isPositive();
        assertThat(WebTestIndex.count(p -> p.text().contains("Mekong") && p.speakers().contains("Anna Smith"))).isZero();
        String narrowed = get("/?q=Mekong&country=KH&speaker=Anna+Smith").body();
        // both filters count 0 under the other: the last added is dropped
        assertThat(narrowed).contains("id=\"no-results\"", "class=\"drop-filter\" href=\"/?q=Mekong&amp;country=KH\"",
                "Speaker: Anna Smith");
    }

    @Test
    void aYearRangeShadesTheChartDimsTheYearsOutsideAndListsOnlyTheYearsInside() throws Exception {
        // a range that cuts the corpus's years in two
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        WebTestIndex.paragraphs().values().forEach(p -> years.addAll(p.years()));
        assertThat(years.size()).isGreaterThanOrEqualTo(3);
        int from = years.higher(years.first());
        int to = years.lower(years.last());
        String html = flat(get("/?year_from=" + from + "&year_to=" + to).body());
        assertThat(html).contains("class=\"timeline__range\"", "selected " + from + "–" + to);
        assertThat(html).contains("class=\"bar is-outside\" aria-label=\"" + years.first() + ": ");
        assertThat(html).doesNotContain("class=\"bar is-outside\" aria-label=\"" + from + ": ");
        // the year list offers no year that would find nothing
        assertThat(html).doesNotContain("name=\"year\" value=\"" + years.first() + "\"")
                .contains("name=\"year\" value=\"" + from + "\"");
        long inRange = WebTestIndex.count(p -> p.years().stream().anyMatch(y -> y >= from && y <= to));
        assertThat(html).contains("summary__count\">" + Views.plural(inRange, "paragraph", "paragraphs") + "<");
        // the chart is a group of links (not an image that hides them)
        assertThat(html).contains("role=\"group\" aria-labelledby=\"timeline-desc\"").doesNotContain("role=\"img\"");
    }

    @Test
    void theChartCountsTheParagraphsWithoutAYear() throws Exception {
        long undated = WebTestIndex.count(p -> p.years().isEmpty() && p.countries().contains("KH"));
        assertThat(undated).isPositive(); // the synthetic undated article about Cambodia
        assertThat(get("/?country=KH").body()).contains(Views.plural(undated, "paragraph", "paragraphs") + " without a year");
        // and the same count with a year range: the range does not narrow what it counts
        assertThat(get("/?country=KH&year_from=2000").body()).contains(Views.plural(undated, "paragraph", "paragraphs") + " without a year");
    }

    @Test
    void noResultsBecauseOfTheFiltersSaysSoAndDropsTheOneThatExcludesMost() throws Exception {
        long cambodia = search("Cambodia").total();
        assertThat(cambodia).isPositive();
        // the query finds paragraphs; a Laos tick plus a range before any year excludes them all
        String html = flat(get("/?q=Cambodia&country=LA&year_from=1700&year_to=1701").body());
        assertThat(html).contains("data-cause=\"filters\"", "No results with these filters",
                Views.plural(cambodia, "paragraph", "paragraphs") + " match the query without filters");
        assertThat(html).doesNotContain("Check the spelling");
        long withLaos = WebTestIndex.count(p -> p.text().contains("Cambodia") && p.countries().contains("LA"));
        assertThat(withLaos).isPositive();
        // dropping the range finds the Laos paragraphs; dropping Laos finds nothing (the range still excludes all)
        assertThat(html).contains("class=\"drop-filter\" href=\"/?q=Cambodia&amp;country=LA\"",
                "(" + Views.plural(withLaos, "paragraph", "paragraphs") + ")");
        assertThat(html).contains("class=\"clear-filters\" href=\"/?q=Cambodia\"");
        // the facets stay: the ticked country can be unticked
        assertThat(html).contains("id=\"facet-country\"");
        // a query that finds nothing at all is worded by the query
        String none = flat(get("/?q=zzqqxx&country=KH").body());
        assertThat(none).contains("data-cause=\"query\"", "No paragraphs match <q>zzqqxx</q>");
    }

    @Test
    void paginationKeepsState() throws Exception {
        assertThat(WebTestIndex.count(p -> p.countries().contains("KH"))).isGreaterThan(2 * SearchPage.PAGE_SIZE);
        String html = get("/?country=KH&page=2").body();
        assertThat(html).contains("aria-current=\"page\"");
        assertThat(html).contains("href=\"/?country=KH\"");
        assertThat(html).contains("href=\"/?country=KH&amp;page=3\"");
    }

    @Test
    void aPagePastTheEndRedirectsToTheLastPage() throws Exception {
        HttpResponse<String> r = get("/?country=KH&page=99");
        assertThat(r.statusCode()).isEqualTo(302);
        long kh = WebTestIndex.count(p -> p.countries().contains("KH"));
        long last = (kh + SearchPage.PAGE_SIZE - 1) / SearchPage.PAGE_SIZE;
        assertThat(r.headers().firstValue("Location")).hasValue("/?country=KH&page=" + last);
    }

    @Test
    void aPagePastTheDeepestPagingGoesToTheLastPageNotToAnErrorAboutCursors() throws Exception {
        long kh = WebTestIndex.count(p -> p.countries().contains("KH"));
        long last = (kh + SearchPage.PAGE_SIZE - 1) / SearchPage.PAGE_SIZE;
        for (String page : List.of(Integer.toString(SearchPage.MAX_PAGE + 1), "99999999999")) {
            HttpResponse<String> r = get("/?country=KH&page=" + page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(page).hasValue("/?country=KH&page=" + last);
        }
        // nothing found: the first page, which says so
        HttpResponse<String> none = get("/?q=zzzyqx&page=" + (SearchPage.MAX_PAGE + 1));
        assertThat(none.statusCode()).isEqualTo(302);
        assertThat(none.headers().firstValue("Location")).hasValue("/?q=zzzyqx");
        assertThat(get("/?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void anEmptyIndexSaysHowToFillItInsteadOfSuggestingSpellings(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("corpus"));
        new org.parley.index.IndexBuilder(new org.parley.index.IndexLocation(tmp.resolve("index"))).build(tmp.resolve("corpus"));
        try (SearchService empty = org.parley.index.LuceneSearchService.open(tmp.resolve("index"));
             ParleyServer served = new ParleyServer(empty).start("127.0.0.1", 0)) {
            for (String path : List.of("/", "/?q=russia", "/?q=russia&country=KH", "/?year_from=2000")) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + served.port() + path))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(r.body()).as(path).contains("The index holds no paragraphs yet", "./parley index")
                        .doesNotContain("Check the spelling", "Browse all paragraphs", "No results with these filters",
                                "Search without any filter");
            }
        }
    }

    @Test
    void aFailingServiceGivesAFriendlyPageNotAStackTrace() throws Exception {
        try (ParleyServer broken = new ParleyServer(new FailingService(() -> new IllegalStateException("index gone")))
                .start("127.0.0.1", 0)) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + broken.port() + "/?q=x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("Something went wrong").doesNotContain("index gone", "IllegalStateException");
            HttpResponse<String> article = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + broken.port() + "/articles/x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(article.statusCode()).isEqualTo(500);
            assertThat(article.body()).contains("Something went wrong").doesNotContain("index gone");
        }
    }

    @Test
    void aBusyServiceGivesA503PageThatSaysSo() throws Exception {
        try (ParleyServer busy = new ParleyServer(new FailingService(() -> new SearchLimiter.BusyException("busy", "no slot")))
                .start("127.0.0.1", 0)) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + busy.port() + "/?q=x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("busy with other searches", "value=\"x\"");
        }
    }

    @Test
    void articlePageAnchorsAndHighlightsTheHit() throws Exception {
        var hit = SERVICE.search(new SearchRequest("relations", java.util.Map.of(Dimension.COUNTRY, java.util.List.of("RU")),
                null, null, null, 1, 1, null, false, 0)).hits().get(0);
        ArticleView article = SERVICE.article(hit.articleId()).orElseThrow();
        String kind = article.paragraphs().stream().filter(p -> p.ordinal() == hit.ordinal()).map(ParagraphView::kind)
                .findFirst().orElseThrow().toLowerCase(java.util.Locale.ROOT);
        HttpResponse<String> r = get("/articles/" + hit.articleId() + "?q=relations&country=RU&p=" + hit.ordinal());
        assertThat(r.statusCode()).isEqualTo(200);
        String html = flat(r.body());
        assertThat(html).contains("<h1>" + SafeHtml.escape(article.title()) + "</h1>");
        assertThat(html).contains("id=\"p" + hit.ordinal() + "\" class=\"para para--" + kind + " is-hit is-match\"");
        assertThat(html).contains("<mark>relations</mark>");
        assertThat(html).contains("href=\"/?q=relations&amp;country=RU#hit-" + hit.articleId() + "-" + hit.ordinal() + "\"");
        // captions are set apart (the seed article with the summit photo has one)
        ArticleView withCaption = WebTestIndex.paragraphs().values().stream().map(p -> SERVICE.article(p.articleId()).orElseThrow())
                .filter(a -> a.paragraphs().stream().anyMatch(p -> "CAPTION".equalsIgnoreCase(p.kind()))).findFirst().orElseThrow();
        assertThat(get("/articles/" + withCaption.id()).body()).contains("para--caption");
    }

    @Test
    void theArticlePageNavigatesBetweenMatchesAndShowsNoYearChipsOnBylinesOrDatelines() throws Exception {
        // the article with the most matching paragraphs for the query
        SearchResult grouped = SERVICE.search(UrlState.parse("q=Cambodia&group=article").toRequest(SearchPage.PAGE_SIZE, 0));
        var best = grouped.hits().stream().max(java.util.Comparator.comparingInt(org.parley.search.Hit::articleHits)).orElseThrow();
        assertThat(best.articleHits()).isGreaterThanOrEqualTo(3);
        ArticleView article = SERVICE.article(best.articleId(), "Cambodia").orElseThrow();
        List<Integer> matches = article.paragraphs().stream().filter(p -> !p.highlights().isEmpty()).map(ParagraphView::ordinal).toList();
        int second = matches.get(1);
        String html = flat(get("/articles/" + best.articleId() + "?q=Cambodia&p=" + second).body());
        assertThat(html).contains("class=\"article__bar\"", "class=\"back-link\" href=\"/?q=Cambodia#hit-" + best.articleId() + "-" + second + "\"");
        assertThat(html).contains("data-matches=\"" + String.join(" ", matches.stream().map(String::valueOf).toList()) + "\"");
        assertThat(html).contains("rel=\"prev\" href=\"#p" + matches.get(0) + "\"");
        assertThat(html).contains("rel=\"next\" href=\"#p" + matches.get(2) + "\"", "match 2 of " + matches.size());
        // every matching paragraph is marked as one
        for (int m : matches) assertThat(html).containsPattern("id=\"p" + m + "\" class=\"para para--\\w+( is-hit)? is-match\"");
        // the source is shown when the article names one
        if (article.source() != null) assertThat(html).contains("<dt>Source</dt>");
        // bylines and date lines carry no year chips (their years are when, not what, they tell)
        int furnitureSeen = 0;
        for (ArticleView a : WebTestIndex.paragraphs().values().stream().map(TestCorpus.Expected::articleId).distinct()
                .map(id -> SERVICE.article(id).orElseThrow()).toList()) {
            String page = get("/articles/" + a.id()).body();
            java.util.regex.Matcher furniture = java.util.regex.Pattern.compile(
                    "class=\"para para--(?:byline|dateline)[^\"]*\".*?</li>", java.util.regex.Pattern.DOTALL).matcher(page);
            while (furniture.find()) {
                assertThat(furniture.group()).doesNotContain("chip--year");
                furnitureSeen++;
            }
        }
        assertThat(furnitureSeen).isPositive();
    }

    @Test
    void unknownArticleIsA404Page() throws Exception {
        HttpResponse<String> r = get("/articles/nope?q=x");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Article not found", "href=\"/?q=x\"");
    }

    @Test
    void exportsCsvAndJsonForTheCurrentSearch() throws Exception {
        HttpResponse<String> csv = get("/export.csv?q=Russia&country=KH");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        SearchResult expected = SERVICE.search(new SearchRequest("Russia", java.util.Map.of(Dimension.COUNTRY, java.util.List.of("KH")),
                null, null, null, 1, 100, null, false, 10));
        assertThat(expected.total()).isPositive();
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize((int) expected.total() + 1);
        assertThat(lines[0]).startsWith("\"id\",\"article_id\",\"title\"");
        HttpResponse<String> json = get("/export.json?q=Russia&country=KH");
        assertThat(json.statusCode()).isEqualTo(200);
        var tree = Json.mapper().readTree(json.body());
        assertThat(tree.get("total").asLong()).isEqualTo(expected.total());
        assertThat(tree.get("hits")).hasSize((int) expected.total());
        assertThat(get("/export.csv?q=%22bad").statusCode()).isEqualTo(400);
        assertThat(get("/?q=Russia&country=KH&format=csv").body()).isEqualTo(csv.body());
    }

    /** The page with every run of whitespace collapsed to one space, so assertions need not know line breaks. */
    static String flat(String html) {
        return html.replaceAll("\\s+", " ");
    }

    static HttpResponse<String> getPart(String pathAndQuery, String part) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .header(PageRoutes.PART_HEADER, part).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void instantSearchGetsThePageInTwoPartsThatTogetherAreThePage() throws Exception {
        // a search no other test asks (a boost of its own: the server knows searches by their parsed query), and a
        // prefix, whose matches no document count bounds: counted in a pass of its own, so the results part has none
        HttpResponse<String> results = getPart("/?q=Cambodi*%5E1.01", "results");
        HttpResponse<String> facets = getPart("/?q=Cambodi*%5E1.01", "facets");
        String whole = get("/?q=Cambodi*%5E1.01").body();
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(facets.statusCode()).isEqualTo(200);
        for (HttpResponse<String> r : List.of(results, facets)) {
            assertThat(r.headers().firstValue("Vary")).hasValue(PageRoutes.PART_HEADER); // never a cached whole page
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.body()).doesNotContain("<footer", "class=\"masthead");
        }
        assertThat(get("/?q=Cambodia").headers().firstValue("Vary")).hasValue(PageRoutes.PART_HEADER);
        long total = search("Cambodi*^1.01").total();
        assertThat(total).isPositive();
        // the results: title, count and the same hits as the page, but no facet lists and no chart
        assertThat(results.body()).contains("<title>Cambodi*^1.01 · parley</title>", "data-url=\"/?q=Cambodi*%5E1.01\"",
                "<strong class=\"summary__count\">" + Views.plural(total, "paragraph", "paragraphs") + "</strong>");
        assertThat(hitAnchors(results.body())).isEqualTo(hitAnchors(whole)).isNotEmpty();
        assertThat(results.body()).doesNotContain("id=\"facet-country\"", "class=\"timeline", "data-facets");
        // the facets: the filters column and the chart exactly as the page has them, and no hits
        assertThat(facets.body()).contains("id=\"facet-country\"", "<svg class=\"timeline__chart");
        assertThat(facets.body()).doesNotContain("class=\"hit\"", "summary__count");
        assertThat(whole).contains(between(facets.body(), "<aside", "</aside>"), between(facets.body(), "<figure", "</figure>"));
        // without the header, or with another value, the page is served whole (no JavaScript, reloads, links)
        assertThat(withoutTook(getPart("/?q=Cambodi*%5E1.01", "everything").body())).isEqualTo(withoutTook(whole));
    }

    @Test
    void aResultsPartCarriesTheFacetsWhenTheirCountsCostNothing() throws Exception {
        // (a results part asked once, without counts, is in instantSearchGetsThePageInTwoPartsThatTogetherAreThePage)
        String path = "/?q=Cambodia%5E1.02";
        String whole = get(path).body(); // the server has the search's counts now
        String results = getPart(path, "results").body();
        // the whole layout at once, marked so that the script asks no facets part
        assertThat(results).contains("data-facets=\"counted\"", "id=\"facet-country\"", "<svg class=\"timeline__chart");
        assertThat(whole).doesNotContain("data-facets");
        assertThat(results).contains(between(whole, "<aside", "</aside>"), between(whole, "<figure", "</figure>"));
        assertThat(hitAnchors(results)).isEqualTo(hitAnchors(whole)).isNotEmpty();
    }

    @Test
    void aResultsPartOfASearchWithFewMatchesCarriesItsFacetsAtOnce() throws Exception {
        // few matches by their words' document counts (every search of the test corpus): counted with the hits
        String path = "/?q=Cambodia%5E1.05";
        String results = getPart(path, "results").body(); // asked first: nothing is known of the search yet
        String whole = get(path).body();
        assertThat(results).contains("data-facets=\"counted\"", "id=\"facet-country\"", "<svg class=\"timeline__chart");
        assertThat(results).contains(between(whole, "<aside", "</aside>"), between(whole, "<figure", "</figure>"));
        assertThat(hitAnchors(results)).isEqualTo(hitAnchors(whole)).isNotEmpty();
    }

    @Test
    void theIndexedWordsThatATypedWordBeginsAreListedWhenFew() throws Exception {
        // what the index holds, from the corpus: the words starting with "cambo" (Cambodia, Cambodian ...)
        java.util.Optional<org.parley.search.WordsStartingWith> cambo = SERVICE.wordsStartingWith("Cambo");
        assertThat(cambo).isPresent();
        assertThat(cambo.get().prefix()).isEqualTo("cambo");
        assertThat(cambo.get().complete()).isTrue();
        assertThat(cambo.get().words()).containsKey("cambodia").doesNotContainKey("cambo")
                .allSatisfy((w, documents) -> assertThat(w).startsWith("cambo"));
        assertThat(SERVICE.wordsStartingWith("Cambodia").orElseThrow().words()).containsKey("cambodia");
        // accents folded as the index folds them; a prefix no word has lists nothing; one that is not a word gets nothing
        assertThat(SERVICE.wordsStartingWith("CAMBÔ")).isEqualTo(cambo);
        assertThat(SERVICE.wordsStartingWith("zzqx").orElseThrow().words()).isEmpty();
        assertThat(SERVICE.wordsStartingWith("cam*")).isEmpty();
        assertThat(SERVICE.wordsStartingWith("x".repeat(org.parley.search.WordsStartingWith.MAX_PREFIX_CHARS + 1))).isEmpty();

        // the results part and the page carry it for the query's last word, as /api/words gives it
        String listed = org.parley.search.Json.mapper().writeValueAsString(cambo.get());
        for (HttpResponse<String> r : List.of(getPart("/?q=Hun+Sen+Cambo", "results"), get("/?q=Hun+Sen+Cambo"))) {
            org.jsoup.nodes.Element layout = org.jsoup.Jsoup.parse(r.body()).selectFirst(".layout");
            assertThat(layout.attr("data-words-prefix")).isEqualTo("cambo");
            assertThat(layout.attr("data-words")).isEqualTo(listed);
        }
        // no list when the query does not end in a word being typed
        assertThat(getPart("/?q=%22Cambo%22", "results").body()).doesNotContain("data-words");
        assertThat(getPart("/?q=Cambo*", "results").body()).doesNotContain("data-words");
    }

    @Test
    void theFacetsPartBringsTheNoResultsNoticeWithItsSuggestionTheResultsPartLeavesOut() throws Exception {
        String whole = get("/?q=cambodai").body();
        assertThat(whole).contains("class=\"did-you-mean\"");
        assertThat(getPart("/?q=cambodai", "results").body()).contains("id=\"no-results\"").doesNotContain("did-you-mean");
        assertThat(getPart("/?q=cambodai", "facets").body()).contains(between(whole, "<div class=\"notice notice--empty\"", "</div>"));
    }

    @Test
    void aSearchWithoutFacetsFindsWhatTheSearchFindsAndCountsNoFacetValues() throws Exception {
        // searches no other test asks (boosts of their own), so that nothing is known of them yet
        // prefixes (their matches are not bounded by document counts, so they are not counted with the hits) and a
        // search without results (the full search would suggest a spelling)
        for (String qs : List.of("q=Cambodi*%5E1.03", "q=Puti*%5E1.03&country=RU",
                "q=Cambodi*%5E1.04&year_from=2000&year_to=2020&sort=-date", "q=cambodai%5E1.03")) {
            SearchRequest request = UrlState.parse(qs).toRequest(SearchPage.PAGE_SIZE, SearchPage.FACET_SIZE);
            SearchResult light = SERVICE.searchWithoutFacets(request);
            SearchResult full = SERVICE.search(request);
            assertThat(light.total()).as(qs).isEqualTo(full.total());
            assertThat(light.hits()).as(qs).isEqualTo(full.hits().stream().toList());
            assertThat(light.didYouMean()).as(qs).isNull();
            // only the selected values are listed, uncounted
            light.facets().forEach(f -> f.values().forEach(v -> assertThat(v.selected() && v.count() == 0).as(qs).isTrue()));
            // once the full search ran, its counted facets come along (they cost nothing more)
            SearchResult again = SERVICE.searchWithoutFacets(request);
            assertThat(again.hits()).as(qs).isEqualTo(full.hits());
            if (full.didYouMean() == null) assertThat(again.facets()).as(qs).isEqualTo(full.facets());
        }
        assertThat(SERVICE.search(SearchRequest.of("cambodai")).didYouMean()).isNotNull();
        // a search with few matches: counted in the pass that ranks them, so its facets come along at once
        for (String qs : List.of("q=Cambodia%5E1.07", "q=Cambodia%5E1.08&country=KH", "q=Cambodia%5E1.09&year_from=2000&year_to=2020")) {
            SearchRequest request = UrlState.parse(qs).toRequest(SearchPage.PAGE_SIZE, SearchPage.FACET_SIZE);
            SearchResult light = SERVICE.searchWithoutFacets(request);
            SearchResult full = SERVICE.search(request);
            assertThat(light.total()).as(qs).isGreaterThanOrEqualTo(SUGGESTS_BELOW).isEqualTo(full.total());
            assertThat(light.hits()).as(qs).isEqualTo(full.hits());
            assertThat(light.facets()).as(qs).isEqualTo(full.facets());
        }
    }

    /** Below this many results the full search suggests a spelling, so the light one brings no counts. */
    private static final int SUGGESTS_BELOW = 3;

    @Test
    void textsThatParseToOneQueryShareItsResultEachWithItsOwnCursor() throws Exception {
        // "Cambodia" then "cambodia" (as a typist's successive keystrokes can): one query, one result reused
        SearchRequest first = new SearchRequest("Cambodia", java.util.Map.of(), null, null, null, 1, 2, null, false, 10);
        SearchRequest second = new SearchRequest("cambodia", java.util.Map.of(), null, null, null, 1, 2, null, false, 10);
        SearchResult a = SERVICE.search(first);
        SearchResult b = SERVICE.search(second);
        assertThat(a.total()).isGreaterThan(4);
        assertThat(b.hits()).isEqualTo(a.hits());
        assertThat(b.facets()).isEqualTo(a.facets());
        // a cursor belongs to its query's text: each result carries its own, and it pages on
        assertThat(b.nextCursor()).isNotNull().isNotEqualTo(a.nextCursor());
        SearchResult next = SERVICE.search(second.withPage(1, 2, b.nextCursor()));
        SearchResult page2 = SERVICE.search(second.withPage(2, 2, null));
        assertThat(next.hits()).extracting(org.parley.search.Hit::id).isEqualTo(page2.hits().stream().map(org.parley.search.Hit::id).toList());
    }

    /** The page without the search's time, which differs from one request to the next. */
    private static String withoutTook(String html) {
        return html.replaceAll("· \\d+ ms", "");
    }

    private static List<String> hitAnchors(String html) {
        return java.util.regex.Pattern.compile("<li class=\"hit\" id=\"([^\"]+)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        int to = text.indexOf(end, from);
        assertThat(to).as(end).isPositive();
        return text.substring(from, to + end.length());
    }

    static SearchResult search(String q) throws InvalidQueryException {
        return SERVICE.search(SearchRequest.of(q));
    }
}
