package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples the used heap every few milliseconds on a daemon thread and keeps the peak. */
public final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    public HeapSampler() {
        peak = memory.getHeapMemoryUsage().getUsed();
        thread = new Thread(() -> {
            while (running) {
                long used = memory.getHeapMemoryUsage().getUsed();
                if (used > peak) peak = used;
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Peak used heap in MB so far. */
    public double peakMb() {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > peak) peak = used;
        return Math.round(peak / 1024.0 / 1024.0 * 10) / 10.0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
