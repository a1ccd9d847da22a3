package org.parley.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.parley.index.ArticleView;
import org.parley.index.FacetValue;
import org.parley.index.IndexStats;
import org.parley.index.InvalidQueryException;
import org.parley.index.SearchRequest;
import org.parley.index.SearchResult;
import org.parley.index.SearchService;

/**
 * Bounds how many searches run at once, so a burst of expensive queries queues briefly and then gets a
 * clear "busy" answer instead of starving every other request of CPU. Cheap lookups (an article, stats)
 * are not limited.
 */
final class SearchLimiter {
    private final Semaphore permits;
    private final Duration maxWait;
    private final int maxConcurrent;

    SearchLimiter(int maxConcurrent, Duration maxWait) {
        if (maxConcurrent < 1) throw new IllegalArgumentException("maxConcurrent must be >= 1");
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent, true);
        this.maxWait = maxWait;
    }

    /** Twice the cores (at least 4) searching at once; others wait up to two seconds. */
    static SearchLimiter defaults() {
        return new SearchLimiter(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(2));
    }

    /** The service with its searches bounded by this limiter. */
    SearchService limit(SearchService service) {
        return new Limited(service);
    }

    /** Thrown when no search slot frees up in time; the web layer answers 503 with Retry-After. */
    static final class BusyException extends RuntimeException {
        BusyException(String message) {
            super(message, null, false, false);
        }
    }

    @FunctionalInterface
    private interface Search<T> {
        T run() throws InvalidQueryException;
    }

    private <T> T bounded(Search<T> search) throws InvalidQueryException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("the server is shutting down");
        }
        if (!acquired) {
            throw new BusyException("the server is busy with " + maxConcurrent + " searches; retry in a moment");
        }
        try {
            return search.run();
        } finally {
            permits.release();
        }
    }

    private final class Limited implements SearchService {
        private final SearchService delegate;

        Limited(SearchService delegate) {
            this.delegate = delegate;
        }

        @Override
        public SearchResult search(SearchRequest request) throws InvalidQueryException {
            return bounded(() -> delegate.search(request));
        }

        @Override
        public List<FacetValue> facetValues(String dim, String prefix, int limit) throws InvalidQueryException {
            return bounded(() -> delegate.facetValues(dim, prefix, limit));
        }

        @Override
        public Optional<ArticleView> article(String id) {
            return delegate.article(id);
        }

        @Override
        public IndexStats stats() {
            return delegate.stats();
        }

        @Override
        public void close() {
            // The limiter does not own the service: whoever opened it closes it.
        }
    }
}
