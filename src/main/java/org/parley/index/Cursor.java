package org.parley.index;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import org.parley.search.InvalidQueryException;
import org.parley.search.SortOrder;

/**
 * A deep-paging position: the sort values of the last hit of a page, bound to the request it came from.
 *
 * <p>Paging resumes strictly after these values ({@code search_after}), so it stays correct when documents
 * are added or removed between pages, unlike offsets. The sort key tie-breaker is unique per paragraph, so no
 * hit is skipped or repeated when scores or dates tie. The cursor records which sort and which query it
 * belongs to; using it with another request is refused instead of silently returning the wrong page.
 * Encoded as URL-safe base64; clients must treat it as opaque.
 */
record Cursor(SortOrder sort, String requestHash, float score, long date, String sortKey) {
    private static final String VERSION = "c1";
    private static final int MAX_ENCODED_CHARS = 2048;

    static Cursor after(SortOrder sort, String requestHash, FieldDoc last) {
        Object first = last.fields[0];
        BytesRef key = (BytesRef) last.fields[1];
        float score = sort == SortOrder.RELEVANCE ? (Float) first : 0f;
        long date = sort == SortOrder.RELEVANCE ? 0L : (Long) first;
        return new Cursor(sort, requestHash, score, date, key.utf8ToString());
    }

    /** The {@code after} position for Lucene's search-after. */
    FieldDoc fieldDoc() {
        Object first = sort == SortOrder.RELEVANCE ? (Object) score : (Object) date;
        return new FieldDoc(Integer.MAX_VALUE, score, new Object[] {first, new BytesRef(sortKey)});
    }

    String encode() {
        String value = sort == SortOrder.RELEVANCE ? Integer.toHexString(Float.floatToIntBits(score)) : Long.toString(date);
        String raw = String.join("\n", VERSION, sort.param(), requestHash, value, sortKey);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a client's cursor, checking that it belongs to a request with this sort and hash. */
    static Cursor decode(String encoded, SortOrder sort, String requestHash) throws InvalidQueryException {
        if (encoded.length() > MAX_ENCODED_CHARS) throw invalid("cursor is too long");
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(encoded.strip()), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw invalid("cursor is not valid: pass next_cursor from a previous response unchanged");
        }
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw invalid("cursor is not valid: pass next_cursor from a previous response unchanged");
        }
        if (!sort.param().equals(parts[1]) || !requestHash.equals(parts[2])) {
            throw invalid("cursor belongs to a different query, filter or sort; start again without a cursor");
        }
        try {
            if (sort == SortOrder.RELEVANCE) {
                return new Cursor(sort, requestHash, Float.intBitsToFloat(Integer.parseUnsignedInt(parts[3], 16)), 0L, parts[4]);
            }
            return new Cursor(sort, requestHash, 0f, Long.parseLong(parts[3]), parts[4]);
        } catch (NumberFormatException e) {
            throw invalid("cursor is not valid: pass next_cursor from a previous response unchanged");
        }
    }

    private static InvalidQueryException invalid(String message) {
        return new InvalidQueryException("invalid_cursor", message, "cursor");
    }
}
