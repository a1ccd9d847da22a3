package org.parley.search;

import java.util.List;

/**
 * Every indexed word that starts with a prefix, both normalised as the index normalises words (lower case, accents
 * folded): what instant search needs to tell a word still being typed ("cambo", which only longer words start
 * with) from one that may be finished ("cambodia").
 *
 * @param prefix the prefix as the index normalises it
 * @param words  all indexed words starting with it (the prefix itself when it is a word), in dictionary order
 */
public record WordsStartingWith(String prefix, List<String> words) {
    public WordsStartingWith {
        words = List.copyOf(words);
    }

    /** Most words a service lists; a prefix more words start with gets no list (a short prefix says little). */
    public static final int MAX_WORDS = 100;
    /** Longest prefix a service looks up (a client's input is bounded): no word of interest is longer. */
    public static final int MAX_PREFIX_CHARS = 40;
}
