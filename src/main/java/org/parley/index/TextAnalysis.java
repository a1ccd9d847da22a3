package org.parley.index;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;

/**
 * The analysis chains of the paragraph text.
 *
 * <p>The {@code text} field holds up to two tokens per word at the same position: the unstemmed word behind an
 * {@link #EXACT_MARKER} (for quoted phrases, wildcards and fuzzy terms, so "foreign relations" in quotes
 * matches exactly those words, stop words included) and the Porter stem (for ordinary terms, so "relations"
 * finds "relation") when the stem differs from the word. A word that is its own stem ("trade", "russia",
 * about half of all words) gets the exact token only, so the stem of a query word is searched as both
 * {@code stem} and {@code =stem} ({@link #stemQuery}): the same matches for a third fewer tokens to index.
 * Keeping both kinds in one field, rather than two fields, lets the highlighter mark stemmed and exact
 * matches from the same postings offsets, and a phrase as one span.
 *
 * <p>"Exact" means exact up to case and accents: both kinds are lower-cased and ASCII-folded.
 */
public final class TextAnalysis {
    /** Prefix of the unstemmed tokens; the standard tokenizer never emits it, so it cannot collide. */
    public static final char EXACT_MARKER = '=';

    private TextAnalysis() {
    }

    /** Index-time analyzer of {@code text}: stems and marked exact words at the same positions. */
    public static Analyzer indexText() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = normalised(source);
                s = new KeywordRepeatFilter(s);             // original (keyword) + copy to stem
                s = new MarkKeywordsFilter(s);              // original becomes "=word"
                s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET); // "=the" survives
                s = new PorterStemFilter(s);                // skips keyword (marked) tokens
                s = new DropUnchangedStemFilter(s);         // "=trade" stands for the stem "trade" too
                return new TokenStreamComponents(source, s);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Query-time analyzer for unquoted terms: English stems, stop words removed. */
    public static Analyzer stemmedQuery() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new StopFilter(normalised(source), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(source, new PorterStemFilter(s));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Query-time analyzer for quoted phrases on {@code text}: every word marked exact, stop words kept. */
    public static Analyzer exactQuery() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new MarkAllFilter(normalised(source)));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** The analyzer an {@code IndexWriter} uses: the dual chain for {@code text}, English stems elsewhere. */
    public static Analyzer indexAnalyzer() {
        return new PerFieldAnalyzerWrapper(stemmedQuery(), Map.of(IndexSchema.TEXT, indexText()));
    }

    private static TokenStream normalised(Tokenizer source) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
    }

    /**
     * The query for a stemmed term of {@code text}: the stem token, or the exact token of a word that is its own
     * stem (which is indexed without a separate stem token), scored as one term.
     */
    static Query stemQuery(String stem) {
        return new SynonymQuery.Builder(IndexSchema.TEXT)
                .addTerm(new Term(IndexSchema.TEXT, stem))
                .addTerm(new Term(IndexSchema.TEXT, exact(stem)))
                .build();
    }

    static boolean isExact(String term) {
        return !term.isEmpty() && term.charAt(0) == EXACT_MARKER;
    }

    /** Marks the exact form of a word: prefixes {@link #EXACT_MARKER} to a term. */
    static String exact(String term) {
        return EXACT_MARKER + term;
    }

    /** Prefixes the marker to the keyword-flagged (unstemmed) copy emitted by {@link KeywordRepeatFilter}. */
    private static final class MarkKeywordsFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

        MarkKeywordsFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            if (keyword.isKeyword()) mark(term);
            return true;
        }
    }

    /**
     * Drops a stem token equal to the word it was stemmed from: the word's exact token, just before it at the
     * same position, already stands for it.
     */
    private static final class DropUnchangedStemFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final StringBuilder word = new StringBuilder();

        DropUnchangedStemFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                if (keyword.isKeyword()) {
                    word.setLength(0);
                    word.append(term, 1, term.length()); // without the marker
                    return true;
                }
                if (position.getPositionIncrement() == 0 && CharSequence.compare(word, term) == 0) continue;
                return true;
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            word.setLength(0);
        }
    }

    /** Prefixes the marker to every token. */
    private static final class MarkAllFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        MarkAllFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            mark(term);
            return true;
        }
    }

    private static void mark(CharTermAttribute term) {
        int len = term.length();
        char[] buf = term.resizeBuffer(len + 1);
        System.arraycopy(buf, 0, buf, 1, len);
        buf[0] = EXACT_MARKER;
        term.setLength(len + 1);
    }
}
