package org.parley.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Counts per facet value, as counted by {@link FacetOrdinals.DrillSidewaysCollector}, behind Lucene's {@link Facets} interface.
 *
 * <p>Ordering and shape follow Lucene's sorted-set facet counts: the top children by count, ties by value (index
 * order); only values with a count above zero are children; a dimension's own value is -1 (multi-valued
 * dimensions have no meaningful total). Immutable: the match-all counts are shared by all requests.
 */
final class OrdinalFacets extends Facets {
    private final FacetOrdinals ordinals;
    /** [dim][ord]. */
    private final int[][] counts;

    OrdinalFacets(FacetOrdinals ordinals, int[][] counts) {
        this.ordinals = ordinals;
        this.counts = counts;
    }

    /** Roughly what the counts hold on the heap. */
    long bytes() {
        long b = 16L + 16L * counts.length;
        for (int[] c : counts) b += 4L * c.length;
        return b;
    }

    private int dim(String dim, String... path) {
        int d = ordinals.dimIndex(dim);
        if (d < 0) throw new IllegalArgumentException("dimension '" + dim + "' was not configured");
        if (path.length > 0) throw new IllegalArgumentException("facet dimensions are flat: no path below '" + dim + "'");
        return d;
    }

    @Override
    public FacetResult getTopChildren(int topN, String dim, String... path) {
        if (topN <= 0) throw new IllegalArgumentException("topN must be > 0 (got: " + topN + ")");
        int d = dim(dim, path);
        int[] c = counts[d];
        String[] values = ordinals.values(d);
        // a min-heap of the best topN ordinals, the worst at its root: fewer matches, then the later value (ints
        // rather than a priority queue of boxed ones, which cost 2% of a search)
        int[] heap = new int[Math.min(topN, c.length)];
        int size = 0;
        int children = 0;
        for (int ord = 0; ord < c.length; ord++) {
            if (c[ord] == 0) continue;
            children++;
            if (size < heap.length) {
                int i = size++;
                while (i > 0 && worse(c, ord, heap[(i - 1) / 2])) { // sift up
                    heap[i] = heap[(i - 1) / 2];
                    i = (i - 1) / 2;
                }
                heap[i] = ord;
            } else if (c[ord] > c[heap[0]]) { // a later value with as many matches ranks after the kept ones
                siftDown(c, heap, size, ord);
            }
        }
        LabelAndValue[] out = new LabelAndValue[size];
        for (int i = size - 1; i >= 0; i--) {
            int ord = heap[0];
            out[i] = new LabelAndValue(values[ord], c[ord]);
            siftDown(c, heap, i, heap[i]); // the last one replaces the root
        }
        return new FacetResult(dim, path, -1, out, children);
    }

    /** Whether ordinal {@code a} ranks below {@code b}: fewer matches, or as many and a later value. */
    private static boolean worse(int[] c, int a, int b) {
        return c[a] < c[b] || (c[a] == c[b] && a > b);
    }

    /** Puts {@code ord} at the root of the heap's first {@code size} ordinals and sifts it down to its place. */
    private static void siftDown(int[] c, int[] heap, int size, int ord) {
        int i = 0;
        while (2 * i + 1 < size) {
            int child = 2 * i + 1;
            if (child + 1 < size && worse(c, heap[child + 1], heap[child])) child++;
            if (!worse(c, heap[child], ord)) break;
            heap[i] = heap[child];
            i = child;
        }
        if (size > 0) heap[i] = ord;
    }

    @Override
    public FacetResult getAllChildren(String dim, String... path) {
        int d = dim(dim, path);
        int[] c = counts[d];
        String[] values = ordinals.values(d);
        List<LabelAndValue> out = new ArrayList<>();
        for (int ord = 0; ord < c.length; ord++) if (c[ord] > 0) out.add(new LabelAndValue(values[ord], c[ord]));
        return new FacetResult(dim, path, -1, out.toArray(new LabelAndValue[0]), out.size());
    }

    @Override
    public Number getSpecificValue(String dim, String... path) {
        if (path.length != 1) throw new IllegalArgumentException("give exactly one value of '" + dim + "'");
        int d = dim(dim);
        int ord = ordinals.ordinal(d, path[0]);
        return ord < 0 ? 0 : counts[d][ord];
    }

    @Override
    public List<FacetResult> getAllDims(int topN) {
        List<FacetResult> out = new ArrayList<>();
        for (String dim : ordinals.dims()) {
            FacetResult r = getTopChildren(topN, dim);
            if (r.childCount > 0) out.add(r);
        }
        return out;
    }
}
