package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parley.cli.ParleyCommand;
import org.parley.search.Json;
import picocli.CommandLine;

/** Headers, traversal, write methods and the default bind address. */
class SecurityTest extends ServedCorpusTest {
    /** Sends the request line exactly as written, so no client normalises away the dot segments. */
    static String raw(String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/api/search?q=trade", "/api/nothing-here", "/api/search?size=999", "/nothing-here"}) {
            HttpResponse<String> r = send("GET", path);
            assertThat(r.headers().firstValue("content-security-policy")).as(path).hasValueSatisfying(csp -> {
                assertThat(csp).contains("frame-ancestors 'none'").contains("default-src 'self'").doesNotContain("unsafe-inline");
            });
            assertThat(r.headers().firstValue("x-content-type-options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("referrer-policy")).as(path).contains("no-referrer");
            assertThat(r.headers().firstValue("server")).as(path).isEmpty();
        }
    }

    @Test
    void jettysOwnRefusalsCarryTheSecurityHeadersToo() throws Exception {
        String longUrl = raw("/api/search?q=" + "a".repeat(ParleyServer.MAX_REQUEST_HEADER_BYTES + 10));
        String badHeader = rawRequest("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(ParleyServer.MAX_REQUEST_HEADER_BYTES + 10)
                + "\r\nConnection: close\r\n\r\n");
        String noHost = rawRequest("GET /api/search?q=a HTTP/1.1\r\nConnection: close\r\n\r\n");
        for (String response : new String[] {longUrl, badHeader, noHost}) {
            String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            assertThat(head).as(head).matches("(?s)http/1.1 4\\d\\d .*")
                    .contains("content-security-policy: default-src 'self'")
                    .contains("x-content-type-options: nosniff")
                    .contains("x-frame-options: deny");
        }
    }

    static String rawRequest(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void noDirectoryTraversalThroughStaticFilesOrArticleIds() throws Exception {
        for (String path : new String[] {"/static/../pom.xml", "/static/%2e%2e/pom.xml", "/static/..%2f..%2fpom.xml",
                "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/api/articles/..%2f..%2fetc%2fpasswd", "/api/articles/../../pom.xml",
                "/articles/..%2f..%2fpom.xml", "/static/../../../../etc/passwd"}) {
            String response = raw(path);
            assertThat(response).as(path).doesNotContain("<artifactId>").doesNotContain("root:x:0:0");
            assertThat(response.substring(0, response.indexOf("\r\n"))).as(path).doesNotContain(" 200 ").doesNotContain(" 500 ");
        }
    }

    @Test
    void thereIsNoWriteEndpoint() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            for (String path : new String[] {"/api/search", "/api/articles/x", "/api/stats", "/", "/api/admin/reindex"}) {
                int status = send(method, path).statusCode();
                assertThat(status).as(method + " " + path).isIn(404, 405);
            }
        }
    }

    @Test
    void serveBindsToLoopbackUnlessToldOtherwise() {
        CommandLine serve = ParleyCommand.commandLine().getSubcommands().get("serve");
        String defaultHost = serve.getCommandSpec().findOption("--host").defaultValue();
        assertThat(defaultHost).isEqualTo("127.0.0.1").isEqualTo(ParleyServer.DEFAULT_HOST);
    }

    @Test
    void hostileCorpusTextIsEscapedInTheApi() throws Exception {
        HttpResponse<String> r = send("GET", "/api/search?q=script");
        var hits = Json.mapper().readTree(r.body()).path("hits");
        assertThat(hits.size()).isPositive();
        for (var hit : hits) {
            // The text is data (JSON-escaped by the serializer); the snippet is HTML and must be escaped HTML.
            assertThat(hit.path("snippet").asText()).contains("&lt;").doesNotContain("<script").doesNotContain("<b>");
        }
    }

    @Test
    void aMalformedPercentEscapeIsA400NotASilentlyDroppedParameter() throws Exception {
        // sent raw: java.net.URI itself refuses such URLs, browsers and curl send them
        for (String path : new String[] {"/api/search?q=russia%zz", "/api/search?contry%zz=KH", "/export.csv?q=50%", "/api/articles/x?q=%E2%8"}) {
            String r = raw(path);
            assertThat(r).as(path).startsWith("HTTP/1.1 400");
            assertThat(r).as(path).contains("\"error\":\"invalid_encoding\"");
        }
        String page = raw("/?q=russia%zz");
        assertThat(page).startsWith("HTTP/1.1 400").contains("malformed percent-escape");
        assertThat(send("GET", "/api/search?q=a%25zz").statusCode()).as("an escaped percent sign is fine").isEqualTo(200);
    }

    @Test
    void aTrailingAmpersandIsHarmless() throws Exception {
        assertThat(send("GET", "/api/search?q=russia&").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/search?q=russia&&size=2").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/?q=russia&").statusCode()).isEqualTo(200);
    }
}
