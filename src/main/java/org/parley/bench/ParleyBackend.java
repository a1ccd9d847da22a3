package org.parley.bench;

import java.nio.file.Path;
import java.util.List;
import org.parley.search.SearchService;

/** How the benchmark drives parley itself: build an index, query it in-process, serve it over HTTP. */
public interface ParleyBackend {
    /** What an index build reported. */
    record Build(long paragraphs, int articles, double seconds) {
    }

    /**
     * Builds a fresh index of {@code corpus} into {@code indexDir}, end to end (read + enrich + index + commit);
     * without {@code enrich} every paragraph gets empty metadata (to compare with a plain full-text load).
     */
    Build build(Path corpus, Path indexDir, boolean enrich) throws Exception;

    /** Opens the index for in-process queries; the caller closes it. */
    SearchService open(Path indexDir) throws Exception;

    /** The parley command-line arguments that serve {@code indexDir} on {@code port}. */
    List<String> serveArgs(Path indexDir, int port);
}
