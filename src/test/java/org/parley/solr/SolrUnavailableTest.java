package org.parley.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.web.ParleyServer;

/**
 * A SolrCloud backend none of whose nodes answers (ports nothing listens on; no cluster needed): every route says
 * the search is unavailable (503, {@code Retry-After}, JSON under /api and for downloads, a page elsewhere), never
 * a 500 or a stack trace; health says failing.
 */
class SolrUnavailableTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String deadNode() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/solr";
        }
    }

    @Test
    void everyRouteAnswers503UnavailableWhenNoNodeAnswers() throws Exception {
        SolrSearchService service = new SolrSearchService(new SolrHttp(List.of(deadNode(), deadNode()), Duration.ofSeconds(2)), "parley");
        try (ParleyServer server = new ParleyServer(service).start("127.0.0.1", 0)) {
            for (String path : List.of("/api/search?q=Cambodia", "/api/search", "/api/facets/country?prefix=c",
                    "/api/facets/country?prefix=c&q=Cambodia", "/api/articles/002_438fc9b9397ebf59?q=relations", "/api/stats",
                    "/export.csv?q=Cambodia", "/export.json", "/?q=Cambodia&format=json")) {
                HttpResponse<String> r = get(server, path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as(path).isPresent();
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
                assertThat(r.body()).as(path).startsWith("{\"error\":\"unavailable\",\"message\":\"the SolrCloud cluster cannot answer")
                        .doesNotContain("127.0.0.1", "Exception");
            }
            for (String path : List.of("/", "/?q=Cambodia", "/articles/002_438fc9b9397ebf59")) {
                HttpResponse<String> r = get(server, path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
                assertThat(r.body()).as(path).contains("Search is unavailable").doesNotContain("Exception", "127.0.0.1");
            }
            HttpResponse<String> health = get(server, "/api/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"failing\"");
            // a malformed query is still the client's mistake, told before any node is asked
            assertThat(get(server, "/api/search?q=%22unclosed").statusCode()).isEqualTo(400);
        }
    }

    private static HttpResponse<String> get(ParleyServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
