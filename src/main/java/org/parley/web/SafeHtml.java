package org.parley.web;

import java.util.List;
import org.parley.search.Highlights;
import org.parley.search.Span;

/**
 * The only markup the pages print unescaped is highlighting: {@code <mark>} and {@code </mark>}, made here from
 * the plain text and the match spans the search service gives. Everything that reaches {@code th:utext} is made here.
 */
final class SafeHtml {
    /** Longer paragraphs are cut in result lists (the article page shows them whole). */
    static final int MAX_HIT_CHARS = 5000;

    private SafeHtml() {
    }

    /** HTML-escapes text for element content and attribute values. */
    static String escape(String text) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The text escaped, with its highlight spans in {@code <mark>}: the one place index text becomes markup. */
    static String marked(String text, List<Span> spans, int maxChars) {
        return Highlights.render(text, spans, maxChars, SafeHtml::escape, "<mark>", "</mark>");
    }
}
