package org.parley.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.parley.index.BuildReport;
import org.parley.index.IndexBuilder;
import org.parley.index.IndexLocation;

/** Shared by the commands that need an index: build one from the corpus when there is none yet. */
final class IndexSupport {
    private IndexSupport() {
    }

    static BuildReport build(Path index, Path corpus, PrintStream err) throws IOException {
        return new IndexBuilder(new IndexLocation(index)).withListener(BuildProgress.forConsole(err)).build(corpus);
    }

    /** Builds the index when {@code index} holds no completed build; returns whether it built. */
    static boolean ensureIndex(Path index, Path corpus, PrintStream err) throws IOException {
        if (new IndexLocation(index).current().isPresent()) return false;
        err.println("parley: no index in " + index + " yet; indexing " + corpus);
        BuildReport report = build(index, corpus, err);
        err.println(summary(report));
        return true;
    }

    /**
     * The service the folders name: the SolrCloud collection of {@code --solr} (which must have been indexed), or
     * the embedded index, built first when there is none.
     */
    static org.parley.search.SearchService openService(IndexFolders folders, PrintStream err) throws IOException {
        var solr = folders.solrEndpoint();
        if (solr != null) {
            var service = org.parley.solr.SolrSearchService.connect(solr);
            try {
                service.stats();
            } catch (RuntimeException e) {
                throw new IOException("SolrCloud at " + solr + " does not answer: " + e.getMessage()
                        + " (start one with 'parley cluster start', index with 'parley index --solr URL')", e);
            }
            return service;
        }
        ensureIndex(folders.index, folders.corpus, err);
        return org.parley.index.LuceneSearchService.open(folders.index);
    }

    static String summary(BuildReport r) {
        StringBuilder sb = new StringBuilder();
        if (!r.switched()) {
            sb.append(String.format("index is up to date: %d articles, %d paragraphs (%.2f s)", r.articles(), r.paragraphs(),
                    r.took().toMillis() / 1000.0));
        } else {
            sb.append(String.format("indexed %d articles, %d paragraphs in %.2f s (%s build: %d file(s) processed, %d unchanged, %d removed)",
                    r.articles(), r.paragraphs(), r.took().toMillis() / 1000.0, r.full() ? "full" : "incremental",
                    r.processed(), r.unchanged(), r.removed()));
        }
        if (!r.skipped().isEmpty()) {
            sb.append(String.format("%nskipped %d file(s):", r.skipped().size()));
            for (BuildReport.Skipped s : r.skipped()) sb.append(String.format("%n  %s: %s", s.file(), s.reason()));
        }
        if (r.generation() != null) sb.append(String.format("%nindex: %s", r.generation()));
        return sb.toString();
    }
}
