package org.parley.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON over the JDK's HTTP client to a list of Solr nodes, with failover: a request that cannot reach a node, or
 * that a node answers with 502/503/504 or an error saying a shard is unreachable, is tried on the next node. A
 * node that failed is tried last for a while. Thread-safe.
 */
public final class SolrHttp {
    /** A request Solr answered with an error status. */
    public static final class SolrException extends RuntimeException {
        private final int status;

        SolrException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PENALTY_NANOS = 5_000_000_000L;

    private final List<String> nodes;
    private final long[] failedAt;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicInteger next = new AtomicInteger();

    /** @param nodes node base URLs such as {@code http://127.0.0.1:8983/solr} */
    public SolrHttp(List<String> nodes, Duration timeout) {
        if (nodes.isEmpty()) throw new IllegalArgumentException("no Solr node given");
        this.nodes = List.copyOf(nodes);
        this.failedAt = new long[nodes.size()];
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public List<String> nodes() {
        return nodes;
    }

    /** GET {@code path} (relative to the node's {@code /solr}) with query parameters. */
    public JsonNode get(String path, List<Map.Entry<String, String>> params) {
        String query = form(params);
        return send(base -> HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query))).GET(), true);
    }

    /** GET from one given node, without failover (node-local admin APIs such as metrics). */
    public JsonNode getAt(String node, String path, List<Map.Entry<String, String>> params) {
        String query = form(params);
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(node + path + (query.isEmpty() ? "" : "?" + query)))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) throw new SolrException(r.statusCode(), message(r));
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new SolrException(503, "Solr node " + node + " cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SolrException(503, "interrupted");
        }
    }

    /** POST form-encoded parameters (search requests: no URL length limit). */
    public JsonNode postForm(String path, List<Map.Entry<String, String>> params) {
        String body = form(params);
        return send(base -> HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)), true);
    }

    /** POST a body; {@code retry} is false for requests that must not run twice. */
    public JsonNode post(String path, String contentType, byte[] body, boolean retry) {
        return send(base -> HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), retry);
    }

    private interface RequestFor {
        HttpRequest.Builder at(String base);
    }

    private JsonNode send(RequestFor request, boolean retry) {
        int n = nodes.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        List<Integer> order = new ArrayList<>(n);
        List<Integer> penalised = new ArrayList<>();
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int idx = (start + i) % n;
            synchronized (failedAt) {
                if (failedAt[idx] != 0 && now - failedAt[idx] < PENALTY_NANOS) penalised.add(idx);
                else order.add(idx);
            }
        }
        order.addAll(penalised);
        RuntimeException last = null;
        for (int idx : order) {
            String base = nodes.get(idx);
            try {
                HttpResponse<byte[]> r = http.send(request.at(base).timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() / 100 == 2) {
                    synchronized (failedAt) {
                        failedAt[idx] = 0;
                    }
                    return JSON.readTree(r.body());
                }
                SolrException e = new SolrException(r.statusCode(), message(r));
                if (!retry || !transientFailure(r.statusCode(), e.getMessage())) throw e;
                last = e;
            } catch (IOException e) {
                last = new SolrException(503, "Solr node " + base + " cannot be reached: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SolrException(503, "interrupted");
            }
            synchronized (failedAt) {
                failedAt[idx] = System.nanoTime() | 1;
            }
            if (!retry) break;
        }
        throw last;
    }

    private static boolean transientFailure(int status, String message) {
        if (status == 502 || status == 503 || status == 504) return true;
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        return status >= 500 && (m.contains("no servers hosting") || m.contains("connection") || m.contains("unreachable")
                || m.contains("timeout") || m.contains("no active replica") || m.contains("not active"));
    }

    private static String message(HttpResponse<byte[]> r) {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        try {
            JsonNode msg = JSON.readTree(body).path("error").path("msg");
            if (!msg.isMissingNode()) return msg.asText();
        } catch (IOException e) {
            // not JSON: the body itself
        }
        return "HTTP " + r.statusCode() + ": " + (body.length() > 300 ? body.substring(0, 300) : body);
    }

    static String form(List<Map.Entry<String, String>> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> p : params) {
            if (!sb.isEmpty()) sb.append('&');
            sb.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
