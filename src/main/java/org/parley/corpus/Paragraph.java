package org.parley.corpus;

import java.util.Objects;

/**
 * One paragraph of an article.
 *
 * @param ordinal  1-based position among the non-blank lines (paragraphs) of the article
 * @param text     the paragraph text, whitespace-normalised, with any leading metadata marker
 *                 (such as {@code date 2024-06-21}) removed: what readers see and search
 * @param kind     what role the paragraph plays (body, caption, byline, ...)
 * @param original the paragraph as written in the file (whitespace-normalised), marker included:
 *                 what {@code extract} reports, so its output lines up with the file
 */
public record Paragraph(int ordinal, String text, ParagraphKind kind, String original) {
    public Paragraph {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(original, "original");
        if (ordinal < 1) throw new IllegalArgumentException("ordinal must be >= 1: " + ordinal);
    }

    /** A paragraph whose text is exactly what the file says. */
    public Paragraph(int ordinal, String text, ParagraphKind kind) {
        this(ordinal, text, kind, text);
    }
}
