package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.search.ArticleView;
import org.parley.search.FacetValue;
import org.parley.search.FacetValuesRequest;
import org.parley.search.IndexStats;
import org.parley.search.Json;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;

/** /api/health says ok only when the served index answers a search, not merely when it has counts. */
class HealthTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Counts fine, searches fail: a generation whose postings or stored documents are broken. */
    record CountsButCannotSearch() implements SearchService {
        @Override
        public SearchResult search(SearchRequest request) {
            throw new IllegalStateException("read past EOF in _0.fdt");
        }

        @Override
        public Optional<ArticleView> article(String id, String query) {
            throw new IllegalStateException("read past EOF in _0.fdt");
        }

        @Override
        public List<FacetValue> facetValues(FacetValuesRequest request) {
            return List.of();
        }

        @Override
        public IndexStats stats() {
            return new IndexStats(3, 30, 1000, Instant.EPOCH, "gen-7");
        }

        @Override
        public void close() {
        }
    }

    static HttpResponse<String> health(ParleyServer server) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGenerationThatCountsButCannotSearchIsReportedFailingWithA503() throws Exception {
        try (ParleyServer server = new ParleyServer(new CountsButCannotSearch()).start("127.0.0.1", 0)) {
            HttpResponse<String> r = health(server);
            assertThat(r.statusCode()).isEqualTo(503);
            JsonNode body = Json.mapper().readTree(r.body());
            assertThat(body.get("status").asText()).isEqualTo("failing");
            assertThat(body.get("generation").asText()).isEqualTo("gen-7");
            assertThat(body.get("problem").asText()).contains("searching the index fails");
        }
    }

    @Test
    void aServedIndexThatAnswersIsOkAndNamesItsGeneration(@TempDir Path tmp) throws Exception {
        try (TestServer server = TestServer.start(tmp)) {
            HttpResponse<String> r = health(server.server);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode body = Json.mapper().readTree(r.body());
            assertThat(body.get("status").asText()).isEqualTo("ok");
            assertThat(body.get("generation").asText()).startsWith("gen-");
            assertThat(body.get("paragraphs").asInt()).isPositive();
        }
    }
}
