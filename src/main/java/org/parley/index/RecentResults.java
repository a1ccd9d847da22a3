package org.parley.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.parley.search.Dimension;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SortOrder;

/**
 * The results of the last few searches, for a few seconds, by the search they ran: the parsed query, not its
 * text. Successive keystrokes of instant search often parse to the same stemmed query ("relat", "relation",
 * "relations"; "minist", "minister"), the most expensive prefixes to search, and get its result again instead of
 * a second run. Short-lived on purpose: this is reuse within a burst of typing, not a result cache (the index
 * version is in the key all the same). Thread-safe.
 */
final class RecentResults {
    static final int MAX_ENTRIES = 32;
    static final long TTL_NANOS = 10_000_000_000L;

    /** What determines a result, given the index version. */
    record Key(Object reader, Query query, Map<Dimension, List<String>> filters, Integer yearFrom, Integer yearTo,
               SortOrder sort, int page, int size, String cursor, int facetSize, boolean facets) {
        /** @param reader the identity of the index reader searched (its cache key) */
        static Key of(Object reader, Query query, SearchRequest r, boolean facets) {
            return new Key(reader, query, r.filters(), r.yearFrom(), r.yearTo(), r.sort(), r.page(), r.size(), r.cursor(),
                    r.facetSize(), facets);
        }
    }

    /**
     * A result with what its next-page cursor was made from: the cursor names the query text it belongs to, which
     * differs between the keystrokes that share a result, so it is made again for each.
     */
    record Entry(SearchResult result, FieldDoc last, long at) {
    }

    private final Map<Key, Entry> entries;

    /** @param maxEntries 0 keeps nothing (to measure every search's own work) */
    RecentResults(int maxEntries) {
        this.entries = new LinkedHashMap<>(Math.max(16, maxEntries * 2), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Key, RecentResults.Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The entry of {@code key} if its search ran less than {@link #TTL_NANOS} ago, else null. */
    synchronized Entry get(Key key, long now) {
        Entry e = entries.get(key);
        if (e == null) return null;
        if (now - e.at() > TTL_NANOS) {
            entries.remove(key);
            return null;
        }
        return e;
    }

    synchronized void put(Key key, SearchResult result, FieldDoc last, long now) {
        entries.put(key, new Entry(result, last, now));
    }
}
