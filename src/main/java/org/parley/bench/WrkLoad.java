package org.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The HTTP load generator when Debian's {@code wrk} is installed: a C client whose own CPU cost per request is a
 * small fraction of the JDK HttpClient's, which matters when client and server share two cores. It replays the
 * query mix round robin with N connections (closed loop: each connection sends its next request when the
 * previous answer arrives) for a fixed time, after an unmeasured warm-up run of the same kind.
 */
final class WrkLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String wrk;
    private final Path script;
    private final Path paths;
    private long sent;

    private WrkLoad(String wrk, Path script, Path paths) {
        this.wrk = wrk;
        this.script = script;
        this.paths = paths;
    }

    /** The wrk executable on the PATH, or null. */
    static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "wrk");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    /** Writes the mix's request paths and the Lua script into {@code work}. */
    static WrkLoad prepare(String wrk, List<BenchQuery> mix, Path work) throws IOException {
        Files.createDirectories(work);
        HttpEngine urls = new HttpEngine("");
        List<String> lines = new ArrayList<>(mix.size());
        for (BenchQuery q : mix) lines.add(urls.url(q));
        Path paths = Files.write(work.resolve("wrk-paths.txt"), lines, StandardCharsets.UTF_8);
        Path script = work.resolve("wrk-mix.lua");
        try (InputStream in = WrkLoad.class.getResourceAsStream("wrk-mix.lua")) {
            if (in == null) throw new IOException("missing resource wrk-mix.lua");
            Files.write(script, in.readAllBytes());
        }
        return new WrkLoad(wrk, script, paths);
    }

    /**
     * Warms up for {@code warmupSeconds}, then measures {@code seconds} with {@code clients} connections. The stats'
     * CPU per query is the server's ({@code serverCpuMillis}: its process's CPU time so far, or negative when unknown)
     * over the measured seconds alone, per request: the warm-up's requests and the JIT compiling during them are
     * left out; 0 when unknown.
     */
    LatencyStats run(String base, int clients, int warmupSeconds, int seconds, LongSupplier serverCpuMillis)
            throws IOException, InterruptedException {
        if (warmupSeconds > 0) sent += wrk(base, clients, warmupSeconds).get("requests").asLong();
        long cpu0 = serverCpuMillis.getAsLong();
        JsonNode r = wrk(base, clients, seconds);
        long cpu1 = serverCpuMillis.getAsLong();
        long requests = r.get("requests").asLong();
        sent += requests;
        double s = r.get("seconds").asDouble();
        double cpuPerRequest = cpu0 < 0 || cpu1 < 0 || requests == 0 ? 0 : LatencyStats.round((double) (cpu1 - cpu0) / requests);
        return new LatencyStats("parley-http", clients, (int) requests, r.get("errors").asInt(), LatencyStats.round(s),
                LatencyStats.round(requests / s), r.get("p50").asDouble(), r.get("p95").asDouble(), r.get("p99").asDouble(),
                r.get("mean").asDouble(), r.get("max").asDouble(), -1, cpuPerRequest);
    }

    /** Requests sent so far, warm-up included. */
    long requestsSent() {
        return sent;
    }

    private JsonNode wrk(String base, int clients, int seconds) throws IOException, InterruptedException {
        String host = URI.create(base).getHost();
        if (!(host.equals("localhost") || host.startsWith("127."))) throw new IllegalArgumentException("loopback only: " + base);
        List<String> cmd = List.of(wrk, "-t" + Math.min(2, clients), "-c" + clients, "-d" + seconds + "s",
                "--timeout", "30s", "-s", script.toString(), base, "--", paths.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("wrk failed (" + p.exitValue() + "): " + out);
        String last = null;
        for (String line : out.split("\n")) if (line.startsWith("{")) last = line;
        if (last == null) throw new IOException("wrk printed no figures: " + out);
        return JSON.readTree(last);
    }
}
