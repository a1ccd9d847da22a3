package org.parley.corpus;

import java.util.Locale;

/** The kind of file an article came from, as {@link FormatDetector} recognised it. */
public enum InputFormat {
    /** Plain text, one paragraph per line (the original corpus format). */
    TEXT,
    /** CommonMark / GitHub Markdown, with optional front matter. */
    MARKDOWN,
    /** A saved HTML page: one article, its main content extracted. */
    HTML,
    /** An RSS 2.0 / RSS 1.0 (RDF) / Atom feed: one article per item. */
    FEED,
    /** JSON Lines: one article per line. */
    JSONL,
    /** A WARC archive (plain or gzip per record): one article per HTML response record. */
    WARC;

    /** Whether one file of this format holds many articles. */
    public boolean container() {
        return this == FEED || this == JSONL || this == WARC;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
