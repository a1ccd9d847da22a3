package org.parley.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The folder options shared by every command that builds or reads the index. */
final class IndexFolders {
    @Option(names = "--index", defaultValue = "index", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--corpus", defaultValue = "corpus",
            description = "Corpus folder (default: ${DEFAULT-VALUE}); serve and search index it first when there is no index.")
    Path corpus;

    @Option(names = "--solr", paramLabel = "URL[,URL...]",
            description = "Use a SolrCloud collection instead of the embedded index: node URLs such as "
                    + "http://127.0.0.1:8983/solr, optionally ending in /COLLECTION (the alias parley serves; default parley).")
    String solr;

    /** The Solr endpoint, or null for the embedded index. */
    org.parley.solr.SolrEndpoint solrEndpoint() {
        return solr == null ? null : org.parley.solr.SolrEndpoint.parse(solr);
    }
}
