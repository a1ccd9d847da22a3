package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.search.ArticleView;
import org.parley.search.FacetValue;
import org.parley.search.FacetValuesRequest;
import org.parley.search.IndexStats;
import org.parley.search.InvalidQueryException;
import org.parley.search.Json;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;
import org.parley.search.WordsStartingWith;

/**
 * The search page in Debian's headless Chromium, driven by Selenium, against a server on a random loopback port.
 * Screenshots of the main states go to {@code target/screenshots/}.
 */
@Tag("browser")
class SearchPageBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SearchService service;
    private static ParleyServer server;
    private static Chromium chromium;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        service = BrowserTestService.open();
        server = new ParleyServer(service).start("127.0.0.1", 0);
        Files.createDirectories(SHOTS);
        chromium = new Chromium(true);
        driver = chromium.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
        if (service != null) service.close();
    }

    @BeforeEach
    void desktop() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void searchFilterByCountryAndSpeakerPageOpenAnArticleAndComeBack() throws Exception {
        driver.get(base() + "/");
        shot("01-home");
        WebElement box = driver.findElement(By.id("q"));
        assertThat(driver.switchTo().activeElement()).isEqualTo(box); // autofocus
        box.sendKeys(BrowserTestService.QUERY, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("q=" + BrowserTestService.QUERY));
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(BrowserTestService.QUERY);
        SearchResult all = expect("q=" + BrowserTestService.QUERY);
        assertThat(shownTotal()).isEqualTo(all.total());
        shot("02-results");

        // Tick a country (the page reloads through the JS auto-submit) and check the numbers are the API's.
        Pick first = pick(all, "country", null);
        long firstCount = facetCount(all, first.dim(), first.value());
        assertThat(facetCountShown(first.dim(), first.value())).isEqualTo(firstCount);
        clickCheckbox(first.dim(), first.value());
        String afterFirst = "q=" + BrowserTestService.QUERY + "&" + first.dim() + "=" + UrlState.encode(first.value());
        wait.until(ExpectedConditions.urlContains(first.dim() + "=" + UrlState.encode(first.value())));
        SearchResult one = expect(afterFirst);
        assertThat(shownTotal()).isEqualTo(one.total()).isEqualTo(firstCount).isLessThan(all.total());
        assertThat(checkbox(first.dim(), first.value()).isSelected()).isTrue();
        assertThat(shownHitIds()).isEqualTo(hitIds(one));

        // Then a speaker as well.
        Pick second = pick(one, "speaker", first);
        long secondCount = facetCount(one, second.dim(), second.value());
        assertThat(facetCountShown(second.dim(), second.value())).isEqualTo(secondCount);
        clickCheckbox(second.dim(), second.value());
        wait.until(ExpectedConditions.urlContains(second.dim() + "=" + UrlState.encode(second.value())));
        SearchResult both = expect(afterFirst + "&" + second.dim() + "=" + UrlState.encode(second.value()));
        assertThat(shownTotal()).isEqualTo(both.total());
        if (!second.dim().equals(first.dim())) assertThat(both.total()).isEqualTo(secondCount);
        assertThat(shownHitIds()).isEqualTo(hitIds(both));
        // drill-sideways: the other values of a facet keep their counts while one of them is selected
        for (var f : both.facets()) {
            for (var v : f.values()) {
                if (v.count() > 0 && !driver.findElements(By.cssSelector("#facet-" + f.dim())).isEmpty()
                        && hasCheckbox(f.dim().param(), v.value())) {
                    assertThat(facetCountShown(f.dim().param(), v.value())).as(f.dim() + "=" + v.value()).isEqualTo(v.count());
                }
            }
        }
        assertThat(driver.findElements(By.cssSelector(".selected .chip--removable"))).hasSize(2);
        shot("03-filtered");

        // Remove the second filter with its chip, then page.
        driver.findElements(By.cssSelector(".selected .chip--removable")).get(1).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains(
                second.dim() + "=" + UrlState.encode(second.value()))));
        assertThat(shownTotal()).isEqualTo(one.total());
        if (one.total() > SearchPage.PAGE_SIZE) {
            driver.findElement(By.cssSelector(".pagination a[rel=next]")).click();
            wait.until(ExpectedConditions.urlContains("page=2"));
            SearchResult page2 = expect(afterFirst + "&page=2");
            assertThat(shownHitIds()).isEqualTo(hitIds(page2)).doesNotContainAnyElementsOf(hitIds(one));
            assertThat(driver.findElement(By.cssSelector(".pagination [aria-current=page]")).getText()).isEqualTo("2");
        }
        String searchUrl = driver.getCurrentUrl();

        // Open the first result's article: the paragraph is anchored and highlighted.
        WebElement firstHit = driver.findElement(By.cssSelector(".hit"));
        String hitAnchor = firstHit.getAttribute("id");
        firstHit.findElement(By.cssSelector(".hit__link")).click();
        wait.until(ExpectedConditions.urlContains("/articles/"));
        String fragment = URI.create(driver.getCurrentUrl()).getFragment();
        assertThat(fragment).matches("p\\d+");
        WebElement hitPara = driver.findElement(By.cssSelector(".para.is-hit"));
        assertThat(hitPara.getAttribute("id")).isEqualTo(fragment);
        assertThat(hitPara.findElements(By.tagName("mark"))).isNotEmpty();
        assertThat(hitPara.findElement(By.tagName("mark")).getText()).containsIgnoringCase(BrowserTestService.QUERY.substring(0, 4));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
        shot("04-article");
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        shot("04-article-top");

        // The back link restores the search exactly, scrolled to the result we came from.
        driver.findElement(By.cssSelector(".back-link")).click();
        wait.until(ExpectedConditions.urlContains("#" + hitAnchor));
        assertThat(driver.getCurrentUrl()).isEqualTo(searchUrl + "#" + hitAnchor);
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(BrowserTestService.QUERY);
        assertThat(checkbox(first.dim(), first.value()).isSelected()).isTrue();
    }

    @Test
    void typingUpdatesTheResultsWithoutEnterOrReloadAndBackForwardWork() throws Exception {
        driver.get(base() + "/");
        js("window.parleyMarker = 'same page'");
        WebElement box = driver.findElement(By.id("q"));
        // typed in bursts: a later keystroke cancels the earlier request, the last one wins
        box.sendKeys(BrowserTestService.QUERY.substring(0, 3));
        Thread.sleep(60);
        box.sendKeys(BrowserTestService.QUERY.substring(3));
        wait.until(ExpectedConditions.urlContains("q=" + BrowserTestService.QUERY));
        SearchResult all = expect("q=" + BrowserTestService.QUERY);
        wait.until(d -> shownTotal() == all.total());
        assertThat(shownHitIds()).isEqualTo(hitIds(all));
        assertThat(js("return window.parleyMarker")).isEqualTo("same page"); // no reload
        assertThat(driver.switchTo().activeElement()).isEqualTo(driver.findElement(By.id("q"))); // still typing
        String typedUrl = driver.getCurrentUrl();
        // the filters follow the results once the typing pauses: the counts are the typed query's
        wait.until(d -> d.findElements(By.cssSelector(".is-stale")).isEmpty());
        Pick country = pick(all, "country", null);
        assertThat(facetCountShown(country.dim(), country.value())).isEqualTo(facetCount(all, country.dim(), country.value()));
        assertThat(driver.findElements(By.cssSelector(".timeline[aria-busy], .facets[aria-busy]"))).isEmpty();

        // a facet tick applies without a reload; the address bar shows the canonical URL
        clickCheckbox(country.dim(), country.value());
        String ticked = "q=" + BrowserTestService.QUERY + "&" + country.dim() + "=" + UrlState.encode(country.value());
        wait.until(ExpectedConditions.urlToBe(base() + "/?" + ticked));
        SearchResult narrowed = expect(ticked);
        wait.until(d -> shownTotal() == narrowed.total());
        assertThat(shownHitIds()).isEqualTo(hitIds(narrowed));
        assertThat(checkbox(country.dim(), country.value()).isSelected()).isTrue();
        assertThat(driver.switchTo().activeElement().getAttribute("value")).isEqualTo(country.value()); // focus kept
        assertThat(js("return window.parleyMarker")).isEqualTo("same page");
        shot("13-instant-tick");

        // back and forward restore each state, reusing the pages already fetched
        String typedPath = typedUrl.substring(base().length());
        long fetchedBefore = fetches(typedPath);
        assertThat(fetchedBefore).isPositive();
        driver.navigate().back();
        wait.until(ExpectedConditions.urlToBe(typedUrl));
        wait.until(d -> shownTotal() == all.total());
        assertThat(fetches(typedPath)).isEqualTo(fetchedBefore);
        assertThat(checkbox(country.dim(), country.value()).isSelected()).isFalse();
        driver.navigate().forward();
        wait.until(ExpectedConditions.urlToBe(base() + "/?" + ticked));
        wait.until(d -> shownTotal() == narrowed.total());
        assertThat(checkbox(country.dim(), country.value()).isSelected()).isTrue();
        driver.navigate().back();
        driver.navigate().back();
        wait.until(ExpectedConditions.urlToBe(base() + "/"));
        wait.until(d -> !d.findElements(By.cssSelector(".overview")).isEmpty());
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEmpty();
        assertThat(js("return window.parleyMarker")).isEqualTo("same page");
    }

    @Test
    void aWordStillBeingTypedIsNotSearchedButTheFinishedWordIsAtOnce() throws Exception {
        // "Camb" is searched at the pause; then the page knows which indexed words start with it, so "Cambo",
        // "Cambod" and "Cambodi" (only the beginnings of longer words) are not searched, and "Cambodia" is
        String word = "Cambodia";
        for (int k = 5; k < word.length(); k++) {
            assertThat(service.wordsStartingWith(word.substring(0, k)).orElseThrow().words())
                    .as("the corpus has longer words only").doesNotContainKey(word.substring(0, k).toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(service.wordsStartingWith(word).orElseThrow().probablyFinished()).isTrue();
        driver.get(base() + "/");
        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys(word.substring(0, 4));
        wait.until(ExpectedConditions.urlToBe(base() + "/?q=" + word.substring(0, 4)));
        wait.until(d -> "camb".equals(d.findElement(By.cssSelector(".layout")).getAttribute("data-words-prefix")));
        box.sendKeys(word.substring(4)); // one key after another, no pause between them
        wait.until(ExpectedConditions.urlToBe(base() + "/?q=" + word));
        SearchResult result = expect("q=" + word);
        wait.until(d -> shownTotal() == result.total());
        for (int k = 5; k < word.length(); k++) assertThat(fetches("/?q=" + word.substring(0, k))).as(word.substring(0, k)).isZero();
        assertThat(fetches("/?q=" + word)).isPositive();
        assertThat(shownHitIds()).isEqualTo(hitIds(result));
    }

    @Test
    void theFirstLettersAreLookedUpInTheIndexNotSearched() throws Exception {
        // nothing is known of "cam..." on the start page: the page asks /api/words, a lookup, and searches no
        // beginning of "Cambodia" that is no word, only the word itself
        String word = "Cambodia";
        for (int k = 3; k < word.length(); k++) {
            assertThat(service.wordsStartingWith(word.substring(0, k)).orElseThrow().documents()).as(word.substring(0, k)).isZero();
        }
        driver.get(base() + "/");
        driver.findElement(By.id("q")).sendKeys(word);
        wait.until(ExpectedConditions.urlToBe(base() + "/?q=" + word));
        SearchResult result = expect("q=" + word);
        wait.until(d -> shownTotal() == result.total());
        for (int k = 3; k < word.length(); k++) assertThat(fetches("/?q=" + word.substring(0, k))).as(word.substring(0, k)).isZero();
        assertThat(fetches("/?q=" + word)).isPositive();
        Object lookups = js("return performance.getEntriesByType('resource').filter(e => e.name.indexOf('/api/words?prefix=') >= 0).length");
        assertThat(((Number) lookups).longValue()).isPositive();
    }

    @Test
    void theMostFrequentWordsOfAShortPrefixSpareTheLookupsOfLongerOnes() throws Exception {
        // a backend whose "cam" has more words than a list holds: it lists the most frequent ones and bounds the rest
        // (1 paragraph each), so "camb" ... "cambodi" are known beginnings and "cambodia" a finished word, unasked
        String word = "Cambodia";
        WordsStartingWith all = service.wordsStartingWith("cam").orElseThrow();
        assertThat(all.words().get("cambodia")).as("far more frequent than any unlisted word").isGreaterThanOrEqualTo(4);
        WordsStartingWith ranked = new WordsStartingWith("cam", all.documents(), all.longerDocuments(), false, all.words(), 1);
        SearchService manyCam = new SearchService() {
            @Override
            public SearchResult search(SearchRequest request) throws InvalidQueryException {
                return service.search(request);
            }

            @Override
            public SearchResult searchWithoutFacets(SearchRequest request) throws InvalidQueryException {
                return service.searchWithoutFacets(request);
            }

            @Override
            public Optional<ArticleView> article(String id, String query) throws InvalidQueryException {
                return service.article(id, query);
            }

            @Override
            public List<FacetValue> facetValues(FacetValuesRequest request) {
                return service.facetValues(request);
            }

            @Override
            public Optional<WordsStartingWith> wordsStartingWith(String prefix) {
                return prefix.equalsIgnoreCase("cam") ? Optional.of(ranked) : service.wordsStartingWith(prefix);
            }

            @Override
            public IndexStats stats() {
                return service.stats();
            }

            @Override
            public void close() {
            }
        };
        try (ParleyServer other = new ParleyServer(manyCam).start("127.0.0.1", 0)) {
            String otherBase = "http://127.0.0.1:" + other.port();
            driver.get(otherBase + "/");
            WebElement box = driver.findElement(By.id("q"));
            box.sendKeys(word.substring(0, 3));
            wait.until(d -> Boolean.TRUE.equals(js("return performance.getEntriesByType('resource')"
                    + ".some(e => e.name.indexOf('/api/words?prefix=cam') >= 0 && e.responseEnd > 0)")));
            Thread.sleep(50); // the answer's callback has run
            box.sendKeys(word.substring(3));
            wait.until(ExpectedConditions.urlToBe(otherBase + "/?q=" + word));
            SearchResult result = expect("q=" + word);
            wait.until(d -> shownTotal() == result.total());
            Object lookups = js("return performance.getEntriesByType('resource').filter(e => e.name.indexOf('/api/words?prefix=') >= 0)"
                    + ".map(e => new URL(e.name).searchParams.get('prefix'))");
            assertThat(lookups).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("cam");
            // "Cam" itself may be searched at the typing pause while its lookup is under way (a slow host); the longer
            // beginnings are typed without a pause and known from the ranked list: neither looked up nor searched
            for (int k = 4; k < word.length(); k++) assertThat(fetches("/?q=" + word.substring(0, k))).as(word.substring(0, k)).isZero();
            assertThat(fetches("/?q=" + word)).isPositive();
        }
    }

    @Test
    void theKeyboardFocusesTheBoxMovesThroughResultsAndOpensOne() throws Exception {
        driver.get(base() + "/?q=" + BrowserTestService.QUERY);
        driver.findElement(By.tagName("body")).click();
        js("document.activeElement.blur()");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys("/").perform();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("q");
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(BrowserTestService.QUERY); // '/' not typed
        List<String> ids = shownHitIds();
        assertThat(ids.size()).isGreaterThanOrEqualTo(3);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(currentHit()).isEqualTo(ids.get(0));
        new org.openqa.selenium.interactions.Actions(driver).sendKeys("j").perform();
        assertThat(currentHit()).isEqualTo(ids.get(1));
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        assertThat(currentHit()).isEqualTo(ids.get(2));
        new org.openqa.selenium.interactions.Actions(driver).sendKeys("k").perform();
        assertThat(currentHit()).isEqualTo(ids.get(1));
        assertThat(driver.findElement(By.id(ids.get(1))).getAttribute("class")).contains("is-current");
        String outline = (String) js("return getComputedStyle(document.activeElement).outlineStyle");
        assertThat(outline).isNotEqualTo("none");
        shot("14-keyboard");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlContains("/articles/"));
        String[] parts = ids.get(1).substring("hit-".length()).split("-(?=\\d+$)");
        assertThat(driver.getCurrentUrl()).contains("/articles/" + parts[0]).endsWith("#p" + parts[1]);
    }

    /** How many times the page fetched {@code pathAndQuery} (the Resource Timing entries of its requests). */
    private static long fetches(String pathAndQuery) {
        Object n = ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name === location.origin + arguments[0]).length",
                pathAndQuery);
        return ((Number) n).longValue();
    }

    private static String currentHit() {
        Object id = js("var h = document.activeElement.closest('.hit'); return h ? h.id : null");
        return (String) id;
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Test
    void aScriptInTheQueryIsShownAsText() throws Exception {
        String attack = "<script>alert(1)</script>";
        driver.get(base() + "/");
        driver.findElement(By.id("q")).sendKeys(attack, Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("q="));
        assertNoAlert();
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(attack);
        // Shown as text whether the engine searches for it or rejects it as a malformed query.
        assertThat(driver.findElement(By.cssSelector(".summary__query, .notice__query")).getText()).isEqualTo(attack);
        Object injected = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.scripts).filter(s => !s.src).length");
        assertThat(((Number) injected).intValue()).isZero();
        shot("05-script-query");
    }

    @Test
    void noResultsOffersTheSpellingSuggestionAndDropsAFilter() throws Exception {
        driver.get(base() + "/?q=cambodai");
        assertThat(driver.findElement(By.id("no-results")).isDisplayed()).isTrue();
        shot("06-no-results");
        SearchResult typo = expect("q=cambodai");
        if (typo.didYouMean() != null) {
            driver.findElement(By.cssSelector(".did-you-mean")).click();
            wait.until(ExpectedConditions.urlContains("q=" + UrlState.encode(typo.didYouMean())));
            assertThat(shownTotal()).isEqualTo(expect("q=" + UrlState.encode(typo.didYouMean())).total()).isPositive();
        }
        driver.get(base() + "/?q=" + BrowserTestService.QUERY + "&year=1066");
        assertThat(driver.findElement(By.id("no-results")).isDisplayed()).isTrue();
        driver.findElement(By.cssSelector(".drop-filter")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("year=1066")));
        assertThat(shownTotal()).isPositive();
    }

    @Test
    void aBadQueryShowsAFriendlyMessage() throws Exception {
        driver.get(base() + "/?q=%22unclosed");
        WebElement notice = driver.findElement(By.cssSelector(".notice--error"));
        assertThat(notice.getText()).contains("could not be run");
        assertThat(driver.getPageSource()).doesNotContain("Exception");
        shot("07-bad-query");
    }

    @Test
    void yearBarsAndTheSpeakerFilterBoxNarrowTheList() throws Exception {
        driver.get(base() + "/?q=" + BrowserTestService.QUERY);
        List<WebElement> bars = driver.findElements(By.cssSelector(".timeline .bar"));
        assertThat(bars).isNotEmpty();
        String label = bars.get(0).getAttribute("aria-label");
        String year = label.substring(0, label.indexOf(':'));
        ((JavascriptExecutor) driver).executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", bars.get(0));
        wait.until(ExpectedConditions.urlContains("year_from=" + year));
        String oneYear = "q=" + BrowserTestService.QUERY + "&year_from=" + year + "&year_to=" + year;
        assertThat(shownTotal()).isEqualTo(expect(oneYear).total());

        driver.get(base() + "/?more=speaker");
        if (driver.findElements(By.id("speaker-filter")).isEmpty()) return; // an index without speakers: nothing to filter
        WebElement filter = driver.findElement(By.id("speaker-filter"));
        List<WebElement> speakers = driver.findElements(By.cssSelector("#facet-speaker .facet__values:not(.facet__suggestions) .facet__value"));
        String first = speakers.get(0).findElement(By.cssSelector(".facet__label")).getText();
        filter.sendKeys(first.substring(0, Math.min(4, first.length())));
        long visible = speakers.stream().filter(WebElement::isDisplayed).count();
        assertThat(visible).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(speakers.size());
        for (WebElement li : speakers) {
            if (li.isDisplayed()) {
                assertThat(li.getText().toLowerCase()).contains(first.substring(0, Math.min(4, first.length())).toLowerCase());
            }
        }
    }

    @Test
    void theCountryFilterBoxIgnoresAccents() {
        // the bundled corpus names Turkey, listed as "Türkiye": typed "turk", it was hidden in the list and, being
        // listed, not suggested either, so the box showed nothing
        var accented = service.facetValues(new org.parley.search.FacetValuesRequest(org.parley.search.Dimension.COUNTRY, "", 100))
                .stream().filter(v -> !v.label().equals(java.text.Normalizer.normalize(v.label(), java.text.Normalizer.Form.NFD)))
                .findFirst().orElseThrow(() -> new AssertionError("the corpus has no country with an accented name"));
        String typed = java.text.Normalizer.normalize(accented.label(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").substring(0, 4).toLowerCase(java.util.Locale.ROOT);
        driver.get(base() + "/?more=country");
        driver.findElement(By.id("country-filter")).sendKeys(typed);
        WebElement box = checkbox("country", accented.value());
        WebElement item = box.findElement(By.xpath("ancestor::li[contains(@class,'facet__value')]"));
        assertThat(item.isDisplayed()).as(accented.label() + " typed as " + typed).isTrue();
    }

    @Test
    void aDragAcrossBarsSetsTheYearRangeWhichTheChartShades() throws Exception {
        driver.get(base() + "/?q=" + BrowserTestService.QUERY);
        List<WebElement> bars = driver.findElements(By.cssSelector(".timeline .bar"));
        assertThat(bars.size()).isGreaterThanOrEqualTo(3);
        int from = Integer.parseInt(bars.get(1).getAttribute("data-year"));
        int to = Integer.parseInt(bars.get(bars.size() - 2).getAttribute("data-year"));
        WebElement chart = driver.findElement(By.cssSelector(".timeline__chart"));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(bars.get(1)).clickAndHold()
                .moveToElement(bars.get(bars.size() - 2)).release().perform();
        wait.until(ExpectedConditions.urlContains("year_to=" + to));
        assertThat(driver.getCurrentUrl()).contains("year_from=" + from);
        String range = "q=" + BrowserTestService.QUERY + "&year_from=" + from + "&year_to=" + to;
        assertThat(shownTotal()).isEqualTo(expect(range).total());
        assertThat(driver.findElements(By.cssSelector(".timeline__range"))).hasSize(1);
        // the first and last bars lie outside: dimmed, and the year list does not offer them
        List<WebElement> after = driver.findElements(By.cssSelector(".timeline .bar"));
        assertThat(after.get(0).getAttribute("class")).contains("is-outside");
        assertThat(after.get(after.size() - 1).getAttribute("class")).contains("is-outside");
        String outsideYear = after.get(0).getAttribute("data-year");
        assertThat(hasCheckbox("year", outsideYear)).isFalse();
        assertThat(driver.findElement(By.cssSelector(".selected .chip--range")).getText()).contains(from + "–" + to);
        shot("12-year-range");
        assertThat(chart).isNotNull();
    }

    @Test
    void theSpeakerBoxSuggestsNamesOfTheSearchNotOfTheWholeIndex() throws Exception {
        // Under a query the list shows the first speakers of matching paragraphs; the box offers the others of the
        // search, with their counts under it, and never a speaker who would give no result.
        driver.get(base() + "/?q=" + BrowserTestService.QUERY);
        assertThat(driver.findElements(By.id("country-filter"))).hasSize(1); // offered for countries too
        if (driver.findElements(By.id("speaker-filter")).isEmpty()) return; // an index without speakers
        List<String> listed = driver.findElements(By.cssSelector("#facet-speaker input[type=checkbox]")).stream()
                .map(e -> e.getAttribute("value")).toList();
        var inContext = service.facetValues(new org.parley.search.FacetValuesRequest(org.parley.search.Dimension.SPEAKER, "", 100,
                BrowserTestService.QUERY, java.util.Map.of(), null, null));
        var whole = service.facetValues(new org.parley.search.FacetValuesRequest(org.parley.search.Dimension.SPEAKER, "", 100));
        var outside = whole.stream().filter(v -> inContext.stream().noneMatch(c -> c.value().equals(v.value()))
                && v.value().length() >= 3).findFirst();
        if (outside.isPresent()) {
            String name = outside.get().value();
            WebElement box = driver.findElement(By.id("speaker-filter"));
            box.sendKeys(name.substring(0, 3));
            Thread.sleep(600); // the suggestion request has been answered
            assertThat(driver.findElements(By.cssSelector(".facet__suggestions a"))).extracting(WebElement::getText)
                    .noneMatch(t -> t.contains(name));
            box.clear();
            box.sendKeys(Keys.BACK_SPACE);
        }
        var unlisted = inContext.stream().filter(v -> !listed.contains(v.value()) && v.value().length() >= 3).findFirst();
        if (unlisted.isEmpty()) return; // every speaker of the search is listed already
        String name = unlisted.get().value();
        driver.findElement(By.id("speaker-filter")).sendKeys(name.substring(0, 3));
        WebElement suggestion = wait.until(d -> d.findElements(By.cssSelector(".facet__suggestions a")).stream()
                .filter(a -> a.getText().contains(name)).findFirst().orElse(null));
        assertThat(suggestion.getText()).contains(Long.toString(unlisted.get().count()));
        suggestion.click();
        wait.until(ExpectedConditions.urlContains("speaker=" + UrlState.encode(name)));
        SearchResult result = expect("q=" + BrowserTestService.QUERY + "&speaker=" + UrlState.encode(name));
        assertThat(result.total()).isEqualTo(unlisted.get().count());
        wait.until(d -> shownTotal() == result.total());
        assertThat(checkbox("speaker", name).isSelected()).isTrue();
    }

    @Test
    void onePerArticleGroupsTheResults() throws Exception {
        driver.get(base() + "/?q=" + BrowserTestService.QUERY);
        long paragraphs = shownTotal();
        driver.findElement(By.id("group")).click();
        wait.until(ExpectedConditions.urlContains("group=article"));
        SearchResult grouped = expect("q=" + BrowserTestService.QUERY + "&group=article");
        assertThat(shownTotal()).isEqualTo(grouped.total()).isLessThanOrEqualTo(paragraphs);
        assertThat(driver.findElement(By.cssSelector(".summary__count")).getText()).contains("article");
        assertThat(shownHitIds()).isEqualTo(hitIds(grouped));
        assertThat(driver.findElement(By.id("group")).isSelected()).isTrue();
        shot("10-one-per-article");
    }

    @Test
    void theArticlePageKeepsItsBarInViewAndStepsThroughTheMatches() throws Exception {
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            driver.manage().window().setSize(size);
            SearchResult grouped = expect("q=" + BrowserTestService.QUERY + "&group=article");
            var best = grouped.hits().stream().max(java.util.Comparator.comparingInt(org.parley.search.Hit::articleHits)).orElseThrow();
            assertThat(best.articleHits()).isGreaterThanOrEqualTo(3);
            var article = service.article(best.articleId(), BrowserTestService.QUERY).orElseThrow();
            List<Integer> matches = article.paragraphs().stream().filter(p -> !p.highlights().isEmpty())
                    .map(org.parley.search.ParagraphView::ordinal).toList();
            driver.get(base() + "/articles/" + best.articleId() + "?q=" + BrowserTestService.QUERY + "&p=" + matches.get(0) + "#p" + matches.get(0));
            WebElement next = driver.findElement(By.cssSelector(".match-nav [rel=next]"));
            assertThat(driver.findElement(By.cssSelector(".match-nav__count")).getText()).isEqualTo("match 1 of " + matches.size());
            next.click();
            wait.until(ExpectedConditions.urlMatches("#p" + matches.get(1) + "$"));
            assertThat(driver.findElement(By.cssSelector(".match-nav__count")).getText()).isEqualTo("match 2 of " + matches.size());
            assertThat(next.getAttribute("href")).endsWith("#p" + matches.get(2));
            new org.openqa.selenium.interactions.Actions(driver).sendKeys("n").perform(); // the key does the same
            wait.until(ExpectedConditions.urlMatches("#p" + matches.get(2) + "$"));
            driver.findElement(By.cssSelector(".match-nav [rel=prev]")).click();
            wait.until(ExpectedConditions.urlMatches("#p" + matches.get(1) + "$"));
            // the bar stays at the top while the article scrolls, and the target paragraph is not under it
            Number barTop = (Number) js("return document.querySelector('.article__bar').getBoundingClientRect().top");
            assertThat(barTop.doubleValue()).isBetween(-1.0, 1.0);
            assertThat((Number) js("return window.scrollY")).satisfies(y -> assertThat(y.doubleValue()).isPositive());
            Number barBottom = (Number) js("return document.querySelector('.article__bar').getBoundingClientRect().bottom");
            Number paraTop = (Number) js("return document.getElementById('p" + matches.get(1) + "').getBoundingClientRect().top");
            assertThat(paraTop.doubleValue()).isGreaterThanOrEqualTo(barBottom.doubleValue() - 1);
            assertThat(driver.findElement(By.cssSelector(".article__bar .back-link")).isDisplayed()).isTrue();
            assertNoHorizontalScroll();
            shot(size.getWidth() < 500 ? "16-phone-article-matches" : "15-article-matches");
        }
    }

    @Test
    void onAPhoneTheFiltersAreADrawerFromTheTopAndTheToolbarIsOneRow() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(base() + "/?q=" + BrowserTestService.QUERY);
        WebElement facets = driver.findElement(By.id("filters"));
        assertThat(facets.isDisplayed()).isFalse();
        // the toolbar's controls on one row, and the box's placeholder fits
        Object tops = js("return Array.from(document.querySelectorAll('.toolbar__actions > *')).filter(e => e.offsetParent)"
                + ".map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))");
        assertThat(((List<?>) tops).stream().map(o -> ((Number) o).intValue()).distinct().count()).isLessThanOrEqualTo(1);
        Number spare = (Number) js("""
                const q = document.getElementById('q'); const cs = getComputedStyle(q);
                const c = document.createElement('canvas').getContext('2d'); c.font = cs.font;
                return q.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - c.measureText(q.placeholder).width;""");
        assertThat(spare.doubleValue()).isPositive();
        WebElement open = driver.findElement(By.cssSelector(".jump-filters"));
        Number openTop = (Number) js("return document.querySelector('.jump-filters').getBoundingClientRect().top");
        assertThat(openTop.intValue()).isLessThan(300); // reached from the top
        open.click();
        // open, and all of it on screen once it has slid in
        wait.until(d -> facets.isDisplayed() && ((Number) js("return document.getElementById('filters').getBoundingClientRect().right"
                + " - document.documentElement.clientWidth")).doubleValue() <= 1);
        shot("17-phone-drawer");
        SearchResult all = expect("q=" + BrowserTestService.QUERY);
        Pick country = pick(all, "country", null);
        clickCheckbox(country.dim(), country.value());
        String ticked = "q=" + BrowserTestService.QUERY + "&" + country.dim() + "=" + UrlState.encode(country.value());
        wait.until(ExpectedConditions.urlToBe(base() + "/?" + ticked));
        SearchResult narrowed = expect(ticked);
        wait.until(d -> shownTotal() == narrowed.total());
        // the drawer stays open for the next tick and its button tells what closing it shows
        WebElement close = driver.findElement(By.cssSelector(".facets__close"));
        assertThat(driver.findElement(By.id("filters")).isDisplayed()).isTrue();
        assertThat(close.getText()).isEqualTo("Show " + Views.plural(narrowed.total(), "paragraph", "paragraphs"));
        close.click();
        wait.until(d -> !d.findElement(By.id("filters")).isDisplayed());
        // the button at the top counts the active filters
        assertThat(driver.findElement(By.cssSelector(".jump-filters__count")).getText()).isEqualTo("1");
        assertNoHorizontalScroll();
    }

    @Test
    void theDarkThemeFollowsTheSystemAndTheFocusRingStandsOut() throws Exception {
        ChromeDriverHolder.media(driver, "dark");
        try {
            driver.get(base() + "/?q=" + BrowserTestService.QUERY);
            String bg = (String) js("return getComputedStyle(document.body).backgroundColor");
            assertThat(luminance(bg)).isLessThan(0.05);
            String text = (String) js("return getComputedStyle(document.querySelector('.hit__snippet')).color");
            assertThat(contrast(text, bg)).isGreaterThanOrEqualTo(4.5);
            shot("19-dark");
            driver.manage().window().setSize(new Dimension(390, 844));
            driver.navigate().refresh();
            shot("20-phone-dark");
        } finally {
            ChromeDriverHolder.media(driver, "light");
        }
        // light: the focus ring has at least 3:1 against the card it is drawn on
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(base() + "/?q=" + BrowserTestService.QUERY);
        js("document.querySelector('.hit__link').focus()");
        String ring = (String) js("return getComputedStyle(document.activeElement).outlineColor");
        String card = (String) js("return getComputedStyle(document.querySelector('.hit-group')).backgroundColor");
        assertThat(contrast(ring, card)).isGreaterThanOrEqualTo(3.0);
        String page = (String) js("return getComputedStyle(document.body).backgroundColor");
        assertThat(contrast(ring, page)).isGreaterThanOrEqualTo(3.0);
    }

    /** Emulates the system colour scheme through the DevTools protocol. */
    static final class ChromeDriverHolder {
        static void media(WebDriver driver, String scheme) {
            ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setEmulatedMedia",
                    java.util.Map.of("features", List.of(java.util.Map.of("name", "prefers-color-scheme", "value", scheme))));
        }
    }

    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** The WCAG contrast ratio of two computed colours ({@code rgb(r, g, b)}). */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void phoneLayoutHasNoHorizontalScroll() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(base() + "/?q=" + BrowserTestService.QUERY);
        assertNoHorizontalScroll();
        shot("08-phone-results");
        driver.findElement(By.cssSelector(".hit__title a")).click();
        wait.until(ExpectedConditions.urlContains("/articles/"));
        assertNoHorizontalScroll();
        shot("09-phone-article");
    }

    @Test
    void keyboardFocusIsVisible() throws Exception {
        driver.get(base() + "/?q=" + BrowserTestService.QUERY);
        WebElement link = driver.findElement(By.cssSelector(".hit__title a"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", link);
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        String outline = (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.activeElement).outlineStyle");
        assertThat(outline).isNotEqualTo("none");
    }

    @Test
    void everyControlIsLabelledAndThePageHasLandmarks() throws Exception {
        for (String path : List.of("/?q=" + BrowserTestService.QUERY + "&page=2", "/?q=%22bad")) {
            driver.get(base() + path);
            Object unlabelled = ((JavascriptExecutor) driver).executeScript("""
                    return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                      .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                                    && !el.getAttribute('aria-labelledby'))
                      .map(el => el.outerHTML);""");
            assertThat((List<?>) unlabelled).as(path).isEmpty();
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(driver.getTitle()).isNotBlank();
            assertThat(driver.findElements(By.tagName("main"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("body > header"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("form[role=search]"))).hasSize(1);
        }
        assertThat(driver.findElements(By.cssSelector("nav.pagination[aria-label]")).size()
                + driver.findElements(By.cssSelector(".notice--error")).size()).isPositive();
    }

    // ---- helpers ----

    private static void assertNoAlert() {
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert fired");
        } catch (NoAlertPresentException expected) {
            // good
        }
    }

    private static void assertNoHorizontalScroll() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Object wide = js("""
                const w = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 0.5
                    && getComputedStyle(e).visibility !== 'hidden').slice(0, 8)
                  .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));""");
        assertThat(((Number) overflow).intValue()).as("wider than the window: " + wide).isLessThanOrEqualTo(0);
    }

    /** What the service (and, where it is served, {@code /api/search}) answers for these URL parameters. */
    private static SearchResult expect(String query) throws InvalidQueryException, IOException, InterruptedException {
        UrlState state = UrlState.parse(query);
        SearchResult result = service.search(state.toRequest(SearchPage.PAGE_SIZE, SearchPage.FACET_SIZE));
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/search?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (api.statusCode() == 200) {
            JsonNode json = Json.mapper().readTree(api.body());
            assertThat(json.get("total").asLong()).as("/api/search total for " + query).isEqualTo(result.total());
        }
        return result;
    }

    /** A facet value to tick. */
    record Pick(String dim, String value) {
    }

    /**
     * A value of {@code dim} that narrows the result (count between 0 and the total), preferring the most frequent;
     * falls back to the year facet (always filled: explicit or publication years) when {@code dim} has none.
     */
    private static Pick pick(SearchResult result, String dim, Pick not) {
        for (String d : List.of(dim, "year")) {
            var facet = result.facets().stream().filter(f -> f.dim().param().equals(d)).findFirst();
            if (facet.isEmpty()) continue;
            for (var v : facet.get().values()) {
                boolean taken = not != null && not.dim().equals(d) && not.value().equals(v.value());
                if (!taken && !v.selected() && v.count() > 0 && v.count() < result.total() && hasCheckbox(d, v.value())) {
                    return new Pick(d, v.value());
                }
            }
        }
        throw new AssertionError("no facet value narrows " + result.total() + " hits");
    }

    private static boolean hasCheckbox(String dim, String value) {
        return driver.findElements(By.cssSelector("#facet-" + dim + " input[type=checkbox]")).stream()
                .anyMatch(e -> value.equals(e.getAttribute("value")));
    }

    private static long facetCount(SearchResult result, String dim, String value) {
        return result.facets().stream().filter(f -> f.dim().param().equals(dim)).flatMap(f -> f.values().stream())
                .filter(v -> v.value().equals(value)).findFirst().orElseThrow().count();
    }

    /** The count the page shows; -1 while instant search is swapping the results (the element being replaced). */
    private static long shownTotal() {
        try {
            String text = driver.findElement(By.cssSelector(".summary__count")).getText();
            return Long.parseLong(text.replaceAll("[^0-9]", ""));
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException
                 | NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> shownHitIds() {
        List<String> ids = new ArrayList<>();
        for (WebElement hit : driver.findElements(By.cssSelector(".hit"))) ids.add(hit.getAttribute("id"));
        return ids;
    }

    private static List<String> hitIds(SearchResult result) {
        return result.hits().stream().map(h -> "hit-" + h.articleId() + "-" + h.ordinal()).toList();
    }

    private static WebElement checkbox(String dim, String value) {
        return driver.findElements(By.cssSelector("#facet-" + dim + " input[type=checkbox]")).stream()
                .filter(e -> value.equals(e.getAttribute("value"))).findFirst().orElseThrow();
    }

    private static long facetCountShown(String dim, String value) {
        WebElement box = checkbox(dim, value);
        WebElement label = driver.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"));
        return Long.parseLong(label.findElement(By.cssSelector(".facet__count")).getText().replaceAll("[^0-9]", ""));
    }

    private static void clickCheckbox(String dim, String value) {
        WebElement box = checkbox(dim, value);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
        box.click();
    }

    private static void shot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
        // -Dparley.screenshot.docs=true refreshes the README's screenshot from the results state
        if (name.equals("02-results") && Boolean.getBoolean("parley.screenshot.docs")) {
            Files.write(Path.of("docs", "screenshot-search.png"), png);
        }
    }
}
