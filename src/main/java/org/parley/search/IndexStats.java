package org.parley.search;

import java.time.Instant;

/**
 * Size and age of the index being served.
 *
 * @param generation which build is served (a backend's own name for it), or null when it has none
 */
public record IndexStats(int articles, int paragraphs, long sizeBytes, Instant lastBuild, String generation) {
}
