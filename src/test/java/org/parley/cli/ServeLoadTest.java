package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.bench.CorpusGenerator;
import org.parley.index.BuildReport;
import org.parley.index.IndexBuilder;
import org.parley.index.IndexLocation;
import org.parley.testing.ChildJvm;

/**
 * Eight clients hammer a real {@code parley serve} process (its own JVM, with a small heap) for a bounded
 * time while a rebuilt index is switched in half-way: no request may fail, and every "match all" answer must
 * count exactly the old or exactly the new index, never a half-built one.
 */
class ServeLoadTest {
    private static final int CLIENTS = 8;
    /** 60 s as the robustness issue asks; -Dparley.load.seconds=N shortens it for a quick local run. */
    private static final int SECONDS = Integer.getInteger("parley.load.seconds", 60);
    private static final Pattern SERVING = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final List<String> QUERIES = List.of(
            "", "q=trade", "q=%22foreign+minister%22", "q=trade+AND+security", "q=cooperat*", "q=talks&country=CN",
            "q=minister&country=RU&country=CN&sort=-date", "year_from=1990&year_to=2010", "q=relation&group=article",
            "q=defence+OR+defense&size=50", "q=trade&speaker=nobody+at+all", "q=((", "q=%22unclosed", "size=1000");

    @TempDir
    Path dir;

    @Test
    void eightClientsSeeNoErrorAndNoHalfBuiltIndexWhileARebuildSwitchesIn() throws Exception {
        Path corpus = dir.resolve("corpus");
        Path index = dir.resolve("index");
        new CorpusGenerator(11, Path.of("corpus")).generate(4_000, corpus);
        BuildReport before = new IndexBuilder(new IndexLocation(index)).build(corpus);

        Path log = dir.resolve("serve.log");
        Process server = ChildJvm.start(log, List.of("-Xmx384m"), "serve", "--port", "0", "--index", index.toString(),
                "--corpus", corpus.toString());
        try {
            int port = awaitPort(server, log);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ObjectMapper json = new ObjectMapper();
            AtomicLong requests = new AtomicLong();
            AtomicLong retried = new AtomicLong();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            Set<Long> matchAllTotals = ConcurrentHashMap.newKeySet();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    for (int i = client; System.nanoTime() < deadline; i++) {
                        String query = QUERIES.get(i % QUERIES.size());
                        try {
                            HttpResponse<String> r = null;
                            // a 503 "busy" with Retry-After is back-pressure, not a failure: a client waits and retries
                            // (a few times; one still busy after that is a failure)
                            for (int attempt = 0; attempt < 4; attempt++) {
                                r = http.send(HttpRequest.newBuilder(URI.create(
                                                "http://127.0.0.1:" + port + "/api/search?" + query)).timeout(Duration.ofSeconds(30)).build(),
                                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                                if (r.statusCode() != 503 || r.headers().firstValue("retry-after").isEmpty()) break;
                                retried.incrementAndGet();
                                Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("retry-after").get()));
                            }
                            requests.incrementAndGet();
                            JsonNode body = json.readTree(r.body());
                            boolean clientError = query.contains("((") || query.contains("unclosed") || query.contains("1000");
                            if (clientError ? r.statusCode() != 400 || !body.has("error") : r.statusCode() != 200) {
                                errors.add(r.statusCode() + " for " + query + ": " + r.body().substring(0, Math.min(200, r.body().length())));
                            } else if (query.isEmpty()) {
                                matchAllTotals.add(body.get("total").asLong());
                            }
                        } catch (Exception e) {
                            errors.add(e + " for " + query);
                        }
                    }
                    return null;
                }));
            }

            // Half-way: a rebuild from a larger corpus is switched in under the running server.
            Path larger = dir.resolve("larger");
            new CorpusGenerator(12, Path.of("corpus")).generate(6_000, larger);
            Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS) / 2);
            BuildReport after = new IndexBuilder(new IndexLocation(index)).build(larger);
            assertThat(after.switched()).isTrue();
            assertThat(after.paragraphs()).isNotEqualTo(before.paragraphs());

            for (Future<?> f : running) f.get(SECONDS + 60L, TimeUnit.SECONDS);
            clients.shutdown();

            System.out.printf("serve load: %d requests, %d retried after a busy answer%n", requests.get(), retried.get());
            assertThat(errors).as("failed requests; server log:%n%s", Files.readString(log)).isEmpty();
            assertThat(requests.get()).isGreaterThan(CLIENTS * 10L);
            assertThat(matchAllTotals).as("match-all totals seen").isSubsetOf(Set.of((long) before.paragraphs(), (long) after.paragraphs()));
            // After the switch the server answers from the new index (it polls for new generations).
            long deadlineSwitch = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long total = -1;
            while (System.nanoTime() < deadlineSwitch && total != after.paragraphs()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?size=1")).build(),
                        HttpResponse.BodyHandlers.ofString());
                total = json.readTree(r.body()).get("total").asLong();
                Thread.sleep(200);
            }
            assertThat(total).isEqualTo(after.paragraphs());
            assertThat(server.isAlive()).as("server survived with a 384 MB heap").isTrue();
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    private static int awaitPort(Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = SERVING.matcher(Files.readString(log));
                if (m.find()) return Integer.parseInt(m.group(1));
            }
            if (!server.isAlive()) throw new IllegalStateException("server exited: " + Files.readString(log));
            Thread.sleep(100);
        }
        throw new IllegalStateException("server did not start: " + Files.readString(log));
    }
}
