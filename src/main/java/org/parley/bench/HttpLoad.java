package org.parley.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP load generator, run as its own JVM so that the server under test is measured from outside:
 * {@code java -cp ... org.parley.bench.HttpLoad BASE_URL QUERIES_JSON CLIENTS[,CLIENTS...] WARMUP PASSES}.
 * Prints one JSON array of {@link LatencyStats} (one per client count) on standard output. Bounded: it sends
 * exactly WARMUP + PASSES x |mix| requests per client count, to the given (loopback) address only.
 */
public final class HttpLoad {
    private HttpLoad() {
    }

    /** What the load generator prints: the figures per client count, and every request it sent. */
    public record Report(List<LatencyStats> stats, long requests) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: HttpLoad BASE_URL QUERIES_JSON CLIENTS WARMUP WARMUP_SECONDS PASSES");
            System.exit(2);
        }
        String base = args[0];
        URI uri = URI.create(base);
        String host = uri.getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            System.err.println("HttpLoad only targets loopback addresses, not " + host);
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        List<BenchQuery> mix = QueryMix.read(Path.of(args[1]));
        int warmup = Integer.parseInt(args[3]), warmupSeconds = Integer.parseInt(args[4]), passes = Integer.parseInt(args[5]);
        HttpEngine engine = new HttpEngine(base);
        List<LatencyStats> out = new ArrayList<>();
        for (String c : args[2].split(",")) {
            out.add(LatencyRunner.run("parley-http", engine, mix, Integer.parseInt(c.strip()), warmup, warmupSeconds, passes));
        }
        System.out.println(json.writeValueAsString(new Report(out, engine.requestsSent())));
    }

    /** Waits until {@code GET base/api/health} answers 200, or throws after {@code seconds}. */
    public static void awaitHealthy(String base, int seconds, Process server) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (server != null && !server.isAlive()) throw new IllegalStateException("server exited with " + server.exitValue());
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server did not become healthy within " + seconds + " s");
    }
}
