package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.parley.search.Json;

/** Failures are declared once: JSON under /api and for downloads (also for unknown routes and wrong methods), pages elsewhere. */
class ErrorsTest extends ServedCorpusTest {
    static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return Json.mapper().readTree(r.body());
    }

    @Test
    void unknownApiRoutesAndTheApiRootAnswerJson404s() throws Exception {
        for (String path : new String[] {"/api", "/api/", "/api/no/such/thing", "/api/search/extra"}) {
            HttpResponse<String> r = send("GET", path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(json(r).get("error").asText()).as(path).isEqualTo("not_found");
        }
    }

    @Test
    void aWrongMethodOnAKnownPathIsA405WithAllowInJson() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            HttpResponse<String> r = send(method, "/api/search?q=x");
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("allow")).as(method).hasValueSatisfying(v -> assertThat(v).contains("GET"));
            JsonNode body = json(r);
            assertThat(body.get("error").asText()).isEqualTo("method_not_allowed");
            assertThat(body.get("message").asText()).contains(method).contains("GET");
        }
    }

    @Test
    void pagesAnswerPagesAndDownloadsAnswerJson() throws Exception {
        HttpResponse<String> missing = send("GET", "/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").doesNotContain("Exception");
        HttpResponse<String> article = send("GET", "/articles/no-such-article");
        assertThat(article.statusCode()).isEqualTo(404);
        assertThat(article.body()).contains("Article not found");
        HttpResponse<String> badExport = send("GET", "/export.csv?q=%22open");
        assertThat(badExport.statusCode()).isEqualTo(400);
        assertThat(json(badExport).get("error").asText()).isEqualTo("invalid_query");
        HttpResponse<String> badPage = send("GET", "/?q=%22open");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).contains("value=\"&quot;open\"");
    }
}
