package org.parley.enrich;

import java.util.Collection;

/**
 * A one-hash Bloom filter over a fixed set of strings, keyed on {@code String.hashCode}. The rules look up every
 * word of a text in lists that hold few of them (titles, verbs, country names); one bit of a small array, which
 * stays in the CPU's cache, rules most words out before a hash table is probed. A word the filter lets through
 * may still be absent: callers look it up as before.
 */
final class WordFilter {
    private final long[] bits;
    private final int mask;

    private WordFilter(long[] bits) {
        this.bits = bits;
        this.mask = bits.length * 64 - 1;
    }

    /** A filter of {@code words}, with about 16 bits per word (about 6% of other words let through). */
    static WordFilter of(Collection<String> words) {
        int size = Math.max(1024, Integer.highestOneBit(Math.max(1, words.size()) * 16 - 1) << 1);
        long[] bits = new long[size / 64];
        int mask = size - 1;
        for (String w : words) {
            int b = bit(w.hashCode(), mask);
            bits[b >>> 6] |= 1L << b;
        }
        return new WordFilter(bits);
    }

    /** False when {@code word} is certainly not one of the filter's words. */
    boolean mightContain(String word) {
        int b = bit(word.hashCode(), mask);
        return (bits[b >>> 6] & (1L << b)) != 0;
    }

    private static int bit(int hash, int mask) {
        return (hash ^ (hash >>> 16)) & mask;
    }
}
