package org.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.index.BuildReport;
import org.parley.index.IndexLocation;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;
import org.parley.solr.SolrAdmin;
import org.parley.solr.SolrCluster;
import org.parley.solr.SolrEndpoint;
import org.parley.solr.SolrHttp;
import org.parley.solr.SolrIndexer;
import org.parley.solr.SolrSearchService;

/**
 * The SolrCloud side of {@code bench run --engine solr}: the run's corpus and query mix against a local
 * SolrCloud started for the run (ZooKeeper and the nodes in their own JVMs, on 127.0.0.1). First one node with a
 * 1-shard x 1-replica collection, then a second node joins and the same corpus goes into a 2-shard x 2-replica
 * collection. For each: indexing end to end (parley's reader and enricher, batches over HTTP, one commit), the
 * same answers as the embedded index (totals and facets of every query of the mix), and the mix's latency with
 * the run's client counts through {@link SolrSearchService}, as the embedded index is measured. Last, a node of
 * the cluster is killed with SIGKILL during a query loop: failed reads and latency before, during and after,
 * the time until writes are accepted again and until the restarted node's replicas are active.
 */
public final class SolrBench {
    /**
     * @param heap        {@code -Xms}/{@code -Xmx} of each Solr node
     * @param basePort    ZooKeeper's port; the nodes take the next free ports
     * @param killSeconds how long the query loop runs after the SIGKILL (0: no node is killed)
     */
    public record Options(Path projectRoot, String heap, int basePort, int killSeconds) {
    }

    /** The embedded side of the same run, for the parity check and the ratios; any part may be null. */
    public record Embedded(ParleyBackend parley, Path index, Map<String, Object> indexing, List<LatencyStats> queries) {
    }

    private static final String ONE = "bench_one";
    private static final String TWO = "bench_two";
    private static final long DURING_NANOS = 10_000_000_000L;

    private final Options options;
    private final PrintStream log;

    public SolrBench(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Starts the cluster, measures both layouts, kills a node, stops the cluster; returns the report's "solr" part. */
    public Map<String, Object> run(BenchRunner.Options o, List<BenchQuery> mix, Path work, Embedded embedded) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodeHeap", options.heap());
        Map<String, Object> indexing = new LinkedHashMap<>();
        Map<String, Object> parity = new LinkedHashMap<>();
        Map<String, Object> queries = new LinkedHashMap<>();
        out.put("indexing", indexing);
        out.put("parity", parity);
        out.put("queries", queries);
        IndexLocation.deleteRecursively(work);
        Files.createDirectories(work);
        long rawBytes = BenchCorpus.size(o.corpus()).bytes();
        log.println("bench: starting a local SolrCloud (ZooKeeper + 1 node, -Xmx" + options.heap() + ") in " + work);
        try (SolrCluster cluster = SolrCluster.start(options.projectRoot(), work.resolve("cluster"), 1, options.basePort(), options.heap())) {
            warmUp(cluster, o, 1, 1);

            log.println("bench: Solr, 1 node: indexing into a 1-shard x 1-replica collection");
            SolrEndpoint one = new SolrEndpoint(cluster.nodeUrls(), ONE);
            indexing.put("oneNode", logged("oneNode", build(cluster, one, 1, 1, o.corpus(), rawBytes)));
            if (!o.skipQueries()) {
                try (SearchService service = SolrSearchService.connect(one)) {
                    parity.put("oneNode", parity(service, mix, embedded));
                    queries.put("oneNode", latency("solr-1-node-1x1", service, cluster, o, mix));
                }
            }
            drop(cluster, ONE); // its memory and disk back for the next layout

            log.println("bench: Solr, 2 nodes: starting the second node; indexing into a 2-shard x 2-replica collection");
            cluster.addNode();
            warmUp(cluster, o, 2, 2); // the new node's JIT, and the cluster's forwarding between shard leaders and replicas
            SolrEndpoint two = new SolrEndpoint(cluster.nodeUrls(), TWO);
            indexing.put("cluster", logged("cluster", build(cluster, two, 2, 2, o.corpus(), rawBytes)));
            if (!o.skipQueries()) {
                try (SearchService service = SolrSearchService.connect(two)) {
                    parity.put("cluster", parity(service, mix, embedded));
                    queries.put("cluster", latency("solr-2-nodes-2x2", service, cluster, o, mix));
                }
                if (options.killSeconds() > 0) out.put("nodeKill", nodeKill(cluster, two, mix));
            }
        }
        log.println("bench: the SolrCloud is stopped");
        out.put("ratios", ratios(out, embedded));
        return out;
    }

    // ------------------------------------------------------------------------------------------------ indexing

    /** Solr's JIT warms up as parley's does before its timed builds: one untimed build of the first corpus folder. */
    private void warmUp(SolrCluster cluster, BenchRunner.Options o, int shards, int replicas) throws Exception {
        Path sample;
        try (var s = Files.list(o.corpus())) {
            sample = s.filter(Files::isDirectory).sorted().findFirst().orElse(null);
        }
        if (sample == null) return;
        log.println("bench: warming up Solr with an untimed build of " + o.corpus().relativize(sample) + " (" + shards + "x" + replicas + ")");
        String alias = "bench_warmup";
        SolrIndexer.of(new SolrEndpoint(cluster.nodeUrls(), alias), shards, replicas, null).build(sample);
        drop(cluster, alias);
    }

    /** Deletes an alias and the collection it names. */
    private static void drop(SolrCluster cluster, String alias) {
        SolrAdmin admin = new SolrAdmin(cluster.http());
        String collection = admin.resolveAlias(alias);
        admin.deleteAlias(alias);
        admin.deleteCollection(collection);
    }

    private Map<String, Object> build(SolrCluster cluster, SolrEndpoint endpoint, int shards, int replicas, Path corpus, long rawBytes)
            throws Exception {
        System.gc();
        long cpu0 = BenchRunner.cpuNanos();
        long solrCpu0 = clusterCpuMillis(cluster);
        long t0 = System.nanoTime();
        BuildReport r = SolrIndexer.of(endpoint, shards, replicas, null).build(corpus);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shards", shards);
        m.put("replicas", replicas);
        m.put("seconds", LatencyStats.round(seconds));
        m.put("paragraphsIndexed", r.paragraphs());
        m.put("paragraphsPerSec", Math.round(r.paragraphs() / seconds));
        m.put("mbPerSec", LatencyStats.round(rawBytes / 1e6 / seconds));
        m.put("cpuSeconds", LatencyStats.round((BenchRunner.cpuNanos() - cpu0) / 1e9));
        m.put("solrCpuSeconds", LatencyStats.round((clusterCpuMillis(cluster) - solrCpu0) / 1e3));
        long bytes = new SolrAdmin(cluster.http()).indexBytes(r.generation().toString());
        m.put("indexBytes", bytes); // one copy: per shard its largest replica
        m.put("indexToRawRatio", LatencyStats.round((double) bytes / rawBytes));
        return m;
    }

    /** CPU time of ZooKeeper and every node so far, in ms (from /proc). */
    private static long clusterCpuMillis(SolrCluster cluster) {
        long sum = 0;
        for (long pid : cluster.pids()) sum += Math.max(0, BenchRunner.processCpuMillis(pid));
        return sum;
    }

    // ------------------------------------------------------------------------------------------------- queries

    /** Totals and facets (values, counts, labels, selected flags, other_values) of every query of the mix. */
    private Map<String, Object> parity(SearchService solr, List<BenchQuery> mix, Embedded embedded) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        if (embedded == null || embedded.parley() == null || embedded.index() == null || !Files.isDirectory(embedded.index())) {
            m.put("checked", 0);
            return m;
        }
        int totals = 0;
        int facets = 0;
        List<String> examples = new ArrayList<>();
        try (SearchService lucene = embedded.parley().open(embedded.index())) {
            for (BenchQuery q : mix) {
                SearchRequest req = SearchServiceEngine.request(q);
                SearchResult a = lucene.search(req);
                SearchResult b = solr.search(req);
                boolean total = a.total() != b.total();
                boolean facet = !a.facets().equals(b.facets());
                if (total) totals++;
                if (facet) facets++;
                if ((total || facet) && examples.size() < 5) examples.add(q.lucene() + " " + q.filters() + ": " + a.total() + " vs " + b.total());
            }
        }
        m.put("checked", mix.size());
        m.put("totalsDiffer", totals);
        m.put("facetsDiffer", facets);
        if (!examples.isEmpty()) m.put("examples", examples);
        log.println("bench:   same answers as the embedded index: " + m);
        return m;
    }

    /**
     * The mix with each client count, as the embedded index is measured; Solr's CPU per query is the cluster's
     * CPU time over every query sent (warm-up included) divided by their number.
     */
    private Map<String, Object> latency(String name, SearchService service, SolrCluster cluster, BenchRunner.Options o,
                                        List<BenchQuery> mix) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        List<LatencyStats> stats = new ArrayList<>();
        List<Double> solrCpu = new ArrayList<>();
        AtomicLong sent = new AtomicLong();
        QueryEngine inner = new SearchServiceEngine(service);
        QueryEngine counted = () -> {
            QueryEngine.Session s = inner.open();
            return q -> {
                sent.incrementAndGet();
                return s.run(q);
            };
        };
        for (int c : o.clients()) {
            log.println("bench: " + name + ", " + c + " client(s)");
            sent.set(0);
            long cpu0 = clusterCpuMillis(cluster);
            LatencyStats s = LatencyRunner.run(name, counted, mix, c, o.warmup(), o.warmupSeconds(), o.passes());
            log.println("bench:   " + s);
            stats.add(s);
            solrCpu.add(LatencyStats.round((double) (clusterCpuMillis(cluster) - cpu0) / Math.max(1, sent.get())));
        }
        m.put("stats", stats);
        m.put("solrCpuMsPerQuery", solrCpu);
        return m;
    }

    // ------------------------------------------------------------------------------------------------ node kill

    /** One query of the kill loop: when it started relative to the kill, how long it took, whether it failed. */
    private record Sample(long atNanos, long nanos, boolean failed) {
    }

    /**
     * SIGKILL of the node leading the most shards (the worst case: its shards need a new leader before writes
     * are accepted) while one client queries the mix in a loop, over both node URLs as {@code serve --solr} does.
     */
    private Map<String, Object> nodeKill(SolrCluster cluster, SolrEndpoint endpoint, List<BenchQuery> mix) throws Exception {
        SolrHttp http = new SolrHttp(cluster.nodeUrls(), Duration.ofSeconds(10));
        SolrAdmin admin = new SolrAdmin(http);
        String collection = admin.resolveAlias(endpoint.collection());
        int victim = leaderOfMostShards(admin, cluster, collection);
        log.println("bench: SIGKILL of Solr node " + (victim + 1) + " (leads the most shards of " + collection + ") during a query loop");
        List<Sample> samples = new ArrayList<>();
        long[] killAt = {Long.MAX_VALUE};
        // the loop runs as long before the kill as after it, up to 10 s: the baseline the kill is compared with
        long beforeKillNanos = Math.min(10, options.killSeconds()) * 1_000_000_000L;
        long start = System.nanoTime();
        long end = start + beforeKillNanos + options.killSeconds() * 1_000_000_000L;
        String[] firstError = {null};
        try (SearchService service = new SolrSearchService(new SolrHttp(endpoint.nodes(), Duration.ofSeconds(30)), endpoint.collection())) {
            QueryEngine.Session session = new SearchServiceEngine(service).open();
            Thread loop = new Thread(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean failed = false;
                    try {
                        session.run(mix.get(i++ % mix.size()));
                    } catch (Exception e) {
                        failed = true;
                        if (firstError[0] == null) firstError[0] = e.toString();
                    }
                    long t1 = System.nanoTime();
                    synchronized (samples) {
                        samples.add(new Sample(t0, t1 - t0, failed));
                    }
                }
            }, "bench-kill-loop");
            loop.start();
            Thread.sleep(beforeKillNanos / 1_000_000);
            killAt[0] = System.nanoTime();
            cluster.kill(victim);
            // writes: a probe document (not a paragraph: no search counts it) until a leader takes it
            byte[] probe = ("[{\"id\":\"_bench!probe\",\"type\":\"probe\"}]").getBytes(StandardCharsets.UTF_8);
            int writeFailures = 0;
            double writesBackSeconds = -1;
            long writeDeadline = Math.max(end, killAt[0] + 120_000_000_000L);
            while (System.nanoTime() < writeDeadline) {
                try {
                    http.post("/" + collection + "/update", "application/json", probe, true);
                    writesBackSeconds = (System.nanoTime() - killAt[0]) / 1e9;
                    break;
                } catch (RuntimeException e) {
                    writeFailures++;
                    Thread.sleep(250);
                }
            }
            loop.join();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("killedNode", victim + 1);
            m.put("zkSessionTimeoutMs", Integer.getInteger("parley.solr.zkTimeout", 10000));
            m.put("writesAcceptedAfterSeconds", LatencyStats.round(writesBackSeconds));
            m.put("failedWriteAttempts", writeFailures);
            long k = killAt[0];
            m.put("before", window("before the kill", samples, s -> s.atNanos() < k));
            m.put("first10s", window("0-10 s after the kill", samples, s -> s.atNanos() >= k && s.atNanos() < k + DURING_NANOS));
            m.put("after", window("10 s after the kill to the loop's end", samples, s -> s.atNanos() >= k + DURING_NANOS));
            if (firstError[0] != null) m.put("firstError", firstError[0]);
            log.println("bench:   node kill: " + m);
            long r0 = System.nanoTime();
            cluster.restart(victim);
            cluster.awaitActive(collection, Duration.ofSeconds(180));
            m.put("restartToAllActiveSeconds", LatencyStats.round((System.nanoTime() - r0) / 1e9));
            log.println("bench:   restarted node " + (victim + 1) + ": every replica active after " + m.get("restartToAllActiveSeconds") + " s");
            return m;
        }
    }

    private static Map<String, Object> window(String what, List<Sample> samples, java.util.function.Predicate<Sample> in) {
        List<Sample> w;
        synchronized (samples) {
            w = samples.stream().filter(in).toList();
        }
        long[] nanos = w.stream().mapToLong(Sample::nanos).toArray();
        int failed = (int) w.stream().filter(Sample::failed).count();
        long span = w.isEmpty() ? 1 : w.getLast().atNanos() + w.getLast().nanos() - w.getFirst().atNanos();
        LatencyStats s = LatencyStats.of(what, 1, nanos, failed, Math.max(1, span), 0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queries", s.queries());
        m.put("failed", failed);
        m.put("p50", s.p50());
        m.put("p95", s.p95());
        m.put("max", s.max());
        m.put("qps", s.qps());
        return m;
    }

    private static int leaderOfMostShards(SolrAdmin admin, SolrCluster cluster, String collection) {
        JsonNode shards = admin.clusterStatus(collection).path("cluster").path("collections").path(collection).path("shards");
        Map<String, Integer> led = new LinkedHashMap<>();
        for (JsonNode shard : shards) {
            for (JsonNode replica : shard.path("replicas")) {
                if (replica.path("leader").asBoolean(false)) led.merge(replica.path("node_name").asText(), 1, Integer::sum);
            }
        }
        int best = 0;
        int bestCount = -1;
        for (int i = 0; i < cluster.nodeUrls().size(); i++) {
            int n = led.getOrDefault(cluster.nodeName(i), 0);
            if (n > bestCount) {
                best = i;
                bestCount = n;
            }
        }
        return best;
    }

    // -------------------------------------------------------------------------------------------------- report

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ratios(Map<String, Object> solr, Embedded embedded) {
        Map<String, Object> r = new LinkedHashMap<>();
        if (embedded == null) return r;
        Map<String, Object> idx = (Map<String, Object>) solr.get("indexing");
        if (embedded.indexing() != null && embedded.indexing().get("seconds") instanceof Number p) {
            for (String layout : List.of("oneNode", "cluster")) {
                Map<String, Object> s = (Map<String, Object>) idx.get(layout);
                if (s != null) r.put("indexing_" + layout + "_solrSecondsOverParley", ratio(((Number) s.get("seconds")).doubleValue(), p.doubleValue()));
            }
        }
        List<Map<String, Object>> q = new ArrayList<>();
        Map<String, Object> queries = (Map<String, Object>) solr.get("queries");
        if (embedded.queries() != null) {
            for (String layout : List.of("oneNode", "cluster")) {
                Map<String, Object> l = (Map<String, Object>) queries.get(layout);
                if (l == null) continue;
                List<LatencyStats> stats = (List<LatencyStats>) l.get("stats");
                List<Double> cpu = (List<Double>) l.get("solrCpuMsPerQuery");
                for (int i = 0; i < stats.size(); i++) {
                    LatencyStats s = stats.get(i);
                    for (LatencyStats p : embedded.queries()) {
                        if (p.clients() != s.clients()) continue;
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("solr", s.engine());
                        x.put("clients", s.clients());
                        x.put("p50_solrOverParley", ratio(s.p50(), p.p50()));
                        x.put("p95_solrOverParley", ratio(s.p95(), p.p95()));
                        x.put("mean_solrOverParley", ratio(s.mean(), p.mean()));
                        x.put("qps_parleyOverSolr", ratio(p.qps(), s.qps()));
                        // Solr's cost: its JVMs plus parley's client side (request, JSON) in this JVM
                        x.put("cpuPerQuery_solrOverParley", ratio(cpu.get(i) + s.cpuMsPerQuery(), p.cpuMsPerQuery()));
                        q.add(x);
                    }
                }
            }
        }
        r.put("queries", q);
        r.put("meaning", "how many times slower (seconds, latency, CPU) or how many times fewer queries per second Solr is than "
                + "embedded parley in the same run (>1: parley faster)");
        return r;
    }

    private static double ratio(double a, double b) {
        return b <= 0 ? Double.NaN : LatencyStats.round(a / b);
    }

    private Map<String, Object> logged(String what, Map<String, Object> m) {
        log.println("bench:   solr " + what + " " + m);
        return m;
    }

    /** The human-readable part of the summary table for the "solr" section of a report. */
    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> solr) {
        StringBuilder t = new StringBuilder();
        Map<String, Object> idx = (Map<String, Object>) solr.get("indexing");
        t.append(String.format(Locale.ROOT, "%n%-34s %10s %12s %9s %9s %9s %10s%n", "Indexing into Solr (-Xmx" + solr.get("nodeHeap") + ")",
                "seconds", "paragraphs/s", "MB/s", "CPU s", "Solr CPU", "size/raw"));
        for (String k : List.of("oneNode", "cluster")) {
            Map<String, Object> e = (Map<String, Object>) idx.get(k);
            if (e == null) continue;
            t.append(String.format(Locale.ROOT, "%-34s %10.2f %12d %9.2f %9s %9s %10s%n",
                    k.equals("oneNode") ? "Solr 1 node, 1x1" : "Solr 2 nodes, 2 shards x 2 replicas", ((Number) e.get("seconds")).doubleValue(),
                    ((Number) e.get("paragraphsPerSec")).longValue(), ((Number) e.get("mbPerSec")).doubleValue(), e.get("cpuSeconds"),
                    e.get("solrCpuSeconds"), e.get("indexToRawRatio") + "x"));
        }
        Map<String, Object> q = (Map<String, Object>) solr.get("queries");
        if (q != null && !q.isEmpty()) {
            t.append(String.format(Locale.ROOT, "%n%-22s %7s %8s %9s %9s %9s %9s %6s %9s %9s%n", "Solr queries", "clients", "queries", "QPS",
                    "p50 ms", "p95 ms", "p99 ms", "errors", "CPU ms/q", "Solr ms/q"));
            for (String k : List.of("oneNode", "cluster")) {
                Map<String, Object> l = (Map<String, Object>) q.get(k);
                if (l == null) continue;
                List<LatencyStats> stats = (List<LatencyStats>) l.get("stats");
                List<Double> cpu = (List<Double>) l.get("solrCpuMsPerQuery");
                for (int i = 0; i < stats.size(); i++) {
                    LatencyStats s = stats.get(i);
                    t.append(String.format(Locale.ROOT, "%-22s %7d %8d %9.1f %9.2f %9.2f %9.2f %6d %9s %9s%n", s.engine(), s.clients(), s.queries(),
                            s.qps(), s.p50(), s.p95(), s.p99(), s.errors(), s.cpuMsPerQuery(), cpu.get(i)));
                }
            }
        }
        Map<String, Object> parity = (Map<String, Object>) solr.get("parity");
        if (parity != null && !parity.isEmpty()) t.append("same answers as the embedded index: ").append(parity).append('\n');
        Map<String, Object> ratios = (Map<String, Object>) solr.get("ratios");
        if (ratios != null) {
            ratios.forEach((k, v) -> {
                if (k.startsWith("indexing_")) t.append(k).append(": ").append(v).append("x\n");
            });
            List<Map<String, Object>> rq = (List<Map<String, Object>>) ratios.get("queries");
            if (rq != null && !rq.isEmpty()) {
                t.append(String.format(Locale.ROOT, "%n%-20s %7s %10s %10s %10s %10s %10s%n", "Solr vs parley", "clients", "p50 x", "p95 x",
                        "mean x", "QPS x", "CPU/q x"));
                for (Map<String, Object> x : rq) {
                    t.append(String.format(Locale.ROOT, "%-20s %7s %10s %10s %10s %10s %10s%n", x.get("solr"), x.get("clients"),
                            x.get("p50_solrOverParley"), x.get("p95_solrOverParley"), x.get("mean_solrOverParley"), x.get("qps_parleyOverSolr"),
                            x.get("cpuPerQuery_solrOverParley")));
                }
                t.append("(x = how many times faster embedded parley in-process is than Solr on the same mix in this run)\n");
            }
        }
        Object kill = solr.get("nodeKill");
        if (kill != null) t.append("node kill: ").append(kill).append('\n');
        return t.toString();
    }
}
