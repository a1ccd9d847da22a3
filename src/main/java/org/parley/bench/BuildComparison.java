package org.parley.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU per query of two builds of parley in one JVM, on the same index and query mix, alternating query by query:
 * each build in its own class loader, with its own search service. Two runs of one build side by side on a shared
 * 2-core host moved 15-20% from run to run (the host, and where the JIT stood at the end of the warm-up); two builds
 * interleaved in one process share every disturbance, so a 3% difference shows in one run (the same build against
 * itself: 1.00x). Prints B/A overall, by query kind, by filter count, and for the dearest queries.
 */
public final class BuildComparison {
    /** One build: its service and the reflective handles to search it with its own classes. */
    private record Build(String name, URLClassLoader loader, Object service, Method search, Method sliceCpu, List<Object> requests)
            implements AutoCloseable {
        long sliceCpuNanos() throws ReflectiveOperationException {
            return sliceCpu == null ? 0 : (long) sliceCpu.invoke(service);
        }

        void search(int i) throws ReflectiveOperationException {
            try {
                search.invoke(service, requests.get(i));
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(name + ": query " + i + " failed: " + e.getCause(), e.getCause());
            }
        }

        @Override
        public void close() throws Exception {
            try (loader) {
                ((AutoCloseable) service).close();
            }
        }
    }

    private BuildComparison() {
    }

    /**
     * The class path of a build: a folder with {@code parley.jar} and {@code lib/} (Maven's {@code target/}, or a copy
     * of it), or a class path string as {@code java.class.path} gives it.
     */
    public static List<URL> classPath(String build) throws IOException {
        Path dir = Path.of(build);
        List<URL> urls = new ArrayList<>();
        if (Files.isDirectory(dir) && Files.isRegularFile(dir.resolve("parley.jar"))) {
            urls.add(dir.resolve("parley.jar").toUri().toURL());
            try (Stream<Path> libs = Files.list(dir.resolve("lib"))) {
                for (Path p : libs.sorted().toList()) urls.add(p.toUri().toURL());
            }
        } else {
            for (String entry : build.split(File.pathSeparator)) {
                if (!entry.isBlank()) urls.add(Path.of(entry).toUri().toURL());
            }
        }
        if (urls.isEmpty()) throw new IllegalArgumentException("no class path in " + build);
        return urls;
    }

    /**
     * Warms both builds up for {@code warmupRounds} rounds over the mix, then measures {@code rounds} rounds, each
     * query run by both builds one after the other (which goes first alternates), and prints the figures.
     */
    public static void run(Path index, Path mix, String buildA, String buildB, int warmupRounds, int rounds, int top,
                           PrintStream out) throws Exception {
        try (Build a = open("A", buildA, index, mix); Build b = open("B", buildB, index, mix)) {
            List<BenchQuery> queries = QueryMix.read(mix);
            if (a.requests().size() != queries.size() || b.requests().size() != queries.size()) {
                throw new IllegalStateException("the two builds read the mix differently");
            }
            Build[] both = {a, b};
            int n = queries.size();
            for (int w = 0; w < warmupRounds; w++) for (int i = 0; i < n; i++) for (Build x : both) x.search(i);
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            double[][] cpuMs = new double[2][n];
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < 2; k++) {
                        int side = (k + r + i) % 2; // A first for half the queries, B for the other half
                        Build x = both[side];
                        long slices0 = x.sliceCpuNanos();
                        long t0 = threads.getCurrentThreadCpuTime();
                        x.search(i);
                        long t1 = threads.getCurrentThreadCpuTime();
                        cpuMs[side][i] += (t1 - t0 + x.sliceCpuNanos() - slices0) / 1e6 / rounds;
                    }
                }
            }
            print(queries, cpuMs, buildA, buildB, warmupRounds, rounds, top, out);
        }
    }

    private static void print(List<BenchQuery> queries, double[][] cpuMs, String buildA, String buildB, int warmupRounds,
                              int rounds, int top, PrintStream out) {
        int n = queries.size();
        out.printf(Locale.ROOT, "A = %s%nB = %s%n", buildA, buildB);
        out.printf(Locale.ROOT, "CPU ms per query, %d queries x %d rounds, each run by A and B in turn (after %d warm-up rounds):%n",
                n, rounds, warmupRounds);
        Map<String, List<Integer>> groups = QueryCpuProfile.groups(queries);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(i);
        out.println(row("all", all, cpuMs));
        groups.forEach((group, members) -> out.println(row(group, members, cpuMs)));
        if (top > 0) {
            out.println("dearest queries (A ms, B ms, B/A):");
            Integer[] order = all.toArray(new Integer[0]);
            Arrays.sort(order, (p, q) -> Double.compare(cpuMs[0][q] + cpuMs[1][q], cpuMs[0][p] + cpuMs[1][p]));
            for (int i : Arrays.copyOf(order, Math.min(top, n))) {
                BenchQuery q = queries.get(i);
                out.printf(Locale.ROOT, "  %7.3f %7.3f %6.3f  %-12s %s %s%s%n", cpuMs[0][i], cpuMs[1][i], cpuMs[1][i] / cpuMs[0][i],
                        q.kind(), q.lucene(), q.filters(),
                        q.yearFrom() == null && q.yearTo() == null ? "" : " years " + q.yearFrom() + "-" + q.yearTo());
            }
        }
    }

    private static String row(String label, List<Integer> members, double[][] cpuMs) {
        double a = 0, b = 0;
        for (int i : members) {
            a += cpuMs[0][i];
            b += cpuMs[1][i];
        }
        return String.format(Locale.ROOT, "  %-16s %4d queries  A %.3f ms  B %.3f ms  B/A %.3f", label, members.size(),
                a / members.size(), b / members.size(), a == 0 ? Double.NaN : b / a);
    }

    /** Opens the index with the build's own classes, once its background counting is done, and reads the mix with them. */
    private static Build open(String name, String build, Path index, Path mix) throws Exception {
        URLClassLoader loader = new URLClassLoader(name, classPath(build).toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Class<?> serviceClass = loader.loadClass("org.parley.index.LuceneSearchService");
        Object service = serviceClass.getMethod("open", Path.class).invoke(null, index);
        // as bench queries does: say so when the build's background counting has not ended (an old build answers null)
        if (Boolean.FALSE.equals(serviceClass.getMethod("awaitBackgroundWork", Duration.class).invoke(service, Duration.ofMinutes(2)))) {
            System.err.println("bench: build " + name + ": the index's background counting did not end within 2 minutes; measuring anyway");
        }
        Class<?> queryClass = loader.loadClass(BenchQuery.class.getName());
        Method request = loader.loadClass(SearchServiceEngine.class.getName()).getMethod("request", queryClass);
        List<Object> requests = new ArrayList<>();
        for (Object q : (List<?>) loader.loadClass(QueryMix.class.getName()).getMethod("read", Path.class).invoke(null, mix)) {
            requests.add(request.invoke(null, q));
        }
        Method search = serviceClass.getMethod("search", loader.loadClass("org.parley.search.SearchRequest"));
        Method sliceCpu;
        try {
            sliceCpu = serviceClass.getMethod("sliceCpuNanos");
        } catch (NoSuchMethodException e) {
            sliceCpu = null; // a build from before searches were split over cores
        }
        return new Build(name, loader, service, search, sliceCpu, requests);
    }
}
