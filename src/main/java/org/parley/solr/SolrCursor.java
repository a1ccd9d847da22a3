package org.parley.solr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.parley.search.InvalidQueryException;
import org.parley.search.SortOrder;

/**
 * Parley's cursor around Solr's {@code cursorMark}: bound to the sort and the request it came from (a cursor used
 * with another query is refused, as on the embedded index), and counting the hits already returned so the last
 * page has no next cursor. URL-safe base64; opaque to clients.
 */
record SolrCursor(SortOrder sort, String requestHash, long seen, String mark) {
    private static final String VERSION = "s1";
    private static final int MAX_ENCODED_CHARS = 2048;

    String encode() {
        String raw = String.join("\n", VERSION, sort.param(), requestHash, Long.toString(seen), mark);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static SolrCursor decode(String encoded, SortOrder sort, String requestHash) throws InvalidQueryException {
        if (encoded.length() > MAX_ENCODED_CHARS) throw invalid("cursor is too long");
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(encoded.strip()), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            throw invalid("cursor is not valid: pass next_cursor from a previous response unchanged");
        }
        if (parts.length != 5 || !VERSION.equals(parts[0]) || parts[4].isEmpty()) {
            throw invalid("cursor is not valid: pass next_cursor from a previous response unchanged");
        }
        if (!sort.param().equals(parts[1]) || !requestHash.equals(parts[2])) {
            throw invalid("cursor belongs to a different query, filter or sort; start again without a cursor");
        }
        try {
            long seen = Long.parseLong(parts[3]);
            if (seen < 0) throw new NumberFormatException();
            return new SolrCursor(sort, requestHash, seen, parts[4]);
        } catch (NumberFormatException e) {
            throw invalid("cursor is not valid: pass next_cursor from a previous response unchanged");
        }
    }

    private static InvalidQueryException invalid(String message) {
        return new InvalidQueryException("invalid_cursor", message, "cursor");
    }
}
