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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.search.Json;

/**
 * The OpenAPI document's own consistency (an operationId per operation, references that resolve, required fields
 * that are properties, the error statuses documented) and live responses checked against its response schemas:
 * every required field present, with the declared JSON type. (Not a full OpenAPI validator: none is on the test
 * classpath.)
 */
class OpenApiDocumentTest {
    @TempDir
    static Path dir;
    private static TestServer fixture;
    private static JsonNode doc;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        fixture = TestServer.start(dir);
        doc = Json.mapper().readTree(get("/api/openapi.json").body());
    }

    @AfterAll
    static void stop() throws IOException {
        if (fixture != null) fixture.close();
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyOperationHasAUniqueIdAndDocumentsTheErrorStatuses() {
        Set<String> ids = new HashSet<>();
        doc.get("paths").properties().forEach(p -> {
            JsonNode op = p.getValue().get("get");
            assertThat(op.path("operationId").asText()).as(p.getKey()).isNotBlank();
            assertThat(ids.add(op.get("operationId").asText())).as("unique operationId " + p.getKey()).isTrue();
            List<String> statuses = new ArrayList<>();
            op.get("responses").fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as(p.getKey()).contains("200", "405", "414", "431");
        });
        for (String path : List.of("/api/search", "/api/articles/{id}", "/api/facets/{dim}")) {
            assertThat(doc.get("paths").get(path).get("get").get("responses").has("503")).as(path).isTrue();
        }
    }

    @Test
    void referencesResolveAndRequiredFieldsAreProperties() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) assertThat(resolve(ref).isMissingNode()).as(ref).isFalse();
        doc.get("components").get("schemas").properties().forEach(s -> {
            JsonNode schema = s.getValue();
            assertThat(schema.has("required")).as(s.getKey()).isTrue();
            for (JsonNode r : schema.get("required")) assertThat(schema.get("properties").has(r.asText())).as(s.getKey() + "." + r).isTrue();
        });
    }

    @Test
    void liveResponsesMatchTheirSchemas() throws Exception {
        String article = Json.mapper().readTree(get("/api/search?q=relations&size=1").body()).get("hits").get(0).get("article_id").asText();
        for (String[] c : new String[][] {
                {"/api/search?q=relations&group=article&size=3", "/api/search", "200"},
                {"/api/search?q=zzqqxx", "/api/search", "200"},
                {"/api/articles/" + article + "?q=relations", "/api/articles/{id}", "200"},
                {"/api/facets/speaker?q=Cambodia", "/api/facets/{dim}", "200"},
                {"/api/stats", "/api/stats", "200"},
                {"/api/health", "/api/health", "200"},
                {"/api/search?q=%22unclosed", "/api/search", "400"},
                {"/api/articles/nope", "/api/articles/{id}", "404"}}) {
            HttpResponse<String> r = get(c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[2]));
            JsonNode response = doc.get("paths").get(c[1]).get("get").get("responses").get(c[2]);
            if (response.has("$ref")) response = resolve(response.get("$ref").asText());
            JsonNode schema = response.get("content").get("application/json").get("schema");
            check(schema, Json.mapper().readTree(r.body()), c[0]);
        }
    }

    @Test
    void theDocumentedErrorStatusesAnswerTheErrorSchema() throws Exception {
        JsonNode error = doc.get("components").get("schemas").get("Error");
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.port() + "/api/search"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).isPresent();
        check(error, Json.mapper().readTree(post.body()), "405");
        HttpResponse<String> unknown = get("/api/nothing/here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        check(error, Json.mapper().readTree(unknown.body()), "404");
        HttpResponse<String> tooLong = get("/api/search?q=" + "x".repeat(300_000));
        assertThat(tooLong.statusCode()).isIn(414, 431);
        check(error, Json.mapper().readTree(tooLong.body()), "414");
    }

    /** The value against the schema: its type, its required fields, recursively through properties and items. */
    private static void check(JsonNode schema, JsonNode value, String where) {
        if (schema.has("$ref")) schema = resolve(schema.get("$ref").asText());
        if (value.isNull()) {
            assertThat(schema.path("nullable").asBoolean()).as(where + " is null but not nullable").isTrue();
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                assertThat(value.isObject()).as(where + " is an object").isTrue();
                for (JsonNode r : schema.path("required")) assertThat(value.has(r.asText())).as(where + " has " + r.asText()).isTrue();
                schema.path("properties").properties().forEach(p -> {
                    if (value.has(p.getKey())) check(p.getValue(), value.get(p.getKey()), where + "." + p.getKey());
                });
            }
            case "array" -> {
                assertThat(value.isArray()).as(where + " is an array").isTrue();
                for (int i = 0; i < value.size(); i++) check(schema.get("items"), value.get(i), where + "[" + i + "]");
            }
            case "string" -> assertThat(value.isTextual()).as(where + " is a string").isTrue();
            case "integer" -> assertThat(value.isIntegralNumber()).as(where + " is an integer").isTrue();
            case "number" -> assertThat(value.isNumber()).as(where + " is a number").isTrue();
            case "boolean" -> assertThat(value.isBoolean()).as(where + " is a boolean").isTrue();
            default -> { } // no type given: anything
        }
        if (schema.has("enum") && value.isTextual()) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(e -> allowed.add(e.asText()));
            assertThat(allowed).as(where).contains(value.asText());
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) refs.add(node.get("$ref").asText());
            node.forEach(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static JsonNode resolve(String ref) {
        return doc.at(ref.substring(1));
    }
}
