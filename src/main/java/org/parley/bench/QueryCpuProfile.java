package org.parley.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchService;

/**
 * CPU time per query of a query mix, by kind and by number of filters, run in one thread against an index: the
 * figure to compare two builds side by side on the same index (CPU time is what a query costs the machine, and
 * it moves much less than latency when other work runs). Prints the slowest queries too.
 */
public final class QueryCpuProfile {
    private QueryCpuProfile() {
    }

    /**
     * Runs the mix {@code warmupRounds} times unmeasured, then {@code rounds} times measured; prints the figures and
     * the {@code slowest} most expensive queries.
     */
    public static void run(SearchService service, List<BenchQuery> mix, int warmupRounds, int rounds, int slowest, PrintStream out)
            throws InvalidQueryException {
        run(service, () -> 0, mix, new Warmup(warmupRounds, 0), rounds, slowest, out);
    }

    /**
     * Unmeasured rounds over the mix before the measured ones: at least {@code rounds}, and more until
     * {@code seconds} have passed. Rounds alone measured the JIT as much as the queries: at 1M paragraphs on a
     * 2-core host, 5 rounds (about 3 s) gave 2.2 ms of CPU per query, 30 rounds 1.45, 60 1.39 and 120 1.30 ms,
     * the steady state a running server reaches.
     */
    public record Warmup(int rounds, int seconds) {
    }

    /**
     * The same for a service that may search parts of a query on other threads: {@code otherThreadsCpuNanos} tells
     * the CPU time those threads have used so far, and a query's CPU is its thread's plus theirs meanwhile. Also
     * prints the wall time per query, which such a service shortens and CPU time does not show.
     */
    public static void run(SearchService service, LongSupplier otherThreadsCpuNanos, List<BenchQuery> mix, Warmup warmup,
                           int rounds, int slowest, PrintStream out) throws InvalidQueryException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long warmStart = System.nanoTime();
        int warmRounds = 0;
        while (warmRounds < warmup.rounds() || System.nanoTime() - warmStart < warmup.seconds() * 1_000_000_000L) {
            for (BenchQuery q : mix) service.search(SearchServiceEngine.request(q));
            warmRounds++;
        }
        double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
        double[] cpuMs = new double[mix.size()];
        double[][] runs = new double[mix.size()][rounds]; // every execution, for percentiles
        double[] wallMs = new double[mix.size()];
        double[][] wallRuns = new double[mix.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < mix.size(); i++) {
                long others0 = otherThreadsCpuNanos.getAsLong();
                long w0 = System.nanoTime();
                long t0 = threads.getCurrentThreadCpuTime();
                service.search(SearchServiceEngine.request(mix.get(i)));
                long t1 = threads.getCurrentThreadCpuTime();
                long w1 = System.nanoTime();
                double ms = (t1 - t0 + otherThreadsCpuNanos.getAsLong() - others0) / 1e6;
                runs[i][r] = ms;
                cpuMs[i] += ms / rounds;
                wallRuns[i][r] = (w1 - w0) / 1e6;
                wallMs[i] += wallRuns[i][r] / rounds;
            }
        }
        Map<String, List<Integer>> groups = groups(mix);
        List<Integer> everyQuery = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) everyQuery.add(i);
        out.printf(Locale.ROOT, "CPU ms per query, one client, %d queries x %d rounds (after %d warm-up rounds, %.0f s): %s%n",
                mix.size(), rounds, warmRounds, warmSeconds, summary(everyQuery, cpuMs, runs));
        out.printf(Locale.ROOT, "wall ms per query, one client: %s%n", summary(everyQuery, wallMs, wallRuns));
        groups.forEach((group, members) -> out.printf(Locale.ROOT, "  %-20s %4d queries  %s%n", group, members.size(),
                summary(members, cpuMs, runs)));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> cpuMs[i]).reversed());
        out.println("slowest:");
        for (int i : order.subList(0, Math.min(slowest, order.size()))) {
            BenchQuery q = mix.get(i);
            out.printf(Locale.ROOT, "  %7.2f ms  %-12s %s %s%s%n", cpuMs[i], q.kind(), q.lucene(), q.filters(),
                    q.yearFrom() == null && q.yearTo() == null ? "" : " years " + q.yearFrom() + "-" + q.yearTo());
        }
    }

    /** The queries' positions in {@code mix} by kind ("kind or") and by filter count ("filters 2"), in name order. */
    static Map<String, List<Integer>> groups(List<BenchQuery> mix) {
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < mix.size(); i++) {
            BenchQuery q = mix.get(i);
            for (String group : List.of("kind " + q.kind(), "filters " + q.filterCount())) {
                groups.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
            }
        }
        return groups;
    }

    /** Mean of the queries' mean CPU, and p50/p99 over every single execution of them (no sampling). */
    private static String summary(List<Integer> queries, double[] cpuMs, double[][] runs) {
        double sum = 0;
        List<Double> each = new ArrayList<>();
        for (int i : queries) {
            sum += cpuMs[i];
            for (double ms : runs[i]) each.add(ms);
        }
        each.sort(null);
        return String.format(Locale.ROOT, "mean %.3f ms  p50 %.3f  p99 %.3f", sum / queries.size(),
                percentile(each, 0.50), percentile(each, 0.99));
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return Double.NaN;
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
