package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;

/**
 * A stem scored for a top-N search ({@link ScoreMode#TOP_SCORES}): the synonym query's BM25 scores, to the bit,
 * computed so that the top-N search can skip the blocks of documents that cannot rank.
 *
 * <p>Why: a synonym query bounds each block's scores by merging its words' impacts, and a rare word has a single
 * block spanning its whole segment, so its best frequency is added to every block's bound. Behind a stem like
 * "cooperation" (277,000 paragraphs, and a tail of rare words such as "cooperates") nothing could be skipped: the
 * top-N pass scored every match, about a third of a frequent word's query.
 *
 * <p>How: the words are split in two. The <em>lead</em>, the most frequent word, when the others together are in
 * at most one {@link #TAIL_SHARE}th as many documents, is scored by Lucene's own term scorer, with block skipping
 * on its impacts alone. The <em>tail</em>'s documents, few by construction, are read ahead per segment and
 * scored exactly, with the lead word's frequency in the same documents added. A document without a tail word
 * is scored by the lead alone, and under BM25 that is the stem's score: BM25 reads the collection's statistics and
 * the document count of the most frequent word, which the lead and the stem share. Other similarities, and
 * segments whose tail is not small, are scored by the synonym query itself.
 */
final class StemTopScoresWeight extends Weight {
    /** Split only when the other words are in at most 1/TAIL_SHARE as many documents as the most frequent one. */
    static final int TAIL_SHARE = 4;
    /**
     * A word in fewer than 1/RARE_SHARE as many documents as the most frequent one is rare: it has no block-level
     * impacts of its own, so merged into a synonym query's it raises every block's bound.
     */
    static final int RARE_SHARE = 16;
    /** Tail postings read ahead in one segment, at most: beyond, the segment is scored by the synonym query. */
    static final int MAX_TAIL_POSTINGS = 1 << 16;

    private final String field;
    private final SynonymQuery synonym;
    private final IndexSearcher searcher;
    private final ScoreMode scoreMode;
    private final float boost;
    /** The most frequent word, alone (see {@link #create}); an array like the tail's, for reading postings alike. */
    private final Term[] lead;
    private final TermStates[] leadStates;
    private final Term[] tail;
    private final TermStates[] tailStates;
    /** The stem's BM25, as the synonym query computes it (the largest document count, the summed frequencies). */
    private final Similarity.SimScorer stemScorer;
    private final Weight leadWeight;
    private Weight synonymWeight;

    /**
     * The weight for {@code words}, or the synonym query's own when the split cannot pay or would not be exact (a
     * similarity other than BM25, a stem with no tail).
     */
    static Weight create(Query stemQuery, String field, Term[] words, int[] docFreqHints, SynonymQuery synonym,
                         IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        if (scoreMode != ScoreMode.TOP_SCORES || !(searcher.getSimilarity() instanceof BM25Similarity)) {
            return synonym.createWeight(searcher, scoreMode, boost);
        }
        // Decided on the hints first, so that a stem which is not split looks its words up once (in the synonym
        // query). Split only where one word leads: the tail is read ahead whole, so a large one is pure cost, and a
        // lead of several frequent words ("nations", "national", "nation") skips no better than the synonym query.
        int lead = 0;
        long all = 0;
        for (int i = 0; i < words.length; i++) {
            all += docFreqHints[i];
            if (docFreqHints[i] > docFreqHints[lead]) lead = i;
        }
        long tailDocs = all - docFreqHints[lead];
        if (tailDocs == 0 || tailDocs * TAIL_SHARE > docFreqHints[lead]) {
            // several frequent words: their merged impacts skip when no rare word loosens every block's bound
            boolean rareWord = false;
            for (int df : docFreqHints) rareWord |= (long) df * RARE_SHARE < docFreqHints[lead];
            return rareWord ? unpruned(synonym, searcher, boost) : synonym.createWeight(searcher, scoreMode, boost);
        }
        TermStates[] states = new TermStates[words.length];
        for (int i = 0; i < words.length; i++) states[i] = TermStates.build(searcher, words[i], true);
        List<Integer> tail = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            // exact only if the lead is the most frequent word (BM25 takes the stem's document count from it)
            if (states[i].docFreq() > states[lead].docFreq()) return unpruned(synonym, searcher, boost);
            if (i != lead && states[i].docFreq() > 0) tail.add(i);
        }
        if (tail.isEmpty() || states[lead].docFreq() == 0) return unpruned(synonym, searcher, boost);
        return new StemTopScoresWeight(stemQuery, field, synonym, searcher, scoreMode, boost, words, states, lead, tail);
    }

    /**
     * The synonym query scoring every match: with a rare word among them its merged impacts rarely let a top-N
     * search skip anything, and tracking them cost more than they saved (measured at 1M paragraphs, top 11:
     * "development" 5.3 against 3.7 ms, "nation" 6.5 against 5.4, "line" 0.72 against 0.66; but "countries" and
     * "country" alone, 5.8 against 7.3). Scores are the same; a top-N search may take a scorer
     * that skips nothing.
     */
    private static Weight unpruned(SynonymQuery synonym, IndexSearcher searcher, float boost) throws IOException {
        return synonym.createWeight(searcher, ScoreMode.COMPLETE, boost);
    }

    private StemTopScoresWeight(Query stemQuery, String field, SynonymQuery synonym, IndexSearcher searcher,
                                ScoreMode scoreMode, float boost, Term[] words, TermStates[] states, int lead,
                                List<Integer> tail) throws IOException {
        super(stemQuery);
        this.field = field;
        this.synonym = synonym;
        this.searcher = searcher;
        this.scoreMode = scoreMode;
        this.boost = boost;
        this.lead = new Term[] {words[lead]};
        this.leadStates = new TermStates[] {states[lead]};
        this.tail = tail.stream().map(i -> words[i]).toArray(Term[]::new);
        this.tailStates = tail.stream().map(i -> states[i]).toArray(TermStates[]::new);
        // the synonym query's statistics: the largest document count, the summed total frequencies
        CollectionStatistics collection = searcher.collectionStatistics(field);
        long docFreq = 0;
        long totalTermFreq = 0;
        for (int i = 0; i < words.length; i++) {
            if (states[i].docFreq() == 0) continue;
            TermStatistics stats = searcher.termStatistics(words[i], states[i].docFreq(), states[i].totalTermFreq());
            docFreq = Math.max(docFreq, stats.docFreq());
            totalTermFreq += stats.totalTermFreq();
        }
        this.stemScorer = searcher.getSimilarity().scorer(boost, collection,
                new TermStatistics(new BytesRef("synonym pseudo-term"), docFreq, totalTermFreq));
        Query leadQuery = new TermQuery(this.lead[0], leadStates[0]);
        this.leadWeight = leadQuery.createWeight(searcher, scoreMode, boost);
    }

    /** The synonym query's weight, for the segments and questions (explain, matches) this one leaves to it. */
    private synchronized Weight synonymWeight() throws IOException {
        if (synonymWeight == null) synonymWeight = unpruned(synonym, searcher, boost);
        return synonymWeight;
    }

    @Override
    public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier leadSupplier = leadWeight.scorerSupplier(context);
        List<PostingsEnum> tailPostings = postings(context, tail, tailStates);
        if (tailPostings.isEmpty()) return leadSupplier; // the lead alone scores as the stem (see the class comment)
        long tailCost = 0;
        for (PostingsEnum p : tailPostings) tailCost += p.cost();
        if (tailCost > MAX_TAIL_POSTINGS) return synonymWeight().scorerSupplier(context);
        long cost = tailCost + (leadSupplier == null ? 0 : leadSupplier.cost());
        return new ScorerSupplier() {
            @Override
            public Scorer get(long leadCost) throws IOException {
                Tail read = Tail.read(context, field, tailPostings, postings(context, lead, leadStates), stemScorer);
                return new LeadAndTailScorer(leadSupplier == null ? null : leadSupplier.get(leadCost), read);
            }

            @Override
            public long cost() {
                return cost;
            }

            @Override
            public void setTopLevelScoringClause() throws IOException {
                if (leadSupplier != null) leadSupplier.setTopLevelScoringClause();
            }
        };
    }

    private static List<PostingsEnum> postings(LeafReaderContext context, Term[] terms, TermStates[] states) throws IOException {
        List<PostingsEnum> out = new ArrayList<>(terms.length);
        TermsEnum it = null;
        for (int i = 0; i < terms.length; i++) {
            IOSupplier<TermState> state = states[i].get(context);
            TermState s = state == null ? null : state.get();
            if (s == null) continue;
            if (it == null) it = context.reader().terms(terms[i].field()).iterator();
            it.seekExact(terms[i].bytes(), s);
            out.add(it.postings(null, PostingsEnum.FREQS));
        }
        return out;
    }

    @Override
    public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        return synonymWeight().explain(context, doc);
    }

    @Override
    public Matches matches(LeafReaderContext context, int doc) throws IOException {
        return synonymWeight().matches(context, doc);
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return true;
    }

    /** A segment's tail documents in order, each with its exact stem score, and the best score per run of 64. */
    record Tail(int[] docs, float[] scores, float[] runMax) {
        static final int RUN = 64;

        static Tail read(LeafReaderContext context, String field, List<PostingsEnum> tail, List<PostingsEnum> lead,
                         Similarity.SimScorer scorer) throws IOException {
            // (doc, freq) pairs of every tail word, merged by document
            long[] pairs = new long[64];
            int n = 0;
            for (PostingsEnum p : tail) {
                for (int d = p.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = p.nextDoc()) {
                    pairs = ArrayUtil.grow(pairs, n + 1);
                    pairs[n++] = ((long) d << 32) | p.freq();
                }
            }
            if (tail.size() > 1) Arrays.sort(pairs, 0, n);
            int[] docs = new int[n];
            int[] freqs = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                int d = (int) (pairs[i] >>> 32);
                int f = (int) pairs[i];
                if (m > 0 && docs[m - 1] == d) {
                    freqs[m - 1] += f;
                } else {
                    docs[m] = d;
                    freqs[m++] = f;
                }
            }
            // the lead word's frequency in the same documents, then the scores
            for (PostingsEnum p : lead) {
                for (int i = 0; i < m; i++) {
                    int at = p.docID() < docs[i] ? p.advance(docs[i]) : p.docID();
                    if (at == DocIdSetIterator.NO_MORE_DOCS) break;
                    if (at == docs[i]) freqs[i] += p.freq();
                }
            }
            NumericDocValues norms = context.reader().getNormValues(field);
            float[] scores = new float[m];
            float[] runMax = new float[(m + RUN - 1) / RUN];
            for (int i = 0; i < m; i++) {
                long norm = 1L;
                if (norms != null && norms.advanceExact(docs[i])) norm = norms.longValue();
                scores[i] = scorer.score(freqs[i], norm);
                runMax[i / RUN] = Math.max(runMax[i / RUN], scores[i]);
            }
            return new Tail(Arrays.copyOf(docs, m), scores, runMax);
        }

        /** The best score of the tail documents in {@code [from, upTo]}. */
        float maxScore(int from, int upTo) {
            int i = Arrays.binarySearch(docs, from);
            if (i < 0) i = -i - 1;
            float max = 0;
            while (i < docs.length && docs[i] <= upTo) {
                int runEnd = Math.min(docs.length, (i / RUN + 1) * RUN);
                if (i % RUN == 0 && docs[runEnd - 1] <= upTo) {
                    max = Math.max(max, runMax[i / RUN]);
                    i = runEnd;
                } else {
                    max = Math.max(max, scores[i++]);
                }
            }
            return max;
        }
    }

    /**
     * The lead's scorer and the tail's documents merged. The lead skips what cannot rank on its own impacts; a
     * tail document below the competitive score is skipped too, unless the lead lands on it (its score is then
     * still the tail's, exact).
     */
    static final class LeadAndTailScorer extends Scorer {
        private final Scorer lead;
        private final DocIdSetIterator leadDocs;
        private final Tail tail;
        private int next; // the first tail document not behind the current one
        private int doc = -1;
        private float minScore;

        /** The merged documents: one iterator for the scorer's life, as Lucene's scorers give. */
        private final DocIdSetIterator docs = new DocIdSetIterator() {
            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() throws IOException {
                return advanceTo(doc + 1);
            }

            @Override
            public int advance(int target) throws IOException {
                return advanceTo(target);
            }

            @Override
            public long cost() {
                return leadDocs.cost() + tail.docs().length;
            }
        };

        LeadAndTailScorer(Scorer lead, Tail tail) {
            this.lead = lead;
            this.leadDocs = lead == null ? DocIdSetIterator.empty() : lead.iterator();
            this.tail = tail;
        }

        private int advanceTo(int target) throws IOException {
            int at = leadDocs.docID();
            if (at < target) at = leadDocs.advance(target);
            int[] docs = tail.docs();
            float[] scores = tail.scores();
            int i = next;
            while (i < docs.length && docs[i] < target) i++;
            while (i < docs.length && docs[i] < at && scores[i] < minScore) i++;
            next = i;
            return doc = Math.min(at, i < docs.length ? docs[i] : DocIdSetIterator.NO_MORE_DOCS);
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public DocIdSetIterator iterator() {
            return docs;
        }

        @Override
        public float score() throws IOException {
            int[] docs = tail.docs();
            return next < docs.length && docs[next] == doc ? tail.scores()[next] : lead.score();
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return lead == null ? DocIdSetIterator.NO_MORE_DOCS : lead.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            float leadMax = lead == null ? 0 : lead.getMaxScore(upTo);
            return Math.max(leadMax, tail.maxScore(Math.max(doc, 0), upTo));
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            this.minScore = minScore;
            if (lead != null) lead.setMinCompetitiveScore(minScore);
        }
    }
}
