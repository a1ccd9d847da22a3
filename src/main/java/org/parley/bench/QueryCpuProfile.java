package org.parley.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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

    /** Runs the mix {@code warmupRounds} times unmeasured, then {@code rounds} times measured; prints the figures. */
    public static void run(SearchService service, List<BenchQuery> mix, int warmupRounds, int rounds, PrintStream out)
            throws InvalidQueryException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int w = 0; w < warmupRounds; w++) for (BenchQuery q : mix) service.search(SearchServiceEngine.request(q));
        double[] cpuMs = new double[mix.size()];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < mix.size(); i++) {
                long t0 = threads.getCurrentThreadCpuTime();
                service.search(SearchServiceEngine.request(mix.get(i)));
                cpuMs[i] += (threads.getCurrentThreadCpuTime() - t0) / 1e6 / rounds;
            }
        }
        Map<String, double[]> groups = new TreeMap<>();
        double total = 0;
        for (int i = 0; i < mix.size(); i++) {
            BenchQuery q = mix.get(i);
            total += cpuMs[i];
            for (String group : List.of("kind " + q.kind(), "filters " + q.filterCount())) {
                double[] g = groups.computeIfAbsent(group, k -> new double[2]);
                g[0] += cpuMs[i];
                g[1]++;
            }
        }
        out.printf(Locale.ROOT, "CPU ms per query, one thread, %d queries x %d rounds: mean %.3f%n", mix.size(), rounds,
                total / mix.size());
        groups.forEach((group, g) -> out.printf(Locale.ROOT, "  %-20s %4d queries  mean %.3f ms%n", group, (int) g[1], g[0] / g[1]));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble((Integer i) -> cpuMs[i]).reversed());
        out.println("slowest:");
        for (int i : order.subList(0, Math.min(8, order.size()))) {
            BenchQuery q = mix.get(i);
            out.printf(Locale.ROOT, "  %7.2f ms  %-12s %s %s%s%n", cpuMs[i], q.kind(), q.lucene(), q.filters(),
                    q.yearFrom() == null && q.yearTo() == null ? "" : " years " + q.yearFrom() + "-" + q.yearTo());
        }
    }
}
