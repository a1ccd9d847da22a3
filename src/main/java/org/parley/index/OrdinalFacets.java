package org.parley.index;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
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
        // min-heap of the best topN ordinals: lower count first, then later value first
        PriorityQueue<Integer> top = new PriorityQueue<>(Math.min(topN, Math.max(1, c.length)) + 1,
                (a, b) -> c[a] != c[b] ? Integer.compare(c[a], c[b]) : Integer.compare(b, a));
        int children = 0;
        for (int ord = 0; ord < c.length; ord++) {
            if (c[ord] == 0) continue;
            children++;
            if (top.size() < topN) {
                top.add(ord);
            } else if (c[ord] > c[top.peek()]) {
                top.poll();
                top.add(ord);
            }
        }
        LabelAndValue[] out = new LabelAndValue[top.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            int ord = top.poll();
            out[i] = new LabelAndValue(values[ord], c[ord]);
        }
        return new FacetResult(dim, path, -1, out, children);
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
