package org.parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parley.index.BuildReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parley index}: builds or updates the index, atomically and incrementally. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build the paragraph index from the corpus (only changed files are re-processed; "
                + "a failed build leaves the previous index in place).")
public final class IndexCommand implements Callable<Integer> {

    @Mixin
    IndexFolders folders;

    @picocli.CommandLine.Option(names = "--shards", defaultValue = "2", description = "With --solr: shards of a new collection (default: ${DEFAULT-VALUE}).")
    int shards;

    @picocli.CommandLine.Option(names = "--replicas", defaultValue = "2", description = "With --solr: replicas per shard (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Override
    public Integer call() throws Exception {
        try {
            var solr = folders.solrEndpoint();
            BuildReport report = solr == null
                    ? IndexSupport.build(folders.index, folders.corpus, System.err)
                    : org.parley.solr.SolrIndexer.of(solr, shards, replicas, BuildProgress.forConsole(System.err)).build(folders.corpus);
            System.out.println(IndexSupport.summary(report));
            return 0;
        } catch (Exception e) {
            throw new java.io.IOException((folders.solr == null ? "the build failed and the previous index (if any) is unchanged: " : "the build failed and the alias still names the previous collection (if any): ")
                    + CliErrors.describe(e), e);
        }
    }
}
