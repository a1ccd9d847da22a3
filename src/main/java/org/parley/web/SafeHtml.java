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

    /** Characters of a result's snippet: about three lines of text around the best matches. */
    static final int SNIPPET_CHARS = 300;
    /** A paragraph at most this much longer than a snippet is shown whole: cutting it would hide only a few words. */
    static final int SNIPPET_SLACK = 80;

    /** A hit's short text: the window of about {@code target} characters that holds the most matches. */
    record Snippet(String html, boolean cut) {
    }

    /**
     * The window of {@code text} of about {@code target} characters holding the most highlight spans (the earliest
     * such window on ties; the start without spans), widened to whole words, escaped, with its spans marked and an
     * ellipsis where it was cut.
     */
    static Snippet snippet(String text, List<Span> spans, int target) {
        if (text == null) return new Snippet("", false);
        List<Span> sorted = spans == null ? List.of() : spans;
        if (text.length() <= target + SNIPPET_SLACK) return new Snippet(marked(text, sorted, Integer.MAX_VALUE), false);
        int[] w = window(text, sorted, target);
        String html = (w[0] > 0 ? "…" : "") + markedWindow(text, sorted, w) + (w[1] < text.length() ? " …" : "");
        return new Snippet(html, w[0] > 0 || w[1] < text.length());
    }

    /**
     * Up to {@code count} windows of about {@code size} characters, the first holding the most matches, each further
     * one the most of the matches not shown yet (a window without a new match is not added), in text order and
     * joined by an ellipsis; escaped and marked like {@link #snippet}.
     */
    static String fragments(String text, List<Span> spans, int size, int count) {
        if (text == null) return "";
        List<Span> left = spans == null ? List.of() : spans;
        if (count <= 1 || text.length() <= size) return snippet(text, left, size).html();
        List<int[]> windows = new java.util.ArrayList<>();
        while (windows.size() < count && (windows.isEmpty() || !left.isEmpty())) {
            int[] w = window(text, left, size);
            if (windows.stream().anyMatch(o -> w[0] < o[1] && o[0] < w[1])) break; // only overlapping matches are left
            windows.add(w);
            left = left.stream().filter(s -> s.end() <= w[0] || s.start() >= w[1]).toList();
        }
        windows.sort(java.util.Comparator.comparingInt(w -> w[0]));
        StringBuilder html = new StringBuilder(windows.getFirst()[0] > 0 ? "…" : "");
        for (int i = 0; i < windows.size(); i++) {
            if (i > 0) html.append(" … ");
            html.append(markedWindow(text, spans == null ? List.of() : spans, windows.get(i)));
        }
        if (windows.getLast()[1] < text.length()) html.append(" …");
        return html.toString();
    }

    /**
     * The window {@code [start, end)} of {@code text}, about {@code target} characters long, holding the most of
     * {@code sorted} (the earliest such window on ties; the start of the text without spans), widened to whole words.
     */
    private static int[] window(String text, List<Span> sorted, int target) {
        int bestFirst = -1;
        int bestLast = -1;
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).end() > text.length()) break;
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1).end() <= text.length()
                    && sorted.get(j + 1).end() - sorted.get(i).start() <= target) j++;
            if (bestFirst < 0 || j - i > bestLast - bestFirst) {
                bestFirst = i;
                bestLast = j;
            }
        }
        int start = 0;
        if (bestFirst >= 0) {
            int runStart = sorted.get(bestFirst).start();
            int runEnd = sorted.get(bestLast).end();
            int slack = Math.max(0, target - (runEnd - runStart));
            start = Math.max(0, runStart - slack / 3); // some context before the first match, more after
            // begin at the sentence the first match is in when it starts close enough before it
            int sentence = Math.max(text.lastIndexOf(". ", runStart), text.lastIndexOf("? ", runStart));
            if (sentence >= 0 && sentence + 2 >= runStart - slack * 2 / 3 && sentence + 2 <= runStart) start = sentence + 2;
            if (start + target > text.length()) start = Math.max(0, text.length() - target);
            if (runStart < 40) start = 0;
            if (start > 0) { // a whole first word
                int space = text.indexOf(' ', start - 1);
                if (space >= 0 && space < runStart) start = space + 1;
            }
        }
        int end = Math.min(text.length(), start + target);
        if (bestFirst >= 0) end = Math.max(end, Math.min(text.length(), sorted.get(bestLast).end()));
        if (end < text.length()) { // a whole last word
            int space = text.lastIndexOf(' ', end);
            int floor = bestFirst >= 0 ? sorted.get(bestLast).end() : start + target / 2;
            if (space > floor) end = space;
        }
        return new int[] {start, end};
    }

    /** The window's text, stripped, escaped, with the parts of {@code spans} inside it marked. */
    private static String markedWindow(String text, List<Span> spans, int[] w) {
        int start = w[0];
        int end = w[1];
        List<Span> inside = new java.util.ArrayList<>();
        for (Span s : spans) {
            int a = Math.max(s.start(), start);
            int b = Math.min(s.end(), end);
            if (b > a) inside.add(new Span(a - start, b - start));
        }
        String sub = text.substring(start, end);
        return marked(sub.strip(), shift(inside, sub), Integer.MAX_VALUE);
    }

    /** Spans of a substring that was stripped of leading whitespace. */
    private static List<Span> shift(List<Span> spans, String sub) {
        int lead = sub.length() - sub.stripLeading().length();
        int len = sub.strip().length();
        if (lead == 0 && len == sub.length()) return spans;
        List<Span> out = new java.util.ArrayList<>();
        for (Span s : spans) {
            int a = Math.max(0, s.start() - lead);
            int b = Math.min(len, s.end() - lead);
            if (b > a) out.add(new Span(a, b));
        }
        return out;
    }

    /** The text escaped, with its highlight spans in {@code <mark>}: the one place index text becomes markup. */
    static String marked(String text, List<Span> spans, int maxChars) {
        return Highlights.render(text, spans, maxChars, SafeHtml::escape, "<mark>", "</mark>");
    }
}
