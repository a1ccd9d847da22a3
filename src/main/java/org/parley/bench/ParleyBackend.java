package org.parley.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.parley.search.SearchService;

/** How the benchmark drives parley itself: build an index, query it in-process, serve it over HTTP. */
public interface ParleyBackend {
    /**
     * What an index build reported.
     *
     * @param phases what the build said about its stages (seconds per phase, merge figures), in order; empty when the
     *               backend does not say
     */
    record Build(long paragraphs, int articles, double seconds, Map<String, Object> phases) {
        public Build {
            phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
        }

        public Build(long paragraphs, int articles, double seconds) {
            this(paragraphs, articles, seconds, Map.of());
        }
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
