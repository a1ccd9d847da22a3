package org.parley.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the query mix against parley's JSON API ({@code GET /api/search}) with the JDK's HttpClient. */
public final class HttpEngine implements QueryEngine {
    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();

    /** Requests sent so far, warm-up included (the server's CPU per request divides by this). */
    public long requestsSent() {
        return sent.get();
    }

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern FACET_VALUE = Pattern.compile("\"count\"\\s*:");
    private final String base;
    private final HttpClient client;

    /** @param base e.g. {@code http://127.0.0.1:7070} */
    public HttpEngine(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The request URL for a query: every facet counted, 10 highlighted hits. */
    public String url(BenchQuery q) {
        StringBuilder u = new StringBuilder(base).append("/api/search?q=").append(enc(q.lucene()))
                .append("&size=10&facet_size=10");
        for (Map.Entry<String, List<String>> f : q.filters().entrySet()) {
            for (String v : f.getValue()) u.append('&').append(f.getKey()).append('=').append(enc(v));
        }
        if (q.yearFrom() != null) u.append("&year_from=").append(q.yearFrom());
        if (q.yearTo() != null) u.append("&year_to=").append(q.yearTo());
        return u.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public Session open() {
        return q -> {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url(q))).timeout(Duration.ofSeconds(60)).GET().build();
            sent.incrementAndGet();
            HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + resp.statusCode() + " for " + q.lucene() + ": "
                        + resp.body().substring(0, Math.min(200, resp.body().length())));
            }
            String body = resp.body();
            Matcher m = TOTAL.matcher(body);
            long total = m.find() ? Long.parseLong(m.group(1)) : -1;
            int counts = 0;
            Matcher c = FACET_VALUE.matcher(body);
            while (c.find()) counts++;
            return new Outcome(total, -1, counts);
        };
    }
}
