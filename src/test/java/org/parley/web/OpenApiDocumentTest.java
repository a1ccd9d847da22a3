package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.search.Json;

/**
 * The OpenAPI document ({@code src/main/resources/api/openapi.json}) run through a real OpenAPI 3 parser and
 * validator (swagger-parser) plus a lint of what the API promises (an operationId per operation, {@code required}
 * lists on the response schemas, the error statuses documented, a licence), and the live responses of a server on a
 * real index of the test corpus validated against the document's response schemas with a JSON Schema validator
 * (networknt, OpenAPI 3.0 dialect: {@code nullable}, {@code $ref} into the document). The response schemas are
 * validated closed (no property beyond those documented), so a field the server adds without documenting it fails.
 */
class OpenApiDocumentTest {
    /** Where the validator finds the (closed) document: an address of our own, never fetched. */
    private static final String DOC_IRI = "https://parley.invalid/api/openapi.json";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static TestServer fixture;
    private static ParleyServer busy;
    private static ParleyServer failing;
    private static JsonNode doc;
    private static SchemaRegistry schemas;

    @BeforeAll
    static void start() throws IOException {
        fixture = TestServer.start(dir);
        busy = new ParleyServer(new FailingService(() -> new SearchLimiter.BusyException("busy", "test: busy"))).start("127.0.0.1", 0);
        failing = new ParleyServer(new HealthTest.CountsButCannotSearch()).start("127.0.0.1", 0);
        doc = Json.mapper().readTree(documentText());
        String closed = Json.mapper().writeValueAsString(closeObjectSchemas(doc.deepCopy()));
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(DOC_IRI, closed)));
    }

    @AfterAll
    static void stop() throws IOException {
        if (failing != null) failing.close();
        if (busy != null) busy.close();
        if (fixture != null) fixture.close();
    }

    private static String documentText() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(ApiRoutes.OPENAPI_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- the document itself ----

    @Test
    void theServedDocumentIsTheResource() throws Exception {
        HttpResponse<String> served = get(fixture.port(), "/api/openapi.json");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(Json.mapper().readTree(served.body())).isEqualTo(doc);
    }

    @Test
    void swaggerParserReadsTheDocumentWithoutAnyMessage() throws Exception {
        SwaggerParseResult result = parse();
        assertThat(result.getMessages()).as("swagger-parser validation messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.0");
        // and it does report a broken copy: an operation without responses, a reference to nothing
        ObjectNode broken = doc.deepCopy();
        ((ObjectNode) broken.at("/paths/~1api~1stats/get")).remove("responses");
        ((ObjectNode) broken.at("/paths/~1api~1search/get/responses/200/content/application~1json/schema"))
                .put("$ref", "#/components/schemas/Nothing");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        List<String> messages = new OpenAPIV3Parser().readContents(broken.toString(), null, options).getMessages();
        assertThat(messages).anyMatch(m -> m.contains("responses")).anyMatch(m -> m.contains("Nothing"));
    }

    @Test
    void lintEveryOperationHasAUniqueIdASummaryAndDocumentsTheErrorStatuses() throws Exception {
        OpenAPI api = parse().getOpenAPI();
        Set<String> ids = new HashSet<>();
        api.getPaths().forEach((path, item) -> operations(item).forEach((method, op) -> {
            String where = method + " " + path;
            assertThat(method).as(where + ": the API serves GET only").isEqualTo(PathItem.HttpMethod.GET);
            assertThat(op.getOperationId()).as(where + " operationId").isNotBlank();
            assertThat(ids.add(op.getOperationId())).as(where + " operationId is unique").isTrue();
            assertThat(op.getSummary()).as(where + " summary").isNotBlank();
            assertThat(op.getResponses().keySet()).as(where).contains("200", "405", "414", "431");
            for (ApiResponse r : op.getResponses().values()) {
                assertThat(r.getDescription()).as(where + " response description").isNotBlank();
                if (r.getContent() != null) assertThat(r.getContent().keySet()).as(where).containsExactly("application/json");
            }
            // path parameters are declared, and only those of the template
            List<String> declared = op.getParameters() == null ? List.of()
                    : op.getParameters().stream().filter(p -> "path".equals(p.getIn())).map(p -> p.getName()).toList();
            List<String> template = new ArrayList<>();
            var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
            while (m.find()) template.add(m.group(1));
            assertThat(declared).as(where + " path parameters").containsExactlyInAnyOrderElementsOf(template);
        }));
        // the routes that take a search slot can answer busy; health answers 503 when the index fails
        for (String path : List.of("/api/search", "/api/articles/{id}", "/api/facets/{dim}", "/api/health")) {
            assertThat(api.getPaths().get(path).getGet().getResponses()).as(path).containsKey("503");
        }
        for (String path : List.of("/api/search", "/api/facets/{dim}")) {
            assertThat(api.getPaths().get(path).getGet().getResponses()).as(path).containsKey("400");
        }
        assertThat(api.getPaths().get("/api/articles/{id}").getGet().getResponses()).containsKey("404");
    }

    @Test
    void lintTheDocumentHasALicenceAndEveryResponseSchemaListsWhatIsRequired() throws Exception {
        OpenAPI api = parse().getOpenAPI();
        assertThat(api.getInfo().getLicense()).as("info.license").isNotNull();
        assertThat(api.getInfo().getLicense().getName()).isNotBlank();
        assertThat(api.getInfo().getVersion()).isNotBlank();
        // every object schema, named or inline in a response, says which of its properties are always there
        List<String> objects = new ArrayList<>();
        collectObjectSchemas(doc, "#", objects);
        assertThat(objects).isNotEmpty();
        for (String pointer : objects) {
            JsonNode schema = doc.at(pointer.substring(1));
            assertThat(schema.path("required").isArray() && !schema.get("required").isEmpty()).as(pointer + " required").isTrue();
            for (JsonNode r : schema.get("required")) assertThat(schema.get("properties").has(r.asText())).as(pointer + " required " + r).isTrue();
        }
        // every JSON response has a schema (the document's own one excepted: it is this document)
        api.getPaths().forEach((path, item) -> operations(item).forEach((method, op) -> op.getResponses().forEach((status, r) -> {
            if (r.getContent() == null || path.equals(ApiRoutes.OPENAPI_RESOURCE)) return;
            MediaType json = r.getContent().get("application/json");
            assertThat(json.getSchema()).as(path + " " + status + " schema").isNotNull();
        })));
    }

    // ---- live responses against the document ----

    @Test
    void liveResponsesOfEveryRouteMatchTheirSchemas() throws Exception {
        int port = fixture.port();
        JsonNode first = body(get(port, "/api/search?q=relations&size=2"));
        String article = first.get("hits").get(0).get("article_id").asText();
        String cursor = first.get("next_cursor").asText();
        assertThat(cursor).isNotBlank();
        String country = first.get("facets").get(0).get("values").get(0).get("value").asText();
        List<String[]> calls = List.of(
                new String[] {"/api/search?q=relations&country=" + country + "&facet_size=3", "/api/search", "200"},
                new String[] {"/api/search?q=relations&group=article&size=3", "/api/search", "200"},
                new String[] {"/api/search?q=relations&size=2&cursor=" + enc(cursor), "/api/search", "200"},
                new String[] {"/api/search?year_from=2000&year_to=2020&sort=-date&facet_size=0", "/api/search", "200"},
                new String[] {"/api/search?q=zzqqxx", "/api/search", "200"},
                new String[] {"/api/search", "/api/search", "200"},
                new String[] {"/api/articles/" + enc(article) + "?q=relations", "/api/articles/{id}", "200"},
                new String[] {"/api/articles/" + enc(article), "/api/articles/{id}", "200"},
                new String[] {"/api/facets/speaker?q=Cambodia", "/api/facets/{dim}", "200"},
                new String[] {"/api/facets/country?prefix=ca&country=" + country, "/api/facets/{dim}", "200"},
                new String[] {"/api/facets/year?limit=3", "/api/facets/{dim}", "200"},
                new String[] {"/api/words?prefix=camb", "/api/words", "200"},
                new String[] {"/api/words?prefix=zzqqxx", "/api/words", "200"},
                new String[] {"/api/words?prefix=cam%2A", "/api/words", "400"},
                new String[] {"/api/stats", "/api/stats", "200"},
                new String[] {"/api/health", "/api/health", "200"},
                new String[] {"/api/search?q=%22unclosed", "/api/search", "400"},
                new String[] {"/api/search?contry=KH", "/api/search", "400"},
                new String[] {"/api/search?size=101", "/api/search", "400"},
                new String[] {"/api/search?size=0&country=KH", "/api/search", "200"},
                new String[] {"/api/search?q=relations&fields=id,title,snippet&fragment_size=60&fragments=2", "/api/search", "200"},
                new String[] {"/api/search?cursor=notacursor", "/api/search", "400"},
                new String[] {"/api/facets/colour", "/api/facets/{dim}", "400"},
                new String[] {"/api/articles/nope", "/api/articles/{id}", "404"});
        for (String[] c : calls) validate(get(port, c[0]), c[1], c[2], c[0]);
    }

    @Test
    void errorStatusesOfEveryRouteMatchTheirSchemas() throws Exception {
        for (String path : List.of("/api/search", "/api/articles/x", "/api/facets/country", "/api/words", "/api/health", "/api/stats",
                "/api/openapi.json")) {
            String documented = documentedPath(path);
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri(fixture.port(), path))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            validate(post, documented, "405", "POST " + path);
            assertThat(post.headers().firstValue("Allow")).as(path).hasValue("GET");
            int over = ParleyServer.MAX_REQUEST_HEADER_BYTES + 1024;
            validate(get(fixture.port(), path + "?q=" + "x".repeat(over)), documented, "414", path + " with a huge query string");
            HttpResponse<String> bigHeaders = HTTP.send(HttpRequest.newBuilder(uri(fixture.port(), path))
                    .header("X-Big", "y".repeat(over)).build(), HttpResponse.BodyHandlers.ofString());
            validate(bigHeaders, documented, "431", path + " with huge headers");
        }
        // unknown paths under /api answer the JSON error too (documented in the description and on NotFound)
        HttpResponse<String> unknown = get(fixture.port(), "/api/nothing/here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(errors("#/components/schemas/Error", unknown.body())).as("/api/nothing/here").isEmpty();
    }

    @Test
    void busyAndFailingResponsesMatchTheirSchemas() throws Exception {
        for (String path : List.of("/api/search?q=x", "/api/articles/x", "/api/facets/speaker?prefix=a")) {
            HttpResponse<String> r = get(busy.port(), path);
            validate(r, documentedPath(path.replaceAll("\\?.*", "")), "503", "busy " + path);
            assertThat(r.headers().firstValue("Retry-After")).as(path).isPresent();
        }
        validate(get(failing.port(), "/api/health"), "/api/health", "503", "failing /api/health");
    }

    @Test
    void theSchemaCheckRejectsAWrongTypeAMissingFieldAndAnUndocumentedOne() throws Exception {
        JsonNode good = body(get(fixture.port(), "/api/search?q=relations&size=1"));
        String pointer = "#/components/schemas/SearchResult";
        assertThat(errors(pointer, good.toString())).isEmpty();
        ObjectNode wrongType = good.deepCopy();
        wrongType.put("total", "many");
        assertThat(errors(pointer, wrongType.toString())).isNotEmpty();
        ObjectNode missing = good.deepCopy();
        missing.remove("next_cursor");
        assertThat(errors(pointer, missing.toString())).isNotEmpty();
        ObjectNode extra = good.deepCopy();
        ((ObjectNode) extra.get("hits").get(0)).put("undocumented", 1);
        assertThat(errors(pointer, extra.toString())).isNotEmpty();
        ObjectNode nulled = good.deepCopy();
        nulled.putNull("did_you_mean"); // nullable
        nulled.putNull("took_ms"); // not nullable
        assertThat(errors(pointer, nulled.toString())).hasSize(1);
    }

    // ---- helpers ----

    /** Checks the response's status and its body against the document's schema for that path and status. */
    private static void validate(HttpResponse<String> r, String path, String status, String what) throws IOException {
        assertThat(r.statusCode()).as(what + " status").isEqualTo(Integer.parseInt(status));
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what + " content type").startsWith("application/json");
        JsonNode operation = doc.get("paths").get(path).get("get");
        assertThat(operation).as(path).isNotNull();
        String pointer = "/paths/" + escape(path) + "/get/responses/" + status;
        JsonNode response = doc.at(pointer);
        assertThat(response.isMissingNode()).as(what + ": status " + status + " is not documented on " + path).isFalse();
        if (response.has("$ref")) pointer = response.get("$ref").asText().substring(1);
        List<String> errors = errors("#" + pointer + "/content/application~1json/schema", r.body());
        assertThat(errors).as(what + " against " + pointer + ": " + r.body().substring(0, Math.min(r.body().length(), 400))).isEmpty();
    }

    private static List<String> errors(String pointer, String json) {
        Schema schema = schemas.getSchema(SchemaLocation.of(DOC_IRI + pointer));
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** Marks every object schema with listed properties as closed, so undocumented fields are reported. */
    private static JsonNode closeObjectSchemas(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if ("object".equals(o.path("type").asText()) && o.has("properties") && !o.has("additionalProperties")) {
                o.put("additionalProperties", false);
            }
            o.forEach(OpenApiDocumentTest::closeObjectSchemas);
        } else if (node.isArray()) {
            node.forEach(OpenApiDocumentTest::closeObjectSchemas);
        }
        return node;
    }

    private static void collectObjectSchemas(JsonNode node, String pointer, List<String> found) {
        if (node.isObject()) {
            if ("object".equals(node.path("type").asText()) && node.has("properties")) found.add(pointer);
            node.properties().forEach(e -> collectObjectSchemas(e.getValue(), pointer + "/" + escapeToken(e.getKey()), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) collectObjectSchemas(node.get(i), pointer + "/" + i, found);
        }
    }

    private static String documentedPath(String path) {
        if (path.startsWith("/api/articles/")) return "/api/articles/{id}";
        if (path.startsWith("/api/facets/")) return "/api/facets/{dim}";
        return path;
    }

    private static Map<PathItem.HttpMethod, Operation> operations(PathItem item) {
        return item.readOperationsMap();
    }

    private static SwaggerParseResult parse() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true); // shared responses ($ref to components) are checked where they are used
        return new OpenAPIV3Parser().readContents(documentText(), null, options);
    }

    private static String escape(String path) {
        return escapeToken(path);
    }

    private static String escapeToken(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static JsonNode body(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }
}
