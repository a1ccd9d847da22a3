package org.parley.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
    private final int maxConcurrent;
    /** Heavy searches take at most this many of the slots, so cheap searches always find one. */
    private final int maxHeavy;
    private final Duration maxWait;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a search joins the queue. */
    private final Condition queued = lock.newCondition();
    /** Searches waiting for a worker, in arrival order (guarded by {@link #lock}, as are the fields below). */
    private final ArrayDeque<Job<?>> waiting = new ArrayDeque<>();
    private int heavyRunning;
    private boolean closed;
    /**
     * One platform thread per slot, each taking the next search as soon as it has finished one. A search is
     * CPU-bound and never blocks: a worker that is already on a core starts the next search at once, where a freed
     * permit would have had to wake a waiting request thread, which then waited for a core itself before it started
     * one (the slot stayed empty meanwhile). Platform threads, not virtual ones: virtual threads are not preempted,
     * so two heavy searches on a 2-core machine held both carriers and a cheap search waited for them to finish.
     */
    private final List<Thread> workers = new ArrayList<>();

    SearchLimiter(int maxConcurrent, Duration maxWait, Duration timeout) {
        if (maxConcurrent < 1) throw new IllegalArgumentException("maxConcurrent must be >= 1");
        this.maxConcurrent = maxConcurrent;
        this.maxHeavy = Math.max(1, maxConcurrent / 2);
        this.maxWait = maxWait;
        this.timeout = timeout;
        for (int i = 0; i < maxConcurrent; i++) {
            workers.add(Thread.ofPlatform().name("parley-search-" + i).daemon().start(this::work));
        }
    }

    /**
     * As many searches running at once as {@code service} finds useful ({@link SearchService#usefulConcurrency}: one
     * per core for the embedded index; {@code -Dparley.search.slots=N} to change it); others wait up to 2 s; a search
     * answers within 10 s. A search of the embedded index is CPU-bound, so more slots than cores only share the
     * cores between more searches: each takes longer, and they evict each other's facet arrays and postings from
     * the caches. With 8 clients on 2 cores, 2 slots answered faster than 4 at the median and at p99
     * (BENCHMARKS.md, "One search per core").
     */
    static SearchLimiter forService(SearchService service) {
        int slots = Integer.getInteger("parley.search.slots", service.usefulConcurrency());
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

    /** A search handed to the workers; its state is guarded by {@link #lock}. */
    private final class Job<T> {
        final Search<T> search;
        final boolean heavy;
        /** Signalled when a worker starts the search and when it ends. */
        final Condition changed = lock.newCondition();
        Thread runner;
        boolean done;
        T value;
        Throwable failure;

        Job(Search<T> search, boolean heavy) {
            this.search = search;
            this.heavy = heavy;
        }

        void run() {
            try {
                value = search.run();
            } catch (Throwable t) {
                failure = t;
            }
        }

        T result() throws InvalidQueryException {
            return switch (failure) {
                case null -> value;
                case InvalidQueryException invalid -> throw invalid;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(failure);
            };
        }
    }

    /** A worker's loop: the first waiting search it may start (a heavy one only while the heavy lane has room). */
    private void work() {
        lock.lock();
        try {
            while (!closed) {
                Job<?> job = null;
                for (Job<?> j : waiting) {
                    if (!j.heavy || heavyRunning < maxHeavy) {
                        job = j;
                        break;
                    }
                }
                if (job == null) {
                    queued.awaitUninterruptibly();
                    continue;
                }
                waiting.remove(job);
                job.runner = Thread.currentThread();
                if (job.heavy) heavyRunning++;
                job.changed.signalAll();
                lock.unlock();
                try {
                    job.run();
                } finally {
                    lock.lock();
                    // an interrupt meant for this search (its time ran out) must not reach the next one; it is only
                    // sent under the lock while the search is not done, so none can arrive after this
                    Thread.interrupted();
                    if (job.heavy) heavyRunning--;
                    job.runner = null;
                    job.done = true;
                    job.changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T bounded(boolean heavy, Search<T> search) throws InvalidQueryException {
        Job<T> job = new Job<>(search, heavy);
        lock.lock();
        try {
            if (closed) throw new BusyException("busy", "the server is shutting down");
            waiting.add(job);
            queued.signal();
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (job.runner == null && !job.done) {
                if (closed) {
                    waiting.remove(job);
                    throw new BusyException("busy", "the server is shutting down");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    waiting.remove(job);
                    throw heavy && heavyRunning >= maxHeavy
                            ? new BusyException("busy", "the server is busy with expensive searches (wildcards, fuzzy terms, "
                                    + "large pages); retry in a moment or narrow the query")
                            : new BusyException("busy", "the server is busy with " + maxConcurrent + " searches; retry in a moment");
                }
                awaitNanos(job, left);
            }
            long end = System.nanoTime() + timeout.toNanos();
            while (!job.done) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    job.runner.interrupt(); // the search stops at its next checkpoint, and its worker takes the next one
                    throw new BusyException("timeout", "the search took longer than " + timeout.toSeconds()
                            + " s; narrow the query or add filters");
                }
                awaitNanos(job, left);
            }
        } finally {
            lock.unlock();
        }
        return job.result();
    }

    /** Waits for the job to change; if this (request) thread is interrupted, the search is abandoned and stopped. */
    private void awaitNanos(Job<?> job, long nanos) {
        try {
            job.changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            waiting.remove(job);
            if (job.runner != null) job.runner.interrupt();
            Thread.currentThread().interrupt();
            throw new BusyException("busy", "the server is shutting down");
        }
    }

    /** How many searches wait for a worker now (for tests). */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queued.signalAll();
            for (Job<?> job : waiting) job.changed.signalAll();
            for (Thread worker : workers) worker.interrupt();
        } finally {
            lock.unlock();
        }
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
        public int usefulConcurrency() {
            return delegate.usefulConcurrency();
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
