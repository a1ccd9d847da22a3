package org.parley.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Did you mean", the same on every backend: each word of the query that the index does not hold is replaced by
 * the closest word it does hold, leaving operators, quotes and fields as typed. A backend only supplies, for each
 * such word, candidate words of the paragraph text with the number of paragraphs holding each (its spell
 * checker's); the choice among them is made here: fewest edits (insertions, deletions, substitutions and swaps of
 * two neighbours, at most {@link #MAX_EDITS}), then most paragraphs, then alphabetical order.
 */
public final class DidYouMean {
    /** A search with fewer hits than this gets a suggestion. */
    public static final int SUGGEST_BELOW = 3;
    public static final int MAX_EDITS = 2;
    /** Candidates a backend should ask its spell checker for, per word, so that the closest are among them. */
    public static final int CANDIDATES = 10;
    /** Words of the query that can be corrected: letters only, not operators, not followed by a colon (fields). */
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}:~*?\\\\])(\\p{L}{3,})(?![\\p{L}\\p{N}:*?~])");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "TO");

    /** A word of the index and the number of paragraphs holding it. */
    public record Candidate(String word, long paragraphs) {
    }

    private DidYouMean() {
    }

    /** The query's correctable words, lower case, in order, without repeats. */
    public static Set<String> words(String query) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(query);
        while (m.find()) if (!OPERATORS.contains(m.group(1))) out.add(m.group(1).toLowerCase(Locale.ROOT));
        return out;
    }

    /**
     * The corrected query, or null when no word had a correction. {@code candidates} maps a lower-case word the
     * index lacks to its spell checker's candidates (a word the index holds has none).
     */
    public static String suggest(String query, Map<String, List<Candidate>> candidates) {
        Matcher m = WORD.matcher(query);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        int last = 0;
        while (m.find()) {
            String word = m.group(1);
            if (OPERATORS.contains(word)) continue;
            Optional<String> fix = closest(word.toLowerCase(Locale.ROOT), candidates.getOrDefault(word.toLowerCase(Locale.ROOT), List.of()));
            if (fix.isEmpty()) continue;
            String replacement = fix.get();
            if (Character.isUpperCase(word.charAt(0))) {
                replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
            }
            out.append(query, last, m.start(1)).append(replacement);
            last = m.end(1);
            changed = true;
        }
        return changed ? out.append(query.substring(last)).toString() : null;
    }

    /** The candidate to suggest for {@code word}: fewest edits, then most paragraphs, then alphabetical. */
    public static Optional<String> closest(String word, List<Candidate> candidates) {
        List<Candidate> near = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.paragraphs() > 0 && !c.word().equals(word) && !c.word().isEmpty() && edits(word, c.word()) <= MAX_EDITS) near.add(c);
        }
        return near.stream().min(Comparator.comparingInt((Candidate c) -> edits(word, c.word()))
                .thenComparing(Comparator.comparingLong(Candidate::paragraphs).reversed())
                .thenComparing(Candidate::word)).map(Candidate::word);
    }

    /** Edits between two words, by code point: insertions, deletions, substitutions, swaps of neighbours. */
    static int edits(String a, String b) {
        int[] s = a.codePoints().toArray();
        int[] t = b.codePoints().toArray();
        int[][] d = new int[s.length + 1][t.length + 1];
        for (int i = 0; i <= s.length; i++) d[i][0] = i;
        for (int j = 0; j <= t.length; j++) d[0][j] = j;
        for (int i = 1; i <= s.length; i++) {
            for (int j = 1; j <= t.length; j++) {
                int cost = s[i - 1] == t[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
        return d[s.length][t.length];
    }
}
