package org.parley.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.parley.index.BuildReport;
import org.parley.index.CorpusWatcher;
import org.parley.index.IndexBuilder;
import org.parley.index.IndexLocation;
import org.parley.index.LuceneSearchService;
import org.parley.web.ParleyServer;

/**
 * {@code parley bench watch}: drop-to-searchable latency of {@code serve --watch}. Generates a corpus, indexes it,
 * serves it in-process with the corpus watcher exactly as {@code serve --watch} does, then drops files into the
 * corpus one at a time, each with a word of its own, and polls the HTTP API until a search for that word finds
 * it. Reports p50, p95 and max over the drops, the number of builds, and the load average (a shared machine's
 * load shows in every figure).
 */
public final class WatchBench {
    /** What to run. */
    public record Options(long paragraphs, int drops, Path work, long seed, int port, Path source) {
    }

    /** The figures. Times in milliseconds. */
    public record Result(int drops, int found, double p50, double p95, double max, double mean, int builds, int failures,
                         long corpusParagraphs, String loadBefore, String loadAfter) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private WatchBench() {
    }

    public static Result run(Options o, PrintStream out) throws Exception {
        Path corpus = o.work().resolve("corpus");
        Path index = o.work().resolve("index");
        org.parley.index.IndexLocation.deleteRecursively(o.work());
        CorpusGenerator generator = new CorpusGenerator(o.seed(), o.source());
        CorpusGenerator.Summary s = generator.generate(o.paragraphs(), corpus);
        out.printf(Locale.ROOT, "corpus: %d paragraphs in %d files (%.1f MB)%n", s.paragraphs(), s.files(), s.bytes() / 1e6);
        long t0 = System.nanoTime();
        BuildReport first = new IndexBuilder(new IndexLocation(index)).build(corpus);
        out.printf(Locale.ROOT, "initial build: %d paragraphs in %.1f s%n", first.paragraphs(), (System.nanoTime() - t0) / 1e9);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Path drops = Files.createDirectories(corpus.resolve("drops"));
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            ParleyServer server = new ParleyServer(service).start("127.0.0.1", o.port());
            try (CorpusWatcher watcher = CorpusWatcher.of(corpus, index, r -> { }, CorpusWatcher.Settings.DEFAULT).start()) {
                // let the catch-up build at start finish, so that the first drop is not measured behind it
                long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (watcher.builds() < 1 && System.nanoTime() < settle) Thread.sleep(50);
                Thread.sleep(1500);
                int buildsBefore = watcher.builds();
                String loadBefore = loadAverage();
                out.printf(Locale.ROOT, "watching (%s); load average before: %s%n", watcher.polling() ? "polling" : "watch service", loadBefore);
                SplittableRandom rnd = new SplittableRandom(o.seed() ^ 0xD809L);
                long[] nanos = new long[o.drops()];
                int found = 0;
                for (int i = 0; i < o.drops(); i++) {
                    String word = uniqueWord(i);
                    String text = generator.article(rnd, 5 + rnd.nextInt(20)) + "The " + word + " paragraph marks drop " + i + " of the watch benchmark.\n";
                    long start = System.nanoTime();
                    Files.writeString(drops.resolve(String.format(Locale.ROOT, "drop%04d.txt", i)), text, StandardCharsets.UTF_8);
                    long deadline = start + GIVE_UP.toNanos();
                    boolean ok = false;
                    while (System.nanoTime() < deadline) {
                        if (total(http, server.port(), word) > 0) {
                            ok = true;
                            break;
                        }
                        Thread.sleep(20);
                    }
                    nanos[found] = System.nanoTime() - start;
                    if (ok) found++;
                    if ((i + 1) % 10 == 0) {
                        out.printf(Locale.ROOT, "  %d/%d drops, last %.0f ms%n", i + 1, o.drops(), (nanos[Math.max(0, found - 1)]) / 1e6);
                    }
                }
                long[] sorted = Arrays.copyOf(nanos, found);
                Arrays.sort(sorted);
                double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
                Result r = new Result(o.drops(), found, pct(sorted, 50), pct(sorted, 95), found == 0 ? 0 : sorted[found - 1] / 1e6, mean,
                        watcher.builds() - buildsBefore, watcher.failures(), first.paragraphs(), loadBefore, loadAverage());
                out.printf(Locale.ROOT, "drop-to-searchable over %d drops (%d found): p50 %.0f ms, p95 %.0f ms, max %.0f ms, mean %.0f ms; "
                                + "%d builds, %d failed; load average before %s, after %s%n",
                        r.drops(), r.found(), r.p50(), r.p95(), r.max(), r.mean(), r.builds(), r.failures(), r.loadBefore(), r.loadAfter());
                return r;
            } finally {
                server.close();
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    private static long total(HttpClient http, int port, String word) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?size=1&q=" + word))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("search failed: " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body()).get("total").asLong();
    }

    /** A letters-only word no generated text contains. */
    static String uniqueWord(int i) {
        StringBuilder s = new StringBuilder("qxwatch");
        for (int n = i; ; n /= 26) {
            s.append((char) ('a' + n % 26));
            if (n < 26) break;
        }
        return s.append("zq").toString();
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "n/a". */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
