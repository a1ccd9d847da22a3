package org.parley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearExtractorTest {
    private static java.util.List<Integer> years(String s) {
        return YearExtractor.extract(s, null);
    }

    @Test
    void plainYearsAndDates() {
        assertThat(years("established on May 13, 1956.")).containsExactly(1956);
        assertThat(years("in Sochi in May 2016. AFP")).containsExactly(2016);
        assertThat(years("date 2024-06-21 June 24, 2024, commemorates")).containsExactly(2024);
        assertThat(years("a developed nation by 2050 and Vietnam by 2045.")).containsExactly(2045, 2050);
        assertThat(years("• October 14, 2020 1:28 PM")).containsExactly(2020);
        assertThat(years("the post-2020 order")).containsExactly(2020);
        assertThat(years("signed on 12/05/2023 and 05.06.2022")).containsExactly(2022, 2023);
        // a fiscal year; not a code with letters glued before it
        assertThat(years("the FY2025 budget, code AFY2024")).containsExactly(2025);
    }

    @Test
    void rangesGiveBothEnds() {
        assertThat(years("for the period 2023-2027")).containsExactly(2023, 2024, 2025, 2026, 2027);
        assertThat(years("the 2020–24 plan")).containsExactly(2020, 2021, 2022, 2023, 2024);
        assertThat(years("from 1945 to 2020")).containsExactly(1945, 2020);
    }

    @Test
    void decadesGiveTheirTenYears() {
        assertThat(years("visits to Moscow in the 1980s")).containsExactly(1980, 1981, 1982, 1983, 1984, 1985, 1986, 1987, 1988, 1989);
        assertThat(years("visits to Moscow in the 1980's")).hasSize(10).contains(1980, 1989);
        assertThat(years("In 2024's first quarter exports rose")).as("a year's possessive, not a decade").containsExactly(2024);
    }

    @Test
    void amountsCodesAndOrdinalsAreNotYears() {
        assertThat(years("over 8,000 Cambodian students and around 650,000 tourists")).isEmpty();
        assertThat(years("the debt of $1.5 billion")).isEmpty();
        assertThat(years("Before the Covid-19 pandemic, in the post-COVID-19 crisis")).isEmpty();
        assertThat(years("more than 2000 troops and 1500 km")).isEmpty();
        assertThat(years("Resolution 2334 and No. 1999")).isEmpty();
        assertThat(years("the 57th anniversary on March 14 and 15")).isEmpty();
        assertThat(years("US$2020 million")).isEmpty();
    }

    @Test
    void relativeYearsNeedThePublicationDate() {
        assertThat(years("next year will mark the anniversary")).isEmpty();
        assertThat(YearExtractor.extract("next year will mark the anniversary", LocalDate.of(2020, 10, 14))).containsExactly(2021);
        assertThat(YearExtractor.extract("as it did last year", LocalDate.of(2020, 10, 14))).containsExactly(2019);
    }

    /** Issue 13: a 24-hour clock time is no year. */
    @Test
    void clockTimesAreNotYears() {
        assertThat(years("talks resume in Cairo at 1930 GMT")).isEmpty();
        assertThat(years("a curfew begins at 2000 local time")).isEmpty();
        assertThat(years("Leaders reconvene at 1800 Brussels time")).isEmpty();
        assertThat(years("the strike hit at 1700 hours and again at 1945 UTC")).isEmpty();
        assertThat(years("Lines were long at 1900.")).isEmpty();
        // still years
        assertThat(years("founded in 1930, it moved in 1945")).containsExactly(1930, 1945);
        assertThat(years("the 2000 election and the Moscow of 1960")).containsExactly(1960, 2000);
        assertThat(years("by 2030 at the latest")).containsExactly(2030);
    }

    /**
     * The scans skip the parts of a text where no date or year can start: they must find exactly what scanning every
     * character finds, on texts dense with digits, separators and the words the rules look at.
     */
    @net.jqwik.api.Property(tries = 3000)
    void skippingScanFindsWhatAFullScanFinds(@net.jqwik.api.ForAll("datey") String text) {
        assertThat(YearExtractor.extract(text, null)).isEqualTo(byFullScan(text));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> datey() {
        net.jqwik.api.Arbitrary<String> piece = net.jqwik.api.Arbitraries.oneOf(
                net.jqwik.api.Arbitraries.integers().between(0, 2099).map(String::valueOf),
                net.jqwik.api.Arbitraries.integers().between(1000, 2099).map(String::valueOf),
                net.jqwik.api.Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i)),
                net.jqwik.api.Arbitraries.of("-", "/", ".", ",", " ", " ", "–", "s", "'s", "’s", "$", "in ", "at ", " GMT",
                        " to ", " and ", "No. ", " troops", " percent", "post-", "mid-", "COVID-", "x", "é", "٣", "\n"));
        return piece.list().ofMaxSize(14).map(l -> String.join("", l));
    }

    private static List<Integer> byFullScan(String text) {
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        java.util.regex.Matcher iso = YearExtractor.ISO_DATE.matcher(text);
        while (iso.find()) years.add(Integer.parseInt(iso.group(1)));
        java.util.regex.Matcher numeric = YearExtractor.NUMERIC_DATE.matcher(text);
        while (numeric.find()) years.add(Integer.parseInt(numeric.group(2)));
        java.util.regex.Matcher m = YearExtractor.YEAR.matcher(text);
        while (m.find()) YearExtractor.consider(text, m, years);
        return List.copyOf(years);
    }

    @Test
    void twoDigitFiscalYearsAndDecades() {
        assertThat(years("the ministry's budget for FY24 grew")).containsExactly(2024);
        assertThat(years("plans for FY26-27 and FY99")).containsExactly(1999, 2026, 2027);
        assertThat(years("slow growth in the '90s")).containsExactly(1990, 1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999);
        assertThat(years("the 1970s and ’80s")).hasSize(20).contains(1970, 1989);
        // not years: an abbreviation, a code, a decade of either century, an apostrophe glued to a word
        assertThat(years("the FYROM talks, code FY245, the '20s, rock'n'roll '9s, Q'90st")).isEmpty();
    }

    @Test
    void yearsOfOtherCalendarsAndBeforeTheCommonEraAreNotYears() {
        assertThat(years("Nepal's new year 2081 BS began in April 2024.")).containsExactly(2024);
        assertThat(years("The Ethiopian year 2016 E.C. ends in September; the Iranian year 1403 began in March."))
                .isEmpty();
        assertThat(years("Founded in 1400 BC, sacked in 410 AD and rebuilt in AD 1066.")).containsExactly(1066);
        assertThat(years("the Islamic year 1446 AH and the Hijri year 1445")).isEmpty();
        // a Gregorian year next to such words stays
        assertThat(years("In 2024 EC officials met; the Iranian elections of 2024")).containsExactly(2024);
    }
}
