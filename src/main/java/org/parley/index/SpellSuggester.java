package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.parley.search.DidYouMean;

/**
 * "Did you mean" on the embedded index: candidates for each query word the {@code text} field (unstemmed, so they
 * read as real words) does not hold, from Lucene's spell checker (no side index); the choice is the search
 * contract's ({@link DidYouMean}).
 */
final class SpellSuggester {
    private final DirectSpellChecker checker = new DirectSpellChecker();

    SpellSuggester() {
        checker.setMinPrefix(1); // typos rarely hit the first letter; this bounds the terms visited
        checker.setMinQueryLength(3);
        checker.setMaxEdits(DidYouMean.MAX_EDITS);
    }

    /** The corrected query, or null when no word needed (or had) a correction. */
    String suggest(String query, IndexReader reader) throws IOException {
        Map<String, List<DidYouMean.Candidate>> candidates = new HashMap<>();
        for (String word : DidYouMean.words(query)) {
            Term term = new Term(IndexSchema.TEXT, word);
            if (reader.docFreq(term) > 0) continue;
            List<DidYouMean.Candidate> found = new ArrayList<>();
            for (SuggestWord s : checker.suggestSimilar(term, DidYouMean.CANDIDATES, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                found.add(new DidYouMean.Candidate(s.string, s.freq));
            }
            candidates.put(word, found);
        }
        return candidates.isEmpty() ? null : DidYouMean.suggest(query, candidates);
    }
}
