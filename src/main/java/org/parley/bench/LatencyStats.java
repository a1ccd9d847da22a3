package org.parley.bench;

import java.util.Arrays;

/**
 * Latency percentiles and throughput of one measured run. Times in milliseconds. {@code cpuMsPerQuery} is the CPU
 * time of the measuring JVM per query (for in-process runs: the engine's cost, robust to a busy machine).
 */
public record LatencyStats(String engine, int clients, int queries, int errors, double seconds, double qps,
                           double p50, double p95, double p99, double mean, double max, long totalHits,
                           double cpuMsPerQuery) {

    static LatencyStats of(String engine, int clients, long[] nanos, int errors, long elapsedNanos, long totalHits) {
        return of(engine, clients, nanos, errors, elapsedNanos, totalHits, 0);
    }

    /** @param cpuNanos CPU time the measuring JVM used during the run (all threads), 0 when unknown */
    static LatencyStats of(String engine, int clients, long[] nanos, int errors, long elapsedNanos, long totalHits,
                           long cpuNanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) sum += n;
        int n = sorted.length;
        double seconds = elapsedNanos / 1e9;
        return new LatencyStats(engine, clients, n, errors, round(seconds), round(n / seconds),
                ms(pct(sorted, 50)), ms(pct(sorted, 95)), ms(pct(sorted, 99)), ms(n == 0 ? 0 : sum / n),
                ms(n == 0 ? 0 : sorted[n - 1]), totalHits, n == 0 ? 0 : round(cpuNanos / 1e6 / n));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1; // nearest-rank
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double ms(double nanos) {
        return round(nanos / 1e6);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
