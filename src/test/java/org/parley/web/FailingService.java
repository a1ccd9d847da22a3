package org.parley.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.parley.search.ArticleView;
import org.parley.search.FacetValue;
import org.parley.search.FacetValuesRequest;
import org.parley.search.IndexStats;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;

/** A service every call of which fails with the given error: for the error paths (busy, broken) of the routes. */
record FailingService(Supplier<RuntimeException> failure) implements SearchService {
    @Override
    public SearchResult search(SearchRequest request) {
        throw failure.get();
    }

    @Override
    public Optional<ArticleView> article(String id, String query) {
        throw failure.get();
    }

    @Override
    public List<FacetValue> facetValues(FacetValuesRequest request) {
        throw failure.get();
    }

    @Override
    public IndexStats stats() {
        throw failure.get();
    }

    @Override
    public void close() {
    }
}
