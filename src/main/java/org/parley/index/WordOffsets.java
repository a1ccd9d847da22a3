package org.parley.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Where each word of a paragraph starts and ends, by position: the offsets the postings do not store.
 *
 * <p>The text field's postings keep positions only (offsets made a build about a tenth dearer and the index an eighth
 * larger, for the few paragraphs a search shows). The words at those positions are found again by the tokenizer of the
 * index's chain ({@link TextAnalysis#indexText()}), whose filters change words but never their positions or offsets,
 * so a position read from the postings maps to exactly the offsets the index would have stored. Not thread-safe: one
 * per search.
 */
final class WordOffsets {
    private final StandardTokenizer tokenizer = new StandardTokenizer();
    private final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = tokenizer.addAttribute(PositionIncrementAttribute.class);
    private int[] start = new int[64];
    private int[] end = new int[64];
    /** Positions read from the last text. */
    private int count;

    /**
     * Reads the words of {@code text} up to position {@code last}, or up to the first word that starts at or after
     * {@code limit}, whichever comes first: the work is bounded by what the caller can use.
     */
    void read(String text, int last, int limit) {
        count = 0;
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            int position = -1;
            while (tokenizer.incrementToken()) {
                int previous = position;
                position += increment.getPositionIncrement();
                if (position >= start.length) {
                    int size = Math.max(position + 1, 2 * start.length);
                    start = Arrays.copyOf(start, size);
                    end = Arrays.copyOf(end, size);
                }
                // positions the tokenizer skipped (none today) hold no word: past the limit, never highlighted
                for (int p = previous + 1; p < position; p++) start[p] = end[p] = Integer.MAX_VALUE;
                start[position] = offset.startOffset();
                end[position] = offset.endOffset();
                count = position + 1;
                if (position >= last || start[position] >= limit) break;
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader: cannot happen
        } finally {
            try {
                tokenizer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The start of the word at {@code position}, or {@link Integer#MAX_VALUE} where none was read. */
    int start(int position) {
        return position < count ? start[position] : Integer.MAX_VALUE;
    }

    /** The end of the word at {@code position}, or {@link Integer#MAX_VALUE} where none was read. */
    int end(int position) {
        return position < count ? end[position] : Integer.MAX_VALUE;
    }
}
