package org.parley.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole article with metadata and every paragraph (including captions and bylines, marked by kind).
 *
 * @param url the original article's address when known, else null
 */
public record ArticleView(String id, String fileName, String title, LocalDate published, String author, String source,
                          List<ParagraphView> paragraphs, String url) {
    /** An article with no known address. */
    public ArticleView(String id, String fileName, String title, LocalDate published, String author, String source,
                       List<ParagraphView> paragraphs) {
        this(id, fileName, title, published, author, source, paragraphs, null);
    }

    public ArticleView withParagraphs(List<ParagraphView> newParagraphs) {
        return new ArticleView(id, fileName, title, published, author, source, newParagraphs, url);
    }
}
