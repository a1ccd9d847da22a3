package org.parley.index;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.MergePolicy;

/**
 * Lucene's concurrent merge scheduler, unchanged, plus what a build report needs to say where the time goes as the
 * index grows: the CPU time of the background merges, the bytes they read, and how long indexing threads waited
 * because merges fell behind (a stall). A large build spends a growing share of its time merging (each document is
 * rewritten once per tier of the merge policy), which the build's wall time alone does not show.
 */
final class MeteredMergeScheduler extends ConcurrentMergeScheduler {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicLong mergeCpuNanos = new AtomicLong();
    private final AtomicLong mergedBytes = new AtomicLong();
    private final AtomicLong merges = new AtomicLong();
    private final AtomicLong stallNanos = new AtomicLong();

    @Override
    protected void doMerge(MergeSource mergeSource, MergePolicy.OneMerge merge) throws IOException {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        try {
            super.doMerge(mergeSource, merge);
            merges.incrementAndGet();
            mergedBytes.addAndGet(merge.totalBytesSize());
        } finally {
            mergeCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
        }
    }

    @Override
    protected synchronized void doStall() {
        long t0 = System.nanoTime();
        super.doStall();
        stallNanos.addAndGet(System.nanoTime() - t0);
    }

    /** CPU time of every merge run so far, finished or aborted (a merge aborted by a rollback still cost it). */
    long mergeCpuNanos() {
        return mergeCpuNanos.get();
    }

    /** Merges that finished. */
    long merges() {
        return merges.get();
    }

    /** Bytes of the segments the finished merges read. */
    long mergedBytes() {
        return mergedBytes.get();
    }

    /** Time indexing threads spent waiting for merges to catch up. */
    long stallNanos() {
        return stallNanos.get();
    }
}
