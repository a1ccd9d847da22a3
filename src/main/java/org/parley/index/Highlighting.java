package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.parley.search.Span;

/**
 * Where a paragraph matches the query: the spans of its text, for hits and for the article page alike, so both
 * mark exactly what matched (a phrase as one span, no excluded word).
 *
 * <p>A match is found as word positions, then turned into characters by {@link WordOffsets}: the postings hold
 * positions, not offsets. The queries parley's parser makes most of the time (words, stems, exact phrases, AND / OR /
 * NOT) are read straight from the postings ({@link PostingsSpans}); any other asks Lucene's weight matches, which give
 * a phrase as one match rather than word by word. Both give the same spans (PostingsSpansTest). Turning spans into
 * markup is the caller's business.
 */
final class Highlighting {
    /** Only this much of a paragraph is highlighted: bounds the work per hit (paragraphs are rarely longer). */
    static final int MAX_HIGHLIGHT_CHARS = 5000;

    /**
     * The match spans of {@code texts} (the stored text of {@code docIds}, in the same order) for {@code query};
     * empty for documents without a match and for a null (match-all) query.
     */
    List<List<Span>> spans(ParleySearcher searcher, Query query, int[] docIds, String[] texts) throws IOException {
        if (query == null || docIds.length == 0) return none(docIds.length);
        PostingsSpans direct = PostingsSpans.of(query);
        if (direct != null) return direct.spans(searcher, docIds, texts, MAX_HIGHLIGHT_CHARS);
        return fromWeightMatches(searcher, query, docIds, texts);
    }

    /**
     * The same through Lucene's weight matches, for any query: the path of the queries that {@link PostingsSpans} does
     * not read, and its reference in tests. One weight for the search, asked for each document in its segment.
     */
    List<List<Span>> fromWeightMatches(ParleySearcher searcher, Query query, int[] docIds, String[] texts) throws IOException {
        List<List<Span>> out = none(docIds.length);
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        WordOffsets words = new WordOffsets();
        for (int i = 0; i < docIds.length; i++) {
            Cancellation.checkpoint(); // highlighting is the costliest part of a wide query: stop when abandoned
            LeafReaderContext context = leaves.get(ReaderUtil.subIndex(docIds[i], leaves));
            Matches matches = weight.matches(context, docIds[i] - context.docBase);
            MatchesIterator it = matches == null ? null : matches.getMatches(IndexSchema.TEXT);
            if (it == null) continue;
            MatchedWords found = new MatchedWords();
            while (it.next()) found.add(it.startPosition(), it.endPosition());
            String text = texts[i] == null ? "" : texts[i];
            out.set(i, found.spans(text, Math.min(text.length(), MAX_HIGHLIGHT_CHARS), words));
        }
        return out;
    }

    /** No spans for each of {@code n} paragraphs, in a list to set them in. */
    static List<List<Span>> none(int n) {
        List<List<Span>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(List.of());
        return out;
    }

    /**
     * The first {@code n} matches {@code [starts[i], ends[i])}, in order of start, as spans within the first {@code length}
     * characters, by the rules of Lucene's UnifiedHighlighter, which parley used before: a match crossing that length is
     * dropped and the first one past it ends the list; then a match that touches or overlaps the one before extends it.
     * Overwrites the arrays.
     */
    private static List<Span> within(int[] starts, int[] ends, int n, int length) {
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (starts[i] >= length) break;
            if (ends[i] > length) continue;
            starts[kept] = starts[i];
            ends[kept++] = ends[i];
        }
        List<Span> spans = new ArrayList<>();
        int pos = 0;
        int i = 0;
        while (i < kept) {
            int start = Math.max(starts[i], pos);
            int end = ends[i];
            while (i + 1 < kept && starts[i + 1] <= end) end = Math.max(end, ends[++i]);
            i++;
            if (end <= start) continue;
            spans.add(new Span(start, end));
            pos = end;
        }
        return List.copyOf(spans);
    }

    /**
     * The matches of one paragraph, each as its first and last word position, turned into spans by the highlighter's
     * rules: both highlighting paths find positions and gather them here.
     */
    static final class MatchedWords {
        private long[] packed = new long[16];
        private int size;

        void add(int first, int last) {
            if (size == packed.length) packed = Arrays.copyOf(packed, size * 2);
            packed[size++] = ((long) first << 32) | (last & 0xFFFFFFFFL); // sorts by first word, then last
        }

        /**
         * Ordered, disjoint spans of {@code text} within its first {@code length} characters: each match from its first
         * word's start to its last word's end ({@link WordOffsets}; a later word never starts or ends earlier, so the
         * order by position is the order by offset), then the highlighter's rules ({@link #within}).
         */
        List<Span> spans(String text, int length, WordOffsets words) {
            if (size == 0) return List.of();
            Arrays.sort(packed, 0, size);
            int lastNeeded = 0;
            for (int i = 0; i < size; i++) lastNeeded = Math.max(lastNeeded, (int) packed[i]);
            words.read(text, lastNeeded, length);
            int[] starts = new int[size], ends = new int[size];
            for (int i = 0; i < size; i++) {
                starts[i] = words.start((int) (packed[i] >>> 32));
                ends[i] = words.end((int) packed[i]);
            }
            return within(starts, ends, size, length);
        }
    }
}
