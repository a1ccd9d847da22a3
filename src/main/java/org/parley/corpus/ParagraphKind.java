package org.parley.corpus;

/** What role a paragraph plays in its article; only some kinds are worth searching. */
public enum ParagraphKind {
    /** The article's headline. */
    TITLE,
    /** A sub-heading inside the article. */
    HEADING,
    /** Running text: the paragraphs people search for. */
    BODY,
    /** A photo caption or image credit. */
    CAPTION,
    /** An author line, author bio or translator credit. */
    BYLINE,
    /** A line that only states a date or time. */
    DATELINE,
    /** Site furniture such as "Related Articles" or "Read more". */
    BOILERPLATE;

    /** Whether paragraphs of this kind go into the search index. */
    public boolean searchable() {
        return this == BODY || this == HEADING;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
