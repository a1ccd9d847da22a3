package org.parley.web;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.parley.index.TestCorpus;
import org.parley.search.SearchService;
import org.parley.solr.SolrCluster;
import org.parley.solr.SolrEndpoint;
import org.parley.solr.SolrIndexer;
import org.parley.solr.SolrSearchService;

/**
 * The search contract on SolrCloud: a real local cluster (ZooKeeper and two nodes in their own JVMs, on
 * loopback), the test corpus indexed into a 2-shard x 2-replica collection behind an alias, once per class.
 */
class SolrSearchApiTest extends SearchApiContract {
    private SolrCluster cluster;

    @Override
    protected SearchService openBackend(TestCorpus corpus, Path dir) throws IOException {
        cluster = SolrCluster.start(Path.of(""), dir.resolve("solr"), 2, 18100 + (int) (ProcessHandle.current().pid() % 600));
        SolrEndpoint endpoint = new SolrEndpoint(cluster.nodeUrls(), "parley");
        SolrIndexer.of(endpoint, 2, 2, null).withEnrichment(TestCorpus::enrich).build(corpus.dir());
        return SolrSearchService.connect(endpoint);
    }

    /** The SolrCloud backend lists no words: instant search then searches every keystroke. */
    @Override
    protected boolean listsWords() {
        return false;
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) cluster.close();
    }
}
