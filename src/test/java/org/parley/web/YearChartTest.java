package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;

class YearChartTest {
    @Test
    void oneBarPerYearOnAContinuousAxisScaledToTheLargestCount() {
        Facet years = new Facet(Dimension.YEAR, List.of(new FacetValue("2021", "2021", 10, false),
                new FacetValue("2016", "2016", 5, false), new FacetValue("2024", "2024", 1, true)), 0);
        YearChart chart = YearChart.of(years, UrlState.empty().withFilter(Dimension.YEAR, "2024"));
        assertThat(chart.bars()).extracting(YearChart.Bar::year).containsExactly(2016, 2021, 2024);
        YearChart.Bar tallest = chart.bars().get(1);
        assertThat(tallest.y()).isLessThan(chart.bars().get(0).y());
        assertThat(tallest.h()).isEqualTo(chart.plotHeight() - 4);
        // 2016..2024 is nine years, widened to 15 slots (2013..2027): the 2021 bar sits in the ninth
        assertThat(tallest.x()).isBetween(8 * YearChart.WIDTH / 15.0, 9 * YearChart.WIDTH / 15.0);
        // a bar narrows to its year as a one-year range, dropping ticked years outside it
        assertThat(tallest.href()).isEqualTo("/?year_from=2021&year_to=2021");
        assertThat(chart.hasRange()).isFalse();
        assertThat(chart.bars()).noneMatch(YearChart.Bar::outside);
        assertThat(chart.bars().get(2).selected()).isTrue();
        assertThat(chart.ticks()).extracting(YearChart.Tick::year).containsExactly(2015, 2020, 2025);
        assertThat(chart.ticks().get(0).anchor()).isEqualTo("middle");
        assertThat(chart.summary()).contains("2016 to 2024", "most in 2021 (10)");
    }

    @Test
    void theBarsMarkupEscapesEveryValueAndHoldsOneLinkPerBar() {
        Facet years = new Facet(Dimension.YEAR, List.of(new FacetValue("2016", "2016", 5, false),
                new FacetValue("2021", "2021", 10, false)), 0);
        YearChart chart = YearChart.of(years, UrlState.empty().withQuery("\"<b>\" & 'x'"));
        org.jsoup.nodes.Document svg = org.jsoup.Jsoup.parse("<svg>" + chart.barsMarkup() + "</svg>");
        org.jsoup.select.Elements links = svg.select("svg > a.bar");
        assertThat(links).hasSize(2);
        for (int i = 0; i < 2; i++) {
            YearChart.Bar b = chart.bars().get(i);
            org.jsoup.nodes.Element a = links.get(i);
            assertThat(a.attr("href")).isEqualTo(b.href()).contains("%3Cb%3E");
            assertThat(a.attr("data-year")).isEqualTo(Integer.toString(b.year()));
            assertThat(a.attr("aria-label")).isEqualTo(b.title());
            assertThat(a.selectFirst("title").text()).isEqualTo(b.title());
            assertThat(a.selectFirst("rect").attr("height")).isEqualTo(Double.toString(b.h()));
        }
        assertThat(chart.barsMarkup()).doesNotContain("<b>").doesNotContain("&x").contains("&amp;");
    }

    @Test
    void aSingleYearIsABarNotASlab() {
        YearChart chart = YearChart.of(new Facet(Dimension.YEAR, List.of(new FacetValue("2021", "2021", 7, false)), 0),
                UrlState.empty());
        assertThat(chart.bars()).hasSize(1);
        assertThat(chart.bars().get(0).w()).isLessThan(YearChart.WIDTH / 10.0);
        assertThat(chart.bars().get(0).x()).isBetween(YearChart.WIDTH * 0.4, YearChart.WIDTH * 0.6);
    }

    @Test
    void skipsNonYearsAndIsEmptyWithoutData() {
        assertThat(YearChart.of(null, UrlState.empty()).isEmpty()).isTrue();
        assertThat(YearChart.of(new Facet(Dimension.YEAR, List.of(new FacetValue("1980s", "1980s", 3, false)), 0),
                UrlState.empty()).isEmpty()).isTrue();
    }

    @Test
    void longSpansUseOneSlotPerYearWithMatches() {
        Facet years = new Facet(Dimension.YEAR, List.of(new FacetValue("1700", "1700", 1, false),
                new FacetValue("2020", "2020", 2, false)), 0);
        YearChart chart = YearChart.of(years, UrlState.empty());
        assertThat(chart.bars()).hasSize(2);
        assertThat(chart.bars().get(1).x()).isGreaterThanOrEqualTo(YearChart.WIDTH / 2.0);
    }

    @Test
    void aSelectedRangeIsShadedAndTheBarsOutsideItDimmed() {
        Facet years = new Facet(Dimension.YEAR, List.of(new FacetValue("1989", "1989", 4, false),
                new FacetValue("2005", "2005", 2, false), new FacetValue("2021", "2021", 3, false)), 0);
        UrlState state = UrlState.parse("q=Russia&year=2005&year_from=2000&year_to=2020");
        YearChart chart = YearChart.of(years, state, 7);
        assertThat(chart.bars()).extracting(YearChart.Bar::year).containsExactly(1989, 2005, 2021);
        assertThat(chart.bars()).extracting(YearChart.Bar::outside).containsExactly(true, false, true);
        assertThat(chart.bars().get(0).cssClass()).isEqualTo("bar is-outside");
        assertThat(chart.bars().get(1).cssClass()).isEqualTo("bar is-selected");
        // the shaded band covers 2000..2020 of the continuous axis 1989..2021 (33 slots)
        double slot = YearChart.WIDTH / 33.0;
        assertThat(chart.rangeX()).isCloseTo(11 * slot, org.assertj.core.data.Offset.offset(0.1));
        assertThat(chart.rangeW()).isCloseTo(21 * slot, org.assertj.core.data.Offset.offset(0.1));
        assertThat(chart.rangeLabel()).isEqualTo("2000–2020");
        // a bar outside moves the range to its year (the ticked 2005 is outside it, so dropped)
        assertThat(chart.bars().get(0).href()).isEqualTo("/?q=Russia&year_from=1989&year_to=1989");
        assertThat(chart.bars().get(1).href()).isEqualTo("/?q=Russia&year=2005&year_from=2005&year_to=2005");
        assertThat(chart.noYearText()).isEqualTo("7 paragraphs without a year");
        // the bar that is the whole range removes it
        YearChart one = YearChart.of(years, UrlState.parse("year_from=2005&year_to=2005"), 0);
        assertThat(one.bars().get(1).href()).isEqualTo("/");
        assertThat(one.bars().get(1).selected()).isTrue();
        assertThat(one.noYearText()).isNull();
    }
}
