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
        assertThat(tallest.href()).isEqualTo("/?year=2024&year=2021");
        assertThat(chart.bars().get(2).selected()).isTrue();
        assertThat(chart.ticks()).extracting(YearChart.Tick::year).containsExactly(2015, 2020, 2025);
        assertThat(chart.ticks().get(0).anchor()).isEqualTo("middle");
        assertThat(chart.summary()).contains("2016 to 2024", "most in 2021 (10)");
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
}
