package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.search.Dimension;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchRequest;
import org.parley.search.SortOrder;

class UrlStateTest {
    @Test
    void parsesEveryParameterAndWritesItBackCanonically() throws Exception {
        UrlState s = UrlState.parse("q=Hun+Sen+%22said%22&speaker=Hun%20Sen&country=KH&year_from=2000&year_to=2024"
                + "&sort=-date&page=3&more=speaker&utm=x");
        assertThat(s.q()).isEqualTo("Hun Sen \"said\"");
        assertThat(s.filters()).containsExactly(new UrlState.Filter(Dimension.SPEAKER, "Hun Sen"), new UrlState.Filter(Dimension.COUNTRY, "KH"));
        assertThat(s.yearFrom()).isEqualTo(2000);
        assertThat(s.yearTo()).isEqualTo(2024);
        assertThat(s.sort()).isEqualTo(SortOrder.DATE_DESC);
        assertThat(s.page()).isEqualTo(3);
        assertThat(s.more()).containsExactly(Dimension.SPEAKER);
        assertThat(s.queryString()).isEqualTo(
                "q=Hun+Sen+%22said%22&speaker=Hun+Sen&country=KH&year_from=2000&year_to=2024&sort=-date&page=3&more=speaker");
        assertThat(UrlState.parse(s.queryString())).isEqualTo(s);
    }

    @Test
    void emptyStateIsTheBarePath() throws Exception {
        assertThat(UrlState.parse("").href()).isEqualTo("/");
        assertThat(UrlState.parse(null).href()).isEqualTo("/");
        assertThat(UrlState.parse("q=&year_from=&year_to=&sort=relevance&page=1").href()).isEqualTo("/");
    }

    @Test
    void changingWhatIsSearchedGoesBackToPageOne() throws Exception {
        UrlState s = UrlState.parse("q=russia&page=4");
        assertThat(s.withFilter(Dimension.COUNTRY, "RU").page()).isEqualTo(1);
        assertThat(s.withSort(SortOrder.DATE_ASC).page()).isEqualTo(1);
        assertThat(s.withYearRange(1990, null).page()).isEqualTo(1);
        assertThat(s.withQuery("x").page()).isEqualTo(1);
        assertThat(s.withMore(Dimension.SPEAKER, true).page()).isEqualTo(4);
    }

    @Test
    void togglingAddsAtTheEndAndRemovesOnlyThatValue() throws Exception {
        UrlState s = UrlState.parse("country=KH&year=2016");
        UrlState added = s.toggle(Dimension.COUNTRY, "RU");
        assertThat(added.filters()).containsExactly(new UrlState.Filter(Dimension.COUNTRY, "KH"), new UrlState.Filter(Dimension.YEAR, "2016"),
                new UrlState.Filter(Dimension.COUNTRY, "RU"));
        assertThat(added.toggle(Dimension.COUNTRY, "KH").queryString()).isEqualTo("year=2016&country=RU");
        assertThat(s.withFilter(Dimension.COUNTRY, "KH")).isEqualTo(s);
        assertThat(UrlState.parse("country=KH&country=KH").filters()).hasSize(1);
    }

    @Test
    void buildsTheServiceRequest() throws Exception {
        SearchRequest r = UrlState.parse("q=ties&country=KH&speaker=A&country=RU&year_to=2020&page=2").toRequest(10, 500);
        assertThat(r.query()).isEqualTo("ties");
        assertThat(r.filters()).isEqualTo(Map.of(Dimension.COUNTRY, List.of("KH", "RU"), Dimension.SPEAKER, List.of("A")));
        assertThat(r.yearTo()).isEqualTo(2020);
        assertThat(r.page()).isEqualTo(2);
        assertThat(r.size()).isEqualTo(10);
        assertThat(r.facetSize()).isEqualTo(500);
    }

    @Test
    void rejectsValuesThatCannotBeSearched() {
        assertThatThrownBy(() -> UrlState.parse("year_from=abc"))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("must be a year");
        assertThatThrownBy(() -> UrlState.parse("sort=sideways")).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> UrlState.parse("page=-1")).isInstanceOf(InvalidQueryException.class);
        // the bounds are the request's: the page refuses what the API refuses, with the same code
        assertThatThrownBy(() -> UrlState.parse("year_from=2020&year_to=2000").toRequest(10, 10))
                .isInstanceOf(InvalidQueryException.class).hasFieldOrPropertyWithValue("code", "invalid_year_range");
        assertThatThrownBy(() -> UrlState.parse("q=" + "a".repeat(SearchRequest.MAX_QUERY_CHARS + 1)).toRequest(10, 10))
                .isInstanceOf(InvalidQueryException.class).hasFieldOrPropertyWithValue("code", "query_too_long");
    }

    @Test
    void lenientParsingKeepsWhatItCan() {
        UrlState s = UrlState.parseLenient("q=%22oops&year_from=abc&sort=x&page=zz&country=KH&bad=%E0%A4%A");
        assertThat(s.q()).isEqualTo("\"oops");
        assertThat(s.yearFrom()).isNull();
        assertThat(s.sort()).isEqualTo(SortOrder.RELEVANCE);
        assertThat(s.page()).isEqualTo(1);
        assertThat(s.values(Dimension.COUNTRY)).containsExactly("KH");
    }

    @Test
    void groupingByArticleIsPartOfTheState() throws Exception {
        UrlState s = UrlState.parse("q=ties&group=article&page=2");
        assertThat(s.grouped()).isTrue();
        assertThat(s.toRequest(10, 10).groupByArticle()).isTrue();
        assertThat(s.queryString()).isEqualTo("q=ties&group=article&page=2");
        assertThat(s.withGrouped(false).queryString()).isEqualTo("q=ties");
        assertThatThrownBy(() -> UrlState.parse("group=sentence")).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void controlCharactersAndBrokenBytesBecomeSpaces() throws Exception {
        assertThat(UrlState.parse("q=a%00b%09c%FFd").q()).isEqualTo("a b c d");
        assertThat(UrlState.parse("speaker=%00").filters()).isEmpty();
    }

    @Test
    void pagesPastTheRequestsDepthAreRefusedAndCappedWhenRedisplayed() throws Exception {
        assertThatThrownBy(() -> UrlState.parse("page=99999999").toRequest(10, 10))
                .isInstanceOf(InvalidQueryException.class).hasFieldOrPropertyWithValue("code", "page_too_deep");
        assertThat(UrlState.parseLenient("page=99999999").page()).isEqualTo(SearchPage.MAX_PAGE);
    }
}
