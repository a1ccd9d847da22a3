package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Snippets: the paragraph text HTML-escaped, with each match wrapped in {@code <mark>}.
 *
 * <p>Uses the UnifiedHighlighter over the offsets stored in the postings (no re-analysis), with weight matches
 * so that a phrase is marked as one span rather than word by word, and the whole paragraph as the passage
 * (paragraphs are short; the page shows them whole). Everything outside the marks is escaped here, so the
 * snippet is the only place where index text becomes markup.
 */
final class Highlighting {
    /** Longer paragraphs are cut for the snippet; the full text is in {@code text}. */
    static final int MAX_SNIPPET_CHARS = 5000;

    private final Analyzer analyzer = TextAnalysis.indexAnalyzer();
    private final PassageFormatter formatter = new HtmlMarkFormatter();

    /**
     * Highlights {@code texts} (the stored text of {@code docIds}, in the same order) for {@code query};
     * returns the escaped text for documents without a match and for a null (match-all) query.
     */
    String[] snippets(IndexSearcher searcher, Query query, int[] docIds, String[] texts) throws IOException {
        String[] out = new String[docIds.length];
        if (query != null && docIds.length > 0) {
            Map<Integer, String> textOf = new HashMap<>();
            for (int i = 0; i < docIds.length; i++) textOf.put(docIds[i], texts[i]);
            UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                    .withBreakIterator(WholeBreakIterator::new)
                    .withMaxLength(MAX_SNIPPET_CHARS)
                    .withFormatter(formatter)
                    .withHighlightPhrasesStrictly(true)
                    .withHandleMultiTermQuery(true)
                    .withWeightMatches(true)
                    .withMaxNoHighlightPassages(0);
            UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
                /** The caller already read the texts from the stored fields: do not decompress them again. */
                @Override
                protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                        throws IOException {
                    List<CharSequence[]> values = new ArrayList<>();
                    for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                        String text = textOf.get(doc);
                        values.add(new CharSequence[] {text == null ? "" : text.substring(0, Math.min(text.length(), MAX_SNIPPET_CHARS))});
                    }
                    return values;
                }
            };
            int[] order = docIds.clone();
            // highlightFields wants ascending doc ids; map results back to the hit order
            Integer[] idx = new Integer[docIds.length];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            java.util.Arrays.sort(idx, (a, b) -> Integer.compare(docIds[a], docIds[b]));
            for (int i = 0; i < idx.length; i++) order[i] = docIds[idx[i]];
            Map<String, String[]> result = highlighter.highlightFields(new String[] {IndexSchema.TEXT}, query, order, new int[] {1});
            String[] marked = result.get(IndexSchema.TEXT);
            for (int i = 0; i < idx.length; i++) out[idx[i]] = marked == null ? null : marked[i];
        }
        for (int i = 0; i < out.length; i++) if (out[i] == null) out[i] = plain(texts[i]);
        return out;
    }

    static String plain(String text) {
        if (text == null) return "";
        boolean cut = text.length() > MAX_SNIPPET_CHARS;
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_SNIPPET_CHARS) + 16);
        escape(text, 0, Math.min(text.length(), MAX_SNIPPET_CHARS), sb);
        if (cut) sb.append('…');
        return sb.toString();
    }

    static void escape(String s, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /** Escapes the passage text and wraps merged match spans in {@code <mark>}. */
    private static final class HtmlMarkFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder sb = new StringBuilder(content.length() + 32);
            for (Passage p : passages) {
                int pos = p.getStartOffset();
                int[] starts = p.getMatchStarts();
                int[] ends = p.getMatchEnds();
                int n = p.getNumMatches();
                int i = 0;
                while (i < n) {
                    int start = Math.max(starts[i], pos);
                    int end = ends[i];
                    // merge overlapping matches (a word matched by two parts of the query)
                    while (i + 1 < n && starts[i + 1] <= end) end = Math.max(end, ends[++i]);
                    i++;
                    if (end <= start) continue;
                    escape(content, pos, start, sb);
                    sb.append("<mark>");
                    escape(content, start, Math.min(end, p.getEndOffset()), sb);
                    sb.append("</mark>");
                    pos = Math.min(end, p.getEndOffset());
                }
                escape(content, pos, p.getEndOffset(), sb);
                if (p.getEndOffset() < content.length()) sb.append('…');
            }
            return sb.toString();
        }
    }
}
