package org.parley.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** What a facet filter box finds as it is typed: values are typed without their accents and by any of their words. */
class FacetValuesRequestTest {
    private static List<String> found(Dimension dim, String prefix, FacetValue... values) {
        Predicate<FacetValue> matches = new FacetValuesRequest(dim, prefix, 10).matcher();
        return java.util.Arrays.stream(values).filter(matches).map(FacetValue::value).toList();
    }

    private static FacetValue speaker(String name) {
        return new FacetValue(name, name, 1, false);
    }

    private static FacetValue country(String code) {
        return new FacetValue(code, CountryNames.label(code), 1, false);
    }

    @Test
    void aPrefixBeginsTheValueOrAnyOfItsWordsInAnyCase() {
        FacetValue[] people = {speaker("Hun Sen"), speaker("Sergei Lavrov"), speaker("Basim al-Obeidi")};
        assertThat(found(Dimension.SPEAKER, "sen", people)).containsExactly("Hun Sen");
        assertThat(found(Dimension.SPEAKER, "HUN", people)).containsExactly("Hun Sen");
        assertThat(found(Dimension.SPEAKER, "un", people)).isEmpty();
        assertThat(found(Dimension.SPEAKER, "obeidi", people)).containsExactly("Basim al-Obeidi");
        assertThat(found(Dimension.SPEAKER, "", people)).hasSize(3);
    }

    @Test
    void accentsAreIgnoredOnBothSides() {
        FacetValue[] people = {speaker("Rūta Kairienė"), speaker("José Ramos-Horta"), speaker("Jose Marti")};
        assertThat(found(Dimension.SPEAKER, "ruta", people)).containsExactly("Rūta Kairienė");
        assertThat(found(Dimension.SPEAKER, "kairiene", people)).containsExactly("Rūta Kairienė");
        assertThat(found(Dimension.SPEAKER, "josé", people)).containsExactly("José Ramos-Horta", "Jose Marti");
        assertThat(found(Dimension.SPEAKER, "horta", people)).containsExactly("José Ramos-Horta");
        assertThat(found(Dimension.COUNTRY, "turk", country("TR"), country("KH"))).containsExactly("TR");
    }

    @Test
    void aCountryIsFoundByAnyOfItsNames() {
        FacetValue[] countries = {country("TR"), country("KH"), country("MM")};
        assertThat(found(Dimension.COUNTRY, "Turkey", countries)).containsExactly("TR");
        assertThat(found(Dimension.COUNTRY, "burma", countries)).containsExactly("MM");
        assertThat(found(Dimension.COUNTRY, "kh", countries)).containsExactly("KH");
        // a speaker is not a country name
        assertThat(found(Dimension.SPEAKER, "Turkey", speaker("Hun Sen"))).isEmpty();
    }
}
