package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.parley.search.Span;

/**
 * Where a paragraph matches the query: the spans of its text, for hits and for the article page alike, so both
 * mark exactly what matched (a phrase as one span, no excluded word).
 *
 * <p>The queries parley's parser makes most of the time (words, stems, exact phrases, AND / OR / NOT) are read
 * straight from the postings ({@link PostingsSpans}); any other goes to the UnifiedHighlighter over the offsets stored
 * in the postings (no re-analysis), with weight matches so that a phrase is one span rather than word by word, and
 * the whole paragraph as the passage. Both give the same spans (PostingsSpansTest). Turning spans into markup is the
 * caller's business.
 */
final class Highlighting {
    /** Only this much of a paragraph is highlighted: bounds the work per hit (paragraphs are rarely longer). */
    static final int MAX_HIGHLIGHT_CHARS = 5000;

    private final Analyzer analyzer = TextAnalysis.indexAnalyzer();

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
     * The same through Lucene's weight matches and the UnifiedHighlighter, for any query: the path of the queries that
     * {@link PostingsSpans} does not read, and its reference in tests.
     */
    List<List<Span>> fromWeightMatches(ParleySearcher searcher, Query query, int[] docIds, String[] texts) throws IOException {
        List<List<Span>> out = none(docIds.length);
        Map<Integer, String> textOf = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) textOf.put(docIds[i], texts[i]);
        // highlightFields wants ascending doc ids; map results back to the hit order
        Integer[] idx = ascending(docIds);
        int[] ascending = new int[idx.length];
        for (int i = 0; i < idx.length; i++) ascending[i] = docIds[idx[i]];
        Object[] found = new SpanHighlighter(searcher, analyzer, textOf).spans(query, ascending);
        for (int i = 0; i < idx.length; i++) {
            @SuppressWarnings("unchecked")
            List<Span> spans = (List<Span>) found[i];
            if (spans != null) out.set(idx[i], spans);
        }
        return out;
    }

    /** No spans for each of {@code n} paragraphs, in a list to set them in. */
    static List<List<Span>> none(int n) {
        List<List<Span>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(List.of());
        return out;
    }

    /** The indexes of {@code docIds} in ascending order of the documents (both highlighting paths visit them so). */
    static Integer[] ascending(int[] docIds) {
        Integer[] order = new Integer[docIds.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(docIds[a], docIds[b]));
        return order;
    }

    /** A UnifiedHighlighter that answers spans and takes the texts the caller already read. */
    private static final class SpanHighlighter extends UnifiedHighlighter {
        private static final PassageScorer UNSCORED = new PassageScorer() {
            @Override
            public float score(Passage passage, int contentLength) {
                return 1f;
            }
        };
        private final Map<Integer, String> textOf;
        private final FieldInfos fields;
        private final ParleySearcher searcher;

        SpanHighlighter(ParleySearcher searcher, Analyzer analyzer, Map<Integer, String> textOf) {
            super(UnifiedHighlighter.builder(searcher, analyzer)
                    .withBreakIterator(WholeBreakIterator::new)
                    .withMaxLength(MAX_HIGHLIGHT_CHARS)
                    .withFormatter(new SpanFormatter())
                    .withHighlightPhrasesStrictly(true)
                    .withHandleMultiTermQuery(true)
                    .withWeightMatches(true)
                    .withMaxNoHighlightPassages(0));
            this.textOf = textOf;
            this.fields = searcher.fieldInfos;
            this.searcher = searcher;
        }

        /**
         * No passage scoring: the passage is the whole paragraph, so there is nothing to choose between, and Lucene's
         * scorer hashes each passage's terms into fresh 32 KB byte blocks (about a tenth of highlighting's CPU).
         */
        @Override
        protected PassageScorer getScorer(String field) {
            return UNSCORED;
        }

        /**
         * Offsets from the postings with one weight per search: Lucene's strategy rewrites the query and builds a weight
         * for every highlighted document (a searcher over its segment, every term looked up again), about a sixth of
         * highlighting's CPU. The matches are the same: the weight of the searcher that found the hits, asked for the
         * document in its segment.
         */
        @Override
        protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
            FieldOffsetStrategy strategy = super.getOffsetStrategy(source, components);
            if (!(strategy instanceof PostingsOffsetStrategy)
                    || !components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)) return strategy;
            return new PostingsOffsetStrategy(components) {
                private Weight weight;

                @Override
                protected void createOffsetsEnumsWeightMatcher(LeafReader leaf, int doc, List<OffsetsEnum> results)
                        throws IOException {
                    LeafReaderContext context = null;
                    for (LeafReaderContext c : searcher.getIndexReader().leaves()) if (c.reader() == leaf) context = c;
                    if (context == null) { // a reader the highlighter wrapped: its own way
                        super.createOffsetsEnumsWeightMatcher(leaf, doc, results);
                        return;
                    }
                    if (weight == null) {
                        weight = searcher.createWeight(searcher.rewrite(components.query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
                    }
                    Matches matches = weight.matches(context, doc);
                    if (matches == null) return;
                    for (String field : matches) {
                        if (!components.fieldMatcher().test(field)) continue;
                        MatchesIterator it = matches.getMatches(field);
                        if (it != null) results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(it));
                    }
                }
            };
        }

        /** The reader's merged fields, merged once per reader rather than once per search. */
        @Override
        protected FieldInfo getFieldInfo(String field) {
            return fields.fieldInfo(field);
        }

        Object[] spans(Query query, int[] ascendingDocIds) throws IOException {
            Object[] spans = highlightFieldsAsObjects(new String[] {IndexSchema.TEXT}, query, ascendingDocIds, new int[] {1})
                    .get(IndexSchema.TEXT);
            return spans == null ? new Object[ascendingDocIds.length] : spans;
        }

        /** The caller already read the texts from the stored fields: do not decompress them again. */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                String text = textOf.get(doc);
                values.add(new CharSequence[] {text == null ? "" : text.substring(0, Math.min(text.length(), MAX_HIGHLIGHT_CHARS))});
            }
            return values;
        }
    }

    /** Merges overlapping matches (a word matched by two parts of the query) into ordered, disjoint spans. */
    private static final class SpanFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            Cancellation.checkpoint(); // highlighting is the costliest part of a wide query: stop when abandoned
            List<Span> spans = new ArrayList<>();
            for (Passage p : passages) {
                spans.addAll(merge(p.getMatchStarts(), p.getMatchEnds(), p.getNumMatches(), p.getStartOffset(), p.getEndOffset()));
            }
            return List.copyOf(spans);
        }
    }

    /**
     * The first {@code n} matches {@code [starts[i], ends[i])}, in order of start, as ordered and disjoint spans within
     * {@code [from, to)}: a match that touches or overlaps the one before extends it.
     */
    static List<Span> merge(int[] starts, int[] ends, int n, int from, int to) {
        List<Span> spans = new ArrayList<>();
        int pos = from;
        int i = 0;
        while (i < n) {
            int start = Math.max(starts[i], pos);
            int end = ends[i];
            while (i + 1 < n && starts[i + 1] <= end) end = Math.max(end, ends[++i]);
            i++;
            end = Math.min(end, to);
            if (end <= start) continue;
            spans.add(new Span(start, end));
            pos = end;
        }
        return List.copyOf(spans);
    }
}
