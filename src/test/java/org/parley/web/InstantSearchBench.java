package org.parley.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A benchmark, not a test: types queries into a running server's page in headless Chromium, one character at a
 * time at a given cadence, and reports
 * <ol>
 *   <li>the time from the last keystroke (its {@code keydown}) to the first frame painted after the final query's
 *   results were swapped in (p50, p95, max): the debounce wait, the request, the swap and the paint all count;</li>
 *   <li>the server CPU per typed query on the instant path (every request the typing caused, from the first key to
 *   the final results) against typing the same query in a second browser with JavaScript off and pressing Enter
 *   (from the first key to the loaded results page), read from the server's threads' {@code schedstat} (their
 *   time on a core in nanoseconds, not the 10 ms ticks of {@code /proc/PID/stat}) when its pid is given. The start
 *   page each query begins from is loaded outside both windows. The two browsers alternate round by round, so both
 *   paths see the same host load.</li>
 * </ol>
 * Also printed: the instant path's requests per typed query, and the server's idle CPU over the same window length
 * (what background work is left in both figures after {@link #cpuSince} leaves out the index watcher and the JIT).
 *
 * <pre>
 *   scripts/bench-instant.sh INDEX [PORT] [CADENCE] [ROUNDS]       (starts and stops a server itself)
 * or by hand:
 *   ./parley serve --index IDX --port 18500 &amp;
 *   mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test &amp;&amp; mvn -q test-compile
 *   java -cp "target/test-classes:target/classes:$(cat cp.txt)" org.parley.web.InstantSearchBench \
 *       http://127.0.0.1:18500 [cadence-ms=150] [rounds=3] [server-pid]
 * </pre>
 */
public final class InstantSearchBench {
    static final List<String> QUERIES = List.of("Russia", "trade", "Cambodia", "minister", "relations", "China", "border",
            "economy", "Vietnam", "summit", "security", "Japan", "visit", "agreement", "Thailand");

    /**
     * Records, in the page, each keydown's time, each swap of the results (the {@code data-url} of {@code .layout}
     * changing) with the time of the first frame painted after it, and each page request the script makes.
     */
    private static final String PROBE = """
            window.benchKeys = []; window.benchSwaps = []; window.benchFetches = 0;
            document.addEventListener('keydown', e => window.benchKeys.push(e.timeStamp || performance.now()), true);
            const realFetch = window.fetch;
            window.fetch = function (input) {
              const url = String(input && input.url ? input.url : input);
              if (url.indexOf('/api/') < 0) window.benchFetches++; // a page or results request, not a facet suggestion
              return realFetch.apply(this, arguments);
            };
            window.benchUrl = document.querySelector('.layout').dataset.url;
            const painted = url => requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => window.benchSwaps.push([performance.now(), url]);
              ch.port2.postMessage(0); // runs once the frame requested above has been produced
            });
            new MutationObserver(() => {
              const l = document.querySelector('.layout');
              if (l && l.dataset.url !== window.benchUrl) { window.benchUrl = l.dataset.url; painted(l.dataset.url); }
            }).observe(document.body, {childList: true, subtree: true, attributes: true, attributeFilter: ['data-url']});""";

    private InstantSearchBench() {
    }

    /** What one round of typing measured. */
    /**
     * @param cpuMillis     server CPU until the final query's results were shown
     * @param cpuWithFacets the same until its filters column and chart had followed too (the facets part, fetched
     *                      once the typing pauses); on the Enter path both are the one page
     */
    private record Round(List<Double> latencies, List<Integer> requests, double cpuMillis, double cpuWithFacets, long windowMillis) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int cadence = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long pid = args.length > 3 ? Long.parseLong(args[3]) : -1;

        List<Double> latencies = new ArrayList<>();
        List<Integer> requests = new ArrayList<>();
        double instantCpu = 0;
        double instantWithFacets = 0;
        double enterCpu = 0;
        long windows = 0;
        try (Chromium withJs = new Chromium(true); Chromium withoutJs = new Chromium(false)) {
            typeAll(withJs.driver(), base, cadence, false, pid); // warm-up (JIT, caches of the start page)
            typeAll(withoutJs.driver(), base, cadence, true, pid);
            for (int round = 0; round < rounds; round++) {
                Round instant = typeAll(withJs.driver(), base, cadence, false, pid);
                Round enter = typeAll(withoutJs.driver(), base, cadence, true, pid);
                latencies.addAll(instant.latencies());
                requests.addAll(instant.requests());
                instantCpu += instant.cpuMillis();
                instantWithFacets += instant.cpuWithFacets();
                enterCpu += enter.cpuMillis();
                windows += instant.windowMillis() + enter.windowMillis();
                System.out.printf("round %d: instant p95 %.0f ms; server CPU instant %.1f ms, Enter %.1f ms%n", round + 1,
                        pct(sorted(instant.latencies()), 0.95), instant.cpuMillis(), enter.cpuMillis());
            }
        }
        int typed = rounds * QUERIES.size();
        List<Double> sorted = sorted(latencies);
        System.out.printf("cadence %d ms, %d typed queries: last keystroke to results painted p50 %.0f ms, p95 %.0f ms, "
                        + "max %.0f ms; page requests per typed query %.2f%n", cadence, sorted.size(), pct(sorted, 0.5),
                pct(sorted, 0.95), sorted.getLast(), requests.stream().mapToInt(Integer::intValue).average().orElse(0));
        if (pid > 0) {
            double windowMs = windows / (2.0 * typed);
            Thread.sleep(2000); // let the last request's garbage collection finish
            Map<Long, Long> idleBefore = threadCpu(pid);
            Thread.sleep(10_000);
            double idlePerMs = cpuSince(idleBefore, pid) / 10_000.0;
            double i = instantCpu / (double) typed;
            double f = instantWithFacets / (double) typed;
            double e = enterCpu / (double) typed;
            System.out.printf("server CPU per typed query: instant to the results %.2f ms, with the filters and chart that follow "
                    + "%.2f ms; Enter without JavaScript %.2f ms; ratios %.2f (%+.0f%%) and %.2f (%+.0f%%); "
                    + "idle server over one window (%.0f ms): %.2f ms%n", i, f, e, i / e, 100 * (i / e - 1), f / e, 100 * (f / e - 1),
                    windowMs, idlePerMs * windowMs);
        }
    }

    /** Types every query once; with {@code enter}, presses Enter and waits for the results page instead. */
    private static Round typeAll(ChromeDriver d, String base, int cadence, boolean enter, long pid) throws InterruptedException {
        List<Double> latencies = new ArrayList<>();
        List<Integer> requests = new ArrayList<>();
        double cpu = 0;
        double cpuWithFacets = 0;
        long window = 0;
        for (String q : QUERIES) {
            d.get(base + "/");
            if (!enter) d.executeScript(PROBE);
            WebElement box = d.findElement(By.id("q"));
            Thread.sleep(100); // the start page's own work is done before the window opens
            Map<Long, Long> cpuBefore = threadCpu(pid);
            long started = System.nanoTime();
            for (char c : q.toCharArray()) {
                box.sendKeys(String.valueOf(c));
                Thread.sleep(cadence);
            }
            String want = "/?q=" + UrlState.encode(q);
            if (enter) {
                box.sendKeys(Keys.ENTER);
                waitFor(() -> d.getCurrentUrl().contains("q=" + UrlState.encode(q))
                        && !d.findElements(By.cssSelector(".summary__count")).isEmpty());
            } else {
                waitFor(() -> Boolean.TRUE.equals(d.executeScript(
                        "return window.benchSwaps.some(s => s[1] === arguments[0]) && window.benchUrl === arguments[0]", want)));
            }
            cpu += cpuSince(cpuBefore, pid);
            window += (System.nanoTime() - started) / 1_000_000;
            if (!enter) { // the filters column and the chart of the final query follow once the typing pauses
                waitFor(() -> d.findElements(By.cssSelector(".is-stale")).isEmpty()
                        && d.findElement(By.cssSelector(".layout")).getAttribute("aria-busy") == null);
            }
            cpuWithFacets += cpuSince(cpuBefore, pid);
            if (enter) continue;
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) d.executeScript("""
                    const last = window.benchKeys[window.benchKeys.length - 1];
                    const swap = window.benchSwaps.filter(s => s[1] === arguments[0]).pop();
                    return {ms: swap[0] - last, requests: window.benchFetches};""", want);
            latencies.add(((Number) r.get("ms")).doubleValue());
            requests.add(((Number) r.get("requests")).intValue());
        }
        return new Round(latencies, requests, cpu, cpuWithFacets, window);
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("the results did not arrive");
            Thread.sleep(5);
        }
    }

    /**
     * Each thread's time on a core so far, in nanoseconds (the first field of {@code /proc/PID/task/TID/schedstat}),
     * by thread id; empty without a pid. Left out are the threads whose work no request causes: the index watcher's
     * poll (it re-reads the index's commit point twice a second, some 15 ms/s on a 1M index) and the JIT compilers
     * (warm-up).
     */
    static Map<Long, Long> threadCpu(long pid) {
        Map<Long, Long> cpu = new java.util.HashMap<>();
        if (pid <= 0) return cpu;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    if (comm.startsWith("parley-index-wa") || comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                        continue;
                    }
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    cpu.put(Long.parseLong(task.getFileName().toString()), Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            // the server is gone: nothing to count
        }
        return cpu;
    }

    /**
     * Milliseconds on a core since {@code before} (a {@link #threadCpu} snapshot), summed over the threads alive now;
     * a thread started since counts from zero. A thread that ended meanwhile is missed: the server's pools end a
     * thread after a minute idle, so it did no work in a window of seconds.
     */
    static double cpuSince(Map<Long, Long> before, long pid) {
        long nanos = 0;
        for (var now : threadCpu(pid).entrySet()) nanos += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        return nanos / 1e6;
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1));
    }
}
