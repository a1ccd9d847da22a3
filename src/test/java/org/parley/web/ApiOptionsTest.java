package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.search.Json;

/** The API's presentation options ({@code fields}, {@code fragment_size}, {@code fragments}) and opt-in CORS. */
class ApiOptionsTest {
    @TempDir
    static Path tmp;
    static TestServer fixture;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        fixture = TestServer.start(tmp);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode search(String query) throws Exception {
        HttpResponse<String> r = get(fixture.port(), "/api/search?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theListOfHitFieldsIsWhatAHitSerialisesTo() throws Exception {
        JsonNode hit = search("q=Cambodia").get("hits").get(0);
        assertThat(names(hit)).containsExactlyInAnyOrderElementsOf(HitView.HIT_FIELDS);
    }

    @Test
    void fieldsKeepsOnlyTheNamedHitFieldsAndTheRestOfTheResponse() throws Exception {
        JsonNode all = search("q=Cambodia&size=5");
        JsonNode some = search("q=Cambodia&size=5&fields=title,%20url");
        assertThat(some.get("total")).isEqualTo(all.get("total"));
        assertThat(some.get("facets")).isEqualTo(all.get("facets"));
        assertThat(some.get("hits")).hasSameSizeAs(all.get("hits"));
        for (int i = 0; i < some.get("hits").size(); i++) {
            JsonNode hit = some.get("hits").get(i);
            assertThat(names(hit)).containsExactlyInAnyOrder("id", "title", "url"); // id always
            assertThat(hit.get("id")).isEqualTo(all.get("hits").get(i).get("id"));
        }
    }

    @Test
    void fragmentSizeCutsSnippetsAroundTheirMatches() throws Exception {
        JsonNode whole = search("q=Cambodia&size=100&fields=id,text,snippet");
        JsonNode cut = search("q=Cambodia&size=100&fields=id,text,snippet&fragment_size=40");
        int shortened = 0;
        for (int i = 0; i < whole.get("hits").size(); i++) {
            String text = whole.get("hits").get(i).get("text").asText();
            String snippet = cut.get("hits").get(i).get("snippet").asText();
            assertThat(snippet).contains("<mark>");
            String plain = snippet.replace("<mark>", "").replace("</mark>", "");
            if (text.length() > 40 + SafeHtml.SNIPPET_SLACK) {
                assertThat(plain.length()).isLessThan(text.length());
                assertThat(plain).contains("…");
                shortened++;
            } else {
                assertThat(snippet).isEqualTo(whole.get("hits").get(i).get("snippet").asText());
            }
        }
        assertThat(shortened).as("paragraphs long enough to cut").isPositive();
    }

    @Test
    void corsIsOffUnlessAnOriginIsGivenAndThenCoversTheApiOnly() throws Exception {
        String origin = "https://newsroom.example";
        HttpResponse<String> plain = get(fixture.port(), "/api/stats", "Origin", origin);
        assertThat(plain.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        try (ParleyServer cors = new ParleyServer(fixture.service, List.of(origin)).start("127.0.0.1", 0)) {
            HttpResponse<String> api = get(cors.port(), "/api/stats", "Origin", origin);
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
            HttpResponse<String> other = get(cors.port(), "/api/stats", "Origin", "https://elsewhere.example");
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            HttpResponse<String> page = get(cors.port(), "/", "Origin", origin);
            assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cors.port()
                    + "/api/search?q=x")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .headers("Origin", origin, "Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
        }
        assertThatThrownBy(() -> new ParleyServer(fixture.service, List.of("https://newsroom.example/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme://host[:port]");
        assertThatThrownBy(() -> new ParleyServer(fixture.service, List.of("newsroom.example")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
