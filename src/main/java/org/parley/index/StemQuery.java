package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreScorerSupplier;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DisiWrapper;
import org.apache.lucene.search.DisjunctionDISIApproximation;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;
import org.apache.lucene.util.DocIdSetBuilder;

/**
 * A stemmed term: matches the documents holding any of the indexed words of one stem (see {@link StemVariants}).
 *
 * <p>Scored, it is a {@link SynonymQuery}: BM25 over the summed frequencies of the words, as one term (for a top-N
 * search, computed so that blocks which cannot rank are skipped: {@link StemTopScoresWeight}). Unscored
 * (the counting pass of every search, filters, excluded terms) a stem's words are usually one frequent word and
 * a tail of rare ones ("cooperation" next to "cooperated", "cooperatives"...), and merging them with a heap
 * would cost heap operations per matching document: the words' documents are OR-ed into one doc-id set
 * instead, unless a much more selective clause leads the query, in which case skipping through the heap is
 * cheaper than reading every posting. (Tried: keeping the frequent word's postings and OR-ing only the rare
 * words into a set, a heap of two; no faster at a million paragraphs, and slower under {@code NOT}.)
 */
final class StemQuery extends Query {
    /** Build the doc-id set unless the leading clause matches fewer than one in this many of the stem's documents. */
    private static final int SELECTIVE_LEAD = 8;

    private final String field;
    private final String stem;
    private final Term[] words;
    /** The words' document frequencies when the query was made: a hint for scoring (see {@link StemTopScoresWeight}). */
    private final int[] docFreqs;
    private final SynonymQuery scored;

    /**
     * @param words    at least two words of {@code field}
     * @param docFreqs their document frequencies in the reader the query was made for (not part of its identity)
     */
    StemQuery(String field, String stem, Term[] words, int[] docFreqs) {
        if (words.length < 2) throw new IllegalArgumentException("a stem query needs two words or more");
        if (docFreqs.length != words.length) throw new IllegalArgumentException("one document frequency per word");
        this.field = field;
        this.stem = stem;
        this.words = words.clone();
        this.docFreqs = docFreqs.clone();
        SynonymQuery.Builder b = new SynonymQuery.Builder(field);
        for (Term w : words) b.addTerm(w);
        this.scored = b.build();
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        if (scoreMode.needsScores()) return StemTopScoresWeight.create(this, field, words, docFreqs, scored, searcher, scoreMode, boost);
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                Terms terms = Terms.getTerms(context.reader(), field);
                TermsEnum it = terms.iterator();
                List<PostingsEnum> postings = new ArrayList<>(words.length);
                long cost = 0;
                for (Term w : words) {
                    if (!it.seekExact(w.bytes())) continue;
                    cost += it.docFreq();
                    postings.add(it.postings(null, PostingsEnum.NONE));
                }
                if (postings.isEmpty()) return null;
                int maxDoc = context.reader().maxDoc();
                long total = cost;
                return new ConstantScoreScorerSupplier(score(), scoreMode, maxDoc) {
                    @Override
                    public DocIdSetIterator iterator(long leadCost) throws IOException {
                        if (postings.size() == 1) return postings.get(0);
                        if (leadCost < total / SELECTIVE_LEAD) {
                            List<DisiWrapper> heap = new ArrayList<>(postings.size());
                            for (PostingsEnum p : postings) heap.add(new DisiWrapper(new ConstantScoreScorer(1f, scoreMode, p), false));
                            return DisjunctionDISIApproximation.of(heap, leadCost);
                        }
                        DocIdSetBuilder union = new DocIdSetBuilder(maxDoc, terms);
                        for (PostingsEnum p : postings) union.add(p);
                        return union.build().iterator();
                    }

                    @Override
                    public long cost() {
                        return total;
                    }
                };
            }

            /**
             * Positions and offsets for the highlighter: the words' postings in this one document. Read here rather than
             * through the synonym query's weight, which would look every word up in every segment for its statistics.
             */
            @Override
            public Matches matches(LeafReaderContext context, int doc) throws IOException {
                return MatchesUtils.forField(field, () -> MatchesUtils.disjunction(context, doc, StemQuery.this, field,
                        new BytesRefIterator() {
                            private int next;

                            @Override
                            public BytesRef next() {
                                return next < words.length ? words[next++].bytes() : null;
                            }
                        }));
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return true;
            }
        };
    }

    /** The indexed words of the stem. */
    Term[] words() {
        return words.clone();
    }

    /** The stem the words share. */
    String stem() {
        return stem;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) visitor.consumeTerms(this, words.clone());
    }

    @Override
    public String toString(String defaultField) {
        StringBuilder sb = new StringBuilder();
        if (!field.equals(defaultField)) sb.append(field).append(':');
        return sb.append(stem).append("~stem").toString();
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((StemQuery) other).field) && Arrays.equals(words, ((StemQuery) other).words);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, Arrays.hashCode(words));
    }
}
