package org.parley.index;

import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation of a search whose caller gave up on it: the web layer's limiter interrupts the
 * search's thread when its time is up, and the search stops at its next checkpoint (between segments, after a
 * query rewrite, between highlighted hits) instead of running to its end and holding its slot. Lucene's own
 * reads are memory-mapped, so an interrupt does not close any file channel.
 */
final class Cancellation {
    private Cancellation() {
    }

    /** Throws {@link CancellationException} when the current thread has been interrupted (the flag is kept). */
    static void checkpoint() {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("the search was cancelled: its time is up");
    }
}
