package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOSupplier;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Every document's facet values, copied once per reader from the facet doc values into plain int arrays.
 *
 * <p>Why: counting facets visits every match of a query, and a frequent word matches a large part of the index.
 * Decoding sorted-set doc values per match (sparse doc-id lookups, monotonic address tables, segment-to-global
 * ordinal maps) was the largest single cost of a query at a million paragraphs; reading two arrays is several
 * times cheaper. The copy costs 4 bytes per document plus 4 per value (about 12 MB at a million paragraphs),
 * built when a reader opens.
 *
 * <p>Values are numbered per dimension in index order ({@code values(dim)[ord]}); all dimensions share one
 * "slot" space ({@code slot = base(dim) + ord}) so that a document's values of every dimension sit side by
 * side: {@code slots[starts[doc]] .. slots[starts[doc + 1] - 1]} per segment. One document then costs one or two
 * cache lines whatever the number of dimensions. Immutable once built, so any number of requests count from it
 * at once.
 *
 * <p>The per-match loop reads a document's first {@link #UNROLLED} slots unconditionally and adds 1 or 0
 * ({@code n > k}), so most documents (one to four values) cost no branch on their number of values: that loop's
 * exit, taken after a varying 1-5 values, was mispredicted about once per match and cost more than the memory
 * it reads (a micro-benchmark at 1M paragraphs: 12-14 ns per match before, 7-7.5 after). For that, each leaf's
 * slots are followed by {@link #UNROLLED} padding entries holding a spare slot ({@link #spare()}), one past the
 * real ones in every per-slot array, which a document with fewer values may read but only ever adds 0 to.
 */
final class FacetOrdinals {
    /** Slots of a document read without a branch on its number of values (see the class comment). */
    static final int UNROLLED = 4;
    private final List<String> dims;
    /** [dim][ord]: the dimension's values in index (UTF-8 byte) order. */
    private final String[][] values;
    /** [dim]: the first slot of the dimension; [dims.size()]: the number of slots. */
    private final int[] base;
    /** [leaf][doc]: offset of the document's first slot; length maxDoc + 1. */
    private final int[][] starts;
    /** [leaf][offset]: slots. */
    private final int[][] slots;
    /** [dim]: value to ordinal. */
    private final List<Map<String, Integer>> ordinalOf;
    /** [slot]: the bit of the slot's dimension ({@code 1 << dim}). */
    private final int[] dimBit;
    /** Counts over all live documents (the facets of a match-all query), computed once. */
    private final OrdinalFacets totals;
    /** The same by slot, with the number of live documents: what {@link #share} divides. */
    private final Counted allDocuments;
    /** The selection of a search without facet filters (its array is never written). */
    private final Selection noFilters;

    private FacetOrdinals(List<String> dims, String[][] values, int[][] starts, int[][] slots, int[] slotTotals, long documents) {
        if (dims.size() > Integer.SIZE) throw new IllegalArgumentException("at most 32 dimensions: a filter is a bit per dimension");
        this.dims = dims;
        this.values = values;
        this.base = slotBases(values);
        this.dimBit = new int[base[values.length] + 1]; // the spare slot: no dimension
        for (int d = 0; d < values.length; d++) Arrays.fill(dimBit, base[d], base[d + 1], 1 << d);
        this.noFilters = new Selection(new int[base[values.length] + 1], 0);
        List<Map<String, Integer>> index = new ArrayList<>(values.length);
        for (String[] v : values) {
            Map<String, Integer> m = HashMap.newHashMap(v.length);
            for (int i = 0; i < v.length; i++) m.put(v[i], i);
            index.add(m);
        }
        this.ordinalOf = List.copyOf(index);
        this.starts = starts;
        this.slots = slots;
        int[][] perDim = new int[dims.size()][];
        for (int d = 0; d < perDim.length; d++) perDim[d] = slice(slotTotals, d);
        this.totals = new OrdinalFacets(this, perDim);
        this.allDocuments = new Counted(slotTotals, documents);
    }

    /** Reads the facet values of {@code dims} (in that order) from the facet field of {@code config}. */
    static FacetOrdinals load(IndexReader reader, FacetsConfig config, List<String> dims) throws IOException {
        String field = config.getDimConfig(dims.get(0)).indexFieldName;
        for (String dim : dims) {
            if (!field.equals(config.getDimConfig(dim).indexFieldName)) {
                throw new IllegalArgumentException("all facet dimensions must share one doc-values field");
            }
        }
        List<LeafReaderContext> leaves = reader.leaves();
        SortedSetDocValues[] forMap = new SortedSetDocValues[leaves.size()];
        SortedSetDocValues[] forLookup = new SortedSetDocValues[leaves.size()];
        for (int i = 0; i < forMap.length; i++) {
            forMap[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
            forLookup[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
        }
        OrdinalMap map = OrdinalMap.build(null, forMap, PackedInts.DEFAULT);

        // Global ordinals are sorted by "dim<DELIM>value": within a dimension, by value.
        int globalCount = Math.toIntExact(map.getValueCount());
        int[] dimOf = new int[globalCount];
        int[] localOf = new int[globalCount];
        List<List<String>> perDim = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) perDim.add(new ArrayList<>());
        for (int g = 0; g < globalCount; g++) {
            int segment = map.getFirstSegmentNumber(g);
            String[] path = FacetsConfig.stringToPath(
                    forLookup[segment].lookupOrd(map.getFirstSegmentOrd(g)).utf8ToString());
            int d = path.length == 2 ? dims.indexOf(path[0]) : -1;
            dimOf[g] = d;
            if (d >= 0) {
                localOf[g] = perDim.get(d).size();
                perDim.get(d).add(path[1]);
            }
        }
        String[][] values = new String[dims.size()][];
        for (int d = 0; d < values.length; d++) values[d] = perDim.get(d).toArray(new String[0]);
        int[] base = slotBases(values);
        int[] slotOf = new int[globalCount];
        for (int g = 0; g < globalCount; g++) slotOf[g] = dimOf[g] < 0 ? -1 : base[dimOf[g]] + localOf[g];

        int[][] starts = new int[leaves.size()][];
        int[][] slots = new int[leaves.size()][];
        int[] totals = new int[base[dims.size()]];
        long documents = 0;
        for (int l = 0; l < leaves.size(); l++) {
            LeafReader leaf = leaves.get(l).reader();
            loadLeaf(leaf, DocValues.getSortedSet(leaf, field), map.getGlobalOrds(l), slotOf, base[dims.size()], l, starts, slots);
            Bits live = leaf.getLiveDocs();
            int[] s = starts[l], o = slots[l];
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) continue;
                documents++;
                for (int j = s[doc]; j < s[doc + 1]; j++) totals[o[j]]++;
            }
        }
        return new FacetOrdinals(List.copyOf(dims), values, starts, slots, totals, documents);
    }

    /** [dim]: the dimension's first slot; [values.length]: the number of slots. */
    private static int[] slotBases(String[][] values) {
        int[] base = new int[values.length + 1];
        for (int d = 0; d < values.length; d++) base[d + 1] = base[d] + values[d].length;
        return base;
    }

    private static void loadLeaf(LeafReader leaf, SortedSetDocValues dv, LongValues toGlobal, int[] slotOf, int spare, int l,
                                 int[][] starts, int[][] slots) throws IOException {
        int maxDoc = leaf.maxDoc();
        int[] s = new int[maxDoc + 1];
        int[] buf = new int[16];
        int size = 0;
        int filled = 0; // s[0 .. filled - 1] are set
        for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
            while (filled <= doc) s[filled++] = size;
            for (int i = 0, n = dv.docValueCount(); i < n; i++) {
                int slot = slotOf[(int) toGlobal.get(dv.nextOrd())];
                if (slot < 0) continue; // a dimension parley does not count
                buf = ArrayUtil.grow(buf, size + 1);
                buf[size++] = slot;
            }
        }
        while (filled <= maxDoc) s[filled++] = size;
        starts[l] = s;
        int[] padded = Arrays.copyOf(buf, size + UNROLLED);
        Arrays.fill(padded, size, padded.length, spare); // read past the last document's values, never counted
        slots[l] = padded;
    }

    /** An empty index: no dimension has values. */
    static FacetOrdinals empty(List<String> dims) {
        return new FacetOrdinals(List.copyOf(dims), new String[dims.size()][0], new int[0][], new int[0][], new int[0], 0);
    }

    List<String> dims() {
        return dims;
    }

    int dimIndex(String dim) {
        return dims.indexOf(dim);
    }

    /** The values of dimension {@code d}, in index order; a value's position is its ordinal. */
    String[] values(int d) {
        return values[d];
    }

    /** Ordinal of {@code value} in dimension {@code d}, or -1 when no document has it. */
    int ordinal(int d, String value) {
        return ordinalOf.get(d).getOrDefault(value, -1);
    }

    /** The slot after the real ones: what the padding after each leaf's slots holds (see the class comment). */
    private int spare() {
        return base[dims.size()];
    }

    /** The number of real slots (values of every dimension). */
    int slotCount() {
        return spare();
    }

    /** Copies dimension {@code d}'s part of {@code from} (counts by slot) into {@code to}. */
    void copyDimension(int[] from, int[] to, int d) {
        System.arraycopy(from, base[d], to, base[d], base[d + 1] - base[d]);
    }

    /** Dimension {@code d}'s counts (indexed by ordinal) out of counts indexed by slot. */
    int[] slice(int[] slotCounts, int d) {
        return Arrays.copyOfRange(slotCounts, base[d], base[d + 1]);
    }

    /** Counts of every value over all live documents (the facets of a match-all query). */
    OrdinalFacets totals() {
        return totals;
    }

    /**
     * What a {@link DrillSidewaysCollector} counted: a count per slot (every dimension; the last, spare one is
     * always 0), and the number of documents.
     */
    record Counted(int[] slotCounts, long documents) {
    }

    /**
     * A drill-down's filters in slot terms: {@code pass[slot]} holds the bit of the slot's dimension when that
     * dimension's filter accepts the slot's value; {@code required} holds the bit of every filtered dimension.
     * A document passes the filter of dimension {@code d} when one of its slots has bit {@code d} in {@code pass}.
     */
    record Selection(int[] pass, int required) {
    }

    /** Which values of one dimension a filter keeps: the listed {@code values}, or, when set, those {@code test} accepts. */
    record ValueFilter(Set<String> values, Predicate<String> test) {
    }

    /** The slot bits of {@code filters} (dimension to filter); dimensions without a filter accept everything. */
    Selection select(Map<String, ValueFilter> filters) {
        if (filters.isEmpty()) return noFilters;
        int[] pass = new int[spare() + 1];
        int required = 0;
        for (Map.Entry<String, ValueFilter> e : filters.entrySet()) {
            int d = dims.indexOf(e.getKey());
            if (d < 0) throw new IllegalArgumentException("not a counted dimension: " + e.getKey());
            int bit = 1 << d;
            required |= bit;
            ValueFilter f = e.getValue();
            if (f.test() == null) {
                for (String v : f.values()) {
                    int ord = ordinal(d, v);
                    if (ord >= 0) pass[base[d] + ord] |= bit;
                }
            } else {
                for (int ord = 0; ord < values[d].length; ord++) if (f.test().test(values[d][ord])) pass[base[d] + ord] |= bit;
            }
        }
        return new Selection(pass, required);
    }

    /**
     * About the share of all documents that pass the filter of dimension {@code d} in {@code selection}: the accepted
     * values' document counts over the number of documents, at most 1 (a document with two accepted values is
     * counted twice, so this errs high).
     */
    double share(Selection selection, int d) {
        return share(selection, d, allDocuments);
    }

    /** The same among the documents {@code counted} counted (a query's matches): exact where {@link #share} guesses. */
    double share(Selection selection, int d, Counted counted) {
        if (counted.documents() == 0) return 1;
        long sum = 0;
        int bit = 1 << d;
        int[] counts = counted.slotCounts();
        for (int slot = base[d]; slot < base[d + 1]; slot++) if ((selection.pass()[slot] & bit) != 0) sum += counts[slot];
        return Math.min(1.0, sum / (double) counted.documents());
    }

    /**
     * A collector manager that counts, for each collected document failing the filter of dimension {@code d} in
     * {@code selection}, its values of {@code d}, and nothing else: the part of a drill-sideways count that a search
     * restricted to the other filters adds (see {@link DrillSidewaysPass}). Its document count stays 0.
     */
    CollectorManager<DrillSidewaysCollector, Counted> failingCounter(Selection selection, int d) {
        int bit = 1 << d;
        int[] p = selection.pass();
        return new CollectorManager<>() {
            @Override
            public DrillSidewaysCollector newCollector() {
                int[] c = new int[spare() + 1];
                return new DrillSidewaysCollector(c, selection, null) {
                    @Override
                    public LeafCollector getLeafCollector(LeafReaderContext context) {
                        int[] s = starts[context.ord];
                        int[] o = slots[context.ord];
                        return new LeafCollector() {
                            @Override
                            public void setScorer(Scorable scorer) {
                            }

                            @Override
                            public void collect(int doc) {
                                int start = s[doc], end = s[doc + 1];
                                int passed = 0;
                                for (int j = start; j < end; j++) passed |= p[o[j]];
                                if ((passed & bit) != 0) return;
                                for (int j = start; j < end; j++) c[o[j]] += ((dimBit[o[j]] ^ bit) - 1) >>> 31;
                            }
                        };
                    }
                };
            }

            @Override
            public Counted reduce(Collection<DrillSidewaysCollector> collectors) {
                return sum(collectors);
            }
        };
    }

    /**
     * A collector manager for the unfiltered query of a drill-down that counts facets drill-sideways: a document
     * passing every filter of {@code selection} is counted in every dimension (and handed to a collector from
     * {@code hits}, when given); a document failing exactly one filter is counted in that dimension only, so a
     * filtered dimension shows all its values under the other filters. One pass over the unfiltered matches
     * replaces Lucene's {@code DrillSideways}, which counted each hit once per filtered dimension and once more,
     * and advanced one iterator per filter.
     */
    CollectorManager<DrillSidewaysCollector, Counted> counter(Selection selection, IOSupplier<Collector> hits) {
        return new CollectorManager<>() {
            @Override
            public DrillSidewaysCollector newCollector() throws IOException {
                return new DrillSidewaysCollector(new int[spare() + 1], selection, hits == null ? null : hits.get());
            }

            @Override
            public Counted reduce(Collection<DrillSidewaysCollector> collectors) {
                return sum(collectors);
            }
        };
    }

    private Counted sum(Collection<DrillSidewaysCollector> collectors) {
        int[] sum = null;
        long documents = 0;
        for (DrillSidewaysCollector c : collectors) {
            documents += c.documents;
            if (sum == null) {
                sum = c.counts;
            } else {
                for (int i = 0; i < sum.length; i++) sum[i] += c.counts[i];
            }
        }
        return new Counted(sum == null ? new int[spare() + 1] : sum, documents);
    }

    /**
     * Counts the facet values of collected documents; one per search slice. It counts every dimension even where
     * only one is wanted: the document's other values share its cache line, so skipping them saves nothing.
     */
    class DrillSidewaysCollector implements Collector {
        private final int[] counts;
        private final int[] pass;
        private final int required;
        private final Collector hits;
        private long documents;

        private DrillSidewaysCollector(int[] counts, Selection selection, Collector hits) {
            this.counts = counts;
            this.pass = selection.pass();
            this.required = selection.required();
            this.hits = hits;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            int[] s = starts[context.ord];
            int[] o = slots[context.ord];
            int[] c = counts;
            LeafCollector leafHits = hits == null ? null : hitsOf(context);
            if (required == 0) return new Batched(s, o, leafHits);
            int[] p = pass;
            int[] bit = dimBit;
            int want = required;
            return new LeafCollector() {
                private LeafCollector forward = leafHits;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    if (forward != null) forward.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    int start = s[doc], end = s[doc + 1], n = end - start;
                    // (k - n) >> 31 is all ones when the document has more than k values, else 0
                    int passed = p[o[start]] & (-n >> 31) | p[o[start + 1]] & ((1 - n) >> 31)
                            | p[o[start + 2]] & ((2 - n) >> 31) | p[o[start + 3]] & ((3 - n) >> 31);
                    for (int j = start + UNROLLED; j < end; j++) passed |= p[o[j]];
                    int missed = want & ~passed;
                    if (missed == 0) {
                        documents++;
                        c[o[start]] += -n >>> 31;
                        c[o[start + 1]] += (1 - n) >>> 31;
                        c[o[start + 2]] += (2 - n) >>> 31;
                        c[o[start + 3]] += (3 - n) >>> 31;
                        for (int j = start + UNROLLED; j < end; j++) c[o[j]]++;
                        if (forward != null) forward(doc);
                    } else if ((missed & (missed - 1)) == 0) {
                        // failing one filter: counted in that dimension only. Without a branch per value, like the
                        // loop above: ((b ^ missed) - 1) >>> 31 is 1 when b is the missed dimension's bit, else 0
                        // (a branch here, taken or not at random under a selective filter, cost 2-3x the pass)
                        c[o[start]] += ((bit[o[start]] ^ missed) - 1) >>> 31 & -n >>> 31;
                        c[o[start + 1]] += ((bit[o[start + 1]] ^ missed) - 1) >>> 31 & (1 - n) >>> 31;
                        c[o[start + 2]] += ((bit[o[start + 2]] ^ missed) - 1) >>> 31 & (2 - n) >>> 31;
                        c[o[start + 3]] += ((bit[o[start + 3]] ^ missed) - 1) >>> 31 & (3 - n) >>> 31;
                        for (int j = start + UNROLLED; j < end; j++) c[o[j]] += ((bit[o[j]] ^ missed) - 1) >>> 31;
                    }
                }

                @Override
                public void finish() throws IOException {
                    if (leafHits != null) leafHits.finish(); // also after it ended collection early, as Lucene does
                }

                private void forward(int doc) throws IOException {
                    try {
                        forward.collect(doc);
                    } catch (CollectionTerminatedException e) {
                        forward = null; // the hits collector has seen enough of this leaf; counting goes on
                    }
                }
            };
        }

        private LeafCollector hitsOf(LeafReaderContext context) throws IOException {
            try {
                return hits.getLeafCollector(context);
            } catch (CollectionTerminatedException e) {
                return null;
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return hits == null ? ScoreMode.COMPLETE_NO_SCORES : hits.scoreMode();
        }

        /**
         * Counts the matches of a search without filters a batch at a time. A selective query's matches are scattered
         * over the index, and a document's slots are found through its start: two dependent loads, each likely a
         * cache miss, one match after the other. A batch reads the starts of all its documents first, then, when
         * they are scattered, their first four slots, then counts: the loads of different documents do not wait on
         * each other ("deputy" under a country, 15,000 matches counted: 4.9 to 3.9 ms a search). In the one pass of a
         * small search each match also goes to the hits collector at once, while the scorer is on it. Under filters
         * the per-document loop stayed faster (measured on the bench mix's searches with two filters), and a match's
         * slots decide whether the hits collector sees it, which cannot wait for the batch.
         */
        private final class Batched implements LeafCollector {
            private static final int SIZE = 128;
            /**
             * A batch spanning more than this many documents per match is scattered. Over denser matches the slots
             * of neighbouring documents share cache lines, and reading them twice cost more than it saved.
             */
            private static final int SPARSE_SPAN = 8;
            private final int[] docs = new int[SIZE];
            private final int[] first = new int[SIZE];
            private final int[] sizes = new int[SIZE];
            private final int[] v0 = new int[SIZE];
            private final int[] v1 = new int[SIZE];
            private final int[] v2 = new int[SIZE];
            private final int[] v3 = new int[SIZE];
            private final int[] s;
            private final int[] o;
            /** The hits collector's leaf (every match passes: there are no filters), or null. */
            private final LeafCollector leafHits;
            private LeafCollector forward;
            private int n;

            private Batched(int[] starts, int[] slots, LeafCollector leafHits) {
                this.s = starts;
                this.o = slots;
                this.leafHits = leafHits;
                this.forward = leafHits;
            }

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                if (forward != null) forward.setScorer(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (forward != null) {
                    try {
                        forward.collect(doc); // now, while the scorer is on this document
                    } catch (CollectionTerminatedException e) {
                        forward = null; // the hits collector has seen enough of this leaf; counting goes on
                    }
                }
                docs[n++] = doc;
                if (n == SIZE) flush();
            }

            @Override
            public void finish() throws IOException {
                if (n > 0) flush();
                if (leafHits != null) leafHits.finish(); // also after it ended collection early, as Lucene does
            }

            private void flush() {
                int[] st = s;
                for (int i = 0; i < n; i++) {
                    int doc = docs[i], start = st[doc];
                    first[i] = start;
                    sizes[i] = st[doc + 1] - start;
                }
                int[] c = counts;
                if (docs[n - 1] - docs[0] > SPARSE_SPAN * n) {
                    // scattered: read every document's first slots, then count them
                    for (int i = 0; i < n; i++) {
                        int start = first[i];
                        v0[i] = o[start];
                        v1[i] = o[start + 1];
                        v2[i] = o[start + 2];
                        v3[i] = o[start + 3];
                    }
                    for (int i = 0; i < n; i++) {
                        int k = sizes[i];
                        // (j - k) >>> 31 is 1 when the document has more than j values, else 0
                        c[v0[i]] += -k >>> 31;
                        c[v1[i]] += (1 - k) >>> 31;
                        c[v2[i]] += (2 - k) >>> 31;
                        c[v3[i]] += (3 - k) >>> 31;
                        if (k > UNROLLED) for (int j = first[i] + UNROLLED, end = first[i] + k; j < end; j++) c[o[j]]++;
                    }
                } else {
                    // dense: the slots of neighbouring documents share cache lines, and the prefetcher reads ahead
                    for (int i = 0; i < n; i++) {
                        int start = first[i], k = sizes[i];
                        c[o[start]] += -k >>> 31;
                        c[o[start + 1]] += (1 - k) >>> 31;
                        c[o[start + 2]] += (2 - k) >>> 31;
                        c[o[start + 3]] += (3 - k) >>> 31;
                        for (int j = start + UNROLLED, end = start + k; j < end; j++) c[o[j]]++;
                    }
                }
                documents += n;
                n = 0;
            }
        }
    }
}
