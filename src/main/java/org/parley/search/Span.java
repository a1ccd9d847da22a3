package org.parley.search;

/** A highlighted range of a text: the characters {@code [start, end)} matched the query. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
}
