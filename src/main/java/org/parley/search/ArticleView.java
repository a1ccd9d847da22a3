package org.parley.search;

import java.time.LocalDate;
import java.util.List;

/** A whole article with metadata and every paragraph (including captions and bylines, marked by kind). */
public record ArticleView(String id, String fileName, String title, LocalDate published, String author, String source,
                          List<ParagraphView> paragraphs) {
    public ArticleView withParagraphs(List<ParagraphView> newParagraphs) {
        return new ArticleView(id, fileName, title, published, author, source, newParagraphs);
    }
}
