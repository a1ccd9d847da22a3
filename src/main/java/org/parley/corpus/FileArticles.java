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

    /**
     * The same articles under another file id: {@code from} (the id of the file's name) becomes {@code to} in every
     * article id ("index" -> "2024-index", "feed-abc" -> "2024-feed-abc"), for a file whose name another file has.
     */
    public FileArticles withFileId(String from, String to) {
        if (from.equals(to)) return this;
        List<Article> renamed = articles.stream().map(a -> a.id().equals(from) || a.id().startsWith(from + "-")
                ? new Article(to + a.id().substring(from.length()), a.fileName(), a.title(), a.published(), a.author(), a.source(),
                        a.paragraphs(), a.url(), a.format())
                : a).toList();
        return new FileArticles(fileName, format, renamed, skipped);
    }
}
