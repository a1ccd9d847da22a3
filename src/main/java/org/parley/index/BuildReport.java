package org.parley.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an index build did.
 *
 * @param generation the generation directory now served
 * @param switched   whether a new generation was switched in (false when the corpus was unchanged)
 * @param full       whether every file was re-processed (first build, or parsing/enrichment/schema changed)
 * @param articles   articles in the index after the build
 * @param paragraphs paragraph documents in the index after the build
 * @param processed  files read and enriched by this build
 * @param unchanged  files kept from the previous build without reading them again
 * @param removed    files indexed before that are gone or changed (their documents were deleted)
 * @param skipped    files that could not be indexed, with the reason
 */
public record BuildReport(Path generation, boolean switched, boolean full, int articles, int paragraphs, int processed,
                          int unchanged, int removed, List<Skipped> skipped, Duration took) {
    public record Skipped(String file, String reason) {
    }
}
