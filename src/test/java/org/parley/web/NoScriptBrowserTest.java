package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.parley.search.SearchRequest;
import org.parley.search.SearchService;

/** The search page with JavaScript switched off: every control still works through links and the form. */
@Tag("browser")
class NoScriptBrowserTest {
    private static SearchService service;
    private static ParleyServer server;
    private static Chromium chromium;
    private static WebDriver driver;

    @BeforeAll
    static void start() {
        service = BrowserTestService.open("noscript-browser-index");
        server = new ParleyServer(service).start("127.0.0.1", 0);
        chromium = new Chromium(false);
        driver = chromium.driver();
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
        if (service != null) service.close();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void filtersSortAndShowMoreWorkWithoutJavaScript() throws Exception {
        driver.get(base() + "/?q=" + BrowserTestService.QUERY);
        assertThat(driver.findElement(By.id("speaker-filter")).isDisplayed()).isFalse(); // needs JS: hidden
        WebElement apply = driver.findElement(By.cssSelector(".facets__apply button"));
        assertThat(apply.isDisplayed()).isTrue();

        // the most frequent country under the query that still narrows it
        var result = service.search(new SearchRequest(BrowserTestService.QUERY, java.util.Map.of(), null, null, null, 1, 10, null, false, 10));
        String code = result.facets().stream().filter(f -> f.dim() == org.parley.search.Dimension.COUNTRY)
                .flatMap(f -> f.values().stream()).filter(v -> v.count() < result.total()).findFirst().orElseThrow().value();
        driver.findElement(By.cssSelector("#facet-country input[value=" + code + "]")).click();
        assertThat(driver.getCurrentUrl()).doesNotContain("country="); // nothing happens until applied
        apply.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("country=" + code));
        assertThat(driver.getCurrentUrl()).contains("q=" + BrowserTestService.QUERY).contains("country=" + code);
        long expected = service.search(new SearchRequest(BrowserTestService.QUERY, java.util.Map.of(org.parley.search.Dimension.COUNTRY, java.util.List.of(code)),
                null, null, null, 1, 10, null, false, 10)).total();
        assertThat(driver.findElement(By.cssSelector(".summary__count")).getText()).startsWith(expected + " ");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sort"))).selectByValue("-date");
        driver.findElement(By.cssSelector(".toolbar__actions button[type=submit]")).click(); // the noscript "Apply"
        // The form submit navigates asynchronously: wait for the new page before reading its URL.
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("sort=-date"));
        assertThat(driver.getCurrentUrl()).contains("sort=-date").contains("country=" + code);

        driver.get(base() + "/");
        driver.findElement(By.cssSelector("#facet-country .facet__more a")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("more=country"));
        assertThat(driver.findElements(By.cssSelector("#facet-country .facet__value")).size())
                .isGreaterThan(SearchPage.SHOWN_VALUES);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve("11-no-javascript.png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void onAPhoneTheFiltersDrawerAndTheMatchLinksWorkWithoutJavaScript() throws Exception {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            driver.get(base() + "/?q=" + BrowserTestService.QUERY);
            WebElement facets = driver.findElement(By.id("filters"));
            assertThat(facets.isDisplayed()).isFalse();
            driver.findElement(By.cssSelector(".jump-filters")).click();
            // open, and all of it on screen once it has slid in (the screenshot is not taken mid-slide)
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> facets.isDisplayed()
                    && ((Number) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.getElementById('filters')"
                    + ".getBoundingClientRect().right - document.documentElement.clientWidth")).doubleValue() <= 1);
            assertThat(driver.findElement(By.cssSelector(".facets__apply button")).isDisplayed()).isTrue();
            Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("18-phone-drawer-no-javascript.png"),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.findElement(By.cssSelector(".facets__close")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> !facets.isDisplayed());

            // the article's next match is a plain link to its paragraph
            var grouped = service.search(new SearchRequest(BrowserTestService.QUERY, java.util.Map.of(), null, null, null, 1, 10, null, true, 0));
            var best = grouped.hits().stream().max(java.util.Comparator.comparingInt(org.parley.search.Hit::articleHits)).orElseThrow();
            var matches = service.article(best.articleId(), BrowserTestService.QUERY).orElseThrow().paragraphs().stream()
                    .filter(p -> !p.highlights().isEmpty()).map(org.parley.search.ParagraphView::ordinal).toList();
            driver.get(base() + "/articles/" + best.articleId() + "?q=" + BrowserTestService.QUERY + "&p=" + matches.get(0));
            driver.findElement(By.cssSelector(".match-nav [rel=next]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches("#p" + matches.get(1) + "$"));
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    void theStartPageAndSnippetsNeedNoJavaScript() throws Exception {
        driver.get(base() + "/");
        assertThat(driver.findElement(By.cssSelector(".overview")).isDisplayed()).isTrue();
        driver.findElement(By.cssSelector(".overview .example")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("q="));
        assertThat(driver.findElements(By.cssSelector(".hit"))).isNotEmpty();
        var details = driver.findElements(By.cssSelector(".hit__full summary"));
        if (!details.isEmpty()) { // a long paragraph: the whole text opens in place
            WebElement hit = details.get(0).findElement(By.xpath("ancestor::li[contains(@class,'hit')][1]"));
            assertThat(hit.findElement(By.cssSelector(".hit__snippet")).isDisplayed()).isTrue();
            details.get(0).click();
            assertThat(hit.findElement(By.cssSelector(".hit__full p")).isDisplayed()).isTrue();
            assertThat(hit.findElement(By.cssSelector(".hit__snippet")).isDisplayed()).isFalse();
        }
    }
}
