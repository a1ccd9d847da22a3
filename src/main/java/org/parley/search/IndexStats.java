package org.parley.search;

import java.time.Instant;

/** Size and age of the index being served. */
public record IndexStats(int articles, int paragraphs, long sizeBytes, Instant lastBuild) {
}
