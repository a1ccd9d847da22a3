package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench run --engine parley,solr}, tiny: a 2,000-paragraph corpus through the embedded index and a local
 * SolrCloud started by the run (1 node, then 2 with a 2x2 collection, then a node kill). Asserts what the run
 * reports (every paragraph indexed, the same answers as the embedded index, no failed read, writes back after
 * the kill) and that it stopped its Solr processes; never timings.
 */
class SolrBenchSmokeTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void measuresSolrSideBySideWithTheEmbeddedIndex() throws Exception {
        Path corpus = tmp.resolve("corpus");
        new CorpusGenerator(11, Path.of("corpus")).generate(2000, corpus);
        BenchRunner.Options o = new BenchRunner.Options(corpus, 20, List.of(1), 5, 0, 1, 42, true, true, false,
                tmp.resolve("out"), "1g", List.of(), 2, true, false, "jdk", 1, false, 1, false);
        SolrBench solr = new SolrBench(new SolrBench.Options(Path.of(""), "512m", 18700 + (int) (ProcessHandle.current().pid() % 250), 3),
                System.out);
        Map<String, Object> report = new BenchRunner(o, ParleyBackends.lucene(), solr, System.out).run();

        long paragraphs = ((Number) ((Map<String, Object>) report.get("corpus")).get("paragraphs")).longValue();
        Map<String, Object> s = (Map<String, Object>) report.get("solr");
        Map<String, Object> indexing = (Map<String, Object>) s.get("indexing");
        Map<String, Object> parity = (Map<String, Object>) s.get("parity");
        Map<String, Object> queries = (Map<String, Object>) s.get("queries");
        for (String layout : List.of("oneNode", "cluster")) {
            Map<String, Object> built = (Map<String, Object>) indexing.get(layout);
            assertThat(((Number) built.get("paragraphsIndexed")).longValue()).as(layout).isEqualTo(paragraphs);
            assertThat(((Number) built.get("indexBytes")).longValue()).as(layout).isPositive();
            assertThat((Map<String, Object>) parity.get(layout)).as(layout)
                    .containsEntry("checked", 20).containsEntry("totalsDiffer", 0).containsEntry("facetsDiffer", 0);
            List<LatencyStats> stats = (List<LatencyStats>) ((Map<String, Object>) queries.get(layout)).get("stats");
            assertThat(stats).hasSize(1).allSatisfy(st -> {
                assertThat(st.queries()).isEqualTo(20);
                assertThat(st.errors()).isZero();
                assertThat(st.totalHits()).isPositive();
            });
        }
        Map<String, Object> kill = (Map<String, Object>) s.get("nodeKill");
        assertThat(((Number) ((Map<String, Object>) kill.get("before")).get("failed")).intValue()).isZero();
        assertThat(((Number) ((Map<String, Object>) kill.get("first10s")).get("queries")).intValue()).isPositive();
        assertThat(((Number) kill.get("writesAcceptedAfterSeconds")).doubleValue()).isNotNegative();
        assertThat((List<?>) ((Map<String, Object>) s.get("ratios")).get("queries")).hasSize(2);
        assertThat(BenchRunner.table(report)).contains("Solr vs parley");

        // every JVM the run started is gone (the cluster's folder is in this run's work folder)
        String cluster = tmp.resolve("out/work/solr/cluster").toAbsolutePath().toString();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(cluster)).toList()).isEmpty();
    }
}
