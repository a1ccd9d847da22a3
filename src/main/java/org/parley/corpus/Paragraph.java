package org.parley.corpus;

import java.util.Objects;

/**
 * One paragraph of an article.
 *
 * @param ordinal 1-based position among the non-blank lines (paragraphs) of the article
 * @param text    the paragraph text, whitespace-normalised, with any leading metadata marker removed
 * @param kind    what role the paragraph plays (body, caption, byline, ...)
 */
public record Paragraph(int ordinal, String text, ParagraphKind kind) {
    public Paragraph {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (ordinal < 1) throw new IllegalArgumentException("ordinal must be >= 1: " + ordinal);
    }
}
