package org.parley.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A build's indexing threads, each file passing two stages: {@code prepare} (read, parse, enrich, make the documents)
 * and {@code index} (add them to the writer). One thread, the indexer, adds what the others prepared and prepares a
 * file itself only when none is waiting; the others prepare, and index what they prepared themselves only when the
 * waiting files reach {@code maxQueuedWeight} (so memory stays bounded and no thread waits for another while files
 * are left). Why not every thread doing both stages of its own files: then each core alternated between the
 * enrichment's tables and Lucene's in-memory segment, evicting one for the other from its caches, and kept a segment
 * of its own; with the stages apart, one core keeps one segment's term hash warm (BENCHMARKS.md, "Indexing threads by
 * stage"). With one thread, it does both.
 *
 * @param <F> a file to process
 * @param <P> a file prepared: either finished already (see {@link Prepared#done()}) or waiting to be indexed
 * @param <R> the outcome of a file
 */
final class IndexingWorkers<F, P extends IndexingWorkers.Prepared<R>, R> {
    /** A stage of one file's work. */
    interface Stage<A, B> {
        B apply(A input) throws IOException;
    }

    /** A prepared file: {@link #done()} when the prepare stage already finished it (a skipped or streamed file). */
    interface Prepared<R> {
        /** The outcome when nothing is left to index, else null. */
        R done();

        /** What holding it costs while it waits (its bytes). */
        long weight();
    }

    private record Waiting<P>(int index, P prepared) {
    }

    private final List<F> files;
    private final Stage<F, P> prepare;
    private final Stage<P, R> index;
    private final long maxQueuedWeight;
    private final List<CompletableFuture<R>> results;
    private final AtomicInteger next = new AtomicInteger();
    private final ArrayDeque<Waiting<P>> queue = new ArrayDeque<>(); // guarded by this
    private long queuedWeight; // guarded by this
    private int preparersLeft; // guarded by this
    private volatile boolean stopped;
    private ExecutorService pool;

    IndexingWorkers(List<F> files, Stage<F, P> prepare, Stage<P, R> index, long maxQueuedWeight) {
        this.files = List.copyOf(files);
        this.prepare = prepare;
        this.index = index;
        this.maxQueuedWeight = maxQueuedWeight;
        List<CompletableFuture<R>> r = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) r.add(new CompletableFuture<>());
        this.results = List.copyOf(r);
    }

    /** Starts {@code threads} threads (one indexer, the rest preparers); the outcomes come in the files' order. */
    List<CompletableFuture<R>> start(int threads, ExecutorService pool) {
        this.pool = pool;
        int preparers = Math.max(0, Math.min(threads, files.size()) - 1);
        synchronized (this) {
            preparersLeft = preparers;
        }
        pool.execute(this::indexer);
        for (int t = 0; t < preparers; t++) pool.execute(this::preparer);
        return results;
    }

    /**
     * Takes no more files: the threads finish the file each has in hand. Files not started are cancelled. Never
     * interrupts a thread: an interrupt closes the NIO channels the writer holds (its lock among them).
     */
    void stop() {
        stopped = true;
        for (CompletableFuture<R> f : results) f.cancel(false);
        synchronized (this) {
            notifyAll();
        }
    }

    private void preparer() {
        try {
            for (int i = next.getAndIncrement(); !stopped && i < files.size(); i = next.getAndIncrement()) {
                P p = prepare.apply(files.get(i));
                if (p.done() != null) {
                    results.get(i).complete(p.done());
                } else if (!offer(i, p)) {
                    results.get(i).complete(index.apply(p)); // the queue is full: index it here
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
        } finally {
            synchronized (this) {
                preparersLeft--;
                notifyAll();
            }
        }
    }

    private void indexer() {
        try {
            while (!stopped) {
                Waiting<P> w = poll(false);
                if (w != null) {
                    results.get(w.index()).complete(index.apply(w.prepared()));
                    continue;
                }
                int i = next.getAndIncrement();
                if (i < files.size()) {
                    P p = prepare.apply(files.get(i)); // none waiting: prepare one here rather than idle
                    results.get(i).complete(p.done() != null ? p.done() : index.apply(p));
                    continue;
                }
                w = poll(true); // no file left to take: what the preparers still hand over
                if (w == null) break;
                results.get(w.index()).complete(index.apply(w.prepared()));
            }
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
        }
    }

    private synchronized boolean offer(int i, P p) {
        long weight = p.weight();
        if (stopped || queuedWeight + weight > maxQueuedWeight) return false;
        queue.addLast(new Waiting<>(i, p));
        queuedWeight += weight;
        notifyAll();
        return true;
    }

    /** The next waiting file, or null: at once, or when {@code wait}ing, when no preparer is left to hand one over. */
    private synchronized Waiting<P> poll(boolean wait) throws java.io.InterruptedIOException {
        while (queue.isEmpty() && wait && preparersLeft > 0 && !stopped) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("indexing thread interrupted");
            }
        }
        Waiting<P> w = queue.pollFirst();
        if (w != null) queuedWeight -= w.prepared().weight();
        return w;
    }

    private void fail(Throwable e) {
        stopped = true;
        for (CompletableFuture<R> f : results) f.completeExceptionally(e);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits for every thread to finish the file in hand (bounded by one file's work), then for the pool to end. */
    void awaitTermination() {
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** A pool of daemon threads named for the build. */
    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "parley-indexer");
            t.setDaemon(true);
            return t;
        });
    }
}
