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
 * time at a given cadence, and reports (1) the time from the last keystroke to the swapped-in results (p50, p95),
 * and (2) the server CPU per typed query on the instant path against typing the same query with JavaScript off
 * and pressing Enter (read from {@code /proc/PID/stat} of the server process when its pid is given).
 *
 * <pre>
 *   ./parley serve --index IDX --port 19170 &amp;
 *   mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test &amp;&amp; mvn -q test-compile
 *   java -cp "target/test-classes:target/classes:$(cat cp.txt)" org.parley.web.InstantSearchBench \
 *       http://127.0.0.1:19170 [cadence-ms=150] [rounds=3] [server-pid]
 * </pre>
 */
public final class InstantSearchBench {
    static final List<String> QUERIES = List.of("Russia", "trade", "Cambodia", "minister", "relations", "China", "border",
            "economy", "Vietnam", "summit", "security", "Japan", "visit", "agreement", "Thailand");

    private InstantSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int cadence = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long pid = args.length > 3 ? Long.parseLong(args[3]) : -1;

        List<Double> latencies = new ArrayList<>();
        List<Integer> requests = new ArrayList<>();
        double instantCpu;
        try (Chromium chromium = new Chromium(true)) {
            ChromeDriver d = chromium.driver();
            type(d, base, cadence, 1, false, null, null); // warm-up
            long before = cpuMillis(pid);
            type(d, base, cadence, rounds, false, latencies, requests);
            instantCpu = (cpuMillis(pid) - before) / (double) (rounds * QUERIES.size());
        }
        double enterCpu;
        try (Chromium chromium = new Chromium(false)) {
            ChromeDriver d = chromium.driver();
            type(d, base, cadence, 1, true, null, null);
            long before = cpuMillis(pid);
            type(d, base, cadence, rounds, true, null, null);
            enterCpu = (cpuMillis(pid) - before) / (double) (rounds * QUERIES.size());
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("cadence %d ms, %d typed queries: last keystroke to results p50 %.0f ms, p95 %.0f ms, max %.0f ms; "
                        + "page requests per typed query %.2f%n", cadence, sorted.size(), pct(sorted, 0.5), pct(sorted, 0.95),
                sorted.getLast(), requests.stream().mapToInt(Integer::intValue).average().orElse(0));
        if (pid > 0) {
            System.out.printf("server CPU per query: instant %.1f ms, Enter without JavaScript %.1f ms (%+.0f%%)%n", instantCpu,
                    enterCpu, 100 * (instantCpu / enterCpu - 1));
        }
    }

    /** Types every query {@code rounds} times; with {@code enter}, presses Enter and waits for the page instead. */
    private static void type(ChromeDriver d, String base, int cadence, int rounds, boolean enter, List<Double> latencies,
                             List<Integer> requests) throws InterruptedException {
        for (int round = 0; round < rounds; round++) {
            for (String q : QUERIES) {
                d.get(base + "/");
                if (!enter) {
                    d.executeScript("""
                            window.benchKeys = []; window.benchSwaps = [];
                            document.addEventListener('keydown', () => window.benchKeys.push(performance.now()), true);
                            window.benchUrl = document.querySelector('.layout').dataset.url;
                            new MutationObserver(() => {
                              const l = document.querySelector('.layout');
                              if (l && l.dataset.url !== window.benchUrl) {
                                window.benchUrl = l.dataset.url; window.benchSwaps.push([performance.now(), l.dataset.url]);
                              }
                            }).observe(document.body, {childList: true});""");
                }
                WebElement box = d.findElement(By.id("q"));
                for (char c : q.toCharArray()) {
                    box.sendKeys(String.valueOf(c));
                    Thread.sleep(cadence);
                }
                String want = "/?q=" + UrlState.encode(q);
                if (enter) {
                    box.sendKeys(Keys.ENTER);
                    waitFor(() -> d.getCurrentUrl().contains("q=" + UrlState.encode(q)) && !d.findElements(By.cssSelector(".summary__count")).isEmpty());
                    continue;
                }
                waitFor(() -> Boolean.TRUE.equals(d.executeScript("return window.benchUrl === arguments[0]", want)));
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) d.executeScript("""
                        const last = window.benchKeys[window.benchKeys.length - 1];
                        const swap = window.benchSwaps.filter(s => s[1] === arguments[0]).pop();
                        return {ms: swap ? swap[0] - last : -1,
                                requests: performance.getEntriesByType('resource').filter(e => e.name.includes('/?q=')).length};""", want);
                if (latencies != null) latencies.add(((Number) r.get("ms")).doubleValue());
                if (requests != null) requests.add(((Number) r.get("requests")).intValue());
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("the results did not arrive");
            Thread.sleep(5);
        }
    }

    /** User plus system CPU of a process, in milliseconds (clock ticks of 10 ms), or 0 without a pid. */
    static long cpuMillis(long pid) {
        if (pid <= 0) return 0;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException e) {
            return 0;
        }
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1));
    }
}
