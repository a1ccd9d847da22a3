package org.parley.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;

/**
 * Facets shared by concurrent requests. Sorted-set facet counts resolve labels through one doc-values
 * iterator whose buffers are not thread-safe, so a Facets object cached per reader (the counts of the whole
 * index) must be read by one request at a time; reading is a few label lookups, so the lock is cheap.
 */
final class LockedFacets extends Facets {
    private final Facets delegate;

    LockedFacets(Facets delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized FacetResult getAllChildren(String dim, String... path) throws IOException {
        return delegate.getAllChildren(dim, path);
    }

    @Override
    public synchronized FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
        return delegate.getTopChildren(topN, dim, path);
    }

    @Override
    public synchronized Number getSpecificValue(String dim, String... path) throws IOException {
        return delegate.getSpecificValue(dim, path);
    }

    @Override
    public synchronized List<FacetResult> getAllDims(int topN) throws IOException {
        return delegate.getAllDims(topN);
    }

    @Override
    public synchronized List<FacetResult> getTopDims(int topDims, int topChildren) throws IOException {
        return delegate.getTopDims(topDims, topChildren);
    }
}
