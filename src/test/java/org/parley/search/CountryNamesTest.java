package org.parley.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A country filter takes the names the index tags paragraphs by, not only the code and the one display name. */
class CountryNamesTest {
    @Test
    void codesAndDisplayNamesStillResolve() {
        assertThat(CountryNames.code("kh")).contains("KH");
        assertThat(CountryNames.code(" Cambodia ")).contains("KH");
        assertThat(CountryNames.code("Türkiye")).contains("TR");
        assertThat(CountryNames.code("US")).contains("US");
    }

    @Test
    void commonAndOfficialNamesOfTheGazetteerResolve() {
        assertThat(CountryNames.code("Turkey")).contains("TR");
        assertThat(CountryNames.code("turkiye")).contains("TR");
        assertThat(CountryNames.code("Russian Federation")).contains("RU");
        assertThat(CountryNames.code("Viet Nam")).contains("VN");
        assertThat(CountryNames.code("Burma")).contains("MM");
        assertThat(CountryNames.code("USA")).contains("US");
        assertThat(CountryNames.code("United States of America")).contains("US");
        assertThat(CountryNames.code("Britain")).contains("GB");
        assertThat(CountryNames.code("Czech Republic")).contains("CZ");
        assertThat(CountryNames.code("Zaire")).contains("CD");
    }

    @Test
    void accentsApostrophesAndALeadingTheDoNotMatter() {
        assertThat(CountryNames.code("Cote d'Ivoire")).contains("CI");
        assertThat(CountryNames.code("Côte d\u2019Ivoire")).contains("CI");
        assertThat(CountryNames.code("the Holy See")).contains("VA");
        assertThat(CountryNames.code("UNITED  KINGDOM")).contains("GB");
    }

    @Test
    void demonymsCapitalsAndAmbiguousNamesAreNoCountry() {
        assertThat(CountryNames.code("Ankara")).isEmpty();
        assertThat(CountryNames.code("Cambodian")).isEmpty();
        assertThat(CountryNames.code("French")).isEmpty();
        assertThat(CountryNames.code("Kremlin")).isEmpty();
        assertThat(CountryNames.code("Taipei")).isEmpty();
        assertThat(CountryNames.code("Korea")).isEmpty();
        assertThat(CountryNames.code("Congo")).isEmpty();
        assertThat(CountryNames.code("Atlantis")).isEmpty();
        assertThat(CountryNames.code("")).isEmpty();
        assertThat(CountryNames.code(null)).isEmpty();
    }

    @Test
    void aSearchFilterTakesTheNameAndHoldsTheCode() {
        SearchRequest r = new SearchRequest("", Map.of(Dimension.COUNTRY, List.of("Turkey", "TR", "Viet Nam")), null, null,
                SortOrder.RELEVANCE, 1, 10, null, false, 10);
        assertThat(r.filter(Dimension.COUNTRY)).containsExactly("TR", "VN");
        assertThatThrownBy(() -> new SearchRequest("", Map.of(Dimension.COUNTRY, List.of("Turkish")), null, null,
                SortOrder.RELEVANCE, 1, 10, null, false, 10))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("unknown country 'Turkish'");
    }
}
