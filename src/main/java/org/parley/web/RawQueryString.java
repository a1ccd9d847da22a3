package org.parley.web;

import org.parley.search.InvalidQueryException;

/**
 * Checks the raw query string before it is decoded: the servlet decoding drops a malformed percent-escape
 * without a word ({@code q=russia%zz} became an empty query, and {@code contry%zz=KH} slipped past the
 * unknown-parameter check), so a malformed escape is refused here with its position.
 */
final class RawQueryString {
    private RawQueryString() {
    }

    /** The 0-based position of the first malformed percent-escape in {@code raw}, or -1 when there is none. */
    static int malformedEscape(String raw) {
        if (raw == null) return -1;
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) return i;
            i += 2;
        }
        return -1;
    }

    /** Refuses a query string with a malformed percent-escape (a 400 {@code invalid_encoding}, naming the escape). */
    static void check(String raw) {
        int at = malformedEscape(raw);
        if (at >= 0) {
            throw new InvalidQueryException("invalid_encoding", "the URL has a malformed percent-escape '"
                    + excerpt(raw, at) + "' at position " + at + ": write % as %25", null);
        }
    }

    /** The escape at {@code position} shortened for an error message. */
    static String excerpt(String raw, int position) {
        return raw.substring(position, Math.min(raw.length(), position + 3));
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
