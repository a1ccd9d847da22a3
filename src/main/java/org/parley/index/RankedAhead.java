package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * The first hits of a relevance-ranked search for a frequent stem, under filters or with exclusions ("relations
 * NOT people", "cooperation" in 2014-2020), taken from the stem's hits ranked ahead ({@link FrequentStems}) instead
 * of a top-N pass over its hundreds of thousands of matches.
 *
 * <p>Exact: the stem is the query's only scored clause, so a hit's score is the stem's, and the filters and
 * exclusions only remove hits. The search's first N hits are then the first N of the stem's ranked hits that pass
 * them, provided that N of the ranked hits pass; otherwise (a rare speaker, a deep page) this gives up and the
 * caller runs the top-N pass. Whether a ranked hit passes is asked of the filters and exclusions alone, advancing
 * their iterators to the candidates in document order: a few hundred skips instead of a pass over the matches.
 */
final class RankedAhead {
    /** Candidates checked in a first round, as a multiple of the hits wanted; all ranked hits in a second. */
    private static final int FIRST_ROUND = 8;

    private RankedAhead() {
    }

    /**
     * The first {@code want} hits of {@code base} under the filters {@code filtered} adds, in relevance order (as
     * {@link FieldDoc}s whose fields are the score and the sort key, as Lucene's sorted search gives them), or null
     * when they cannot be taken from ranked hits.
     *
     * @param filtered     the request's filters around a base query (identity for none)
     * @param passingShare about the share of a stem's matches, from its counts, that pass the filters
     */
    static FieldDoc[] firstHits(IndexSearcher searcher, FrequentStems frequent, Query base, boolean filters,
                                UnaryOperator<Query> filtered, int want, ToDoubleFunction<FacetOrdinals.Counted> passingShare)
            throws IOException {
        Query stem = base;
        List<Query> excluded = new ArrayList<>();
        FrequentStems.RankedHits ranked = frequent.ranked(base);
        if (ranked == null && base instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() == 0) {
            stem = null;
            for (BooleanClause c : bq.clauses()) {
                if (c.occur() == BooleanClause.Occur.MUST_NOT) {
                    excluded.add(c.query());
                } else if (c.occur() == BooleanClause.Occur.MUST && stem == null) {
                    stem = c.query();
                } else {
                    return null; // a second scored clause, or a filter we would not see
                }
            }
            ranked = stem == null ? null : frequent.ranked(stem);
        }
        if (ranked == null || ranked.size() < want) return null;
        FacetOrdinals.Counted counts = frequent.get(stem);
        if (filters && counts != null && passingShare.applyAsDouble(counts) * ranked.size() < want) {
            return null; // too few of the ranked hits are expected to pass
        }
        int[] picked;
        if (excluded.isEmpty() && !filters) {
            picked = new int[want];
            for (int i = 0; i < want; i++) picked[i] = i;
        } else {
            BooleanQuery.Builder rest = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            for (Query q : excluded) rest.add(q, BooleanClause.Occur.MUST_NOT);
            Query check = filtered.apply(excluded.isEmpty() ? new MatchAllDocsQuery() : rest.build());
            Weight weight = searcher.createWeight(searcher.rewrite(check), ScoreMode.COMPLETE_NO_SCORES, 1f);
            int first = Math.min(ranked.size(), FIRST_ROUND * want);
            boolean[] passes = new boolean[ranked.size()];
            int found = check(searcher, weight, ranked.docs(), 0, first, passes);
            if (found < want && first < ranked.size()) found += check(searcher, weight, ranked.docs(), first, ranked.size(), passes);
            if (found < want) return null;
            picked = new int[want];
            for (int i = 0, n = 0; n < want; i++) if (passes[i]) picked[n++] = i;
        }
        return hits(searcher, ranked, picked);
    }

    /** Marks which of the candidates {@code docs[from, to)} match {@code weight}; returns how many do. */
    private static int check(IndexSearcher searcher, Weight weight, int[] docs, int from, int to, boolean[] passes)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        DocIdSetIterator it = null;
        int found = 0;
        for (int i : inDocumentOrder(from, to, i -> docs[i])) {
            int doc = docs[i];
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) { // the iterators only go forward
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                ScorerSupplier s = weight.scorerSupplier(leaf);
                it = s == null ? null : s.get(to - from).iterator();
            }
            if (it == null) continue;
            int local = doc - leaf.docBase;
            int at = it.docID() < local ? it.advance(local) : it.docID();
            if (at == local) {
                passes[i] = true;
                found++;
            }
        }
        return found;
    }

    /** The picked ranked hits as a sorted search returns them: score and sort key as the sort's fields. */
    private static FieldDoc[] hits(IndexSearcher searcher, FrequentStems.RankedHits ranked, int[] picked) throws IOException {
        FieldDoc[] out = new FieldDoc[picked.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        SortedDocValues keys = null;
        for (int i : inDocumentOrder(0, picked.length, i -> ranked.docs()[picked[i]])) {
            int doc = ranked.docs()[picked[i]];
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) { // doc values only go forward
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                keys = DocValues.getSorted(leaf.reader(), IndexSchema.SORT_KEY);
            }
            BytesRef key = keys.advanceExact(doc - leaf.docBase) ? BytesRef.deepCopyOf(keys.lookupOrd(keys.ordValue())) : null;
            float score = ranked.scores()[picked[i]];
            out[i] = new FieldDoc(doc, score, new Object[] {score, key});
        }
        return out;
    }

    /**
     * The indexes {@code from .. to - 1} ordered by the document each stands for: sorted as longs holding the
     * document above the index (a boxed stream with a comparator cost 5% of an exclusion's search).
     */
    private static int[] inDocumentOrder(int from, int to, IntUnaryOperator docOf) {
        long[] keyed = new long[to - from];
        for (int i = from; i < to; i++) keyed[i - from] = (long) docOf.applyAsInt(i) << 32 | i;
        Arrays.sort(keyed);
        int[] out = new int[keyed.length];
        for (int k = 0; k < out.length; k++) out[k] = (int) keyed[k];
        return out;
    }
}
