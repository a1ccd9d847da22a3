package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.search.Json;
import org.parley.search.SearchService;

/** The search page over HTTP against a real index of {@code corpus/}: same numbers as the API, and fast. */
class RealIndexPageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> QUERIES = List.of("sort=-date", "q=Russia", "q=relations", "q=%22diplomatic+relations%22",
            "q=Cambod*", "q=Hun+Sen", "q=Russia&sort=-date", "q=Russia&page=2", "q=debt+OR+trade", "q=ASEAN&year_from=2000", "q=Russia&group=article");
    private static SearchService service;
    private static ParleyServer server;

    @BeforeAll
    static void start() {
        service = BrowserTestService.corpusIndex(Path.of("target", "page-test-index"));
        server = new ParleyServer(service).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        service.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pageShowsWhatTheApiAnswers() throws Exception {
        for (String q : QUERIES) {
            HttpResponse<String> page = get("/?" + q);
            assertThat(page.statusCode()).as(q).isEqualTo(200);
            JsonNode api = Json.mapper().readTree(get("/api/search?" + q).body());
            Matcher count = Pattern.compile("summary__count\">([\\d,]+) (?:paragraph|article)").matcher(page.body());
            assertThat(count.find()).as(q).isTrue();
            assertThat(Long.parseLong(count.group(1).replace(",", ""))).as(q).isEqualTo(api.get("total").asLong());
            List<String> expected = new ArrayList<>();
            for (JsonNode h : api.get("hits")) expected.add("hit-" + h.get("article_id").asText() + "-" + h.get("ordinal").asInt());
            List<String> shown = new ArrayList<>();
            Matcher anchor = Pattern.compile("<li class=\"hit\" id=\"([^\"]+)\"").matcher(page.body());
            while (anchor.find()) shown.add(anchor.group(1));
            assertThat(shown).as(q).isEqualTo(expected);
        }
    }

    @Test
    void hostileInputGivesAPageNeverAServerError() throws Exception {
        for (String q : List.of("q=%00", "q=%FF%FE", "q=((", "q=AND", "q=field:", "q=%22unclosed", "q=*", "q=a~99",
                "q=/regex", "year=abc", "year=1066", "country=%00", "speaker=%3Cscript%3E", "page=0", "page=abc",
                "year_from=3000&year_to=1", "sort=%00", "group=x", "q=" + "x%20OR%20".repeat(300) + "y", "q=%E0%A4",
                "more=%3Cscript%3E", "q=%C0%AE%C0%AE")) {
            HttpResponse<String> r = get("/?" + q);
            assertThat(r.statusCode()).as(q).isIn(200, 400);
            assertThat(r.headers().firstValue("Content-Type")).as(q).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(r.body()).as(q).contains("id=\"search-form\"").doesNotContain("Exception", "<script>alert", "<script%3E");
        }
    }

    @Test
    void everyHitOpensItsArticleAtTheParagraph() throws Exception {
        JsonNode api = Json.mapper().readTree(get("/api/search?q=Russia&size=20").body());
        for (JsonNode h : api.get("hits")) {
            String id = h.get("article_id").asText();
            int ordinal = h.get("ordinal").asInt();
            HttpResponse<String> article = get("/articles/" + id + "?q=Russia&p=" + ordinal);
            assertThat(article.statusCode()).isEqualTo(200);
            assertThat(PageRoutesTest.flat(article.body())).contains("id=\"p" + ordinal + "\" class=\"para para--")
                    .contains(" is-hit is-match\"").contains("<mark>");
        }
        assertThat(get("/articles/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);
    }
}
