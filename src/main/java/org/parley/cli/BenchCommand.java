package org.parley.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.bench.BenchRunner;
import org.parley.bench.CorpusGenerator;
import org.parley.bench.ParleyBackends;
import org.parley.bench.SolrBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley bench corpus|run|queries}: the scale corpus generator, the benchmark and a per-query CPU profile (see BENCHMARKS.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: generate a scale corpus, measure indexing and queries side by side with SQLite FTS5.",
        subcommands = {BenchCommand.Corpus.class, BenchCommand.Run.class, BenchCommand.Queries.class, BenchCommand.Compare.class,
                BenchCommand.Watch.class, BenchCommand.Extract.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "corpus", mixinStandardHelpOptions = true,
            description = "Writes a reproducible scale corpus of N paragraphs (articles of 5-40 paragraphs, Zipf vocabulary).")
    static final class Corpus implements Callable<Integer> {
        @Option(names = "--paragraphs", required = true, description = "how many paragraphs to write")
        long paragraphs;
        @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--out", required = true, description = "output folder")
        Path out;
        @Option(names = "--source", defaultValue = "corpus",
                description = "real text the vocabulary is ranked by and sentences are drawn from (default: ${DEFAULT-VALUE}; optional)")
        Path source;
        @Option(names = "--format", defaultValue = "text",
                description = "text (.txt, one article per file), html (pages with site furniture and JSON-LD), md, "
                        + "jsonl (1,000 articles per file) or warc (1,000 gzip records per .warc.gz): the same articles in each "
                        + "(default: ${DEFAULT-VALUE})")
        String format;

        @Override
        public Integer call() throws Exception {
            CorpusGenerator.Format f = CorpusGenerator.Format.parse(format);
            CorpusGenerator g = new CorpusGenerator(seed, source);
            CorpusGenerator.Summary s = g.generate(paragraphs, out, f);
            System.out.printf(java.util.Locale.ROOT, "wrote %d paragraphs in %d %s files (%.1f MB) to %s in %.1f s (vocabulary %d words)%n",
                    s.paragraphs(), s.files(), f.name().toLowerCase(java.util.Locale.ROOT), s.bytes() / 1e6, out, s.seconds(),
                    g.vocabulary().size());
            return 0;
        }
    }

    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Extraction throughput of a corpus folder in any format (e.g. from `bench corpus --format`): every article "
                    + "of every file read on one thread, without enrichment unless --enrich; MB/s and articles/s of CPU time, best of the rounds.")
    static final class Extract implements Callable<Integer> {
        @Option(names = "--corpus", required = true, description = "corpus folder")
        Path corpus;
        @Option(names = "--rounds", defaultValue = "3", description = "measured rounds after one unmeasured (default: ${DEFAULT-VALUE})")
        int rounds;
        @Option(names = "--enrich", description = "also enrich every article as a build does (countries, years, speakers), timed apart")
        boolean enrich;

        @Override
        public Integer call() throws Exception {
            org.parley.bench.BenchCorpus.extract(corpus, enrich); // page cache and JIT
            org.parley.bench.BenchCorpus.Extraction best = null;
            for (int i = 0; i < Math.max(1, rounds); i++) {
                org.parley.bench.BenchCorpus.Extraction e = org.parley.bench.BenchCorpus.extract(corpus, enrich);
                if (best == null || e.cpuSeconds() + e.enrichCpuSeconds() < best.cpuSeconds() + best.enrichCpuSeconds()) best = e;
            }
            System.out.printf(java.util.Locale.ROOT, "%s: %d files, %d articles, %d paragraphs, %.1f MB: %.1f MB/s, %.0f articles/s "
                            + "(one thread's CPU time, %.2f s; wall %.2f s; load average %s)%n", corpus, best.files(), best.articles(),
                    best.paragraphs(), best.bytes() / 1e6, best.mbPerCpuSecond(), best.articlesPerCpuSecond(), best.cpuSeconds(),
                    best.wallSeconds(), org.parley.bench.WatchBench.loadAverage());
            if (enrich) {
                System.out.printf(java.util.Locale.ROOT, "enrichment: %.2f s of the same thread's CPU, %.0f paragraphs/s, %.1f µs per paragraph%n",
                        best.enrichCpuSeconds(), best.paragraphs() / best.enrichCpuSeconds(), best.enrichCpuSeconds() * 1e6 / best.paragraphs());
            }
            return 0;
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = "Drop-to-searchable latency of serve --watch: serves a generated corpus with the watcher, drops files "
                    + "one at a time and polls the API until each is found; prints p50/p95/max, builds and the load average.")
    static final class Watch implements Callable<Integer> {
        @Option(names = "--paragraphs", defaultValue = "20000", description = "size of the served corpus (default: ${DEFAULT-VALUE})")
        long paragraphs;
        @Option(names = "--drops", defaultValue = "100", description = "files dropped, one at a time (default: ${DEFAULT-VALUE})")
        int drops;
        @Option(names = "--work", defaultValue = "target/bench/watch", description = "work folder, emptied first (default: ${DEFAULT-VALUE})")
        Path work;
        @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--port", defaultValue = "0", description = "port of the served API (default: ${DEFAULT-VALUE}: a free one)")
        int port;
        @Option(names = "--source", defaultValue = "corpus", description = "real text for the generator (default: ${DEFAULT-VALUE})")
        Path source;

        @Override
        public Integer call() throws Exception {
            org.parley.bench.WatchBench.Result r = org.parley.bench.WatchBench.run(
                    new org.parley.bench.WatchBench.Options(paragraphs, drops, work, seed, port, source), System.out);
            return r.found() == r.drops() ? 0 : 1;
        }
    }

    /** The index and query mix that `bench queries` and `bench compare` measure. */
    static final class IndexAndMix {
        @Option(names = "--index", required = true, description = "index folder (e.g. OUT/work/index of `bench run`)")
        Path index;
        @Option(names = "--mix", required = true, description = "query mix JSON written by `bench run` (OUT/queries.json)")
        Path mix;
    }

    @Command(name = "queries", mixinStandardHelpOptions = true,
            description = "CPU and wall ms per query of a query mix (from `bench run`: OUT/queries.json) on an existing index, one "
                    + "client (its thread plus the slice threads of a split search), by query kind and filter count, once the "
                    + "index has counted its frequent stems in the background: "
                    + "for comparing two builds on the same index.")
    static final class Queries implements Callable<Integer> {
        @Mixin
        IndexAndMix on;
        @Option(names = "--rounds", defaultValue = "5", description = "measured rounds over the mix (default: ${DEFAULT-VALUE})")
        int rounds;
        @Option(names = "--warmup-rounds", defaultValue = "5", description = "unmeasured rounds first, at least (default: ${DEFAULT-VALUE})")
        int warmupRounds;
        @Option(names = "--warmup-seconds", defaultValue = "30",
                description = "and more unmeasured rounds until this many seconds have passed: the JIT's steady state, as a running "
                        + "server's (default: ${DEFAULT-VALUE})")
        int warmupSeconds;
        @Option(names = "--slowest", defaultValue = "8", description = "how many of the slowest queries to list (default: ${DEFAULT-VALUE})")
        int slowest;

        @Override
        public Integer call() throws Exception {
            try (org.parley.index.LuceneSearchService service = org.parley.index.LuceneSearchService.open(on.index)) {
                // the frequent stems are counted in the background once the index opens: measure after that
                if (!service.awaitBackgroundWork(java.time.Duration.ofMinutes(2))) {
                    System.err.println("bench: the index's background counting did not end within 2 minutes; measuring anyway");
                }
                org.parley.bench.QueryCpuProfile.run(service, service::sliceCpuNanos, org.parley.bench.QueryMix.read(on.mix),
                        new org.parley.bench.QueryCpuProfile.Warmup(Math.max(0, warmupRounds), Math.max(0, warmupSeconds)),
                        Math.max(1, rounds), Math.max(0, slowest), System.out);
            }
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "CPU per query of two builds side by side in one JVM, on the same index and query mix, alternating "
                    + "query by query (each build in its own class loader): B/A overall, by kind, by filter count. On a shared "
                    + "host this shows a 3%% difference that separate runs hide.")
    static final class Compare implements Callable<Integer> {
        @Mixin
        IndexAndMix on;
        @Option(names = "--a", required = true, description = "build A: a folder with parley.jar and lib/ (a copy of target/), or a class path")
        String a;
        @Option(names = "--b", required = true, description = "build B, the same way")
        String b;
        @Option(names = "--rounds", defaultValue = "10", description = "measured rounds over the mix (default: ${DEFAULT-VALUE})")
        int rounds;
        @Option(names = "--warmup-rounds", defaultValue = "30", description = "unmeasured rounds first, each build (default: ${DEFAULT-VALUE})")
        int warmupRounds;
        @Option(names = "--top", defaultValue = "10", description = "how many of the dearest queries to list (default: ${DEFAULT-VALUE})")
        int top;

        @Override
        public Integer call() throws Exception {
            org.parley.bench.BuildComparison.run(on.index, on.mix, a, b, Math.max(0, warmupRounds), Math.max(1, rounds), Math.max(0, top),
                    System.out);
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Indexing and query benchmarks of parley and SQLite FTS5 on one corpus; prints a table, writes target/bench/*.json.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--corpus", required = true, description = "corpus folder (e.g. from `parley bench corpus`)")
        Path corpus;
        @Option(names = "--queries", defaultValue = "200", description = "size of the query mix (default: ${DEFAULT-VALUE})")
        int queries;
        @Option(names = "--clients", defaultValue = "1,8", split = ",", description = "concurrent clients (default: ${DEFAULT-VALUE})")
        List<Integer> clients;
        @Option(names = "--warmup", defaultValue = "200", description = "warm-up queries before each measurement (default: ${DEFAULT-VALUE})")
        int warmup;
        @Option(names = "--warmup-seconds", defaultValue = "20",
                description = "then run the mix for this long before each measurement, and build (parley) and load (SQLite) the first "
                        + "corpus folder for this long before the timed builds, so that JIT compilation settles (default: ${DEFAULT-VALUE})")
        int warmupSeconds;
        @Option(names = "--load-generator", defaultValue = "auto",
                description = "HTTP load generator: wrk (Debian's wrk, measured for --http-seconds), jdk (a JDK HttpClient JVM, "
                        + "measured over --passes of the mix) or auto (wrk when installed) (default: ${DEFAULT-VALUE})")
        String loadGenerator;
        @Option(names = "--http-seconds", defaultValue = "20", description = "measured seconds per client count with wrk (default: ${DEFAULT-VALUE})")
        int httpSeconds;
        @Option(names = "--passes", defaultValue = "2", description = "measured passes over the mix (default: ${DEFAULT-VALUE})")
        int passes;
        @Option(names = "--seed", defaultValue = "42", description = "query mix seed (default: ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--skip-sqlite", description = "do not run the SQLite FTS5 side")
        boolean skipSqlite;
        @Option(names = "--skip-http", description = "do not start a server and measure over HTTP")
        boolean skipHttp;
        @Option(names = "--skip-parley", description = "do not run the parley side (SQLite only)")
        boolean skipParley;
        @Option(names = "--skip-queries", description = "indexing figures only: no query benchmarks")
        boolean skipQueries;
        @Option(names = "--reuse-index", description = "query the parley index left in OUT/work/index by an earlier run instead of building (for profiling queries)")
        boolean reuseIndex;
        @Option(names = "--out", defaultValue = "target/bench", description = "report folder (default: ${DEFAULT-VALUE})")
        Path out;
        @Option(names = "--server-heap", defaultValue = "1g", description = "-Xmx of the server process (default: ${DEFAULT-VALUE})")
        String serverHeap;
        @Option(names = "--server-jvm-option", description = "extra JVM option for the server process, repeatable (e.g. -XX:StartFlightRecording=...)")
        List<String> serverJvmOptions = new ArrayList<>();
        @Option(names = "--index-runs", defaultValue = "3",
                description = "timed runs of each build and load; the median is reported (default: ${DEFAULT-VALUE})")
        int indexRuns;
        @Option(names = "--skip-stages", description = "of the indexing figures, only the end-to-end parley build (and SQLite's loads):"
                + " no read + parse, enrich-alone or no-enrichment figures, which take as long again on a large corpus")
        boolean skipStages;
        @Option(names = "--threads", description = "reader/enricher threads for the SQLite load and the stage timings (default: cores)")
        Integer threads;
        @Option(names = "--engine", split = ",", defaultValue = "parley,sqlite",
                description = "engines measured side by side: parley (embedded), sqlite (FTS5), solr (a local SolrCloud started for the run: "
                        + "1 node with 1 shard, then 2 nodes with 2 shards x 2 replicas, and a node kill) (default: ${DEFAULT-VALUE})")
        List<String> engines;
        @Option(names = "--solr-heap", defaultValue = "512m", description = "with solr: -Xmx of each Solr node (default: ${DEFAULT-VALUE})")
        String solrHeap;
        @Option(names = "--solr-port", defaultValue = "8983",
                description = "with solr: ZooKeeper's port; the nodes take the next free ones (default: ${DEFAULT-VALUE})")
        int solrPort;
        @Option(names = "--solr-kill-seconds", defaultValue = "30",
                description = "with solr: how long the query loop runs after one node is killed (0: no kill) (default: ${DEFAULT-VALUE})")
        int solrKillSeconds;

        @Override
        public Integer call() throws Exception {
            for (String e : engines) {
                if (!List.of("parley", "sqlite", "solr").contains(e)) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--engine takes parley, sqlite or solr, not '" + e + "'");
                }
            }
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            BenchRunner.Options o = new BenchRunner.Options(corpus, queries, clients, warmup, warmupSeconds, passes, seed,
                    skipSqlite || !engines.contains("sqlite"), skipHttp, skipParley || !engines.contains("parley"), out, serverHeap,
                    serverJvmOptions, t, false, reuseIndex, loadGenerator, httpSeconds, skipQueries, indexRuns, skipStages);
            SolrBench solr = engines.contains("solr")
                    ? new SolrBench(new SolrBench.Options(Path.of(""), solrHeap, solrPort, solrKillSeconds), System.out) : null;
            new BenchRunner(o, ParleyBackends.lucene(), solr, System.out).run();
            return 0;
        }

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;
    }
}
