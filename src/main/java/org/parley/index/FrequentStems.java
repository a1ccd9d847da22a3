package org.parley.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.parley.search.SortOrder;

/**
 * The matches, facet counts and best hits of the most frequent stems of one reader, found once: a search for a
 * frequent word ("cooperation", "relations") then does not visit its hundreds of thousands of matches to count
 * them (see {@link DrillSidewaysPass#count}), nor, most of the time, to rank them ({@link RankedHits}).
 *
 * <p>Counting a stem is the unfiltered counting pass of a search for it, so an entry is exactly what that pass
 * would return on this reader (live documents only). Stems are counted most frequent first while the postings
 * read stay within {@link Budget#postings} and the counts within {@link Budget#bytes}: counting costs each reader
 * about as much as loading its facet values once more (a posting of a rarer word costs a cache miss, up to 60 ns,
 * so counting every stem in 1 of 256 paragraphs took 1.5 s at a million paragraphs, ten times that load), and
 * ranking, a top-N pass per stem, as much again or up to three times more (at a million paragraphs 0.11-0.15 s
 * counting, 0.52-0.57 s both; at ten million 1.6 s and 2.9 s).
 * {@link #countInBackground} counts after the reader opens, so a new index generation is served at once; until
 * a stem is counted its searches count it themselves. Thread-safe.
 */
final class FrequentStems {
    private static final System.Logger LOG = System.getLogger(FrequentStems.class.getName());
    /** Best hits kept per stem: enough for a first page (11 hits) under a filter that keeps one of them in 20. */
    static final int RANKED_HITS = 256;
    private final Map<Query, FacetOrdinals.Counted> counted = new ConcurrentHashMap<>();
    private final Map<Query, RankedHits> ranked = new ConcurrentHashMap<>();
    private volatile boolean done;

    private FrequentStems() {
    }

    /** Counts nothing (no stem is counted ahead). */
    static FrequentStems none() {
        FrequentStems none = new FrequentStems();
        none.done = true;
        return none;
    }

    /**
     * How much a reader may spend on its frequent stems: stems in fewer than {@code minDocFreq} documents are not
     * counted ahead, and counting stops before the stems' document frequencies add up to more than {@code postings}
     * or their counts to more than {@code bytes}.
     */
    record Budget(long minDocFreq, long postings, long bytes) {
    }

    /** Counts the frequent stems now, in this thread. */
    static FrequentStems count(IndexSearcher searcher, FacetOrdinals ordinals, StemVariants stems, Budget budget)
            throws IOException {
        FrequentStems counts = new FrequentStems();
        counts.countAll(searcher, ordinals, stems, budget, () -> true);
        return counts;
    }

    /**
     * Counts the frequent stems on {@code executor}, while the searcher's reader is open and still used by someone
     * else than this count (once a newer generation replaced it, counting it is wasted work).
     */
    static FrequentStems countInBackground(Executor executor, IndexSearcher searcher, FacetOrdinals ordinals,
                                                StemVariants stems, Budget budget) {
        FrequentStems counts = new FrequentStems();
        IndexReader reader = searcher.getIndexReader();
        try {
            executor.execute(() -> {
                if (!reader.tryIncRef()) {
                    counts.done = true; // closed before counting began
                    return;
                }
                try {
                    // our own reference is the last one once the index no longer serves this reader
                    counts.countAll(searcher, ordinals, stems, budget,
                            () -> reader.getRefCount() > 1 && !Thread.currentThread().isInterrupted());
                } catch (AlreadyClosedException e) {
                    // the reader closed under us: nobody will search it any more
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "frequent stems not counted ahead; searches count them", e);
                } finally {
                    counts.done = true; // also when counting failed or was given up: searches count for themselves
                    try {
                        reader.decRef();
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.WARNING, "cannot release an index reader", e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // the index is closing
        }
        return counts;
    }

    private void countAll(IndexSearcher searcher, FacetOrdinals ordinals, StemVariants stems, Budget budget,
                          BooleanSupplier wanted) throws IOException {
        long perStem = 64 + 4L * ordinals.countLength() + 8L * RANKED_HITS;
        Sort relevance = LuceneSearchService.sort(SortOrder.RELEVANCE);
        long bytes = 0;
        long postings = 0;
        FacetOrdinals.Selection everything = ordinals.select(Map.of());
        for (StemVariants.Frequent stem : stems.frequentStems(budget.minDocFreq())) {
            if (bytes + perStem > budget.bytes() || postings + stem.docFreq() > budget.postings() || !wanted.getAsBoolean()) break;
            Query q = stems.query(stem.stem());
            if (q instanceof MatchNoDocsQuery) continue;
            counted.put(q, searcher.search(q, ordinals.counter(everything, null))); // first: the larger saving
            TopDocs best = searcher.search(q, new TopFieldCollectorManager(relevance, RANKED_HITS, null, RANKED_HITS));
            ranked.put(q, RankedHits.of(best.scoreDocs));
            bytes += perStem;
            postings += stem.docFreq();
        }
        done = true;
    }

    /** The counts of {@code query} when it is the query of a stem counted so far, else null. */
    FacetOrdinals.Counted get(Query query) {
        return counted.get(query);
    }

    /** The best hits of {@code query} when it is the query of a stem counted so far, else null. */
    RankedHits ranked(Query query) {
        return ranked.get(query);
    }

    /**
     * A stem's first {@link #RANKED_HITS} hits in relevance order (score, then sort key, then document), as its
     * relevance-ranked search finds them: the first hits of the stem under any filter or exclusion are the first
     * of these that pass it, when enough do (see {@link RankedAhead}).
     */
    record RankedHits(int[] docs, float[] scores) {
        static RankedHits of(ScoreDoc[] hits) {
            int[] docs = new int[hits.length];
            float[] scores = new float[hits.length];
            for (int i = 0; i < hits.length; i++) {
                docs[i] = hits[i].doc;
                scores[i] = (Float) ((FieldDoc) hits[i]).fields[0];
            }
            return new RankedHits(docs, scores);
        }

        int size() {
            return docs.length;
        }
    }

    /** How many stems are counted so far. */
    int size() {
        return counted.size();
    }

    /**
     * Whether counting has ended: every frequent stem that fits is counted, or counting stopped early (the reader was
     * given up, or failed); searches count the stems not counted here for themselves.
     */
    boolean done() {
        return done;
    }
}
