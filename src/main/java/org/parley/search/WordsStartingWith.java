package org.parley.search;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the index holds of a word being typed: whether the prefix is itself an indexed word, how frequent the longer
 * words starting with it are, and, when they are few, all of them. Words are normalised as the index normalises
 * them (lower case, accents folded). Instant search uses it to tell a word still being typed ("cambo", which only
 * longer words start with; "agre", on its way to "agreement") from one that is probably finished ("cambodia").
 *
 * @param prefix          the prefix as the index normalises it
 * @param documents       documents holding the prefix as a word (0 when it is not an indexed word)
 * @param longerDocuments most documents holding any one longer word that starts with the prefix (among the first
 *                        {@link #MAX_SCANNED} such words in dictionary order)
 * @param complete        whether {@code words} lists every word starting with the prefix (there are at most
 *                        {@link #MAX_WORDS})
 * @param words           the indexed words starting with the prefix (itself included when it is a word) and the
 *                        documents holding each: every one when complete; else, when at most {@link #MAX_SCANNED}
 *                        words start with it, the {@link #MAX_WORDS} in most documents (ties in dictionary order);
 *                        else none
 * @param unlistedDocuments most documents holding any one word starting with the prefix that {@code words} does not
 *                        list: 0 when it lists every word or none. A client can then tell a longer prefix's state
 *                        without asking: "trad" after "tra", whose list has "trade" in far more documents than any
 *                        word it leaves out, is only the beginning of a word.
 */
public record WordsStartingWith(String prefix, long documents, long longerDocuments, boolean complete,
                                SortedMap<String, Long> words, long unlistedDocuments) {
    public WordsStartingWith {
        words = Collections.unmodifiableSortedMap(new TreeMap<>(words));
        if (complete || words.isEmpty()) unlistedDocuments = 0;
    }

    /** Every word starting with the prefix ({@code complete}), or none of them. */
    public WordsStartingWith(String prefix, long documents, long longerDocuments, boolean complete, SortedMap<String, Long> words) {
        this(prefix, documents, longerDocuments, complete, complete ? words : Collections.emptySortedMap(), 0);
    }

    /** Most words listed; a prefix more words start with gets no list (a short prefix says little). */
    public static final int MAX_WORDS = 100;
    /** Longest prefix looked up (a client's input is bounded): no word of interest is longer. */
    public static final int MAX_PREFIX_CHARS = 40;
    /** Most words read to find the most frequent longer one: bounds the work of a short prefix. */
    public static final int MAX_SCANNED = 2_000;
    /**
     * A word that starts a longer word found in this many times as many documents is probably its beginning
     * ("agree" typed on the way to "agreement"): instant search waits for the typing pause before searching it
     * (parley.js applies the same ratio to the listed words).
     */
    public static final int DOMINATED_BY = 4;

    /** Whether {@code prefix} can be looked up: one word of 1 to {@link #MAX_PREFIX_CHARS} letters. */
    public static boolean lookable(String prefix) {
        return prefix != null && !prefix.isEmpty() && prefix.length() <= MAX_PREFIX_CHARS && prefix.chars().allMatch(Character::isLetter);
    }

    /** Whether the prefix is itself an indexed word, and not the beginning of a much more frequent one. */
    public boolean probablyFinished() {
        return documents > 0 && longerDocuments < DOMINATED_BY * documents;
    }
}
