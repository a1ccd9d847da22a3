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
 * ordinal maps) was the largest single cost of a query at a million paragraphs; reading two arrays per
 * dimension is several times cheaper. The copy costs about 4 bytes per document and dimension plus 4 per value
 * (about 20 MB at a million paragraphs), built when a reader opens.
 *
 * <p>Values are numbered per dimension in sorted order ({@code values(dim)[ord]}); for each segment and dimension
 * a document's ordinals are {@code ords[starts[doc]] .. ords[starts[doc + 1] - 1]}. Immutable once built, so
 * any number of requests count from it at once.
 */
final class FacetOrdinals {
    private final List<String> dims;
    /** [dim][ord]: the dimension's values in index (UTF-8 byte) order. */
    private final String[][] values;
    /** [leaf][dim][doc]: offset of the document's first ordinal; length maxDoc + 1. */
    private final int[][][] starts;
    /** [leaf][dim][offset]: ordinals. */
    private final int[][][] ords;
    /** [dim]: value to ordinal. */
    private final List<Map<String, Integer>> ordinalOf;
    /** [dim][ord]: counts over all live documents. */
    private final int[][] totals;

    private FacetOrdinals(List<String> dims, String[][] values, int[][][] starts, int[][][] ords, int[][] totals) {
        this.dims = dims;
        this.values = values;
        List<Map<String, Integer>> index = new ArrayList<>(values.length);
        for (String[] v : values) {
            Map<String, Integer> m = HashMap.newHashMap(v.length);
            for (int i = 0; i < v.length; i++) m.put(v[i], i);
            index.add(m);
        }
        this.ordinalOf = List.copyOf(index);
        this.starts = starts;
        this.ords = ords;
        this.totals = totals;
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

        // Global ordinals are sorted by "dim<DELIM>value", so each dimension is one contiguous run.
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

        int[][][] starts = new int[leaves.size()][][];
        int[][][] ords = new int[leaves.size()][][];
        int[][] totals = new int[dims.size()][];
        for (int d = 0; d < totals.length; d++) totals[d] = new int[values[d].length];
        for (int l = 0; l < leaves.size(); l++) {
            LeafReader leaf = leaves.get(l).reader();
            loadLeaf(leaf, DocValues.getSortedSet(leaf, field), map.getGlobalOrds(l), dimOf, localOf, dims.size(), l,
                    starts, ords);
            Bits live = leaf.getLiveDocs();
            for (int d = 0; d < totals.length; d++) {
                int[] s = starts[l][d], o = ords[l][d], t = totals[d];
                for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) continue;
                    for (int j = s[doc]; j < s[doc + 1]; j++) t[o[j]]++;
                }
            }
        }
        return new FacetOrdinals(List.copyOf(dims), values, starts, ords, totals);
    }

    private static void loadLeaf(LeafReader leaf, SortedSetDocValues dv, LongValues toGlobal, int[] dimOf, int[] localOf,
                                 int dimCount, int l, int[][][] starts, int[][][] ords) throws IOException {
        int maxDoc = leaf.maxDoc();
        starts[l] = new int[dimCount][maxDoc + 1];
        ords[l] = new int[dimCount][];
        int[][] buf = new int[dimCount][16];
        int[] size = new int[dimCount];
        int[] filled = new int[dimCount]; // starts[l][d][0 .. filled[d] - 1] are set
        for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
            for (int d = 0; d < dimCount; d++) {
                int[] s = starts[l][d];
                while (filled[d] <= doc) s[filled[d]++] = size[d];
            }
            for (int i = 0, n = dv.docValueCount(); i < n; i++) {
                int g = (int) toGlobal.get(dv.nextOrd());
                int d = dimOf[g];
                if (d < 0) continue;
                buf[d] = ArrayUtil.grow(buf[d], size[d] + 1);
                buf[d][size[d]++] = localOf[g];
            }
        }
        for (int d = 0; d < dimCount; d++) {
            int[] s = starts[l][d];
            while (filled[d] <= maxDoc) s[filled[d]++] = size[d];
            ords[l][d] = Arrays.copyOf(buf[d], size[d]);
        }
    }

    /** An empty index: no dimension has values. */
    static FacetOrdinals empty(List<String> dims) {
        String[][] values = new String[dims.size()][0];
        int[][] totals = new int[dims.size()][0];
        return new FacetOrdinals(List.copyOf(dims), values, new int[0][][], new int[0][][], totals);
    }

    List<String> dims() {
        return dims;
    }

    int dimIndex(String dim) {
        return dims.indexOf(dim);
    }

    /** The values of dimension {@code d}, sorted; a value's position is its ordinal. */
    String[] values(int d) {
        return values[d];
    }

    /** Ordinal of {@code value} in dimension {@code d}, or -1 when no document has it. */
    int ordinal(int d, String value) {
        return ordinalOf.get(d).getOrDefault(value, -1);
    }

    /** Counts of every value over all live documents (the facets of a match-all query). */
    FacetCounts totals() {
        return new FacetCounts(this, totals);
    }

    /** What a {@link Counter} counted: per dimension a count per value (null if not counted), and the documents. */
    record Counted(int[][] counts, long documents) {
    }

    /**
     * A collector manager counting the values of the dimensions flagged in {@code count} over the collected
     * documents, and the documents themselves.
     */
    CollectorManager<Counter, Counted> counter(boolean[] count) {
        int[] which = new int[dims.size()];
        int n = 0;
        for (int d = 0; d < count.length; d++) if (count[d]) which[n++] = d;
        int[] counted = Arrays.copyOf(which, n);
        return new CollectorManager<>() {
            @Override
            public Counter newCollector() {
                return new Counter(counted);
            }

            @Override
            public Counted reduce(Collection<Counter> collectors) {
                int[][] sum = new int[dims.size()][];
                long documents = 0;
                for (Counter c : collectors) {
                    documents += c.documents;
                    for (int d : counted) {
                        if (sum[d] == null) {
                            sum[d] = c.counts[d];
                        } else {
                            for (int i = 0; i < sum[d].length; i++) sum[d][i] += c.counts[d][i];
                        }
                    }
                }
                return new Counted(sum, documents);
            }
        };
    }

    /** Counts facet values of collected documents; one per search slice. */
    final class Counter implements Collector {
        private final int[] counted;
        final int[][] counts;
        long documents;

        private Counter(int[] counted) {
            this.counted = counted;
            this.counts = new int[dims.size()][];
            for (int d : counted) counts[d] = new int[values[d].length];
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            int[][] s = starts[context.ord];
            int[][] o = ords[context.ord];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) {
                    documents++;
                    for (int d : counted) {
                        int[] sd = s[d], od = o[d], c = counts[d];
                        for (int j = sd[doc], end = sd[doc + 1]; j < end; j++) c[od[j]]++;
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
