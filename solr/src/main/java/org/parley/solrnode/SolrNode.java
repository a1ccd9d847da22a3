package org.parley.solrnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One SolrCloud node of a local cluster, in its own JVM: {@code SolrNode HOME PORT ZKHOST}. Binds 127.0.0.1,
 * serves under {@code /solr}, stays up until the JVM is stopped (a shutdown hook stops Jetty cleanly).
 */
public final class SolrNode {
    private SolrNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SolrNode SOLR_HOME PORT ZK_HOST");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String zkHost = args[2];
        Files.createDirectories(home);
        Path solrXml = home.resolve("solr.xml");
        if (!Files.exists(solrXml)) Files.writeString(solrXml, SOLR_XML);
        System.setProperty("host", "127.0.0.1");
        System.setProperty("hostPort", Integer.toString(port));
        System.setProperty("jetty.host", "127.0.0.1");
        Properties props = new Properties();
        props.setProperty("zkHost", zkHost);
        props.setProperty("hostPort", Integer.toString(port));
        props.setProperty("host", "127.0.0.1");
        JettyConfig config = JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(true).build();
        JettySolrRunner runner = new JettySolrRunner(home.toString(), props, config);
        runner.start();
        System.out.println("parley-solr-node up " + runner.getBaseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static final String SOLR_XML = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <solr>
              <solrcloud>
                <str name="host">127.0.0.1</str>
                <int name="hostPort">${hostPort:8983}</int>
                <str name="hostContext">solr</str>
                <int name="zkClientTimeout">${solr.zkclienttimeout:30000}</int>
                <bool name="genericCoreNodeNames">true</bool>
              </solrcloud>
              <shardHandlerFactory name="shardHandlerFactory" class="HttpShardHandlerFactory">
                <int name="socketTimeout">${socketTimeout:60000}</int>
                <int name="connTimeout">${connTimeout:5000}</int>
              </shardHandlerFactory>
            </solr>
            """;
}
