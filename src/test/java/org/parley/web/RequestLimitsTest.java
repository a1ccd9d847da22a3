package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.parley.search.Json;
import org.parley.search.SearchRequest;

/** The request's limits hold on every route that searches: the page, both exports and the API, with one error code. */
class RequestLimitsTest extends ServedCorpusTest {
    static String values(String name, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append('&').append(name).append('=').append(name.equals("year") ? Integer.toString(1000 + i) : "K" + i);
        return sb.toString();
    }

    @Test
    void everyRouteRefusesMoreFilterValuesThanTheRequestAllowsWithTheSameCode() throws Exception {
        String tooMany = "?q=Russia" + values("country", SearchRequest.MAX_VALUES_PER_FILTER + 1);
        for (String route : new String[] {"/api/search", "/export.csv", "/export.json"}) {
            HttpResponse<String> r = get(route + tooMany);
            assertThat(r.statusCode()).as(route).isEqualTo(400);
            assertThat(Json.mapper().readTree(r.body()).get("error").asText()).as(route).isEqualTo("too_many_values");
        }
        HttpResponse<String> page = get("/" + tooMany);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains(SearchRequest.MAX_VALUES_PER_FILTER + " values of");
    }

    @Test
    void aHugeFilterListGivesASmallErrorPageNotAPageThatGrowsWithItsSquare() throws Exception {
        HttpResponse<String> page = get("/?q=Russia" + values("country", 4000));
        assertThat(page.statusCode()).isEqualTo(400);
        // the form is redisplayed with at most the allowed values, each chip repeating at most those
        assertThat(page.body().length()).isLessThan(400_000);
        HttpResponse<String> years = get("/?q=Russia" + values("year", 1025));
        assertThat(years.statusCode()).isEqualTo(400);
        HttpResponse<String> apiYears = get("/api/search?q=Russia" + values("year", 1025));
        assertThat(apiYears.statusCode()).isEqualTo(400);
    }

    @Test
    void aWholeNumberTooLargeForAnIntIsOutOfRangeNotNotANumber() throws Exception {
        String[][] cases = {
                {"/api/search?size=99999999999", "invalid_size"},
                {"/api/search?size=-99999999999", "invalid_size"},
                {"/api/search?page=99999999999", "page_too_deep"},
                {"/api/search?facet_size=99999999999", "invalid_facet_size"},
                {"/api/search?q=Russia&fragment_size=99999999999", "invalid_fragment_size"},
                {"/api/facets/country?limit=99999999999", "invalid_limit"},
                {"/api/search?size=1e3", "invalid_number"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get(c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(Json.mapper().readTree(r.body()).get("error").asText()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void theLimitItselfIsAllowedEverywhere() throws Exception {
        String atLimit = "?q=Russia" + values("speaker", SearchRequest.MAX_VALUES_PER_FILTER);
        for (String route : new String[] {"/", "/api/search", "/export.csv", "/export.json"}) {
            assertThat(get(route + atLimit).statusCode()).as(route).isEqualTo(200);
        }
    }
}
