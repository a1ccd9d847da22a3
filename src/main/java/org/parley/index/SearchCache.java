package org.parley.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.lucene.util.IOSupplier;

/**
 * Results computed from one index reader, kept for the next identical request: least recently used first out,
 * bounded by entries and by an estimate of their bytes. A reader never changes, so an entry is exact for as long
 * as its reader is served; a new generation gets a new, empty cache with its new searcher.
 *
 * <p>A key is admitted on its second sight only: one-off searches (a word typed letter by letter) do not push
 * out the frequent ones. Thread-safe; the value is computed outside the lock, so two threads asking for a new
 * key at once may both compute it (the results are equal).
 */
final class SearchCache<K, V> {
    private final int maxEntries;
    private final long maxBytes;
    private final ToLongFunction<V> bytesOf;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    /** Keys seen once and not (yet) cached; bounded, oldest first out. */
    private final LinkedHashMap<K, Boolean> seenOnce;
    private long bytes;

    /** @param maxEntries 0 turns the cache off */
    SearchCache(int maxEntries, long maxBytes, ToLongFunction<V> bytesOf) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.bytesOf = bytesOf;
        int seenLimit = 4 * Math.max(1, maxEntries);
        this.seenOnce = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
                return size() > seenLimit;
            }
        };
    }

    /** The cached value of {@code key}, or {@code compute}'s (kept when the key was seen before). */
    V get(K key, IOSupplier<V> compute) throws IOException {
        if (maxEntries == 0) return compute.get();
        synchronized (this) {
            V cached = entries.get(key);
            if (cached != null) return cached;
        }
        V value = compute.get();
        long size = bytesOf.applyAsLong(value);
        if (size > maxBytes) return value;
        synchronized (this) {
            if (seenOnce.remove(key) == null && !entries.containsKey(key)) {
                seenOnce.put(key, Boolean.TRUE);
                return value;
            }
            V old = entries.put(key, value);
            if (old != null) bytes -= bytesOf.applyAsLong(old);
            bytes += size;
            var eldest = entries.entrySet().iterator();
            while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
                bytes -= bytesOf.applyAsLong(eldest.next().getValue());
                eldest.remove();
            }
        }
        return value;
    }

    /** The cached value of {@code key}, or null: a use of a cached value (its LRU place), but no sight of the key (nothing is admitted). */
    synchronized V peek(K key) {
        return entries.get(key);
    }

    synchronized int size() {
        return entries.size();
    }
}
