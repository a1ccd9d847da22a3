package org.parley.cli;

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
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.parley.index.CorpusWatcher;
import org.parley.index.IndexBuilder;
import org.parley.index.IndexLocation;
import org.parley.index.LuceneSearchService;
import org.parley.web.ParleyServer;

/**
 * {@code serve --watch} in-process: the server and the corpus watcher as ServeCommand wires them, on a temporary
 * corpus. Files dropped into the folder become searchable over the API, a deleted one disappears, and a burst of
 * files is batched into a few builds. Waits are bounded (the API is polled up to 20 s); found is asserted, not time.
 */
class WatchTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LuceneSearchService service;
    private ParleyServer server;
    private CorpusWatcher watcher;
    private Path corpus;
    private int port;

    private void serveWatched(CorpusWatcher.Settings settings) throws Exception {
        corpus = Files.createDirectories(dir.resolve("corpus"));
        Path index = dir.resolve("index");
        Files.writeString(corpus.resolve("seed.txt"), """
                Laos and Thailand open a bridge

                The foreign ministers of Laos and Thailand opened the new bridge in 2023, the ministry said.
                """);
        new IndexBuilder(new IndexLocation(index)).build(corpus);
        service = LuceneSearchService.open(index);
        server = new ParleyServer(service).start("127.0.0.1", 0);
        watcher = CorpusWatcher.of(corpus, index, r -> { }, settings).start();
        server.reportWatch(watcher::status); // as ServeCommand does
        port = server.port();
    }

    @AfterEach
    void stop() throws Exception {
        if (watcher != null) watcher.close();
        if (server != null) server.close();
        if (service != null) service.close();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void droppedFilesOfEveryKindBecomeSearchableAndADeletedOneDisappears() throws Exception {
        serveWatched(CorpusWatcher.Settings.DEFAULT);
        assertThat(total("bridge")).isPositive();

        Files.writeString(corpus.resolve("dropped.txt"), """
                Kenya and Ethiopia discuss a railway

                Kenya and Ethiopia discussed the quokkarail project in Nairobi on Monday, officials said.
                """);
        Files.writeString(corpus.resolve("page.html"), """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Chile and Peru sign a water pact</title>
                <link rel="canonical" href="https://news.example.org/chile-peru-water"></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Chile and Peru sign a water pact</h1>
                <p>Chile and Peru signed the wombatriver agreement on shared rivers on Monday, ending a long dispute.</p>
                </article><footer>© 2026 Example News</footer></body></html>
                """);
        Path sub = Files.createDirectories(corpus.resolve("exports/2026"));
        Files.writeString(sub.resolve("export.jsonl"), """
                {"id": "a1", "url": "https://scrape.example.org/a1", "title": "Ghana and Togo meet", "text": "Ghana and Togo held numbatborder talks in Accra."}
                {"id": "a2", "url": "https://scrape.example.org/a2", "title": "Fiji hosts a forum", "paragraphs": ["Fiji hosted a bilbyforum on fisheries."]}
                """);

        assertThat(awaitTotal("quokkarail", n -> n > 0)).as("the dropped text file").isPositive();
        assertThat(awaitTotal("wombatriver", n -> n > 0)).as("the dropped HTML page").isPositive();
        assertThat(awaitTotal("numbatborder", n -> n > 0)).as("the first JSON line").isPositive();
        assertThat(awaitTotal("bilbyforum", n -> n > 0)).as("the second JSON line").isPositive();
        assertThat(total("bridge")).as("the seed file is still there").isPositive();

        Files.delete(corpus.resolve("dropped.txt"));
        assertThat(awaitTotal("quokkarail", n -> n == 0)).as("the deleted file").isZero();
        assertThat(total("wombatriver")).isPositive();

        Files.writeString(corpus.resolve("page.html"), Files.readString(corpus.resolve("page.html")).replace("wombatriver", "dingoriver"));
        assertThat(awaitTotal("dingoriver", n -> n > 0)).as("the changed page's new text").isPositive();
        assertThat(total("wombatriver")).as("the changed page's old text").isZero();
        assertThat(watcher.failures()).isZero();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aBurstOfFiveHundredFilesInNewFoldersIsBatchedIntoAFewBuilds() throws Exception {
        serveWatched(CorpusWatcher.Settings.DEFAULT);
        awaitBuilds(1); // the catch-up build at start
        int before = watcher.builds();
        Path burst = corpus.resolve("burst");
        for (int i = 0; i < 500; i++) {
            Path folder = Files.createDirectories(burst.resolve("part" + (i / 100)));
            Files.writeString(folder.resolve("f" + i + ".txt"), "Burst file " + i + "\n\nThe burstmarker paragraph of file "
                    + word(i) + " talks about trade.\n");
        }
        assertThat(awaitTotal("burstmarker", n -> n >= 500)).isEqualTo(500);
        for (int i : new int[] {0, 99, 100, 250, 499}) assertThat(total(word(i))).as("file %d", i).isEqualTo(1);
        int builds = watcher.builds() - before;
        assertThat(builds).as("builds for 500 files").isBetween(1, 19);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void healthReportsSkippedFilesAndFailingBuildsWhileTheOldIndexKeepsServing() throws Exception {
        serveWatched(CorpusWatcher.Settings.DEFAULT);
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        JsonNode watch = awaitWatchHealth(w -> w.path("skipped_count").asInt() == 1);
        assertThat(watch.path("status").asText()).isEqualTo("ok");
        assertThat(watch.path("skipped").get(0).path("file").asText()).isEqualTo("empty.txt");
        assertThat(watch.path("skipped").get(0).path("reason").asText()).isEqualTo("empty file");

        // the corpus folder goes away: builds fail and the old index keeps serving; health must say both, not only "ok"
        org.parley.index.IndexLocation.deleteRecursively(corpus);
        watch = awaitWatchHealth(w -> w.path("status").asText().equals("failing"));
        assertThat(watch.path("last_failure").asText()).contains("corpus folder not found");
        assertThat(watch.path("failing_since").isTextual()).isTrue();
        assertThat(health().path("status").asText()).isEqualTo("ok");
        assertThat(total("bridge")).isPositive();

        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("back.txt"), "Back again\n\nThe platypusback paragraph returns with its folder.\n");
        assertThat(awaitTotal("platypusback", n -> n > 0)).isPositive();
        watch = awaitWatchHealth(w -> w.path("status").asText().equals("ok"));
        assertThat(watch.path("last_failure").isNull()).isTrue();
        assertThat(watch.path("failures").asInt()).isPositive();
        assertThat(watch.path("skipped_count").asInt()).isZero();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void pollingFindsChangesWhereThereIsNoWatchService() throws Exception {
        serveWatched(CorpusWatcher.Settings.DEFAULT.withPolling(true));
        assertThat(watcher.polling()).isTrue();
        Files.writeString(Files.createDirectories(corpus.resolve("late")).resolve("polled.md"),
                "---\ntitle: Polled\n---\n\n# Polled\n\nThe echidnapoll paragraph arrives while polling.\n");
        assertThat(awaitTotal("echidnapoll", n -> n > 0)).isPositive();
        Files.delete(corpus.resolve("late/polled.md"));
        assertThat(awaitTotal("echidnapoll", n -> n == 0)).isZero();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theServeCommandWithWatchIndexesADroppedFileInItsOwnJvm() throws Exception {
        corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("seed.txt"), "Laos and Thailand open a bridge\n\nThe ministers opened the new bridge.\n");
        Path log = dir.resolve("serve.log");
        Process child = org.parley.testing.ChildJvm.start(log, java.util.List.of("-Xmx256m"), "serve", "--watch", "--port", "0",
                "--index", dir.resolve("index").toString(), "--corpus", corpus.toString());
        try {
            port = awaitServing(child, log);
            Files.writeString(corpus.resolve("late.txt"), "A late story\n\nThe kookaburralate paragraph arrives after the start.\n");
            assertThat(awaitTotal("kookaburralate", n -> n > 0)).as("log:%n%s", Files.readString(log)).isPositive();
            Files.delete(corpus.resolve("late.txt"));
            assertThat(awaitTotal("kookaburralate", n -> n == 0)).as("log:%n%s", Files.readString(log)).isZero();
            assertThat(Files.readString(log)).contains("watching").contains("corpus changed");
            assertThat(health().path("watch").path("builds").asInt()).as("health reports the watcher").isPositive();
        } finally {
            child.destroy();
            if (!child.waitFor(20, TimeUnit.SECONDS)) child.destroyForcibly();
        }
    }

    private static int awaitServing(Process child, Path log) throws Exception {
        java.util.regex.Pattern serving = java.util.regex.Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                String text = Files.readString(log);
                java.util.regex.Matcher m = serving.matcher(text);
                if (m.find() && text.contains("watching")) return Integer.parseInt(m.group(1));
            }
            if (!child.isAlive()) throw new IllegalStateException("server exited: " + Files.readString(log));
            Thread.sleep(100);
        }
        throw new IllegalStateException("server did not start: " + Files.readString(log));
    }

    /** A letters-only word unique to file {@code i}. */
    private static String word(int i) {
        StringBuilder s = new StringBuilder("zq");
        for (int n = i; ; n /= 26) {
            s.append((char) ('a' + n % 26));
            if (n < 26) break;
        }
        return s.append("x").toString();
    }

    private void awaitBuilds(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (watcher.builds() < n && System.nanoTime() < deadline) Thread.sleep(50);
        // the build may still be running: wait until it is done by waiting for a quiet index
        Thread.sleep(200);
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Polls /api/health until its "watch" member satisfies {@code ok}, at most {@link #WAIT}; returns the last one. */
    private JsonNode awaitWatchHealth(java.util.function.Predicate<JsonNode> ok) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode w = health().path("watch");
        while (!ok.test(w) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            w = health().path("watch");
        }
        return w;
    }

    /** Polls the API until {@code ok} holds for the total of {@code q}, at most {@link #WAIT}; returns the last total. */
    private long awaitTotal(String q, LongPredicate ok) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long t = total(q);
        while (!ok.test(t) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            t = total(q);
        }
        return t;
    }

    private long total(String q) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?size=1&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("total").asLong();
    }
}
