package org.parley.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.parley.index.IndexBuilder;
import org.parley.index.TestCorpus;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;

/**
 * Faults on a real 2-shard x 2-replica cluster: a failed build leaves the alias where it was; a node killed with
 * SIGKILL during a query loop costs no failed read; writes succeed again once ZooKeeper has noticed (session
 * timeout 10 s here) and nothing written is lost when the node returns.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrFailoverTest {
    @TempDir
    static Path tmp;
    SolrCluster cluster;
    SolrEndpoint endpoint;
    SolrSearchService service;
    TestCorpus corpus;
    long paragraphs;

    @BeforeAll
    void start() throws IOException {
        corpus = TestCorpus.create(tmp.resolve("corpus"));
        cluster = SolrCluster.start(Path.of(""), tmp.resolve("solr"), 2, 18700 + (int) (ProcessHandle.current().pid() % 250));
        endpoint = new SolrEndpoint(cluster.nodeUrls(), "parley");
        SolrIndexer.of(endpoint, 2, 2, null).withEnrichment(TestCorpus::enrich).build(corpus.dir());
        service = SolrSearchService.connect(endpoint);
        paragraphs = corpus.expectedParagraphs().size();
    }

    @AfterAll
    void stop() {
        if (cluster != null) cluster.close();
    }

    /** Runs {@code parley ARGS} in this JVM; returns the exit code and what it printed on stdout. */
    private static Map.Entry<Integer, String> parley(String... args) {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = org.parley.cli.ParleyCommand.commandLine().execute(args);
            return Map.entry(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
    }

    @Test
    @Order(0)
    void theCommandLineIndexesAndSearchesTheCollection() throws Exception {
        String solr = String.join(",", cluster.nodeUrls());
        Map.Entry<Integer, String> index = parley("index", "--solr", solr, "--corpus", corpus.dir().toString());
        assertThat(index.getKey()).isZero();
        assertThat(index.getValue()).contains("index is up to date"); // the corpus files are unchanged since the build
        Map.Entry<Integer, String> search = parley("search", "--solr", solr + "/parley", "--json", "Laos AND 1950");
        assertThat(search.getKey()).isZero();
        JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(search.getValue());
        assertThat(result.path("total").asLong()).isEqualTo(1);
        assertThat(result.path("hits").get(0).path("id").asText()).isEqualTo("syn_relation#3");
        assertThat(parley("search", "--solr", solr, "((").getKey()).isEqualTo(2); // a bad query: exit code 2
    }

    @Test
    @Order(1)
    void aFailedBuildLeavesTheAliasOnThePreviousCollection() throws Exception {
        SolrAdmin admin = new SolrAdmin(cluster.http());
        String before = admin.resolveAlias("parley");
        Files.setLastModifiedTime(corpus.dir().resolve("syn_relation.txt"), java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
        IndexBuilder.Listener failing = new IndexBuilder.Listener() {
            @Override
            public void fileDone(int done, int total, String file) {
                if (done == 3) throw new IllegalStateException("disk on fire");
            }
        };
        assertThatThrownBy(() -> SolrIndexer.of(endpoint, 2, 2, failing).withEnrichment(TestCorpus::enrich).build(corpus.dir()))
                .hasMessageContaining("disk on fire");
        assertThat(admin.resolveAlias("parley")).isEqualTo(before);
        assertThat(admin.collectionNames()).containsExactly(before); // the half-built collection is gone
        assertThat(service.search(SearchRequest.of("")).total()).isEqualTo(paragraphs);
    }

    @Test
    @Order(2)
    void aKilledNodeCostsNoFailedReadAndWritesResumeWithoutLoss() throws Exception {
        long cambodia = service.search(SearchRequest.of("Cambodia")).total();
        List<String> failures = new ArrayList<>();
        int reads = 0;
        long killAt = System.nanoTime() + 2_000_000_000L;
        long end = killAt + 15_000_000_000L;
        boolean killed = false;
        while (System.nanoTime() < end) {
            if (!killed && System.nanoTime() > killAt) {
                cluster.kill(0);
                killed = true;
            }
            try {
                SearchResult all = service.search(SearchRequest.of(""));
                SearchResult some = service.search(new SearchRequest("Cambodia", Map.of(), null, null, null, 1, 10, null, true, 10));
                reads += 2;
                if (all.total() != paragraphs) failures.add("total " + all.total());
                if (service.search(SearchRequest.of("Cambodia")).total() != cambodia) failures.add("Cambodia count");
                if (some.hits().isEmpty()) failures.add("no grouped hits");
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
        }
        assertThat(killed).isTrue();
        assertThat(failures).as("failed reads out of %d", reads).isEmpty();

        // writes: refused until ZooKeeper expires the dead node's session, then accepted
        SolrHttp http = new SolrHttp(cluster.nodeUrls(), Duration.ofSeconds(30));
        String collection = new SolrAdmin(http).resolveAlias("parley");
        List<Map<String, Object>> docs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put(SolrSchema.ID, "extra" + i + "!" + String.format("%06d", 1));
            d.put(SolrSchema.TYPE, SolrSchema.TYPE_PARAGRAPH);
            d.put(SolrSchema.PID, "extra" + i + "#1");
            d.put(SolrSchema.ARTICLE_ID, "extra" + i);
            d.put(SolrSchema.ORDINAL, 1);
            d.put(SolrSchema.TEXT, "zanzibar written after the kill " + i);
            docs.add(d);
        }
        byte[] body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(docs);
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            try {
                http.post("/" + collection + "/update?commit=true", "application/json", body, true);
                break;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(1000);
            }
        }
        assertThat(service.search(SearchRequest.of("zanzibar")).total()).isEqualTo(20);

        // the node comes back, catches up, and then the other one dies: everything is still there
        cluster.restart(0);
        cluster.awaitActive(collection, Duration.ofSeconds(90));
        cluster.kill(1);
        assertThat(service.search(SearchRequest.of("zanzibar")).total()).isEqualTo(20);
        JsonNode count = http.get("/" + collection + "/select", List.of(Map.entry("q", "type:paragraph"), Map.entry("rows", "0")));
        assertThat(count.path("response").path("numFound").asLong()).isEqualTo(paragraphs + 20);
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("zanzibar");
    }
}
