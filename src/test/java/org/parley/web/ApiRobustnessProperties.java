package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.parley.search.InvalidQueryException;
import org.parley.search.Json;
import org.parley.search.SearchRequest;
import org.parley.search.SearchService;

/**
 * Random and hostile input to the search endpoint and the query parser: every answer is well-formed JSON,
 * a 200 or a 400 with {@code error} and {@code message}, never a 5xx or a stack trace.
 */
class ApiRobustnessProperties {
    private static Path dir;
    private static TestServer server;
    private static SearchService service;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = Json.mapper();

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("parley-fuzz");
        server = TestServer.start(dir);
        service = server.service;
    }

    @AfterContainer
    static void stop() throws Exception {
        server.close();
        // jqwik has no @TempDir for a container
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    /** GET with a raw (already encoded) query string. */
    private static Answer get(String rawQuery) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/search?" + rawQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertWellFormed(Answer a) {
        assertThat(a.status()).isIn(200, 400);
        assertThat(a.body().isObject()).isTrue();
        if (a.status() == 400) {
            assertThat(a.body().path("error").asText()).isNotBlank();
            assertThat(a.body().path("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        } else {
            assertThat(a.body().has("total")).isTrue();
        }
    }

    @Property(tries = 300)
    void anyQueryTextIsAnsweredWithJson(@ForAll @StringLength(max = 300) String q) throws Exception {
        assertWellFormed(get("q=" + enc(q)));
    }

    @Property(tries = 200)
    void querySyntaxSoupIsAnsweredWithJson(@ForAll("syntaxSoup") String q) throws Exception {
        assertWellFormed(get("q=" + enc(q)));
    }

    @Property(tries = 200)
    void anyValueOfAnyParameterIsAnsweredWithJson(@ForAll("parameterNames") String name, @ForAll @StringLength(max = 60) String value)
            throws Exception {
        assertWellFormed(get(enc(name) + "=" + enc(value)));
    }

    @Property(tries = 300)
    void theSearchServiceEitherAnswersOrRejectsWithAReason(@ForAll("syntaxSoup") String q) {
        try {
            assertThat(service.search(SearchRequest.of(q)).total()).isGreaterThanOrEqualTo(0);
        } catch (InvalidQueryException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.code()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> syntaxSoup() {
        Arbitrary<String> token = Arbitraries.of("trade", "Russia", "\"", "(", ")", "AND", "OR", "NOT", "+", "-", "*", "?", "~", "~2",
                "^3", ":", "title:", "country:", "year:[1990 TO 2000]", "{", "}", "[", "]", "\\", "/", "&&", "||", "!", "<script>", "%",
                "é", "\u0000", "\u202E", "\uD83D\uDE00", " ");
        return token.list().ofMaxSize(12).map(ts -> String.join("", ts));
    }

    @Provide
    Arbitrary<String> parameterNames() {
        return Arbitraries.of("q", "country", "year", "speaker", "year_from", "year_to", "sort", "page", "size", "cursor", "group",
                "facet_size", "unknown", "");
    }

    @Example
    void malformedQueriesGetClearMessages() throws Exception {
        for (String q : new String[] {"\"unclosed", "AND", "((", "field:", "*ussia", "title:", "))"}) {
            Answer a = get("q=" + enc(q));
            assertThat(a.status()).as(q).isEqualTo(400);
            assertThat(a.body().path("param").asText()).as(q).isEqualTo("q");
        }
    }

    @Example
    void hugeQueriesAndClauseFloodsAre400NotServerErrors() throws Exception {
        Answer huge = get("q=" + "a".repeat(100 * 1024));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body().path("message").asText()).contains("too long");
        StringBuilder clauses = new StringBuilder();
        for (int i = 0; clauses.length() < 1_900; i++) clauses.append("w").append(i).append(' ');
        assertWellFormed(get("q=" + enc(clauses.toString())));
        assertWellFormed(get("q=" + enc("a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p* r* s* t*")));
    }

    @Example
    void controlCharactersAndInvalidUtf8Are400() throws Exception {
        for (String raw : new String[] {"q=%FF%FE", "q=%C0%AF", "q=trade%00", "q=%07bell", "speaker=%FF"}) {
            Answer a = get(raw);
            assertThat(a.status()).as(raw).isEqualTo(400);
            assertThat(a.body().path("message").asText()).as(raw).isNotBlank();
        }
    }

    @Example
    void outOfRangePagingAndUnknownValuesAre400() throws Exception {
        for (String raw : new String[] {"page=-1", "page=0", "page=99999999999999", "size=101", "size=-5", "year=abc",
                "year_from=x", "country=ZZ", "sort=sideways", "cursor=%25%25%25", "group=paragraph", "facet_size=-1", "q=a&q=b", "bogus=1"}) {
            Answer a = get(raw);
            assertThat(a.status()).as(raw).isEqualTo(400);
            assertThat(a.body().path("error").asText()).as(raw).isNotBlank();
        }
    }
}
