package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.index.TestCorpus.Expected;
import org.parley.index.TestCorpus;
import org.parley.search.Json;
import org.parley.search.SearchService;

/**
 * The search contract, checked through the JSON API over real HTTP against brute-force counts over the test
 * corpus. Every backend runs this same suite: a subclass says only how to load the corpus into it and open it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchApiContract {
    @TempDir
    static Path tmp;
    static Map<String, Expected> expected;
    static TestServer fixture;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = Json.mapper();

    record Response(int status, JsonNode body, String contentType) {
    }

    /** Loads {@code corpus} into the backend under test (working files under {@code dir}) and opens it. */
    protected abstract SearchService openBackend(TestCorpus corpus, Path dir) throws IOException;

    @BeforeAll
    void start() throws IOException {
        fixture = TestServer.start(tmp, this::openBackend);
        expected = fixture.corpus.expectedParagraphs();
    }

    @AfterAll
    void stop() throws IOException {
        fixture.close();
    }

    // --------------------------------------------------------------------------------------------- helpers

    static Response get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), json.readTree(r.body()), r.headers().firstValue("content-type").orElse(""));
    }

    /** {@code /api/search?} with the given name/value pairs, URL-encoded. */
    static Response search(String... params) throws Exception {
        return get("/api/search?" + query(params));
    }

    static String query(String... params) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < params.length; i += 2) {
            parts.add(params[i] + "=" + URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    /** Every hit of a search, following next_cursor. */
    static List<JsonNode> allHits(String... params) throws Exception {
        List<JsonNode> hits = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 1000; guard++) {
            List<String> p = new ArrayList<>(List.of(params));
            if (cursor != null) {
                p.add("cursor");
                p.add(cursor);
            }
            Response r = search(p.toArray(String[]::new));
            assertThat(r.status()).as("status of %s", p).isEqualTo(200);
            r.body().get("hits").forEach(hits::add);
            JsonNode next = r.body().get("next_cursor");
            if (next == null || next.isNull()) return hits;
            cursor = next.asText();
        }
        throw new AssertionError("cursor paging did not end");
    }

    static Set<String> ids(Collection<JsonNode> hits) {
        return hits.stream().map(h -> h.get("id").asText()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** value -> count of one facet dimension in a search response. */
    static Map<String, Long> facet(JsonNode body, String dim) {
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode f : body.get("facets")) {
            if (!f.get("dim").asText().equals(dim)) continue;
            for (JsonNode v : f.get("values")) out.put(v.get("value").asText(), v.get("count").asLong());
        }
        return out;
    }

    static Map<String, Long> withoutZeros(Map<String, Long> counts) {
        Map<String, Long> out = new TreeMap<>(counts);
        out.values().removeIf(v -> v == 0);
        return out;
    }

    static JsonNode facetNode(JsonNode body, String dim) {
        for (JsonNode f : body.get("facets")) if (f.get("dim").asText().equals(dim)) return f;
        throw new AssertionError("no facet " + dim);
    }

    static Collection<String> values(Expected e, String dim) {
        return switch (dim) {
            case "country" -> e.countries();
            case "year" -> e.years().stream().map(String::valueOf).toList();
            case "speaker" -> e.speakers();
            default -> throw new IllegalArgumentException(dim);
        };
    }

    /** Brute force: value -> number of the given paragraphs carrying it. */
    static Map<String, Long> count(Collection<Expected> paragraphs, String dim) {
        Map<String, Long> out = new TreeMap<>();
        for (Expected e : paragraphs) for (String v : values(e, dim)) out.merge(v, 1L, Long::sum);
        return out;
    }

    static List<Expected> where(Predicate<Expected> p) {
        return expected.values().stream().filter(p).toList();
    }

    static Predicate<Expected> has(String dim, String... anyOf) {
        Set<String> set = Set.of(anyOf);
        return e -> values(e, dim).stream().anyMatch(set::contains);
    }

    static Predicate<Expected> textMatches(String regex) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return e -> p.matcher(e.text()).find();
    }

    static String top(Map<String, Long> counts, int rank) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .skip(rank).findFirst().orElseThrow().getKey();
    }

    // --------------------------------------------------------------------------------------------- tests

    @Test
    void emptyQueryMatchesEveryParagraphAndFacetsEqualBruteForce() throws Exception {
        Response r = search("size", "100", "facet_size", "500");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.body().get("total").asLong()).isEqualTo(expected.size());
        assertThat(ids(allHits("size", "7"))).isEqualTo(expected.keySet());
        for (String dim : List.of("country", "year", "speaker")) {
            assertThat(facet(r.body(), dim)).as(dim).isEqualTo(count(expected.values(), dim)).isNotEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"|false", "Cambodia|false", "talks OR cooperation|false", "Cambodia|true"})
    void sizeZeroGivesTheTotalAndFacetCountsOfTheSearchWithoutHits(String q, boolean group) throws Exception {
        String query = q == null ? "" : q;
        Response full = search("q", query, "group", group ? "article" : "none", "size", "100", "facet_size", "500");
        Response counts = search("q", query, "group", group ? "article" : "none", "size", "0", "facet_size", "500");
        assertThat(counts.status()).isEqualTo(200);
        assertThat(counts.body().get("hits")).isEmpty();
        assertThat(counts.body().get("next_cursor").isNull()).isTrue();
        assertThat(counts.body().get("total").asLong()).isEqualTo(full.body().get("total").asLong()).isPositive();
        assertThat(counts.body().get("facets")).isEqualTo(full.body().get("facets"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Cambodia", "relations", "talks OR cooperation", "\"diplomatic relations\"", "-Cambodia"})
    void facetCountsOfAQueryEqualABruteForceCountOverItsHits(String q) throws Exception {
        Response r = search("q", q, "facet_size", "500");
        List<JsonNode> hits = allHits("q", q, "size", "100");
        assertThat(r.body().get("total").asLong()).isEqualTo(hits.size()).isPositive();
        List<Expected> hitParagraphs = ids(hits).stream().map(expected::get).toList();
        assertThat(hitParagraphs).doesNotContainNull();
        for (String dim : List.of("country", "year", "speaker")) {
            assertThat(facet(r.body(), dim)).as("%s for %s", dim, q).isEqualTo(count(hitParagraphs, dim));
        }
    }

    @Test
    void filtersAreOredWithinAFacetAndAndedAcrossFacetsWithDrillSidewaysCounts() throws Exception {
        Map<String, Long> countries = count(expected.values(), "country");
        String c1 = top(countries, 0);
        String c2 = top(countries, 1);
        Map<String, Long> years = count(where(has("country", c1, c2)), "year");
        String y = top(years, 0);

        Response r = search("country", c1, "country", c2, "year", y, "facet_size", "500");
        assertThat(r.status()).isEqualTo(200);
        List<Expected> matching = where(has("country", c1, c2).and(has("year", y)));
        assertThat(r.body().get("total").asLong()).isEqualTo(matching.size()).isPositive();
        assertThat(ids(allHits("country", c1, "country", c2, "year", y, "size", "5")))
                .isEqualTo(matching.stream().map(Expected::id).collect(Collectors.toSet()));

        // unselected dimension: counts over the hits
        assertThat(facet(r.body(), "speaker")).isEqualTo(count(matching, "speaker"));
        // selected dimensions: drill-sideways, i.e. counts under the other dimensions' filters only
        assertThat(withoutZeros(facet(r.body(), "country"))).isEqualTo(count(where(has("year", y)), "country"));
        assertThat(facet(r.body(), "country")).containsKeys(c1, c2); // selected values listed even with no hits
        assertThat(facet(r.body(), "year")).isEqualTo(count(where(has("country", c1, c2)), "year"));
        // selected values are flagged
        for (JsonNode v : facetNode(r.body(), "country").get("values")) {
            assertThat(v.get("selected").asBoolean()).isEqualTo(Set.of(c1, c2).contains(v.get("value").asText()));
        }
    }

    @Test
    void aCountUnderFiltersEqualsTheHitsWhenThatValueIsAddedAsAFilter() throws Exception {
        String c = top(count(expected.values(), "country"), 0);
        Response r = search("country", c, "facet_size", "500");
        for (Map.Entry<String, Long> e : facet(r.body(), "speaker").entrySet()) {
            Response narrowed = search("country", c, "speaker", e.getKey());
            assertThat(narrowed.body().get("total").asLong()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void selectedValueStaysListedOutsideTheTopN() throws Exception {
        Map<String, Long> countries = count(expected.values(), "country");
        String rare = countries.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String common = top(countries, 0);
        Response r = search("country", rare, "facet_size", "1");
        JsonNode f = facetNode(r.body(), "country");
        Map<String, Long> listed = facet(r.body(), "country");
        assertThat(listed).containsEntry(rare, countries.get(rare)).containsEntry(common, countries.get(common)).hasSize(2);
        assertThat(f.get("other_values").asInt()).isEqualTo(countries.size() - 2);
        assertThat(f.get("values").get(1).get("label").asText()).isNotBlank();
    }

    @Test
    void yearRangeKeepsParagraphsWithAYearInRange() throws Exception {
        Predicate<Expected> inRange = e -> e.years().stream().anyMatch(y -> y >= 1950 && y <= 1980);
        List<JsonNode> hits = allHits("year_from", "1950", "year_to", "1980", "size", "100");
        assertThat(ids(hits)).isEqualTo(where(inRange).stream().map(Expected::id).collect(Collectors.toSet())).isNotEmpty();
        for (JsonNode h : hits) {
            List<Integer> ys = new ArrayList<>();
            h.get("years").forEach(y -> ys.add(y.asInt()));
            assertThat(ys).anyMatch(y -> y >= 1950 && y <= 1980);
        }
        // open-ended range, combined with a year value, and year counts stay drill-sideways
        Response from = search("year_from", "2021", "facet_size", "500");
        assertThat(from.body().get("total").asLong()).isEqualTo(where(e -> e.years().stream().anyMatch(y -> y >= 2021)).size());
        assertThat(facet(from.body(), "year")).isEqualTo(count(expected.values(), "year"));
        Response both = search("year_from", "1950", "year_to", "2000", "year", "1975");
        assertThat(both.body().get("total").asLong()).isEqualTo(where(has("year", "1975")).size()).isPositive();
        assertThat(search("year_from", "2000", "year_to", "1990").status()).isEqualTo(400);
    }

    @Test
    void bareTermsAreStemmedAndPhrasesExact() throws Exception {
        // "relations" finds the paragraph that only says "relation"
        assertThat(ids(allHits("q", "relations", "size", "100"))).contains("syn_relation#1")
                .isEqualTo(ids(allHits("q", "relation", "size", "100")));
        // an exact phrase does not match its plural form
        Set<String> exact = ids(allHits("q", "\"foreign relation\"", "size", "100"));
        assertThat(exact).isEqualTo(where(textMatches("\\bforeign relation\\b")).stream().map(Expected::id).collect(Collectors.toSet()))
                .contains("syn_relation#3");
        Set<String> plural = ids(allHits("q", "\"foreign relations\"", "size", "100"));
        assertThat(plural).doesNotContain("syn_relation#3");
        // wildcards and fuzzy terms work on the unstemmed words
        assertThat(ids(allHits("q", "diplom*", "size", "100"))).isEqualTo(
                where(textMatches("\\bdiplom")).stream().map(Expected::id).collect(Collectors.toSet()));
        assertThat(search("q", "Cambodai~1").body().get("total").asLong()).isEqualTo(where(textMatches("\\bcambodia\\b")).size());
        // boolean syntax
        long both = search("q", "+Cambodia +Russia").body().get("total").asLong();
        long either = search("q", "Cambodia OR Russia").body().get("total").asLong();
        long notRussia = search("q", "Cambodia -Russia").body().get("total").asLong();
        assertThat(both + notRussia).isEqualTo(search("q", "Cambodia").body().get("total").asLong());
        assertThat(either).isGreaterThan(both);
        // fields
        JsonNode byTitle = search("q", "title:relation", "size", "100").body();
        assertThat(byTitle.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(byTitle.get("hits").findValuesAsText("title")).allMatch(t -> t.toLowerCase().contains("relation"));
        assertThat(search("q", "country:Thailand").body().get("total").asLong()).isEqualTo(where(has("country", "TH")).size());
        assertThat(search("q", "speaker:\"anna smith\"").body().get("total").asLong()).isEqualTo(where(has("speaker", "Anna Smith")).size());
        assertThat(search("q", "year:[1950 TO 1980]").body().get("total").asLong())
                .isEqualTo(where(e -> e.years().stream().anyMatch(y -> y >= 1950 && y <= 1980)).size());
    }

    /**
     * A quoted title phrase keeps its {@code ~slop} and the places of its stop words, as a text phrase does:
     * {@code "Cambodia and Russia"} is cambodia, any one word, russia.
     */
    @Test
    void aTitlePhraseKeepsItsSlopAndTheGapsOfItsStopWords() throws Exception {
        Map<String, String> titles = new TreeMap<>();
        for (JsonNode h : allHits("size", "100")) titles.put(h.get("article_id").asText(), h.get("title").asText());
        assertThat(titleSearch("title:\"Cambodia Russia\"~3")).isEqualTo(titled(titles, "\\bcambodia\\W+(\\w+\\W+){0,3}russia\\b"))
                .isNotEqualTo(titleSearch("title:\"Cambodia Russia\"")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(titleSearch("title:\"Cambodia and Russia\"")).isEqualTo(titled(titles, "\\bcambodia\\W+\\w+\\W+russia\\b"))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    /** The articles whose paragraphs a title search finds, checking that it finds every paragraph of each. */
    private static Set<String> titleSearch(String q) throws Exception {
        List<JsonNode> hits = allHits("q", q, "size", "100");
        Set<String> articles = hits.stream().map(h -> h.get("article_id").asText()).collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(ids(hits)).as(q).isEqualTo(where(e -> articles.contains(e.articleId())).stream().map(Expected::id)
                .collect(Collectors.toSet()));
        return articles;
    }

    private static Set<String> titled(Map<String, String> titles, String regex) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return titles.entrySet().stream().filter(t -> p.matcher(t.getValue()).find()).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void snippetsEscapeHtmlAndMarkMatchesAndPhrasesAsOneSpan() throws Exception {
        JsonNode hit = search("q", "script").body().get("hits").get(0);
        assertThat(hit.get("id").asText()).isEqualTo("syn_script#1");
        String snippet = hit.get("snippet").asText();
        assertThat(snippet).contains("&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;")
                .contains("China &amp; Vietnam").doesNotContain("<script");
        assertThat(hit.get("text").asText()).contains("<script>alert(1)</script>"); // text is raw, snippet is HTML

        Response hostile = search("q", "<script>alert(1)</script>");
        assertThat(hostile.status()).isEqualTo(200);
        assertThat(hostile.body().get("hits")).isNotEmpty();
        hostile.body().get("hits").forEach(h -> assertThat(h.get("snippet").asText()).doesNotContain("<script").doesNotContain("</script"));

        String phrase = search("q", "\"diplomatic relations\"").body().get("hits").get(0).get("snippet").asText();
        assertThat(phrase).contains("<mark>diplomatic relations</mark>");
        String quoted = search("q", "\"fair & open\"").body().get("hits").get(0).get("snippet").asText();
        assertThat(quoted).contains("&quot;<mark>fair &amp; open</mark>&quot;");
        assertThat(search("q", "relation").body().get("hits").findValuesAsText("snippet"))
                .anyMatch(s -> s.contains("<mark>relations</mark>")).anyMatch(s -> s.contains("<mark>relation</mark>"));
        // no query: the plain escaped text
        assertThat(search("q", "", "size", "100").body().get("hits").findValuesAsText("snippet"))
                .allMatch(s -> !s.contains("<mark>") && !s.contains("<script"));
    }

    @ParameterizedTest
    @CsvSource({"relevance,false", "date,false", "-date,false", "relevance,true", "date,true", "-date,true"})
    void cursorPagingVisitsEveryHitExactlyOnce(String sort, boolean group) throws Exception {
        List<String> params = new ArrayList<>(List.of("q", "Cambodia OR talks OR relations OR cooperation", "sort", sort, "size", "3"));
        if (group) params.addAll(List.of("group", "article"));
        List<JsonNode> paged = allHits(params.toArray(String[]::new));
        params.set(5, "100");
        Response all = search(params.toArray(String[]::new));
        List<String> pagedIds = paged.stream().map(h -> h.get("id").asText()).toList();
        assertThat(pagedIds).doesNotHaveDuplicates().hasSize(all.body().get("total").asInt());
        assertThat(pagedIds).containsExactlyElementsOf(all.body().get("hits").findValuesAsText("id"));
        if (!sort.equals("relevance")) {
            List<LocalDate> dates = paged.stream().map(h -> h.get("published").isNull() ? null : LocalDate.parse(h.get("published").asText())).toList();
            List<LocalDate> dated = dates.stream().takeWhile(d -> d != null).toList();
            assertThat(dates.subList(dated.size(), dates.size())).containsOnlyNulls(); // undated last
            List<LocalDate> sorted = new ArrayList<>(dated);
            sorted.sort(sort.equals("date") ? LocalDate::compareTo : (a, b) -> b.compareTo(a));
            assertThat(dated).isEqualTo(sorted);
        }
        // page numbers give the same order as the cursor
        Response page2 = search(replace(params, "size", "3", "page", "2").toArray(String[]::new));
        assertThat(page2.body().get("hits").findValuesAsText("id")).isEqualTo(pagedIds.subList(3, Math.min(6, pagedIds.size())));
    }

    private static List<String> replace(List<String> params, String name, String value, String extra, String extraValue) {
        List<String> out = new ArrayList<>(params);
        out.set(out.indexOf(name) + 1, value);
        out.add(extra);
        out.add(extraValue);
        return out;
    }

    @Test
    void groupByArticleReturnsTheBestParagraphPerArticleAndKeepsParagraphFacetCounts() throws Exception {
        String q = "Cambodia OR relations";
        Response flat = search("q", q, "size", "100", "facet_size", "500");
        Response grouped = search("q", q, "size", "100", "facet_size", "500", "group", "article");
        JsonNode hits = grouped.body().get("hits");
        List<String> articles = hits.findValuesAsText("article_id");
        assertThat(articles).doesNotHaveDuplicates();
        Map<String, Long> perArticle = new HashMap<>();
        flat.body().get("hits").forEach(h -> perArticle.merge(h.get("article_id").asText(), 1L, Long::sum));
        assertThat(grouped.body().get("total").asLong()).isEqualTo(perArticle.size());
        for (JsonNode h : hits) {
            assertThat(h.get("article_hits").asLong()).isEqualTo(perArticle.get(h.get("article_id").asText()));
            // the best paragraph is the article's first in relevance order
            String best = null;
            for (JsonNode f : flat.body().get("hits")) {
                if (f.get("article_id").asText().equals(h.get("article_id").asText())) {
                    best = f.get("id").asText();
                    break;
                }
            }
            assertThat(h.get("id").asText()).isEqualTo(best);
        }
        assertThat(grouped.body().get("facets")).isEqualTo(flat.body().get("facets"));
        flat.body().get("hits").forEach(h -> assertThat(h.get("article_hits").asInt()).isEqualTo(1));
    }

    @Test
    void didYouMeanSuggestsACloseWordWhenAQueryFindsLittle() throws Exception {
        Response r = search("q", "Cambodai");
        assertThat(r.body().get("total").asLong()).isZero();
        assertThat(r.body().get("did_you_mean").asText()).isEqualTo("Cambodia");
        assertThat(search("q", "Cambodia").body().get("did_you_mean").isNull()).isTrue();
    }

    /** The closest word wins (fewest edits, then most paragraphs), whichever shard holds it. */
    @ParameterizedTest
    @CsvSource({"woul,would", "sayin,saying", "Chiua,China", "nevr,never", "Cambodai relatoins,Cambodia relations"})
    void didYouMeanPrefersTheFewestEdits(String typed, String suggested) throws Exception {
        assertThat(search("q", typed, "size", "1").body().get("did_you_mean").asText()).isEqualTo(suggested);
    }

    @Test
    void facetValueSearchForAutocomplete() throws Exception {
        Response r = get("/api/facets/speaker?prefix=smi");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("values").findValuesAsText("value")).containsExactly("Anna Smith");
        assertThat(r.body().get("values").get(0).get("count").asLong()).isEqualTo(where(has("speaker", "Anna Smith")).size());
        assertThat(get("/api/facets/country?prefix=camb").body().get("values").get(0).get("value").asText()).isEqualTo("KH");
        assertThat(get("/api/facets/country?prefix=camb").body().get("values").get(0).get("label").asText()).isEqualTo("Cambodia");
        assertThat(get("/api/facets/year?limit=3").body().get("values")).hasSize(3);
        // typed without its case or with accents it does not have, and by another name of the country
        assertThat(get("/api/facets/speaker?prefix=SM%C3%8D").body().get("values").findValuesAsText("value")).containsExactly("Anna Smith");
        assertThat(get("/api/facets/country?prefix=Kingdom+of+Cambodia").body().get("values").findValuesAsText("value")).containsExactly("KH");
    }

    /** Whether the backend lists the indexed words a prefix begins ({@code /api/words}); a 404 says it does not. */
    protected boolean listsWords() {
        return true;
    }

    @Test
    void wordsOfAPrefixAreListedWithTheirDocumentsOrTheBackendSaysItListsNone() throws Exception {
        Response r = get("/api/words?prefix=Camb");
        if (!listsWords()) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body().get("error").asText()).isNotBlank();
            return;
        }
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("prefix").asText()).isEqualTo("camb");
        assertThat(r.body().get("complete").asBoolean()).isTrue();
        assertThat(r.body().get("documents").asLong()).as("'camb' is no word").isZero();
        long cambodia = get("/api/search?q=%22cambodia%22&size=0").body().get("total").asLong();
        assertThat(cambodia).isPositive();
        assertThat(r.body().get("words").get("cambodia").asLong()).isEqualTo(cambodia);
        r.body().get("words").fieldNames().forEachRemaining(w -> assertThat(w).startsWith("camb"));
        assertThat(r.body().get("longer_documents").asLong()).isGreaterThanOrEqualTo(cambodia);
        Response word = get("/api/words?prefix=CAMBODIA");
        assertThat(word.body().get("documents").asLong()).isEqualTo(cambodia);
        Response none = get("/api/words?prefix=zzqqxx");
        assertThat(none.body().get("documents").asLong()).isZero();
        assertThat(none.body().get("words").isEmpty()).isTrue();
        for (String bad : List.of("/api/words", "/api/words?prefix=cam%2A", "/api/words?prefix=two+words", "/api/words?prefix=" + "x".repeat(41))) {
            Response b = get(bad);
            assertThat(b.status()).as(bad).isEqualTo(400);
            assertThat(b.body().get("param").asText()).as(bad).isEqualTo("prefix");
        }
    }

    @Test
    void facetValuesAreCountedUnderTheQueryAndTheOtherFilters() throws Exception {
        // under a query: only the values of matching paragraphs, with their counts there
        Predicate<Expected> cambodia = textMatches("\\bCambodia\\b");
        Map<String, Long> speakers = count(where(cambodia), "speaker");
        assertThat(speakers).isNotEmpty();
        Response r = get("/api/facets/speaker?q=Cambodia&limit=100");
        assertThat(r.status()).isEqualTo(200);
        Map<String, Long> served = new TreeMap<>();
        for (JsonNode v : r.body().get("values")) served.put(v.get("value").asText(), v.get("count").asLong());
        assertThat(served).isEqualTo(speakers);
        // a speaker of the index who never speaks about Cambodia is not suggested under it
        Map<String, Long> everywhere = count(where(e -> true), "speaker");
        String elsewhere = everywhere.keySet().stream().filter(s -> !speakers.containsKey(s)).findFirst().orElseThrow();
        String prefix = elsewhere.substring(0, 3);
        assertThat(get("/api/facets/speaker?prefix=" + UrlState.encode(prefix)).body().get("values").findValuesAsText("value")).contains(elsewhere);
        assertThat(get("/api/facets/speaker?q=Cambodia&prefix=" + UrlState.encode(prefix)).body().get("values").findValuesAsText("value"))
                .doesNotContain(elsewhere);
        // drill-sideways: a dimension's own selection does not narrow its values, the other filters do
        Map<String, Long> countriesUnderSmith = count(where(has("speaker", "Anna Smith")), "country");
        Response countries = get("/api/facets/country?speaker=Anna+Smith&country=LA&limit=100");
        Map<String, Long> servedCountries = new TreeMap<>();
        for (JsonNode v : countries.body().get("values")) servedCountries.put(v.get("value").asText(), v.get("count").asLong());
        assertThat(servedCountries).isEqualTo(countriesUnderSmith);
        for (JsonNode v : countries.body().get("values")) {
            assertThat(v.get("selected").asBoolean()).isEqualTo(v.get("value").asText().equals("LA"));
        }
        // a year range counts too, and the prefix applies to labels ("camb" finds KH under its name)
        long inRange = where(cambodia.and(e -> e.years().stream().anyMatch(y -> y >= 2000 && y <= 2020)).and(has("country", "KH"))).size();
        Response ranged = get("/api/facets/country?q=Cambodia&year_from=2000&year_to=2020&prefix=camb");
        assertThat(ranged.body().get("values").findValuesAsText("value")).containsExactly("KH");
        assertThat(ranged.body().get("values").get(0).get("count").asLong()).isEqualTo(inRange);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/facets/speaker?q=%22unclosed|400|invalid_query|q",
            "/api/facets/speaker?year_from=2020&year_to=2000|400|invalid_year_range|year_from",
            "/api/facets/speaker?year=abc|400|invalid_year|year",
            "/api/facets/speaker?country=Atlantis|400|unknown_value|country",
            "/api/facets/speaker?sort=date|400|unknown_parameter|sort",
            "/api/facets/speaker?q=a&q=b|400|repeated_parameter|q",
    })
    void facetValueSearchRefusesWhatTheSearchRefuses(String url, int status, String code, String param) throws Exception {
        Response r = get(url);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.body().get("error").asText()).isEqualTo(code);
        assertThat(r.body().get("param").asText()).isEqualTo(param);
    }

    /** The marked texts of an article asked for with {@code q}, lower-cased. */
    static List<String> articleMarks(String articleId, String q) throws Exception {
        Response r = get("/api/articles/" + articleId + "?" + query("q", q));
        assertThat(r.status()).isEqualTo(200);
        List<String> marks = new ArrayList<>();
        for (JsonNode p : r.body().get("paragraphs")) {
            String text = p.get("text").asText();
            for (JsonNode span : p.get("highlights")) {
                marks.add(text.substring(span.get("start").asInt(), span.get("end").asInt()).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return marks;
    }

    @Test
    void anArticleIsHighlightedLikeTheHitsNeverAnExcludedWordAndAPhraseAsOneSpan() throws Exception {
        String both = search("q", "Putin AND Cambodia").body().get("hits").get(0).get("article_id").asText();
        List<String> marks = articleMarks(both, "Cambodia NOT Putin");
        assertThat(marks).contains("cambodia").doesNotContain("putin");

        String withPhrase = search("q", "\"diplomatic relations\"").body().get("hits").get(0).get("article_id").asText();
        assertThat(articleMarks(withPhrase, "\"diplomatic relations\"")).isNotEmpty().containsOnly("diplomatic relations");
        assertThat(articleMarks(withPhrase, "")).isEmpty();
    }

    @Test
    void articleEndpointReturnsTheWholeArticle() throws Exception {
        Response r = get("/api/articles/syn_relation");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("title").asText()).isEqualTo("A single relation");
        assertThat(r.body().get("published").asText()).isEqualTo("2019-03-02");
        assertThat(r.body().get("paragraphs").findValuesAsText("kind")).contains("caption", "body");
        // searchable paragraphs' text comes from their own documents, the caption's from the article document
        assertThat(r.body().get("paragraphs").findValuesAsText("text")).containsExactly(
                "Thailand and Japan agreed that their relation is strong, Anna Smith said on Tuesday.",
                "Photo: a handshake in Bangkok. Reuters",
                "The foreign relation between Laos and Thailand dates back to 1950 and grew in 1975.");
        JsonNode first = r.body().get("paragraphs").get(0);
        assertThat(first.get("countries").findValuesAsText("code")).containsExactly("TH", "JP");
        assertThat(first.get("speakers").findValuesAsText("")).isEmpty();
        assertThat(first.get("speakers").get(0).asText()).isEqualTo("Anna Smith");
    }

    @Test
    void noQueryMatchesArticleDocuments() throws Exception {
        // searches run without a type:paragraph filter, so every way to say "everything" must mean paragraphs
        int all = expected.size();
        assertThat(search("q", "").body().get("total").asLong()).isEqualTo(all);
        assertThat(search("q", "*:*").body().get("total").asLong()).isEqualTo(all);
        assertThat(search("q", "-zzzzqq").body().get("total").asLong()).isEqualTo(all);
        assertThat(search("q", "NOT zzzzqq").body().get("total").asLong()).isEqualTo(all);
        assertThat(search("q", "*:* OR article:syn_relation").body().get("total").asLong()).isEqualTo(all);
        long relation = expected.keySet().stream().filter(id -> id.startsWith("syn_relation#")).count();
        JsonNode body = search("q", "article:syn_relation").body();
        assertThat(body.get("total").asLong()).isEqualTo(relation);
        assertThat(ids(allHits("q", "article:syn_relation", "size", "2"))).allMatch(id -> id.startsWith("syn_relation#"));
        assertThat(ids(allHits("q", "*:*", "size", "50"))).hasSize(all).allMatch(id -> id.contains("#"));
    }

    @Test
    void hitsCarryTheirMetadata() throws Exception {
        JsonNode hit = search("q", "Laos AND 1950").body().get("hits").get(0);
        assertThat(hit.get("id").asText()).isEqualTo("syn_relation#3");
        assertThat(hit.get("article_id").asText()).isEqualTo("syn_relation");
        assertThat(hit.get("title").asText()).isEqualTo("A single relation");
        assertThat(hit.get("published").asText()).isEqualTo("2019-03-02");
        assertThat(hit.get("ordinal").asInt()).isEqualTo(3);
        assertThat(hit.get("countries").findValuesAsText("name")).containsExactly("Thailand", "Laos");
        assertThat(hit.get("years").findValuesAsText("")).isEmpty();
        assertThat(hit.get("explicit_years").toString()).isEqualTo("[1950,1975]");
        assertThat(hit.get("score").asDouble()).isPositive();
        // a paragraph naming no year is filed under the publication year, and says so
        JsonNode fallback = search("q", "handshake OR (Japan AND strong)").body().get("hits").get(0);
        assertThat(fallback.get("years").toString()).isEqualTo("[2019]");
        assertThat(fallback.get("explicit_years").toString()).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/search?q=%22unclosed|400|invalid_query|q",
            "/api/search?q=((|400|invalid_query|q",
            "/api/search?q=AND|400|invalid_query|q",
            "/api/search?q=text:|400|invalid_query|q",
            "/api/search?q=colour:red|400|invalid_query|q",
            "/api/search?q=*ation|400|invalid_query|q",
            "/api/search?size=101|400|invalid_size|size",
            "/api/search?size=-1|400|invalid_size|size",
            "/api/search?fields=id,colour|400|invalid_fields|fields",
            "/api/search?fragment_size=5|400|invalid_fragment_size|fragment_size",
            "/api/search?fragment_size=100&fragments=9|400|invalid_fragments|fragments",
            "/api/search?fragments=2|400|invalid_fragments|fragments",
            "/api/search?size=ten|400|invalid_number|size",
            "/api/search?page=0|400|invalid_page|page",
            "/api/search?page=5000|400|page_too_deep|page",
            "/api/search?facet_size=9999|400|invalid_facet_size|facet_size",
            "/api/search?year=abc|400|invalid_year|year",
            "/api/search?year_from=19x0|400|invalid_year|year_from",
            "/api/search?sort=sideways|400|invalid_sort|sort",
            "/api/search?group=speaker|400|invalid_group|group",
            "/api/search?contry=KH|400|unknown_parameter|contry",
            "/api/search?q=a&q=b|400|repeated_parameter|q",
            "/api/search?country=Atlantis|400|unknown_value|country",
            "/api/search?cursor=%21%21%21|400|invalid_cursor|cursor",
            "/api/search?cursor=YWJj|400|invalid_cursor|cursor",
            "/api/articles/no-such-article|404|not_found|id",
            "/api/facets/colour|400|unknown_facet|dim",
            "/api/facets/year?limit=1000|400|invalid_limit|limit",
            "/api/stats?verbose=1|400|unknown_parameter|verbose",
            "/api/no/such/endpoint|404|not_found|",
    })
    void clientErrorsAreJsonWithCodeMessageAndParam(String url, int status, String code, String param) throws Exception {
        Response r = get(url);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.body().get("error").asText()).isEqualTo(code);
        assertThat(r.body().get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at org.");
        if (param == null) assertThat(r.body().get("param").isNull()).isTrue();
        else assertThat(r.body().get("param").asText()).isEqualTo(param);
        Iterator<String> names = r.body().fieldNames();
        Set<String> fields = new HashSet<>();
        names.forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("error", "message", "param");
    }

    @Test
    void oversizedQueriesAreRefused() throws Exception {
        assertThat(search("q", "a".repeat(5000)).body().get("error").asText()).isEqualTo("query_too_long");
        assertThat(search("q", "(".repeat(200) + "a" + ")".repeat(200)).status()).isEqualTo(400);
        assertThat(search("q", "a\u0000b\u0007c").body().get("error").asText()).isEqualTo("invalid_characters");
        assertThat(search("q", "/reg.x/ and a/b").status()).isEqualTo(200);
    }

    @Test
    void randomQueriesNeverCauseAServerError() throws Exception {
        String[] alphabet = {"\"", "(", ")", "AND", "OR", "NOT", "+", "-", "*", "?", "~", ":", "text:", "year:", "country:",
                "speaker:", "[", "]", " TO ", "/", "\\", "^", "Cambodia", "relat", "2020", "<script>", "&", "%", "é", " ", " "};
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 300; i++) {
            StringBuilder q = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) q.append(alphabet[random.nextInt(alphabet.length)]);
            String sort = random.nextBoolean() ? "relevance" : "-date";
            Response r = search("q", q.toString(), "sort", sort, "group", random.nextInt(4) == 0 ? "article" : "none");
            assertThat(r.status()).as("q=%s", q).isIn(200, 400);
            assertThat(r.body().has(r.status() == 200 ? "hits" : "error")).as("q=%s", q).isTrue();
        }
    }

    @Test
    void aCursorOnlyWorksWithTheQueryItCameFrom() throws Exception {
        String cursor = search("q", "Cambodia", "size", "2").body().get("next_cursor").asText();
        assertThat(search("q", "Cambodia", "size", "2", "cursor", cursor).status()).isEqualTo(200);
        Response other = search("q", "Russia", "size", "2", "cursor", cursor);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body().get("error").asText()).isEqualTo("invalid_cursor");
        assertThat(search("q", "Cambodia", "sort", "date", "cursor", cursor).status()).isEqualTo(400);
    }

    @Test
    void unknownSpeakerIsListedWithZeroCount() throws Exception {
        Response r = search("speaker", "Nobody Known");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("total").asLong()).isZero();
        assertThat(facet(r.body(), "speaker")).containsEntry("Nobody Known", 0L);
    }

    @Test
    void statsAndHealth() throws Exception {
        Response stats = get("/api/stats");
        assertThat(stats.body().get("paragraphs").asInt()).isEqualTo(expected.size());
        assertThat(stats.body().get("articles").asInt()).isEqualTo(8);
        assertThat(stats.body().get("size_bytes").asLong()).isPositive();
        assertThat(stats.body().get("last_build").asText()).isNotBlank();
        Response health = get("/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void openApiDescribesEveryRegisteredRouteAndNothingElse() throws Exception {
        Response served = get("/api/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body().get("openapi").asText()).startsWith("3.");
        Set<String> described = new HashSet<>();
        served.body().get("paths").fieldNames().forEachRemaining(described::add);

        Javalin app = Javalin.create(config -> new ApiRoutes(fixture.service).register(config));
        Set<String> registered = app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.path)
                .filter(p -> p.startsWith("/api/") && !p.contains("<"))   // the JSON 404 fallback is not an endpoint
                .collect(Collectors.toSet());
        assertThat(registered).isNotEmpty();
        assertThat(described).isEqualTo(registered);
        for (String path : registered) {
            assertThat(served.body().get("paths").get(path).has("get")).as(path).isTrue();
        }
        Function<JsonNode, List<String>> paramNames = op -> op.get("parameters").findValuesAsText("name");
        assertThat(paramNames.apply(served.body().get("paths").get("/api/search").get("get")))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(SearchParams.SEARCH_PARAMS.stream(),
                        HitView.PARAMS.stream()).toList());
        List<String> facetParams = new java.util.ArrayList<>(paramNames.apply(served.body().get("paths").get("/api/facets/{dim}").get("get")));
        facetParams.remove("dim");
        assertThat(facetParams).containsExactlyInAnyOrderElementsOf(ApiRoutes.FACET_VALUE_PARAMS);
    }
}
