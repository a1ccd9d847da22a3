package org.parley.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * The documents a counting pass found to match every filter, kept so that the ranked pass after it looks only there.
 *
 * <p>Why: a phrase of frequent words ("russia has been") is found by intersecting its words' postings and then
 * checking their positions in every document that has all of them: 8,800 documents for 3,800 matches at a million
 * paragraphs. The counting pass does that work anyway; without this the ranked pass did it again. Led by the kept
 * documents, the ranked pass checks positions only where the phrase is, and scores exactly the documents it would
 * have scored (a filter clause adds nothing to a score), so hits and their order are unchanged.
 *
 * <p>One instance serves one search on one reader: the recording collector fills it during the counting pass (a
 * parley searcher visits segments one after the other, in one thread), and {@link #filter()} is valid only on the
 * same searcher afterwards. It keeps at most {@link #MAX_DOCS} documents; past that, or when no counting pass
 * visited the matches (counts taken from a frequent stem, or from the cache), it is incomplete and the ranked pass
 * runs as before.
 */
final class MatchedDocs {
    /** More matches than this are not kept (4 bytes each): such a phrase's ranked pass is left to Lucene alone. */
    static final int MAX_DOCS = 200_000;

    private final int[][] docsByLeaf;
    private final int[] sizes;
    private boolean recorded;
    /** Written by the threads searching the slices of one search (each leaf by one thread). */
    private volatile boolean overflow;
    private final AtomicInteger total = new AtomicInteger();

    MatchedDocs(int leaves) {
        this.docsByLeaf = new int[leaves][];
        this.sizes = new int[leaves];
    }

    /**
     * Whether the ranked pass of {@code base} gains from being led by its matches: when the base requires a phrase,
     * whose matches are verified position by position (a conjunction of words or a single word is better left to
     * Lucene's skipping by score).
     */
    static boolean worthKeeping(Query base) {
        return switch (base) {
            case PhraseQuery p -> p.getTerms().length > 1;
            case MultiPhraseQuery m -> m.getTermArrays().length > 1;
            case BoostQuery b -> worthKeeping(b.getQuery());
            case ConstantScoreQuery c -> worthKeeping(c.getQuery());
            case BooleanQuery b -> b.clauses().stream().anyMatch(c -> (c.occur() == BooleanClause.Occur.MUST
                    || c.occur() == BooleanClause.Occur.FILTER) && worthKeeping(c.query()));
            default -> false;
        };
    }

    /** A collector recording every document it sees, for the counting pass to hand its passing matches to. */
    Collector recorder() {
        recorded = true;
        return new Collector() {
            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                int leaf = context.ord;
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) {
                        if (overflow) return;
                        int[] docs = docsByLeaf[leaf];
                        int n = sizes[leaf];
                        if (docs == null) {
                            docs = docsByLeaf[leaf] = new int[64];
                        } else if (n == docs.length) {
                            if (n >= MAX_DOCS) {
                                overflow = true;
                                return;
                            }
                            docs = docsByLeaf[leaf] = Arrays.copyOf(docs, n * 2);
                        }
                        if (n > 0 && docs[n - 1] >= doc) overflow = true; // out of order: not an iterator's order
                        docs[n] = doc;
                        sizes[leaf] = n + 1;
                    }

                    @Override
                    public void finish() {
                        // summed once per segment: an atomic add per match cost more than keeping it
                        if (total.addAndGet(sizes[leaf]) > MAX_DOCS) overflow = true;
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        };
    }

    /** Whether a counting pass handed over every match (and they were few enough to keep). */
    boolean complete() {
        return recorded && !overflow;
    }

    /** {@code query} restricted to the kept documents, which lead it; the scores are {@code query}'s own. */
    Query restrict(Query query) {
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(filter(), BooleanClause.Occur.FILTER).build();
    }

    /** The kept documents as a query, valid on the searcher that counted them only. */
    Query filter() {
        if (!complete()) throw new IllegalStateException("no complete record of the matches");
        return new KeptDocs();
    }

    /** Matches exactly the kept documents, with a constant score; never cached (it belongs to one search). */
    private final class KeptDocs extends Query {
        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            return new ConstantScoreWeight(this, boost) {
                @Override
                public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                    int leaf = context.ord;
                    if (leaf >= sizes.length || sizes[leaf] == 0) return null;
                    int[] docs = docsByLeaf[leaf];
                    int n = sizes[leaf];
                    return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, new ArrayIterator(docs, n)));
                }

                @Override
                public boolean isCacheable(LeafReaderContext ctx) {
                    return false;
                }
            };
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public String toString(String field) {
            return "kept(" + total + " docs)";
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Iterates ascending doc ids held in an array. */
    private static final class ArrayIterator extends DocIdSetIterator {
        private final int[] docs;
        private final int n;
        private int i = -1;
        private int doc = -1;

        ArrayIterator(int[] docs, int n) {
            this.docs = docs;
            this.n = n;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return doc = ++i < n ? docs[i] : NO_MORE_DOCS;
        }

        @Override
        public int advance(int target) {
            int lo = i + 1;
            if (lo < n && docs[lo] < target) {
                int found = Arrays.binarySearch(docs, lo, n, target);
                lo = found >= 0 ? found : -found - 1;
            }
            i = lo;
            return doc = i < n ? docs[i] : NO_MORE_DOCS;
        }

        @Override
        public long cost() {
            return n;
        }
    }
}
