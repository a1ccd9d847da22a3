package org.parley.index;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a search's segments are searched at once, on cores that would otherwise stay idle.
 *
 * <p>Lucene's {@code IndexSearcher} splits a search into slices of segments and hands all but one to its executor;
 * the searching thread claims whatever slice no other thread has taken, and a slice the executor refuses runs on
 * the searching thread too. This executor takes a slice only when one of its threads is idle, fewer searches are
 * running than there are cores, and the pass is wide ({@link #wide}): a lone search then uses every core for its
 * large counting passes, while under load each search stays on its own thread. Only the searches of the service
 * count ({@link #during}); background work on the same searcher (counting frequent stems) stays on its thread.
 * Split passes go to a second searcher of the reader with one slice per thread ({@link ParleySearcher}), so that
 * every other search runs exactly as without this. Measured at 10M paragraphs and one client: 0.78x the wall time
 * per query, 0.64x its p99, the same CPU; at 1M, and under load, no change (BENCHMARKS.md).
 *
 * <p>A slice handed to another thread runs to its end even when its search is cancelled (it cannot see the
 * search thread's interrupt); that bounds the work left behind to one slice per slice thread.
 */
final class SliceExecutor implements Executor, AutoCloseable {
    /** A counting pass expected to visit at least this many documents is split (about 0.6 ms of counting at 1M). */
    static final long WIDE_MATCHES = Long.getLong("parley.search.wideMatches", 50_000);
    /** Slice threads: the cores but one (the searching thread is the other), or {@code -Dparley.search.sliceThreads}. */
    static final int DEFAULT_THREADS = Integer.getInteger("parley.search.sliceThreads",
            Math.max(0, Runtime.getRuntime().availableProcessors() - 1));
    /** A slice holds this many documents at least (Lucene's own figure for its default slicing). */
    static final int MIN_DOCS_PER_SLICE = 250_000;
    private static final RejectedExecutionException BUSY = new RejectedExecutionException("no idle core", null) {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // thrown for every slice under load: no stack trace to build
        }
    };

    private final int threads;
    private final int minDocsPerSlice;
    private final long wideMatches;
    private final ThreadPoolExecutor pool;
    private final List<Thread> started = new CopyOnWriteArrayList<>();
    /** Slices taken by a slice thread so far. */
    private final AtomicLong handedOver = new AtomicLong();
    /** Searches running now, on any thread. */
    private final AtomicInteger running = new AtomicInteger();
    /** Whether the current thread is running a search of the service. */
    private final ThreadLocal<Boolean> searching = ThreadLocal.withInitial(() -> false);
    /** Whether the current thread is in a pass worth splitting (see {@link #wide}). */
    private final ThreadLocal<Boolean> wide = ThreadLocal.withInitial(() -> false);

    /**
     * @param threads      slice threads; 0 searches every slice on the searching thread
     * @param minDocsPerSlice a slice holds at least this many documents (whole segments)
     * @param wideMatches     a counting pass that may match at least this many documents is split
     */
    SliceExecutor(int threads, int minDocsPerSlice, long wideMatches) {
        if (threads < 0 || minDocsPerSlice < 1) throw new IllegalArgumentException("threads >= 0 and minDocsPerSlice >= 1");
        this.threads = threads;
        this.minDocsPerSlice = minDocsPerSlice;
        this.wideMatches = wideMatches;
        this.pool = threads == 0 ? null : new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = Thread.ofPlatform().name("parley-search-slice-" + started.size()).daemon().unstarted(r);
                    started.add(t);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    static SliceExecutor defaults() {
        return new SliceExecutor(DEFAULT_THREADS, MIN_DOCS_PER_SLICE, WIDE_MATCHES);
    }

    /** Whether searches may run on more than one thread. */
    boolean enabled() {
        return pool != null;
    }

    int minDocsPerSlice() {
        return minDocsPerSlice;
    }

    /** Slice threads. */
    int threads() {
        return threads;
    }

    /** Whether the current thread runs a search of the service and fewer searches run than there are cores. */
    boolean coreIdle() {
        return pool != null && searching.get() && running.get() <= threads;
    }

    /** Whether a counting pass that may match {@code bound} documents is worth splitting. */
    boolean wideEnough(long bound) {
        return bound >= wideMatches;
    }

    /** Runs {@code call} as a search of the service: while it runs, its wide passes may use idle slice threads. */
    <T> T during(SearchCall<T> call) throws IOException {
        if (pool == null || searching.get()) return call.run(); // nested: already counted
        running.incrementAndGet();
        searching.set(true);
        try {
            return call.run();
        } finally {
            searching.set(false);
            running.decrementAndGet();
        }
    }

    /**
     * Runs {@code call}, a pass over many documents, letting its slices go to idle slice threads. Other passes stay on
     * the searching thread: handing a slice over costs two thread wake-ups, more than a small pass saves.
     */
    <T> T wide(SearchCall<T> call) throws IOException {
        if (pool == null || wide.get()) return call.run();
        wide.set(true);
        try {
            return call.run();
        } finally {
            wide.set(false);
        }
    }

    /** A search to run with {@link #during}. */
    @FunctionalInterface
    interface SearchCall<T> {
        T run() throws IOException;
    }

    /**
     * Takes a slice when a slice thread is idle and a core is free; otherwise refuses it, and Lucene's task executor
     * runs it on the searching thread.
     */
    @Override
    public void execute(Runnable slice) {
        if (!wide.get() || !coreIdle()) throw BUSY;
        pool.execute(slice); // refused (AbortPolicy) when every slice thread is busy
        handedOver.incrementAndGet();
    }

    /** How many slices slice threads have taken so far. */
    long handedOver() {
        return handedOver.get();
    }

    /** CPU time the slice threads have used so far, in nanoseconds (for benchmarks that count a search's CPU). */
    long cpuNanos() {
        var mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : started) {
            long cpu = mx.getThreadCpuTime(t.threadId());
            if (cpu > 0) sum += cpu;
        }
        return sum;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
