package org.parley.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.bench.BenchQuery;
import org.parley.bench.CorpusGenerator;
import org.parley.bench.LatencyRunner;
import org.parley.bench.LatencyStats;
import org.parley.bench.QueryMix;
import org.parley.bench.SearchServiceEngine;
import org.parley.index.BuildReport;
import org.parley.index.IndexBuilder;
import org.parley.index.IndexLocation;
import org.parley.index.LuceneSearchService;
import org.parley.search.SearchService;

/**
 * Embedded parley vs SolrCloud on the same generated corpus, machine and run: index time, then the bench's query
 * mix in process against the embedded index, a 1-shard collection on one node, and a 2-shard x 2-replica
 * collection on two nodes. Not a test (no Test suffix):
 * {@code java -cp target/test-classes:target/classes:DEPS org.parley.solr.SolrBench PARAGRAPHS WORKDIR}.
 */
public final class SolrBench {
    private SolrBench() {
    }

    public static void main(String[] args) throws Exception {
        long paragraphs = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        Path work = Path.of(args.length > 1 ? args[1] : "target/solr-bench");
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Files.createDirectories(work);
        Path corpus = work.resolve("corpus");
        if (!Files.isDirectory(corpus)) {
            System.err.println("bench: generating " + paragraphs + " paragraphs");
            new CorpusGenerator(42, Path.of("corpus")).generate(paragraphs, corpus);
        }
        List<BenchQuery> mix = QueryMix.build(corpus, queries, 42, 2000);
        List<String> lines = new ArrayList<>();

        Path index = work.resolve("index");
        long t0 = System.nanoTime();
        BuildReport embedded = new IndexBuilder(new IndexLocation(index)).build(corpus);
        double embeddedSeconds = (System.nanoTime() - t0) / 1e9;
        lines.add(String.format("index embedded: %d paragraphs in %.1f s (%s)", embedded.paragraphs(), embeddedSeconds,
                embedded.switched() ? "built" : "up to date"));

        try (SolrCluster cluster = SolrCluster.start(Path.of(""), work.resolve("cluster"), 2, 18800)) {
            SolrEndpoint two = new SolrEndpoint(cluster.nodeUrls(), "two");
            SolrEndpoint one = new SolrEndpoint(cluster.nodeUrls(), "one");
            t0 = System.nanoTime();
            BuildReport r1 = SolrIndexer.of(one, 1, 1, null).build(corpus);
            lines.add(String.format("index solr 1x1: %d paragraphs in %.1f s", r1.paragraphs(), (System.nanoTime() - t0) / 1e9));
            t0 = System.nanoTime();
            BuildReport r2 = SolrIndexer.of(two, 2, 2, null).build(corpus);
            lines.add(String.format("index solr 2x2: %d paragraphs in %.1f s", r2.paragraphs(), (System.nanoTime() - t0) / 1e9));
            // the 1x1 collection is asked on the node that holds it (no forwarding hop)
            JsonNode shards = new SolrAdmin(cluster.http()).clusterStatus(r1.generation().toString()).path("cluster")
                    .path("collections").path(r1.generation().toString()).path("shards");
            String host = shards.elements().next().path("replicas").elements().next().path("base_url").asText();
            List<LatencyStats> stats = new ArrayList<>();
            SearchService solrTwo = SolrSearchService.connect(two);
            try (SearchService lucene = LuceneSearchService.open(index)) {
                // the same answers: totals and facet counts of every query of the mix on both backends
                int totals = 0, facets = 0;
                for (BenchQuery bq : mix) {
                    var req = SearchServiceEngine.request(bq);
                    var a = lucene.search(req);
                    var b = solrTwo.search(req);
                    if (a.total() != b.total()) totals++;
                    if (!a.facets().equals(b.facets())) facets++;
                }
                lines.add(String.format("parity over %d queries: %d differ in total, %d in facet values or counts", mix.size(), totals, facets));
                stats.add(LatencyRunner.run("embedded", new SearchServiceEngine(lucene), mix, 1, 100, 10, 2));
            }
            SearchService solrOne = new SolrSearchService(new SolrHttp(List.of(host), Duration.ofSeconds(30)), "one");
            stats.add(LatencyRunner.run("solr-1-node-1-shard", new SearchServiceEngine(solrOne), mix, 1, 100, 10, 2));
            stats.add(LatencyRunner.run("solr-2-nodes-2x2", new SearchServiceEngine(solrTwo), mix, 1, 100, 10, 2));
            stats.add(LatencyRunner.run("solr-2-nodes-2x2-c4", new SearchServiceEngine(solrTwo), mix, 4, 0, 5, 2));
            LatencyStats base = stats.getFirst();
            lines.add("| engine | clients | queries | errors | hits | p50 ms | p95 ms | mean ms | qps | mean vs embedded |");
            lines.add("|---|---|---|---|---|---|---|---|---|---|");
            for (LatencyStats s : stats) {
                lines.add(String.format("| %s | %d | %d | %d | %d | %.2f | %.2f | %.2f | %.1f | %.1fx |", s.engine(), s.clients(), s.queries(),
                        s.errors(), s.totalHits(), s.p50(), s.p95(), s.mean(), s.qps(), s.mean() / base.mean()));
            }
        }
        for (String l : lines) System.out.println(l);
        Files.write(work.resolve("results.md"), lines);
    }
}
