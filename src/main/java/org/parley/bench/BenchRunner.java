package org.parley.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.parley.index.IndexLocation;
import org.parley.search.SearchService;
import org.parley.web.ParleyServer;

/**
 * {@code parley bench run}: indexing and query benchmarks of parley side by side with SQLite FTS5 on the same
 * corpus, the same query mix and the same machine, in one run so that ratios are fair under a noisy machine.
 */
public final class BenchRunner {
    /** Options of one run. */
    public record Options(Path corpus, int queries, List<Integer> clients, int warmup, int warmupSeconds, int passes, long seed,
                          boolean skipSqlite, boolean skipHttp, boolean skipParley, Path outDir, String serverHeap,
                          List<String> serverJvmOptions, int threads, boolean httpInProcess, boolean reuseIndex,
                          String loadGenerator, int httpSeconds, boolean skipQueries, int indexRuns,
                          boolean skipStages) {
        public Options {
            if (indexRuns < 1) throw new IllegalArgumentException("indexRuns must be at least 1");
            clients = List.copyOf(clients);
            serverJvmOptions = List.copyOf(serverJvmOptions);
        }
    }

    private final Options o;
    private final ParleyBackend parley;
    private final SolrBench solr;
    private final PrintStream log;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @param parley null when parley's index is not available: only the SQLite side runs */
    public BenchRunner(Options options, ParleyBackend parley, PrintStream log) {
        this(options, parley, null, log);
    }

    /** @param solr null unless SolrCloud is measured too ({@code --engine solr}) */
    public BenchRunner(Options options, ParleyBackend parley, SolrBench solr, PrintStream log) {
        this.o = options;
        this.parley = options.skipParley() ? null : parley;
        this.solr = solr;
        this.log = log;
    }

    /** Runs everything, prints the table, writes the JSON report and returns it. */
    public Map<String, Object> run() throws Exception {
        Files.createDirectories(o.outDir());
        Path work = o.outDir().resolve("work");
        Files.createDirectories(work);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("started", Instant.now().toString());
        report.put("machine", machine());

        BenchCorpus.Size size = BenchCorpus.size(o.corpus());
        double mb = size.bytes() / 1e6;
        Map<String, Object> corpus = new LinkedHashMap<>();
        corpus.put("dir", o.corpus().toString());
        corpus.put("files", size.files());
        corpus.put("bytes", size.bytes());
        report.put("corpus", corpus);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("queries", o.queries());
        config.put("clients", o.clients());
        config.put("warmup", o.warmup());
        config.put("warmupSeconds", o.warmupSeconds());
        config.put("loadGenerator", o.loadGenerator());
        config.put("httpSeconds", o.httpSeconds());
        config.put("passes", o.passes());
        config.put("indexRuns", o.indexRuns());
        config.put("seed", o.seed());
        config.put("threads", o.threads());
        config.put("serverHeap", o.serverHeap());
        config.put("skipStages", o.skipStages());
        report.put("config", config);

        // --- the query mix
        log.println("bench: building the query mix (" + o.queries() + " queries, seed " + o.seed() + ")");
        List<BenchQuery> mix = QueryMix.build(o.corpus(), o.queries(), o.seed(), 2000);
        Path mixFile = o.outDir().resolve("queries.json");
        json.writeValue(mixFile.toFile(), mix);
        report.put("queryMix", mixSummary(mix));

        // --- indexing
        Map<String, Object> indexing;
        report.put("indexing", new LinkedHashMap<>());
        indexing = new LinkedHashMap<>() {
            @Override
            public Object put(String k, Object v) {
                log.println("bench:   " + k + " " + v);
                return super.put(k, v);
            }
        };
        report.put("indexing", indexing);
        Path indexDir = work.resolve("index");
        boolean reuse = o.reuseIndex() && parley != null && Files.isDirectory(indexDir);
        long paragraphs = 0;
        long cpu;
        if (reuse) {
            log.println("bench: --reuse-index: querying the parley index and SQLite database of an earlier run in " + work
                    + " (no indexing figures)");
        } else if (o.skipStages()) {
            log.println("bench: --skip-stages: no read, enrich or no-enrichment figures; the end-to-end build only");
        } else {
            log.println("bench: warming up (page cache, JIT) with one untimed read of the corpus");
            BenchCorpus.warmUp(o.corpus());
            log.println("bench: read + parse alone");
            System.gc();
            cpu = cpuNanos();
            BenchCorpus.Pass read = BenchCorpus.forEach(o.corpus(), o.threads(), false, null, null);
            long readCpu = cpuNanos() - cpu;
            corpus.put("articles", read.articles());
            corpus.put("paragraphs", read.paragraphs());
            paragraphs = read.paragraphs();
            indexing.put("readParse", withCpu(rate(read.seconds(), paragraphs, mb), readCpu));
            log.println("bench: read + parse + enrich alone");
            BenchCorpus.Pass enrich;
            try (HeapSampler heap = new HeapSampler()) {
                cpu = cpuNanos();
                enrich = BenchCorpus.forEach(o.corpus(), o.threads(), true, null, null);
                Map<String, Object> e = withCpu(rate(enrich.seconds(), paragraphs, mb), cpuNanos() - cpu);
                e.put("peakHeapMb", heap.peakMb());
                indexing.put("enrichAlone", e);
            }
        }

        if (parley != null && !reuse) {
            // Parley's indexing chain is JIT-compiled during its first minute: one build of a folder still left the
            // next full build of the 100k corpus 1.9x slower than the third. Untimed builds of the first corpus
            // folder for --warmup-seconds (at least one) compile it, so the timed builds measure steady-state
            // throughput, as the query figures do. SQLite's load (whose reading and parsing is this JVM's code
            // too) gets the same warm-up below.
            Path warmDir = work.resolve("index-warmup");
            warmUp("the indexing code (JIT) with untimed builds", (sample, enrich) -> {
                IndexLocation.deleteRecursively(warmDir);
                parley.build(sample, warmDir, enrich);
            });
            IndexLocation.deleteRecursively(warmDir);
            if (!o.skipStages()) {
                log.println("bench: parley index build without enrichment (read + index + commit)");
                Path plainDir = work.resolve("index-plain");
                indexing.put("parleyPlain", median("parley build without enrichment", () -> {
                    IndexLocation.deleteRecursively(plainDir);
                    long c0 = cpuNanos();
                    ParleyBackend.Build plain = parley.build(o.corpus(), plainDir, false);
                    Map<String, Object> pp = withCpu(rate(plain.seconds(), plain.paragraphs(), mb), cpuNanos() - c0);
                    pp.put("indexBytes", treeSize(plainDir));
                    pp.put("indexToRawRatio", LatencyStats.round((double) treeSize(plainDir) / size.bytes()));
                    pp.put("phases", plain.phases());
                    return pp;
                }));
                IndexLocation.deleteRecursively(plainDir);
            }
            log.println("bench: parley index build end to end (read + enrich + index + commit)");
            indexing.put("parley", median("parley build end to end", () -> {
                IndexLocation.deleteRecursively(indexDir);
                System.gc();
                try (HeapSampler heap = new HeapSampler()) {
                    long c0 = cpuNanos();
                    ParleyBackend.Build b = parley.build(o.corpus(), indexDir, true);
                    Map<String, Object> p = withCpu(rate(b.seconds(), b.paragraphs(), mb), cpuNanos() - c0);
                    p.put("paragraphsIndexed", b.paragraphs());
                    p.put("peakHeapMb", heap.peakMb());
                    long bytes = treeSize(indexDir);
                    p.put("indexBytes", bytes);
                    p.put("indexToRawRatio", LatencyStats.round((double) bytes / size.bytes()));
                    p.put("phases", b.phases());
                    corpus.putIfAbsent("articles", b.articles());
                    corpus.putIfAbsent("paragraphs", b.paragraphs());
                    return p;
                }
            }));
        }
        if (!o.skipSqlite() && !(reuse && Files.exists(work.resolve("sqlite.db")))) {
            Path plainDb = work.resolve("sqlite-plain.db");
            Path warmDb = work.resolve("sqlite-warmup.db");
            warmUp("the SQLite load with untimed loads", (sample, enrich) -> {
                Files.deleteIfExists(warmDb);
                SqliteFts.load(sample, warmDb, enrich, o.threads());
            });
            Files.deleteIfExists(warmDb);
            log.println("bench: SQLite FTS5 bulk load without enrichment");
            indexing.put("sqlitePlain", median("SQLite load without enrichment", () -> {
                Files.deleteIfExists(plainDb);
                long c0 = cpuNanos();
                SqliteFts.LoadStats plain = SqliteFts.load(o.corpus(), plainDb, false, o.threads());
                return withCpu(sqliteLoad(plain, mb, size.bytes()), cpuNanos() - c0);
            }));
            Files.deleteIfExists(plainDb);
            log.println("bench: SQLite FTS5 bulk load with enrichment");
            Path db = work.resolve("sqlite.db");
            indexing.put("sqliteEnriched", median("SQLite load with enrichment", () -> {
                Files.deleteIfExists(db);
                long c0 = cpuNanos();
                SqliteFts.LoadStats enriched = SqliteFts.load(o.corpus(), db, true, o.threads());
                return withCpu(sqliteLoad(enriched, mb, size.bytes()), cpuNanos() - c0);
            }));
            if (parley != null && !reuse) {
                Map<String, Object> p = castMap(indexing.get("parley"));
                Map<String, Object> pp = castMap(indexing.get("parleyPlain"));
                Map<String, Object> sp = castMap(indexing.get("sqlitePlain"));
                Map<String, Object> se = castMap(indexing.get("sqliteEnriched"));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("endToEndWithEnrichment_parleyOverSqlite", ratio(se, p, "seconds"));
                r.put("exclEnrichment_parleyOverSqlite", ratio(sp, pp, "seconds"));
                r.put("cpu_endToEndWithEnrichment_parleyOverSqlite", ratio(se, p, "cpuSeconds"));
                r.put("cpu_exclEnrichment_parleyOverSqlite", ratio(sp, pp, "cpuSeconds"));
                r.put("meaning", "speed-up of parley over SQLite bulk load (>1: parley faster), by wall time and by CPU time"
                        + (o.indexRuns() > 1 ? ", each side's median of " + o.indexRuns() + " runs" : ""));
                indexing.put("ratios", r);
            }
        }

        if (paragraphs == 0 && corpus.get("paragraphs") instanceof Number n) paragraphs = n.longValue(); // --skip-stages

        // --- queries
        Map<String, Object> queries = new LinkedHashMap<>();
        report.put("queries", queries);
        int warmup = o.warmup();
        if (parley != null && !o.skipQueries()) {
            try (SearchService service = parley.open(indexDir)) {
                if (reuse) {
                    paragraphs = service.stats().paragraphs();
                    corpus.put("paragraphs", paragraphs);
                    corpus.put("articles", service.stats().articles());
                }
                QueryEngine engine = new SearchServiceEngine(service);
                List<LatencyStats> in = new ArrayList<>();
                for (int c : o.clients()) {
                    log.println("bench: parley in-process, " + c + " client(s)");
                    in.add(logged(LatencyRunner.run("parley-inprocess", engine, mix, c, warmup, o.warmupSeconds(), o.passes())));
                }
                queries.put("parleyInProcess", in);
                if (!o.skipHttp() && o.httpInProcess()) {
                    // The smoke test's variant: parley's real HTTP server and client, but in this JVM.
                    try (ParleyServer server = new ParleyServer(service).start("127.0.0.1", 0)) {
                        HttpEngine http = new HttpEngine("http://127.0.0.1:" + server.port());
                        List<LatencyStats> h = new ArrayList<>();
                        for (int c : o.clients()) {
                            log.println("bench: parley over HTTP (in-process server), " + c + " client(s)");
                            h.add(logged(LatencyRunner.run("parley-http-inprocess", http, mix, c, warmup, o.warmupSeconds(), o.passes())));
                        }
                        queries.put("parleyHttp", h);
                    }
                }
            }
            if (!o.skipHttp() && !o.httpInProcess()) queries.putAll(http(indexDir, mixFile));
        }
        if (solr != null) { // after the embedded queries, so that no Solr JVM runs while they are measured
            report.put("solr", solr.run(o, mix, work.resolve("solr"), new SolrBench.Embedded(parley, indexDir,
                    castMap(indexing.get("parley")), stats(queries.get("parleyInProcess")))));
        }
        if (!o.skipSqlite() && !o.skipQueries()) {
            SqliteFts sqlite = new SqliteFts(work.resolve("sqlite.db"));
            List<LatencyStats> sq = new ArrayList<>();
            for (int c : o.clients()) {
                log.println("bench: SQLite FTS5, " + c + " client(s)");
                sq.add(logged(LatencyRunner.run("sqlite-fts5", sqlite, mix, c, warmup, o.warmupSeconds(), o.passes())));
            }
            queries.put("sqlite", sq);
        }
        queries.put("ratios", queryRatios(queries));
        report.put("finished", Instant.now().toString());

        String name = String.format(Locale.ROOT, "bench-%d-%s.json", paragraphs,
                Instant.now().toString().replace(':', '-').replaceAll("\\..*", ""));
        json.writeValue(o.outDir().resolve(name).toFile(), report);
        json.writeValue(o.outDir().resolve("latest.json").toFile(), report);
        log.println();
        log.print(table(report));
        log.println("bench: wrote " + o.outDir().resolve(name));
        return report;
    }

    /** One timed build or load, as the figures it reports ({@code seconds} among them). */
    private interface TimedRun {
        Map<String, Object> run() throws Exception;
    }

    /**
     * Runs {@code run} {@code --index-runs} times and keeps the figures of the run with the median wall time,
     * with every run's seconds: a single build of a small corpus takes a few seconds, where one garbage
     * collection or JIT recompilation moved it by 20-30% from run to run.
     */
    private Map<String, Object> median(String what, TimedRun run) throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < o.indexRuns(); i++) {
            Map<String, Object> r = run.run();
            if (o.indexRuns() > 1) log.println("bench:   " + what + ", run " + (i + 1) + ": " + r.get("seconds") + " s");
            runs.add(r);
        }
        List<Map<String, Object>> byTime = new ArrayList<>(runs);
        byTime.sort(Comparator.comparingDouble(r -> ((Number) r.get("seconds")).doubleValue()));
        Map<String, Object> kept = new LinkedHashMap<>(byTime.get((byTime.size() - 1) / 2));
        kept.put("runsSeconds", runs.stream().map(r -> r.get("seconds")).toList());
        return kept;
    }

    private static double ratio(Map<String, Object> sqlite, Map<String, Object> parley, String key) {
        return LatencyStats.round(((Number) sqlite.get(key)).doubleValue() / ((Number) parley.get(key)).doubleValue());
    }

    /** One untimed build or load of a corpus folder, with or without enrichment. */
    private interface WarmUpRun {
        void run(Path folder, boolean enrich) throws Exception;
    }

    /**
     * Runs {@code run} on the corpus's first folder for {@code --warmup-seconds} (at least once), with and
     * without enrichment in turn, so that both code paths are compiled before the timed runs.
     */
    private void warmUp(String what, WarmUpRun run) throws Exception {
        Path sample = firstSubfolder(o.corpus());
        if (sample == null) return;
        log.println("bench: warming up " + what + " of " + o.corpus().relativize(sample) + " for " + o.warmupSeconds() + " s");
        long until = System.nanoTime() + o.warmupSeconds() * 1_000_000_000L;
        boolean enrich = true;
        do {
            run.run(sample, enrich);
            enrich = !enrich;
        } while (System.nanoTime() < until);
    }

    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static Map<String, Object> withCpu(Map<String, Object> m, long cpuNanos) {
        m.put("cpuSeconds", LatencyStats.round(cpuNanos / 1e9));
        return m;
    }

    private LatencyStats logged(LatencyStats s) {
        log.println("bench:   " + s);
        return s;
    }

    /** The corpus's first sub-folder in name order (the generator writes 1,000 files per folder), or null. */
    private static Path firstSubfolder(Path corpus) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(corpus)) {
            return s.filter(Files::isDirectory).sorted().findFirst().orElse(null);
        }
    }

    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private Map<String, Object> http(Path indexDir, Path mixFile) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + o.serverHeap()));
        // the server as `parley serve` runs it: with huge pages and Lucene's vector module when the launcher gave
        // them to this JVM
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().contains(HUGE_PAGES)
                && !o.serverJvmOptions().contains(HUGE_PAGES)) cmd.add(HUGE_PAGES);
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()
                && o.serverJvmOptions().stream().noneMatch(option -> option.contains(VECTOR_MODULE))) {
            cmd.addAll(List.of("--add-modules", VECTOR_MODULE));
        }
        cmd.addAll(o.serverJvmOptions());
        cmd.addAll(List.of("-cp", cp, "org.parley.cli.ParleyCommand"));
        cmd.addAll(parley.serveArgs(indexDir, port));
        Path serverLog = o.outDir().resolve("server.log");
        log.println("bench: starting the server: parley " + String.join(" ", parley.serveArgs(indexDir, port)) + " (-Xmx" + o.serverHeap() + ")");
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpLoad.awaitHealthy(base, 180, server);
            String wrk = "jdk".equals(o.loadGenerator()) ? null : WrkLoad.find();
            if (wrk == null && "wrk".equals(o.loadGenerator())) throw new IllegalStateException("wrk is not installed (apt-get install wrk)");
            long serverCpu0 = processCpuMillis(server.pid());
            List<LatencyStats> h = new ArrayList<>();
            long requests;
            if (wrk != null) {
                // wrk: measured by time (--http-seconds per client count), after a warm-up of --warmup-seconds
                WrkLoad load = WrkLoad.prepare(wrk, QueryMix.read(mixFile), o.outDir().resolve("work"));
                log.println("bench: HTTP load generator: wrk, clients " + o.clients() + ", " + o.httpSeconds() + " s each");
                for (int c : o.clients()) h.add(logged(load.run(base, c, o.warmupSeconds(), o.httpSeconds(), () -> processCpuMillis(server.pid()))));
                out.put("httpLoadGenerator", "wrk");
                requests = load.requestsSent();
            } else {
                List<String> load = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", cp, HttpLoad.class.getName(), base,
                        mixFile.toAbsolutePath().toString(),
                        String.join(",", o.clients().stream().map(String::valueOf).toList()),
                        String.valueOf(o.warmup()), String.valueOf(o.warmupSeconds()), String.valueOf(o.passes())));
                log.println("bench: HTTP load generator (separate JVM), clients " + o.clients());
                Process p = new ProcessBuilder(load).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) throw new IllegalStateException("HttpLoad failed with " + p.exitValue());
                HttpLoad.Report report = json.readValue(stdout.strip(), HttpLoad.Report.class);
                report.stats().forEach(s -> h.add(logged(s)));
                out.put("httpLoadGenerator", "jdk-httpclient");
                requests = report.requests();
            }
            out.put("parleyHttp", h);
            Map<String, Object> mem = serverMemory(server.pid());
            long serverCpu = processCpuMillis(server.pid()) - serverCpu0;
            if (serverCpu0 >= 0) mem.put("serverCpuMsPerRequest", LatencyStats.round((double) serverCpu / Math.max(1, requests)));
            out.put("server", mem);
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) server.destroyForcibly();
        }
        return out;
    }

    /** User + system CPU time of a process from /proc, in ms, or -1 when unknown. */
    static long processCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The server's heap (after the load; then after a full GC) and peak RSS, read with jcmd and /proc. */
    static Map<String, Object> serverMemory(long pid) {
        Map<String, Object> m = new LinkedHashMap<>();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        m.put("heapUsedAfterLoadMb", heapUsedMb(jcmd, pid));
        try {
            new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // reported as missing below
        }
        m.put("heapLiveAfterFullGcMb", heapUsedMb(jcmd, pid));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) m.put("peakRssMb", Long.parseLong(line.replaceAll("\\D", "")) / 1024);
            }
        } catch (IOException | NumberFormatException e) {
            // not on Linux
        }
        return m;
    }

    private static Double heapUsedMb(String jcmd, long pid) {
        try {
            Process p = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            Matcher m = Pattern.compile("heap\\s+total.*?used (\\d+)K").matcher(out);
            return m.find() ? Math.round(Long.parseLong(m.group(1)) / 1024.0 * 10) / 10.0 : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static List<Map<String, Object>> queryRatios(Map<String, Object> queries) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<LatencyStats> sqlite = stats(queries.get("sqlite"));
        if (sqlite == null) return out;
        for (String side : List.of("parleyInProcess", "parleyHttp")) {
            List<LatencyStats> parley = stats(queries.get(side));
            if (parley == null) continue;
            for (LatencyStats p : parley) {
                for (LatencyStats s : sqlite) {
                    if (s.clients() != p.clients()) continue;
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("parley", side);
                    r.put("clients", p.clients());
                    r.put("p50_sqliteOverParley", ratio(s.p50(), p.p50()));
                    r.put("p95_sqliteOverParley", ratio(s.p95(), p.p95()));
                    r.put("p99_sqliteOverParley", ratio(s.p99(), p.p99()));
                    r.put("qps_parleyOverSqlite", ratio(p.qps(), s.qps()));
                    // Over HTTP the measuring JVM is the load generator: its CPU is not the engine's.
                    if (side.equals("parleyInProcess") && p.cpuMsPerQuery() > 0 && s.cpuMsPerQuery() > 0) {
                        r.put("cpuPerQuery_sqliteOverParley", ratio(s.cpuMsPerQuery(), p.cpuMsPerQuery()));
                    }
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static double ratio(double a, double b) {
        return b <= 0 ? Double.NaN : LatencyStats.round(a / b);
    }

    @SuppressWarnings("unchecked")
    private static List<LatencyStats> stats(Object o) {
        return (List<LatencyStats>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> rate(double seconds, long paragraphs, double mb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", LatencyStats.round(seconds));
        m.put("paragraphsPerSec", Math.round(paragraphs / seconds));
        m.put("mbPerSec", LatencyStats.round(mb / seconds));
        return m;
    }

    private static Map<String, Object> sqliteLoad(SqliteFts.LoadStats s, double mb, long rawBytes) {
        Map<String, Object> m = rate(s.seconds(), s.paragraphs(), mb);
        m.put("dbBytes", s.dbBytes());
        m.put("dbToRawRatio", LatencyStats.round((double) s.dbBytes() / rawBytes));
        return m;
    }

    private static Map<String, Object> mixSummary(List<BenchQuery> mix) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Integer> kinds = new TreeMap<>(), filters = new TreeMap<>();
        for (BenchQuery q : mix) {
            kinds.merge(q.kind(), 1, Integer::sum);
            filters.merge(q.filterCount() + " filters", 1, Integer::sum);
        }
        m.put("size", mix.size());
        m.put("kinds", kinds);
        m.put("filters", filters);
        return m;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.replaceFirst("^[^:]*:\\s*", ""));
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memTotalGb", Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0 * 10) / 10.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1024 / 1024);
        return m;
    }

    /** The human-readable summary table of a report. */
    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> r) {
        StringBuilder t = new StringBuilder();
        Map<String, Object> corpus = castMap(r.get("corpus"));
        t.append(String.format(Locale.ROOT, "Corpus: %s paragraphs, %s articles, %.1f MB%n", corpus.get("paragraphs"),
                corpus.get("articles"), ((Number) corpus.get("bytes")).longValue() / 1e6));
        t.append(String.format(Locale.ROOT, "%n%-34s %10s %12s %9s %9s %10s %10s%n", "Indexing", "seconds", "paragraphs/s", "MB/s",
                "CPU s", "peak heap", "size/raw"));
        Map<String, Object> idx = castMap(r.get("indexing"));
        for (String k : List.of("readParse", "enrichAlone", "parleyPlain", "parley", "sqlitePlain", "sqliteEnriched")) {
            Map<String, Object> e = (Map<String, Object>) idx.get(k);
            if (e == null) continue;
            String label = switch (k) {
                case "readParse" -> "read + parse";
                case "enrichAlone" -> "read + parse + enrich";
                case "parleyPlain" -> "parley, no enrichment";
                case "parley" -> "parley end to end";
                case "sqlitePlain" -> "SQLite FTS5 bulk load";
                default -> "SQLite FTS5 bulk load + enrich";
            };
            Object size = e.getOrDefault("indexToRawRatio", e.get("dbToRawRatio"));
            t.append(String.format(Locale.ROOT, "%-34s %10.2f %12d %9.2f %9s %10s %10s%n", label, ((Number) e.get("seconds")).doubleValue(),
                    ((Number) e.get("paragraphsPerSec")).longValue(), ((Number) e.get("mbPerSec")).doubleValue(), e.get("cpuSeconds"),
                    e.containsKey("peakHeapMb") ? e.get("peakHeapMb") + " MB" : "", size == null ? "" : size + "x"));
        }
        Map<String, Object> built = (Map<String, Object>) idx.get("parley");
        if (built != null && built.get("phases") instanceof Map<?, ?> phases && !phases.isEmpty()) {
            t.append("parley end to end, by phase: ").append(phases).append('\n');
        }
        Map<String, Object> ir = (Map<String, Object>) idx.get("ratios");
        if (ir != null) {
            t.append(String.format(Locale.ROOT, "parley vs SQLite speed-up (wall): with enrichment %sx, excluding enrichment %sx;"
                            + " by CPU time: %sx, %sx%n",
                    ir.get("endToEndWithEnrichment_parleyOverSqlite"), ir.get("exclEnrichment_parleyOverSqlite"),
                    ir.get("cpu_endToEndWithEnrichment_parleyOverSqlite"), ir.get("cpu_exclEnrichment_parleyOverSqlite")));
        }
        Map<String, Object> q = castMap(r.get("queries"));
        t.append(String.format(Locale.ROOT, "%n%-22s %7s %8s %9s %9s %9s %9s %6s %9s%n", "Queries", "clients", "queries", "QPS", "p50 ms",
                "p95 ms", "p99 ms", "errors", "CPU ms/q"));
        for (String k : List.of("parleyInProcess", "parleyHttp", "sqlite")) {
            List<LatencyStats> l = stats(q.get(k));
            if (l == null) continue;
            for (LatencyStats s : l) {
                t.append(String.format(Locale.ROOT, "%-22s %7d %8d %9.1f %9.2f %9.2f %9.2f %6d %9s%n", s.engine(), s.clients(), s.queries(),
                        s.qps(), s.p50(), s.p95(), s.p99(), s.errors(), !k.equals("parleyHttp") ? String.valueOf(s.cpuMsPerQuery())
                                : s.cpuMsPerQuery() > 0 ? String.format(Locale.ROOT, "%.3f srv", s.cpuMsPerQuery()) : "(client)"));
            }
        }
        Object server = q.get("server");
        if (server != null) t.append("server memory: ").append(server).append('\n');
        List<Map<String, Object>> ratios = (List<Map<String, Object>>) q.get("ratios");
        if (ratios != null && !ratios.isEmpty()) {
            t.append(String.format(Locale.ROOT, "%n%-20s %7s %10s %10s %10s %10s %10s%n", "parley vs SQLite", "clients", "p50 x", "p95 x",
                    "p99 x", "QPS x", "CPU/q x"));
            for (Map<String, Object> x : ratios) {
                t.append(String.format(Locale.ROOT, "%-20s %7s %10s %10s %10s %10s %10s%n", x.get("parley"), x.get("clients"),
                        x.get("p50_sqliteOverParley"), x.get("p95_sqliteOverParley"), x.get("p99_sqliteOverParley"), x.get("qps_parleyOverSqlite"),
                        x.getOrDefault("cpuPerQuery_sqliteOverParley", "")));
            }
            t.append("(x = how many times faster parley is than SQLite FTS5 on the same mix in this run)\n");
        }
        if (r.get("solr") != null) t.append(SolrBench.table(castMap(r.get("solr"))));
        return t.toString();
    }

    static long treeSize(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
