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
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOSupplier;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Every document's facet values, copied once per reader from the facet doc values into plain arrays.
 *
 * <p>Why: counting facets visits every match of a query, and a frequent word matches a large part of the index.
 * Decoding sorted-set doc values per match (sparse doc-id lookups, monotonic address tables, segment-to-global
 * ordinal maps) was the largest single cost of a query at a million paragraphs; reading one array is several
 * times cheaper. The copy costs 8 bytes per document plus 4 per value of the few documents with many values
 * (10.5 MB at a million paragraphs, against 13.8 for a table of offsets into an array of values), built when a
 * reader opens.
 *
 * <p>Values are numbered per dimension in index order ({@code values(dim)[ord]}); all dimensions share one
 * "slot" space ({@code slot = base(dim) + ord}). A document's slots of every dimension are packed into one
 * {@code long}: four fields of 16 bits while there are fewer than 65,520 values in all, else as many fields as fit.
 * A match then costs one memory access, where a table of offsets into an array of slots cost two dependent ones,
 * each likely a cache miss when the matches are scattered (an OR of two medium words under a year range, 19,000
 * matches: 0.6-0.65x the search's CPU, with the batches below). A document with more values than fields holds all
 * ones in its first field and its number among such documents above it; its slots lie in a separate array (7.5%
 * of the paragraphs at a million have more than four values).
 *
 * <p>A document with fewer values than fields fills field {@code i} with the padding slot {@code slotCount() + i},
 * past the real ones in every per-slot array: it passes no filter, belongs to no dimension, and its count is junk that
 * nobody reads (zeroed when counts are summed). So the per-match loop reads and counts every field without a branch
 * on the document's number of values: that branch, taken after a varying 1-5 values, was mispredicted about once per
 * match and cost more than the memory it reads. Each field has its own padding slot so that the junk increments of
 * consecutive documents do not wait on each other.
 */
final class FacetOrdinals {
    /** Padding slots after the real ones (at least the number of fields of a packed document, see the class comment). */
    private static final int PADDING = 16;
    /** Bits per field of the common layout, four fields per document. */
    private static final int QUARTERS = 16;
    private final List<String> dims;
    /** [dim][ord]: the dimension's values in index (UTF-8 byte) order. */
    private final String[][] values;
    /** [dim]: the first slot of the dimension; [dims.size()]: the number of slots. */
    private final int[] base;
    /** Every leaf's documents, packed (see the class comment). */
    private final Packed packed;
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

    private FacetOrdinals(List<String> dims, String[][] values, Packed leaves, int[] slotTotals, long documents) {
        if (dims.size() > Integer.SIZE) throw new IllegalArgumentException("at most 32 dimensions: a filter is a bit per dimension");
        this.dims = dims;
        this.values = values;
        this.base = slotBases(values);
        this.packed = leaves;
        this.dimBit = new int[countLength()]; // padding slots: no dimension
        for (int d = 0; d < values.length; d++) Arrays.fill(dimBit, base[d], base[d + 1], 1 << d);
        this.noFilters = new Selection(new int[countLength()], 0);
        List<Map<String, Integer>> index = new ArrayList<>(values.length);
        for (String[] v : values) {
            Map<String, Integer> m = HashMap.newHashMap(v.length);
            for (int i = 0; i < v.length; i++) m.put(v[i], i);
            index.add(m);
        }
        this.ordinalOf = List.copyOf(index);
        int[][] perDim = new int[dims.size()][];
        for (int d = 0; d < perDim.length; d++) perDim[d] = slice(slotTotals, d);
        this.totals = new OrdinalFacets(this, perDim);
        this.allDocuments = new Counted(slotTotals, documents);
    }

    /**
     * The documents of every leaf, packed with {@code bits} bits per field (see the class comment): {@code [leaf][doc]}
     * a document's word; {@code overflowStarts[leaf][k]} the offset of the k-th many-valued document's first slot in
     * {@code overflowSlots[leaf]}, with one more offset at the end. {@code most} is the length of a buffer that holds
     * any document's slots: the number of fields, or more for a document with more values.
     */
    private record Packed(int bits, long[][] words, int[][] overflowStarts, int[][] overflowSlots, int[] most) {
        int fields() {
            return Long.SIZE / bits;
        }
    }

    /** Reads the facet values of {@code dims} (in that order) from the facet field of {@code config}. */
    static FacetOrdinals load(IndexReader reader, FacetsConfig config, List<String> dims) throws IOException {
        return load(reader, config, dims, 0);
    }

    /**
     * The same with at least {@code minBits} bits per field (fewer fields per document: tests use it to have many
     * documents take the many-valued path).
     */
    static FacetOrdinals load(IndexReader reader, FacetsConfig config, List<String> dims, int minBits) throws IOException {
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

        int slotCount = base[dims.size()];
        // the mask (all ones) marks a many-valued document, so it must exceed every real and padding slot
        int bits = Math.max(Math.max(minBits, QUARTERS), Integer.SIZE - Integer.numberOfLeadingZeros(slotCount + PADDING));
        if (bits > 31) throw new IllegalArgumentException("too many facet values: " + slotCount);
        int n = leaves.size();
        Packed packed = new Packed(bits, new long[n][], new int[n][], new int[n][], new int[n]);
        int[] totals = new int[slotCount + PADDING];
        long documents = 0;
        for (int l = 0; l < leaves.size(); l++) {
            LeafReader leaf = leaves.get(l).reader();
            loadLeaf(DocValues.getSortedSet(leaf, field), map.getGlobalOrds(l), slotOf, slotCount, leaf.maxDoc(), l, packed);
            Bits live = leaf.getLiveDocs();
            LeafSlots slots = new LeafSlots(packed, l);
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) continue;
                documents++;
                for (int j = 0, k = slots.read(doc); j < k; j++) totals[slots.slots[j]]++;
            }
        }
        Arrays.fill(totals, slotCount, totals.length, 0); // the padding slots' junk
        return new FacetOrdinals(List.copyOf(dims), values, packed, totals, documents);
    }

    /** [dim]: the dimension's first slot; [values.length]: the number of slots. */
    private static int[] slotBases(String[][] values) {
        int[] base = new int[values.length + 1];
        for (int d = 0; d < values.length; d++) base[d + 1] = base[d] + values[d].length;
        return base;
    }

    private static void loadLeaf(SortedSetDocValues dv, LongValues toGlobal, int[] slotOf, int slotCount, int maxDoc, int l,
                                 Packed out) throws IOException {
        int bits = out.bits(), fields = out.fields();
        long mask = (1L << bits) - 1;
        int[] buf = new int[16];
        long[] words = new long[maxDoc];
        Arrays.fill(words, pack(buf, 0, slotCount, bits, fields)); // documents without values: padding only
        int[] starts = new int[16];
        int[] slots = new int[16];
        int overflowed = 0, size = 0, most = fields;
        for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
            int n = 0;
            for (int i = 0, count = dv.docValueCount(); i < count; i++) {
                int slot = slotOf[(int) toGlobal.get(dv.nextOrd())];
                if (slot < 0) continue; // a dimension parley does not count
                buf = ArrayUtil.grow(buf, n + 1);
                buf[n++] = slot;
            }
            if (n <= fields) {
                words[doc] = pack(buf, n, slotCount, bits, fields);
            } else {
                words[doc] = mask | (long) overflowed << bits;
                most = Math.max(most, n);
                starts = ArrayUtil.grow(starts, overflowed + 2);
                starts[overflowed++] = size;
                slots = ArrayUtil.grow(slots, size + n);
                System.arraycopy(buf, 0, slots, size, n);
                size += n;
            }
        }
        starts = ArrayUtil.grow(starts, overflowed + 1);
        starts[overflowed] = size;
        out.words()[l] = words;
        out.most()[l] = most;
        out.overflowStarts()[l] = Arrays.copyOf(starts, overflowed + 1);
        out.overflowSlots()[l] = Arrays.copyOf(slots, size);
    }

    /** The word of a document whose {@code n} slots (at most {@code fields}) are in {@code slots}; padding after them. */
    private static long pack(int[] slots, int n, int slotCount, int bits, int fields) {
        long word = 0;
        for (int i = 0; i < fields; i++) word |= (long) (i < n ? slots[i] : slotCount + i) << (i * bits);
        return word;
    }

    /**
     * One leaf's documents, decoded one at a time into {@link #slots}: a packed document's every field (padding
     * included, see the class comment), or a many-valued document's slots. What the per-match loops read.
     */
    private static final class LeafSlots {
        private final long[] words;
        private final int[] overflowStarts;
        private final int[] overflowSlots;
        final int bits;
        final int fields;
        final long mask;
        /** The last document read: its slots at 0 .. n - 1, for n as {@link #read} returned. */
        final int[] slots;

        LeafSlots(Packed p, int leaf) {
            this.words = p.words()[leaf];
            this.overflowStarts = p.overflowStarts()[leaf];
            this.overflowSlots = p.overflowSlots()[leaf];
            this.bits = p.bits();
            this.fields = p.fields();
            this.mask = (1L << bits) - 1;
            this.slots = new int[p.most()[leaf]];
        }

        /** The document's packed word: what {@link #decode} reads (the one memory access a match costs). */
        long word(int doc) {
            return words[doc];
        }

        /** Reads document {@code doc} into {@link #slots}; returns how many were written. */
        int read(int doc) {
            return decode(words[doc]);
        }

        /** Whether the document of {@code word} holds its slots in the word's fields (else it is many-valued). */
        boolean packed(long word) {
            return (word & mask) != mask;
        }

        /** A many-valued document's number among them, from its word: where its slots start in the side array. */
        int manyValued(long word) {
            return (int) (word >>> bits);
        }

        /** The same from the document's {@link #word}. */
        int decode(long word) {
            int[] out = slots;
            if (packed(word)) {
                for (int i = 0, shift = 0; i < fields; i++, shift += bits) out[i] = (int) (word >>> shift & mask);
                return fields;
            }
            int k = manyValued(word);
            int from = overflowStarts[k], n = overflowStarts[k + 1] - from;
            System.arraycopy(overflowSlots, from, out, 0, n);
            return n;
        }
    }

    /** An empty index: no dimension has values. */
    static FacetOrdinals empty(List<String> dims) {
        return new FacetOrdinals(List.copyOf(dims), new String[dims.size()][0],
                new Packed(QUARTERS, new long[0][], new int[0][], new int[0][], new int[0]),
                new int[PADDING], 0);
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

    /** The number of real slots (values of every dimension). */
    int slotCount() {
        return base[dims.size()];
    }

    /** The length of an array indexed by slot: the real slots, then the padding ones (see the class comment). */
    int countLength() {
        return slotCount() + PADDING;
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
     * What a {@link DrillSidewaysCollector} counted: a count per slot (every dimension; the padding slots after the
     * real ones are 0), and the number of documents.
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
        int[] pass = new int[countLength()];
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
        return new CollectorManager<>() {
            @Override
            public DrillSidewaysCollector newCollector() {
                // only dimension d's filter: a document passing it is not counted, one failing it counts in d only
                return new DrillSidewaysCollector(new int[countLength()], selection.pass(), 1 << d, false, null);
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
                return new DrillSidewaysCollector(new int[countLength()], selection.pass(), selection.required(), true,
                        hits == null ? null : hits.get());
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
        if (sum != null) Arrays.fill(sum, slotCount(), sum.length, 0); // the padding slots' junk (see the class comment)
        return new Counted(sum == null ? new int[countLength()] : sum, documents);
    }

    /**
     * Counts the facet values of collected documents; one per search slice. It counts every dimension even where
     * only one is wanted: the document's other values share its word, so skipping them saves nothing.
     */
    class DrillSidewaysCollector implements Collector {
        private final int[] counts;
        /** Per slot, the bit of its dimension when that dimension's filter accepts it (see {@link Selection}). */
        private final int[] pass;
        /** The bits of the filtered dimensions. */
        private final int required;
        /** Whether a document passing every filter is counted (else only those failing one filter are). */
        private final boolean countPassing;
        private final Collector hits;
        private long documents;

        private DrillSidewaysCollector(int[] counts, int[] pass, int required, boolean countPassing, Collector hits) {
            this.counts = counts;
            this.pass = pass;
            this.required = required;
            this.countPassing = countPassing;
            this.hits = hits;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector leafHits = hits == null ? null : hitsOf(context);
            // under filters a match's slots decide whether the hits collector sees it: in a batch only when it needs
            // no scorer positioned on the match
            boolean oneByOne = required != 0 && leafHits != null && hits.scoreMode().needsScores();
            return new Batched(leafSlots(context), leafHits, oneByOne);
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
         * Counts one document from its packed {@code word}: in every dimension when it passes every filter, in the
         * dimension of the one filter it fails when it fails exactly one (drill-sideways). Returns whether it passed
         * every filter. The packed fields are read straight from the word; a many-valued document's slots from
         * {@code leaf}'s side array, the same way.
         */
        private boolean count(LeafSlots leaf, long word) {
            // kept small, with the filtered case apart, so that the JIT inlines it into the loops (a 344-byte method
            // is past its limit for hot calls: every match then paid a call)
            if (leaf.bits != QUARTERS || !leaf.packed(word)) return countUnpacked(leaf, word);
            // four fields of 16 bits: the common layout (fewer than 65,520 values in all)
            int s0 = (int) word & 0xFFFF, s1 = (int) (word >>> 16) & 0xFFFF, s2 = (int) (word >>> 32) & 0xFFFF, s3 = (int) (word >>> 48);
            if (required != 0) return countFiltered(s0, s1, s2, s3);
            countAll(s0, s1, s2, s3);
            return true;
        }

        private void countAll(int s0, int s1, int s2, int s3) {
            int[] c = counts;
            c[s0]++;
            c[s1]++;
            c[s2]++;
            c[s3]++;
            documents++;
        }

        /** A packed document under filters: see {@link #count(LeafSlots, long)}. */
        private boolean countFiltered(int s0, int s1, int s2, int s3) {
            int[] p = pass;
            int missed = required & ~(p[s0] | p[s1] | p[s2] | p[s3]);
            if (missed == 0) {
                if (countPassing) countAll(s0, s1, s2, s3);
                return true;
            }
            if ((missed & (missed - 1)) == 0) {
                // failing one filter: counted in that dimension only. Without a branch per value: ((b ^ missed) - 1)
                // >>> 31 is 1 when b is the missed dimension's bit, else 0 (a branch here, taken or not at random
                // under a selective filter, cost 2-3x the pass)
                int[] c = counts;
                int[] bit = dimBit;
                c[s0] += ((bit[s0] ^ missed) - 1) >>> 31;
                c[s1] += ((bit[s1] ^ missed) - 1) >>> 31;
                c[s2] += ((bit[s2] ^ missed) - 1) >>> 31;
                c[s3] += ((bit[s3] ^ missed) - 1) >>> 31;
            }
            return false;
        }

        /**
         * The same for a document whose word the common loop does not read: a many-valued one, its slots read where
         * they are in the side array (copying them out cost twice as much), or any in the wider layouts.
         */
        private boolean countUnpacked(LeafSlots leaf, long word) {
            if (leaf.packed(word)) return count(leaf.slots, 0, leaf.decode(word));
            int k = leaf.manyValued(word);
            return count(leaf.overflowSlots, leaf.overflowStarts[k], leaf.overflowStarts[k + 1]);
        }

        /** The same for the slots {@code slots[from, to)} of a document. */
        private boolean count(int[] slots, int from, int to) {
            int[] c = counts;
            int passed = 0;
            for (int j = from; j < to; j++) passed |= pass[slots[j]];
            int missed = required & ~passed;
            if (missed == 0) {
                if (!countPassing) return true;
                for (int j = from; j < to; j++) c[slots[j]]++;
                documents++;
                return true;
            }
            if ((missed & (missed - 1)) == 0) {
                for (int j = from; j < to; j++) c[slots[j]] += ((dimBit[slots[j]] ^ missed) - 1) >>> 31;
            }
            return false;
        }

        /**
         * Counts matches a batch at a time while they are scattered. A selective query's matches are scattered over
         * the index, and each document's packed slots are then likely a cache miss. A batch reads the words of all
         * its documents first, then counts them: the loads of different documents do not wait on each other, nor on
         * the counting. Under filters, over dense matches, neighbouring documents share cache lines and the prefetcher
         * reads ahead: there the batch's extra pass cost more than it saved, so each match is counted as it comes
         * until the matches spread out again (measured over windows of {@link #SIZE} matches). Without filters the
         * batches paid even over dense matches.
         *
         * <p>Without filters each match goes to the hits collector at once, while the scorer is on it (the one pass
         * of a small search). Under filters a match's slots decide whether the hits collector sees it, so in a batch
         * it is handed over when the batch is counted; for a hits collector that needs scores every match is counted
         * as it comes ({@code scored}).
         */
        private final class Batched implements LeafCollector {
            private static final int SIZE = 128;
            /**
             * Matches under filters spanning more than this many documents per match are scattered (a word every
             * four cache lines). Below that, batches cost more than they saved (measured on the bench mix: 8 and 64
             * cost the frequent words under two filters 5-9% more than counting one by one, 32 nothing).
             */
            private static final int SPARSE_SPAN = 32;
            /**
             * The same bound for matches handed over together ({@link #collect(DocIdStream)}): there they are already in
             * an array, so a batch costs only the pass that reads their words first, which pays as soon as each match
             * has a cache line of its own (8 words a line). A failing-filter pass over 45,700 matches spread one in 22
             * paragraphs ("cambodia NOT cooperation" in 2019-2024, under a speaker) cost 0.73x with this bound instead
             * of {@link #SPARSE_SPAN}; the mix's filtered searches 0.99x.
             */
            private static final int SPARSE_STREAM_SPAN = 8;
            private final int[] docs = new int[SIZE];
            private final long[] words = new long[SIZE];
            private final LeafSlots leaf;
            /** The hits collector's leaf, or null. */
            private final LeafCollector leafHits;
            /** Whether a match passing the filters must reach the hits collector while the scorer is on it. */
            private final boolean scored;
            private LeafCollector forward;
            /** Whether matches are counted as they come (dense, or {@code scored}), else a batch at a time. */
            private boolean oneByOne;
            /** Matches batched, or counted one by one in the current window. */
            private int n;
            /** The first document of the current window of matches counted one by one. */
            private int windowStart;

            private Batched(LeafSlots leaf, LeafCollector leafHits, boolean scored) {
                this.leaf = leaf;
                this.leafHits = leafHits;
                this.scored = scored;
                this.oneByOne = scored;
                this.forward = leafHits;
            }

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                if (forward != null) forward.setScorer(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (oneByOne) {
                    if (count(leaf, leaf.word(doc)) && forward != null) forward(doc);
                    if (++n == SIZE && !scored) {
                        oneByOne = close(windowStart, doc, SIZE, SPARSE_SPAN); // else the matches spread out: batch them
                        windowStart = doc + 1;
                        n = 0;
                    }
                    return;
                }
                if (required == 0 && forward != null) forward(doc); // now, while the scorer is on this document
                docs[n++] = doc;
                if (n == SIZE) flush();
            }

            @Override
            public void finish() throws IOException {
                if (n > 0 && !oneByOne) flush();
                if (leafHits != null) leafHits.finish(); // also after it ended collection early, as Lucene does
            }

            /**
             * Matches handed over together (a dense conjunction's window of matches, as a bit set): taken a batch at a
             * time into the batch's array, rather than by a call per match, unless the hits collector needs the scorer
             * on each. Under filters, a batch of matches close enough to share cache lines ({@link #SPARSE_STREAM_SPAN}) is
             * counted without reading its words ahead, as {@link #collect(int)} does one by one.
             */
            @Override
            public void collect(DocIdStream stream) throws IOException {
                if (forward != null && hits.scoreMode().needsScores()) { // the scorer must be on each match in turn
                    stream.forEach(this::collect);
                    return;
                }
                if (!oneByOne && n > 0) flush();
                LeafSlots l = leaf;
                int[] d = docs;
                for (int got = stream.intoArray(d); got != 0; got = stream.intoArray(d)) {
                    if (required == 0) {
                        for (int i = 0; i < got && forward != null; i++) forward(d[i]);
                        countBatch(got);
                    } else if (close(d[0], d[got - 1], got, SPARSE_STREAM_SPAN)) {
                        for (int i = 0; i < got; i++) if (count(l, l.word(d[i])) && forward != null) forward(d[i]);
                    } else {
                        countBatch(got);
                    }
                }
            }

            private void forward(int doc) throws IOException {
                try {
                    forward.collect(doc);
                } catch (CollectionTerminatedException e) {
                    forward = null; // the hits collector has seen enough of this leaf; counting goes on
                }
            }

            private void flush() throws IOException {
                countBatch(n);
                if (required != 0 && close(docs[0], docs[n - 1], n, SPARSE_SPAN)) { // dense: count the next ones as they come
                    oneByOne = true;
                    windowStart = docs[n - 1] + 1;
                }
                n = 0;
            }

            /**
             * Whether {@code matches} matches from {@code first} to {@code last} are at most {@code span} documents apart
             * on average: dense (see {@link #SPARSE_SPAN} and {@link #SPARSE_STREAM_SPAN}).
             */
            private static boolean close(int first, int last, int matches, int span) {
                return last - first <= span * matches;
            }

            /** Counts the first {@code size} matches of {@link #docs}: their words read first, then counted. */
            private void countBatch(int size) throws IOException {
                LeafSlots l = leaf;
                long[] w = words;
                for (int i = 0; i < size; i++) w[i] = l.word(docs[i]);
                if (required == 0 && l.bits == QUARTERS) {
                    countUnfiltered(l, w, size);
                    return;
                }
                boolean handOver = required != 0;
                for (int i = 0; i < size; i++) {
                    if (count(l, w[i]) && handOver && forward != null) forward(docs[i]);
                }
            }

            /**
             * The same without filters, in the common 16-bit layout: every match counts in every dimension, so the
             * loop only adds (the document count once per batch, not a field written per match).
             */
            private void countUnfiltered(LeafSlots l, long[] w, int size) {
                int[] c = counts;
                int[] starts = l.overflowStarts, many = l.overflowSlots;
                for (int i = 0; i < size; i++) {
                    long word = w[i];
                    if (!l.packed(word)) { // many-valued: its slots read where they are (a copy cost 2x)
                        int k = l.manyValued(word);
                        for (int j = starts[k], end = starts[k + 1]; j < end; j++) c[many[j]]++;
                        continue;
                    }
                    c[(int) word & 0xFFFF]++;
                    c[(int) (word >>> 16) & 0xFFFF]++;
                    c[(int) (word >>> 32) & 0xFFFF]++;
                    c[(int) (word >>> 48)]++;
                }
                documents += size;
            }
        }
    }

    private LeafSlots leafSlots(LeafReaderContext context) {
        return new LeafSlots(packed, context.ord);
    }
}
