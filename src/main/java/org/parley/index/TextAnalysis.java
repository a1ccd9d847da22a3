package org.parley.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.UnicodeUtil;

/**
 * The analysis chains of the paragraph text.
 *
 * <p>The {@code text} field holds one token per word: the word itself, lower-cased and ASCII-folded, stop words
 * included ("exact" below means exact up to case and accents). Quoted phrases, wildcards and fuzzy terms match
 * these words directly. An ordinary term is stemmed at query time and matches every indexed word with the same
 * Porter stem ("relations" finds "relation" and "relational"): {@link StemVariants} lists those words per stem
 * once per index reader, and the query becomes a {@link StemQuery} over them, which BM25 scores as one term.
 *
 * <p>Why not index the stem too, as a second token per word, as earlier schemas did: measured at a million
 * paragraphs, a build without enrichment took 31.6 s with it and 20.4 s without (a third of the build is
 * Lucene's in-memory term hash, one cache miss per token), while queries were about 15% cheaper with it.
 * Stop words have no stem, so an unquoted stop word matches nothing, as before.
 */
public final class TextAnalysis {
    private TextAnalysis() {
    }

    /** Index-time analyzer of {@code text}: every word, normalised; the same chain as quoted phrases. */
    public static Analyzer indexText() {
        return exactQuery();
    }

    /** Query-time analyzer for quoted phrases on {@code text}: every word normalised, stop words kept. */
    public static Analyzer exactQuery() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, normalised(source));
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

    /** The analyzer an {@code IndexWriter} uses: words for {@code text}, English stems elsewhere (titles). */
    public static Analyzer indexAnalyzer() {
        return new PerFieldAnalyzerWrapper(stemmedQuery(), Map.of(IndexSchema.TEXT, indexText()));
    }

    private static TokenStream normalised(Tokenizer source) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
    }

    /**
     * The Porter stem of an indexed word, as {@link #stemmedQuery()} would give it, or null for a stop word.
     * Not thread-safe: one per thread. Works on UTF-8 bytes so that a whole term dictionary can be stemmed
     * without creating a string per term.
     */
    static final class Stemmer {
        private final OneWord one = new OneWord();
        private final TokenStream stemmed = new PorterStemFilter(one);
        private final CharTermAttribute term = one.getAttribute(CharTermAttribute.class);
        private final BytesRefBuilder out = new BytesRefBuilder();

        /** The stem of {@code word} (valid until the next call), or null for a stop word. */
        BytesRef stem(BytesRef word) {
            term.setEmpty();
            char[] buf = term.resizeBuffer(word.length);
            int len = UnicodeUtil.UTF8toUTF16(word.bytes, word.offset, word.length, buf);
            term.setLength(len);
            if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(buf, 0, len)) return null;
            one.ready = true;
            try {
                stemmed.incrementToken();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // in-memory: cannot happen
            }
            out.copyChars(term.buffer(), 0, term.length());
            return out.get();
        }
    }

    /** A token stream of the one word just put into its term attribute. */
    private static final class OneWord extends TokenStream {
        boolean ready;

        OneWord() {
            addAttribute(CharTermAttribute.class);
        }

        @Override
        public boolean incrementToken() {
            boolean r = ready;
            ready = false;
            return r;
        }
    }
}
