package org.parley.index;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": replaces each word of the query that the index does not contain by the closest word it does
 * contain, leaving operators, quotes and fields as typed. Suggestions come from the words of the {@code text}
 * field (unstemmed), so they read as real words; the spell checker needs no side index.
 */
final class SpellSuggester {
    /** Words of the query that can be corrected: letters only, not operators, not followed by a colon (fields). */
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}:~*?\\\\])(\\p{L}{3,})(?![\\p{L}\\p{N}:*?~])");

    private final DirectSpellChecker checker = new DirectSpellChecker();

    SpellSuggester() {
        checker.setMinPrefix(1); // typos rarely hit the first letter; this bounds the terms visited
        checker.setMinQueryLength(3);
        checker.setMaxEdits(2);
    }

    /** The corrected query, or null when no word needed (or had) a correction. */
    String suggest(String query, IndexReader reader) throws IOException {
        Matcher m = WORD.matcher(query);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        int last = 0;
        while (m.find()) {
            String word = m.group(1);
            if (word.equals("AND") || word.equals("OR") || word.equals("NOT") || word.equals("TO")) continue;
            String lower = word.toLowerCase(Locale.ROOT);
            Term term = new Term(IndexSchema.TEXT, lower);
            if (reader.docFreq(term) > 0) continue;
            SuggestWord[] s = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (s.length == 0) continue;
            String replacement = s[0].string;
            if (Character.isUpperCase(word.charAt(0))) {
                replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
            }
            out.append(query, last, m.start(1)).append(replacement);
            last = m.end(1);
            changed = true;
        }
        if (!changed) return null;
        return out.append(query.substring(last)).toString();
    }
}
