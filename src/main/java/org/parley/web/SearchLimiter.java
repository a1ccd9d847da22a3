package org.parley.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.search.ArticleView;
import org.parley.search.FacetValue;
import org.parley.search.FacetValuesRequest;
import org.parley.search.IndexStats;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;
import org.parley.search.WordsStartingWith;

/**
 * Bounds how many searches run at once and how long a client waits for one, so a burst of expensive
 * queries queues briefly and then gets a clear "busy" or "timeout" answer instead of starving every other
 * request. A search that outlives its time is interrupted and stops at its next checkpoint (between segments
 * and highlighted hits); it keeps its slot until it has really stopped, so runaway queries can never add up to
 * more than the limit. Heavy searches (see {@link #heavy}) may take at most half the slots, so a few clients
 * looping the most expensive query they can write cannot keep cheap searches waiting. Stats are not limited.
 */
final class SearchLimiter implements AutoCloseable {
    private final Semaphore permits;
    /** Heavy searches also need one of these: at most half the slots, so cheap searches always find one. */
    private final Semaphore heavyPermits;
    private final Duration maxWait;
    private final Duration timeout;
    private final int maxConcurrent;
    /**
     * Platform threads, not virtual ones: a search is CPU-bound and never blocks, and virtual threads are not
     * preempted, so two heavy searches on a 2-core machine held both carriers and a cheap search waited for
     * them to finish (10 s, the timeout). The OS scheduler shares the cores between running searches.
     */
    private final ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().name("parley-search-", 0).daemon().factory());

    SearchLimiter(int maxConcurrent, Duration maxWait, Duration timeout) {
        if (maxConcurrent < 1) throw new IllegalArgumentException("maxConcurrent must be >= 1");
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent, true);
        this.heavyPermits = new Semaphore(Math.max(1, maxConcurrent / 2), true);
        this.maxWait = maxWait;
        this.timeout = timeout;
    }

    /**
     * One search per core (at least 2, {@code -Dparley.search.slots=N} to change it) running at once; others wait
     * up to 2 s; a search answers within 10 s. A search is CPU-bound, so more slots than cores only share the
     * cores between more searches: each takes longer, and they evict each other's facet arrays and postings from
     * the caches. With 8 clients on 2 cores, 2 slots answered faster than 4 at the median and at p99
     * (BENCHMARKS.md, "One search per core").
     */
    static SearchLimiter defaults() {
        int slots = Integer.getInteger("parley.search.slots", Math.max(2, Runtime.getRuntime().availableProcessors()));
        return new SearchLimiter(Math.max(1, slots), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** The service with its searches bounded by this limiter. */
    SearchService limit(SearchService service) {
        return new Limited(service);
    }

    /** Thrown when no search slot frees up in time, or a search runs too long; the web layer answers 503. */
    static final class BusyException extends RuntimeException {
        private final String code;

        BusyException(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        /** {@code busy} (no slot) or {@code timeout} (the search ran past its time). */
        String code() {
            return code;
        }
    }

    private static boolean acquire(Semaphore semaphore, long deadlineNanos) {
        try {
            return semaphore.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("busy", "the server is shutting down");
        }
    }

    @FunctionalInterface
    private interface Search<T> {
        T run() throws InvalidQueryException;
    }

    /**
     * Whether a search is in the heavy lane: wildcards and fuzzy terms (many terms each), long queries, large
     * pages (highlighting is most of a wide query's cost) and grouping. Judged from the request alone, before it runs.
     */
    static boolean heavy(SearchRequest r) {
        String q = r.query();
        if (r.size() > 20 || r.groupByArticle()) return true;
        if (q.indexOf('*') >= 0 || q.indexOf('?') >= 0 || q.indexOf('~') >= 0) return true;
        return q.isBlank() ? false : q.strip().split("\\s+").length > 12;
    }

    private <T> T bounded(boolean heavy, Search<T> search) throws InvalidQueryException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        if (heavy && !acquire(heavyPermits, deadline)) {
            throw new BusyException("busy", "the server is busy with expensive searches (wildcards, fuzzy terms, large pages); "
                    + "retry in a moment or narrow the query");
        }
        if (!acquire(permits, deadline)) {
            if (heavy) heavyPermits.release();
            throw new BusyException("busy", "the server is busy with " + maxConcurrent + " searches; retry in a moment");
        }
        Future<T> running;
        try {
            running = workers.submit(() -> {
                try {
                    return search.run();
                } finally {
                    permits.release(); // only when the work really ends
                    if (heavy) heavyPermits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            permits.release();
            if (heavy) heavyPermits.release();
            throw new BusyException("busy", "the server is shutting down");
        }
        try {
            return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true); // the search stops at its next checkpoint and frees its slot
            throw new BusyException("timeout", "the search took longer than " + timeout.toSeconds()
                    + " s; narrow the query or add filters");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("busy", "the server is shutting down");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case InvalidQueryException invalid -> throw invalid;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private final class Limited implements SearchService {
        private final SearchService delegate;

        Limited(SearchService delegate) {
            this.delegate = delegate;
        }

        @Override
        public SearchResult search(SearchRequest request) throws InvalidQueryException {
            return bounded(heavy(request), () -> delegate.search(request));
        }

        @Override
        public SearchResult searchWithoutFacets(SearchRequest request) throws InvalidQueryException {
            return bounded(heavy(request), () -> delegate.searchWithoutFacets(request));
        }

        @Override
        public List<FacetValue> facetValues(FacetValuesRequest request) {
            return bounded(false, () -> delegate.facetValues(request));
        }

        @Override
        public Optional<ArticleView> article(String id, String query) throws InvalidQueryException {
            return bounded(false, () -> delegate.article(id, query)); // a long article costs as much as a search
        }

        @Override
        public Optional<WordsStartingWith> wordsStartingWith(String prefix) {
            return delegate.wordsStartingWith(prefix); // a term dictionary seek and at most MAX_WORDS + 1 terms: no slot
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
