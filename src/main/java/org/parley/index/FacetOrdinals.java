package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.Bits;
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
 */
final class FacetOrdinals {
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
    /** Counts over all live documents (the facets of a match-all query), computed once. */
    private final FacetCounts totals;

    private FacetOrdinals(List<String> dims, String[][] values, int[][] starts, int[][] slots, int[] slotTotals) {
        this.dims = dims;
        this.values = values;
        this.base = slotBases(values);
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
        this.totals = new FacetCounts(this, perDim);
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
        for (int l = 0; l < leaves.size(); l++) {
            LeafReader leaf = leaves.get(l).reader();
            loadLeaf(leaf, DocValues.getSortedSet(leaf, field), map.getGlobalOrds(l), slotOf, l, starts, slots);
            Bits live = leaf.getLiveDocs();
            int[] s = starts[l], o = slots[l];
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) continue;
                for (int j = s[doc]; j < s[doc + 1]; j++) totals[o[j]]++;
            }
        }
        return new FacetOrdinals(List.copyOf(dims), values, starts, slots, totals);
    }

    /** [dim]: the dimension's first slot; [values.length]: the number of slots. */
    private static int[] slotBases(String[][] values) {
        int[] base = new int[values.length + 1];
        for (int d = 0; d < values.length; d++) base[d + 1] = base[d] + values[d].length;
        return base;
    }

    private static void loadLeaf(LeafReader leaf, SortedSetDocValues dv, LongValues toGlobal, int[] slotOf, int l,
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
        slots[l] = Arrays.copyOf(buf, size);
    }

    /** An empty index: no dimension has values. */
    static FacetOrdinals empty(List<String> dims) {
        return new FacetOrdinals(List.copyOf(dims), new String[dims.size()][0], new int[0][], new int[0][], new int[0]);
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

    /** Dimension {@code d}'s counts (indexed by ordinal) out of counts indexed by slot. */
    int[] slice(int[] slotCounts, int d) {
        return Arrays.copyOfRange(slotCounts, base[d], base[d + 1]);
    }

    /** Counts of every value over all live documents (the facets of a match-all query). */
    FacetCounts totals() {
        return totals;
    }

    /** What a {@link Counter} counted: a count per slot (every dimension), and the number of documents. */
    record Counted(int[] slotCounts, long documents) {
    }

    /** A collector manager counting the facet values of the collected documents, and the documents. */
    CollectorManager<Counter, Counted> counter() {
        return new CollectorManager<>() {
            @Override
            public Counter newCollector() {
                return new Counter(new int[base[dims.size()]]);
            }

            @Override
            public Counted reduce(Collection<Counter> collectors) {
                int[] sum = null;
                long documents = 0;
                for (Counter c : collectors) {
                    documents += c.documents;
                    if (sum == null) {
                        sum = c.counts;
                    } else {
                        for (int i = 0; i < sum.length; i++) sum[i] += c.counts[i];
                    }
                }
                return new Counted(sum == null ? new int[base[dims.size()]] : sum, documents);
            }
        };
    }

    /**
     * Counts the facet values of collected documents; one per search slice. It counts every dimension even where
     * only one is wanted (drill-sideways): the document's other values share its cache line, so skipping them
     * saves nothing.
     */
    final class Counter implements Collector {
        private final int[] counts;
        private long documents;

        private Counter(int[] counts) {
            this.counts = counts;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            int[] s = starts[context.ord];
            int[] o = slots[context.ord];
            int[] c = counts;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) {
                    documents++;
                    for (int j = s[doc], end = s[doc + 1]; j < end; j++) c[o[j]]++;
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
