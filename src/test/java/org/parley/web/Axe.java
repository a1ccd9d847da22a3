package org.parley.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.parley.search.Json;

/**
 * axe-core, the accessibility rules engine, run in the page under test. The script comes from the test classpath
 * (the {@code axe.min.js} bundled in Deque's {@code com.deque.html.axe-core:selenium} jar), never from the network,
 * and is injected through WebDriver, so the page's Content-Security-Policy stays as strict as it is served.
 */
final class Axe {
    /** Impacts that fail a test; the others are printed. */
    static final Set<String> FAILING = Set.of("serious", "critical");

    /** One rule broken on one page: where, how badly, and the elements (CSS selectors) that break it. */
    record Violation(String state, String rule, String impact, String help, List<String> targets, String summary) {
        @Override
        public String toString() {
            return "[" + impact + "] " + state + ": " + rule + " (" + help + ") on " + targets
                    + (summary.isBlank() ? "" : "\n      " + summary.replace("\n", "\n      "));
        }
    }

    private static final String SOURCE = load();

    private Axe() {
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every WCAG 2.x A/AA rule (and axe's best practices) on the current page; {@code state} names it in reports. */
    static List<Violation> run(WebDriver driver, String state) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) js.executeScript(SOURCE);
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations'],
                                   runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental']}})
                   .then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));""");
        String text = String.valueOf(answer);
        if (text.startsWith("error: ")) throw new IllegalStateException("axe-core failed on " + state + ": " + text);
        List<Violation> found = new ArrayList<>();
        for (JsonNode v : Json.mapper().readTree(text)) {
            List<String> targets = new ArrayList<>();
            String summary = "";
            for (JsonNode node : v.path("nodes")) {
                targets.add(node.path("target").toString());
                if (summary.isEmpty()) summary = node.path("failureSummary").asText("");
            }
            found.add(new Violation(state, v.path("id").asText(), v.path("impact").asText("none"), v.path("help").asText(), targets, summary));
        }
        return found;
    }
}
