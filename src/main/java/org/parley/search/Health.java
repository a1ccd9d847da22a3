package org.parley.search;

import java.time.Instant;

/**
 * Whether the index being served really answers: counts alone can come from a generation whose postings or
 * stored documents are broken, so health runs a search and reads an article through the whole path.
 *
 * @param problem what failed, or null when healthy
 */
public record Health(boolean ok, String generation, int paragraphs, Instant lastBuild, String problem) {
    /** Checks {@code service} by asking it what a user would: stats, a search, the article of its first hit. */
    public static Health of(SearchService service) {
        IndexStats stats;
        try {
            stats = service.stats();
        } catch (RuntimeException e) {
            return new Health(false, null, 0, null, "the index cannot be read: " + e.getMessage());
        }
        try {
            SearchResult probe = service.search(new SearchRequest("", java.util.Map.of(), null, null, SortOrder.RELEVANCE,
                    1, 1, null, false, 1));
            if (!probe.hits().isEmpty()) {
                String articleId = probe.hits().getFirst().articleId();
                if (service.article(articleId).isEmpty()) throw new IllegalStateException("article " + articleId + " of a hit is missing");
            }
            return new Health(true, stats.generation(), stats.paragraphs(), stats.lastBuild(), null);
        } catch (RuntimeException e) {
            return new Health(false, stats.generation(), stats.paragraphs(), stats.lastBuild(),
                    "searching the index fails: " + e.getMessage());
        }
    }
}
