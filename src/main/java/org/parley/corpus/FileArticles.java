package org.parley.corpus;

import java.util.List;

/**
 * What one corpus file yielded: its format, its articles in file order and the parts of it that were skipped
 * (a bad JSON line, a WARC record too large, a feed item empty after extraction).
 */
public record FileArticles(String fileName, InputFormat format, List<Article> articles, List<SkippedInput> skipped) {
    public FileArticles {
        articles = List.copyOf(articles);
        skipped = List.copyOf(skipped);
    }
}
