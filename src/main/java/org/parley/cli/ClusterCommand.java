package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.solr.SolrAdmin;
import org.parley.solr.SolrCluster;
import org.parley.solr.SolrEndpoint;
import org.parley.solr.SolrHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley cluster start|stop|status}: a local SolrCloud on loopback, for trying the Solr backend. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Start, stop or inspect a local SolrCloud (ZooKeeper + N Solr nodes, each its own JVM, on 127.0.0.1). "
                + "'start' prints the comma-separated node URLs (what --solr takes) as its last line.")
public final class ClusterCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "start|stop|status")
    String action;

    @Option(names = "--nodes", defaultValue = "2", description = "Solr nodes to start (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--dir", defaultValue = "solr-cluster", description = "Working folder of the cluster (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--port", defaultValue = "8983",
            description = "First node port: the nodes take the free ports from it on, ZooKeeper port + 1000, as Solr's "
                    + "own scripts do (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        switch (action) {
            case "start" -> {
                if (nodes < 1 || nodes > 9) throw new IllegalArgumentException("--nodes must be between 1 and 9");
                System.err.println("parley: starting ZooKeeper and " + nodes + " Solr node(s) in " + dir.toAbsolutePath()
                        + " (the first start resolves Solr's jars with Maven)");
                SolrCluster c = SolrCluster.start(Path.of(""), dir, nodes, port, port + 1000, true);
                new SolrAdmin(c.http()).ensureConfigset();
                System.out.println(String.join(",", c.nodeUrls()));
                return 0;
            }
            case "stop" -> {
                int stopped = SolrCluster.stop(dir);
                System.out.println(stopped == 0 ? "no cluster running from " + dir : "stopped " + stopped + " process(es)");
                return 0;
            }
            case "status" -> {
                String urls = SolrCluster.nodeUrls(dir);
                if (urls == null || !SolrCluster.running(dir)) {
                    System.out.println("no cluster running from " + dir);
                    return 1;
                }
                SolrHttp http = new SolrHttp(SolrEndpoint.parse(urls).nodes(), Duration.ofSeconds(5));
                JsonNode status = http.get("/admin/collections", List.of(Map.entry("action", "CLUSTERSTATUS")));
                System.out.println("live nodes: " + status.path("cluster").path("live_nodes"));
                status.path("cluster").path("collections").fields().forEachRemaining(e -> System.out.println(
                        "collection " + e.getKey() + ": " + e.getValue().path("shards").size() + " shard(s), health "
                                + e.getValue().path("health").asText("?")));
                System.out.println("aliases: " + status.path("cluster").path("aliases"));
                System.out.println(urls);
                return 0;
            }
            default -> throw new IllegalArgumentException("cluster takes start, stop or status, not '" + action + "'");
        }
    }
}
