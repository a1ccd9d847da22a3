package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a query mix against an engine with a fixed number of concurrent clients (closed loop: each client sends
 * its next query as soon as the previous one answered) and measures every query's latency.
 */
public final class LatencyRunner {
    private LatencyRunner() {
    }

    /**
     * @param warmup queries run (with the same client count) before measuring, to load caches and JIT-compile
     * @param passes how many times the mix is run in the measured part
     */
    public static LatencyStats run(String name, QueryEngine engine, List<BenchQuery> mix, int clients, int warmup,
                                   int warmupSeconds, int passes) throws Exception {
        if (warmup > 0) {
            List<BenchQuery> w = new ArrayList<>();
            for (int i = 0; i < warmup; i++) w.add(mix.get(i % mix.size()));
            measure(name, engine, w, clients);
        }
        // A fresh server JVM keeps JIT-compiling for tens of seconds under load; measure it once that settles.
        long deadline = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (warmupSeconds > 0 && System.nanoTime() < deadline) measure(name, engine, mix, clients);
        List<BenchQuery> all = new ArrayList<>(mix.size() * passes);
        for (int p = 0; p < passes; p++) all.addAll(mix);
        return measure(name, engine, all, clients);
    }

    private static LatencyStats measure(String name, QueryEngine engine, List<BenchQuery> queries, int clients)
            throws Exception {
        long[] nanos = new long[queries.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong hits = new AtomicLong();
        List<Throwable> firstError = new ArrayList<>();
        List<QueryEngine.Session> sessions = new ArrayList<>();
        for (int c = 0; c < clients; c++) sessions.add(engine.open());
        Thread[] threads = new Thread[clients];
        long cpu0 = BenchRunner.cpuNanos();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            QueryEngine.Session session = sessions.get(c);
            threads[c] = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < queries.size(); ) {
                    long t0 = System.nanoTime();
                    try {
                        QueryEngine.Outcome o = session.run(queries.get(i));
                        hits.addAndGet(o.total());
                    } catch (Throwable e) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError.isEmpty()) firstError.add(e);
                        }
                    }
                    nanos[i] = System.nanoTime() - t0;
                }
            }, "bench-client-" + c);
            threads[c].start();
        }
        for (Thread t : threads) t.join();
        long elapsed = System.nanoTime() - start;
        long cpu = BenchRunner.cpuNanos() - cpu0;
        for (QueryEngine.Session s : sessions) s.close();
        if (!firstError.isEmpty()) {
            System.err.println("bench: " + name + ": " + errors.get() + " failed queries, first: " + firstError.getFirst());
        }
        return LatencyStats.of(name, clients, nanos, errors.get(), elapsed, hits.get(), cpu);
    }
}
