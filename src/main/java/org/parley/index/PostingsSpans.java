package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.parley.search.Span;

/**
 * The match spans of the queries parley's parser makes on the text most of the time (words, stems, exact phrases,
 * and AND / OR / NOT of them), read straight from the postings: the spans Lucene's weight matches find
 * ({@link Highlighting#fromWeightMatches}), for much less work.
 *
 * <p>Why: the weight matches looked every word of a stem up again in the term dictionary for each highlighted
 * paragraph, opened its postings and skipped them from their start; that was about a sixth of a search's CPU in the
 * server. Here each word is looked up once per segment and its postings move forward from one paragraph to the next
 * (they are visited in index order). The rules are the highlighter's: a paragraph gets spans only when it matches the
 * whole query (an article's other paragraphs are highlighted too); every occurrence of a matching word is a span, and
 * every occurrence of a phrase one span from its first word to its last; a span crossing the highlighted length is
 * dropped; touching or overlapping spans merge.
 *
 * <p>Other queries (wildcards, fuzzy terms, sloppy phrases, fields other than the text) are not read here: {@link #of}
 * answers null and the caller asks Lucene.
 */
final class PostingsSpans {
    /** A clause of the query: whether a paragraph matches it, and which spans it adds when it does. */
    private sealed interface Node permits Words, Phrase, Bool {
    }

    /** Any of some words (one word, or the words of a stem): every occurrence is a span. */
    private record Words(int[] terms) implements Node {
    }

    /** An exact phrase: word {@code terms[i]} at {@code offsets[i]} positions after the first word. */
    private record Phrase(int[] terms, int[] offsets) implements Node {
    }

    /** A boolean query: Lucene's rules for a match (required all, prohibited none, enough of the optional ones). */
    private record Bool(List<Node> required, List<Node> optional, List<Node> prohibited, int minShould) implements Node {
    }

    private final Node root;
    /** The distinct words of the text field the query reads, in the order the plan numbers them. */
    private final BytesRef[] terms;

    private PostingsSpans(Node root, BytesRef[] terms) {
        this.root = root;
        this.terms = terms;
    }

    /** The plan for {@code query}, or null when it holds a clause that is not read here. */
    static PostingsSpans of(Query query) {
        Map<BytesRef, Integer> numbers = new LinkedHashMap<>();
        Node root = node(query, numbers);
        return root == null ? null : new PostingsSpans(root, numbers.keySet().toArray(BytesRef[]::new));
    }

    private static Node node(Query query, Map<BytesRef, Integer> numbers) {
        return switch (query) {
            case BoostQuery b -> node(b.getQuery(), numbers);
            case ConstantScoreQuery c -> node(c.getQuery(), numbers);
            case TermQuery t -> textField(t.getTerm()) ? new Words(new int[] {number(t.getTerm(), numbers)}) : null;
            case StemQuery s -> {
                Term[] words = s.words();
                int[] n = new int[words.length];
                for (int i = 0; i < words.length; i++) {
                    if (!textField(words[i])) yield null;
                    n[i] = number(words[i], numbers);
                }
                yield new Words(n);
            }
            case PhraseQuery p -> phrase(p, numbers);
            case BooleanQuery b -> bool(b, numbers);
            default -> null;
        };
    }

    private static Node phrase(PhraseQuery p, Map<BytesRef, Integer> numbers) {
        Term[] words = p.getTerms();
        int[] positions = p.getPositions();
        if (p.getSlop() != 0 || words.length == 0 || !IndexSchema.TEXT.equals(p.getField())) return null;
        if (words.length == 1) return new Words(new int[] {number(words[0], numbers)}); // what Lucene rewrites it to
        int[] n = new int[words.length];
        int[] offsets = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            // two words at one position, or out of order: not a plain phrase (none such is parsed today)
            if (i > 0 && positions[i] <= positions[i - 1]) return null;
            n[i] = number(words[i], numbers);
            offsets[i] = positions[i] - positions[0];
        }
        return new Phrase(n, offsets);
    }

    private static Node bool(BooleanQuery b, Map<BytesRef, Integer> numbers) {
        List<Node> required = new ArrayList<>(), optional = new ArrayList<>(), prohibited = new ArrayList<>();
        for (BooleanClause c : b.clauses()) {
            Node n = node(c.query(), numbers);
            if (n == null) return null;
            switch (c.occur()) {
                case MUST, FILTER -> required.add(n);
                case SHOULD -> optional.add(n);
                case MUST_NOT -> prohibited.add(n);
            }
        }
        return new Bool(List.copyOf(required), List.copyOf(optional), List.copyOf(prohibited), b.getMinimumNumberShouldMatch());
    }

    private static boolean textField(Term t) {
        return IndexSchema.TEXT.equals(t.field());
    }

    private static int number(Term t, Map<BytesRef, Integer> numbers) {
        return numbers.computeIfAbsent(t.bytes(), k -> numbers.size());
    }

    /**
     * The spans of {@code texts}, the stored text of {@code docIds} in the same order, cut to {@code maxChars} as the
     * highlighter cuts them; an empty list for a paragraph that does not match.
     */
    List<List<Span>> spans(IndexSearcher searcher, int[] docIds, String[] texts, int maxChars) throws IOException {
        List<List<Span>> out = Highlighting.none(docIds.length);
        WordOffsets words = new WordOffsets();
        Integer[] order = ascending(docIds); // postings only move forward
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Occurrences occurrences = new Occurrences(terms.length);
        PostingsEnum[] postings = null;
        int leafOrd = -1;
        int last = -1;
        for (int i : order) {
            Cancellation.checkpoint(); // highlighting is the costliest part of a wide query: stop when abandoned
            int leaf = ReaderUtil.subIndex(docIds[i], leaves);
            LeafReaderContext context = leaves.get(leaf);
            if (leaf != leafOrd) {
                postings = postings(context);
                leafOrd = leaf;
            }
            // a paragraph asked for twice: its positions were read already, and cannot be read again
            if (docIds[i] != last) occurrences.read(postings, docIds[i] - context.docBase);
            last = docIds[i];
            if (!matches(root, occurrences)) continue;
            Highlighting.MatchedWords found = new Highlighting.MatchedWords();
            collect(root, occurrences, found);
            String text = texts[i] == null ? "" : texts[i];
            out.set(i, found.spans(text, Math.min(text.length(), maxChars), words));
        }
        return out;
    }

    /** Each word's postings with positions in one segment (null where the segment lacks it). */
    private PostingsEnum[] postings(LeafReaderContext context) throws IOException {
        PostingsEnum[] out = new PostingsEnum[terms.length];
        Terms field = Terms.getTerms(context.reader(), IndexSchema.TEXT);
        TermsEnum it = field.iterator();
        for (int t = 0; t < terms.length; t++) {
            if (it.seekExact(terms[t])) out[t] = it.postings(null, PostingsEnum.POSITIONS);
        }
        return out;
    }

    private static boolean matches(Node node, Occurrences in) {
        return switch (node) {
            case Words w -> {
                for (int t : w.terms()) if (in.count[t] > 0) yield true;
                yield false;
            }
            case Phrase p -> {
                int first = p.terms()[0];
                for (int k = 0; k < in.count[first]; k++) if (phraseAt(p, in.position[first][k], in)) yield true;
                yield false;
            }
            case Bool b -> {
                for (Node n : b.required()) if (!matches(n, in)) yield false;
                for (Node n : b.prohibited()) if (matches(n, in)) yield false;
                int optional = 0;
                for (Node n : b.optional()) if (matches(n, in)) optional++;
                // as Lucene's boolean matches: nothing at all matched is no match
                yield optional >= b.minShould() && (optional > 0 || !b.required().isEmpty());
            }
        };
    }

    /** Adds the spans of a node that matches. */
    private static void collect(Node node, Occurrences in, Highlighting.MatchedWords out) {
        switch (node) {
            case Words w -> {
                for (int t : w.terms()) for (int k = 0; k < in.count[t]; k++) out.add(in.position[t][k], in.position[t][k]);
            }
            case Phrase p -> {
                int first = p.terms()[0];
                for (int k = 0; k < in.count[first]; k++) {
                    int at = in.position[first][k];
                    if (!phraseAt(p, at, in)) continue;
                    // one span from the first word's start to the last word's end, as Lucene's exact phrase matches
                    out.add(at, at + p.offsets()[p.terms().length - 1]);
                }
            }
            case Bool b -> {
                for (Node n : b.required()) collect(n, in, out);
                for (Node n : b.optional()) if (matches(n, in)) collect(n, in, out);
            }
        }
    }

    /** Whether phrase {@code p} occurs with its first word at {@code position}. */
    private static boolean phraseAt(Phrase p, int position, Occurrences in) {
        for (int i = 1; i < p.terms().length; i++) if (in.indexOf(p.terms()[i], position + p.offsets()[i]) < 0) return false;
        return true;
    }

    /** Where each word occurs in one paragraph: its positions, in order. */
    private static final class Occurrences {
        final int[] count;
        final int[][] position;

        Occurrences(int terms) {
            count = new int[terms];
            position = new int[terms][4];
        }

        void read(PostingsEnum[] postings, int doc) throws IOException {
            for (int t = 0; t < postings.length; t++) {
                count[t] = 0;
                PostingsEnum p = postings[t];
                if (p == null) continue;
                if (p.docID() < doc) p.advance(doc);
                if (p.docID() != doc) continue;
                int freq = p.freq();
                if (position[t].length < freq) position[t] = new int[Math.max(freq, 2 * position[t].length)];
                for (int k = 0; k < freq; k++) position[t][k] = p.nextPosition();
                count[t] = freq;
            }
        }

        /** The occurrence of word {@code t} at {@code pos}, or -1. */
        int indexOf(int t, int pos) {
            return Math.max(-1, Arrays.binarySearch(position[t], 0, count[t], pos));
        }
    }

    /** The indexes of {@code docIds} in ascending order of the documents. */
    private static Integer[] ascending(int[] docIds) {
        Integer[] order = new Integer[docIds.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(docIds[a], docIds[b]));
        return order;
    }
}
