package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;
import org.parley.search.SearchResult;

class SearchPageTest {
    private final org.parley.search.SearchService service = WebTestIndex.service();

    @Test
    void narrowestFilterIsTheSmallestCountThenTheLastAdded() throws Exception {
        UrlState state = UrlState.parse("country=KH&speaker=A&year=2020");
        Map<Dimension, Facet> facets = Map.of(
                Dimension.COUNTRY, new Facet(Dimension.COUNTRY, List.of(new FacetValue("KH", "Cambodia", 9, true)), 0),
                Dimension.SPEAKER, new Facet(Dimension.SPEAKER, List.of(new FacetValue("A", "A", 2, true)), 0),
                Dimension.YEAR, new Facet(Dimension.YEAR, List.of(new FacetValue("2020", "2020", 2, true)), 0));
        assertThat(SearchPage.narrowest(state, facets)).isEqualTo(new UrlState.Filter(Dimension.YEAR, "2020"));
        assertThat(SearchPage.narrowest(state, Map.of())).isEqualTo(new UrlState.Filter(Dimension.YEAR, "2020"));
        assertThat(SearchPage.narrowest(UrlState.empty(), facets)).isNull();
    }

    @Test
    void longFacetListsShowAFewValuesAndAMoreLinkButKeepSelectedOnes() throws Exception {
        UrlState state = UrlState.parse("country=LA");
        SearchResult result = service.search(state.toRequest(SearchPage.PAGE_SIZE, SearchPage.FACET_SIZE));
        SearchPage page = SearchPage.of(state, result);
        Views.FacetView countries = page.facets().stream().filter(f -> f.dim().equals("country")).findFirst().orElseThrow();
        assertThat(countries.values()).extracting(Views.FacetValueView::value).contains("LA");
        long all = result.facets().stream().filter(f -> f.dim() == Dimension.COUNTRY).findFirst().orElseThrow().values().size();
        assertThat(countries.values().size() + countries.hidden()).isEqualTo((int) all);
        if (countries.hidden() > 0) assertThat(countries.moreHref()).isEqualTo("/?country=LA&more=country#facet-country");

        SearchPage expanded = SearchPage.of(state.withMore(Dimension.COUNTRY, true), result);
        Views.FacetView open = expanded.facets().stream().filter(f -> f.dim().equals("country")).findFirst().orElseThrow();
        assertThat(open.values()).hasSize((int) all);
        assertThat(open.lessHref()).isEqualTo("/?country=LA#facet-country");
    }

    @Test
    void hitsCarryChipsThatFilterAndArticleLinksThatKeepState() throws Exception {
        UrlState state = UrlState.parse("q=Putin&sort=-date");
        assertThat(WebTestIndex.count(p -> p.text().contains("Putin") && p.countries().contains("RU"))).isPositive();
        SearchPage page = SearchPage.of(state, service.search(state.toRequest(10, 500)));
        Views.HitView hit = page.hits().stream().filter(h -> h.chips().stream().anyMatch(c -> c.label().equals("Russia")))
                .findFirst().orElseThrow();
        assertThat(hit.snippetHtml()).contains("<mark>Putin</mark>");
        assertThat(hit.articleHref()).matches("/articles/[\\w-]+\\?q=Putin&sort=-date&p=\\d+#p\\d+");
        assertThat(hit.chips()).extracting(Views.Chip::href).contains("/?q=Putin&country=RU&sort=-date");
    }

    @Test
    void paginationShowsNeighboursAndEnds() {
        Views.Pagination p = SearchPage.pagination(UrlState.empty().withPage(7), 200);
        assertThat(p.last()).isEqualTo(20);
        assertThat(p.pages()).extracting(Views.PageLink::number).containsExactly(1, 0, 5, 6, 7, 8, 9, 0, 20);
        assertThat(p.prevHref()).isEqualTo("/?page=6");
        assertThat(p.nextHref()).isEqualTo("/?page=8");
        assertThat(SearchPage.pagination(UrlState.empty(), 5).needed()).isFalse();
    }
}
