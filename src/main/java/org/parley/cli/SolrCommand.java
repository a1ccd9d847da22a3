package org.parley.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.parley.solr.SolrAdmin;
import org.parley.solr.SolrEndpoint;
import org.parley.solr.SolrHttp;
import org.parley.solr.SolrSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley solr init --solr URL}: uploads parley's configset to an existing SolrCloud 9.x. */
@Command(name = "solr", mixinStandardHelpOptions = true,
        description = "SolrCloud set-up: 'init' uploads parley's configset (schema and solrconfig) to the cluster "
                + "('parley index --solr' also does, on first use).")
public final class SolrCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "init")
    String action;

    @Option(names = "--solr", required = true, paramLabel = "URL[,URL...]", description = "Solr node URLs.")
    String solr;

    @Override
    public Integer call() {
        if (!"init".equals(action)) throw new IllegalArgumentException("solr takes 'init', not '" + action + "'");
        SolrEndpoint endpoint = SolrEndpoint.parse(solr);
        new SolrAdmin(new SolrHttp(endpoint.nodes(), Duration.ofSeconds(60))).ensureConfigset();
        System.out.println("configset " + SolrSchema.CONFIGSET + " is on " + String.join(",", endpoint.nodes()));
        return 0;
    }
}
