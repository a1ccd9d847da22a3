package org.parley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountryGazetteerTest {
    private static final CountryGazetteer G = new CountryGazetteer();

    @Test
    void namesOfficialNamesDemonymsAndCapitals() {
        assertThat(G.find("Cambodia and the Russian Federation")).containsExactly("KH", "RU");
        assertThat(G.find("Vietnamese and Khmer leaders met Russian officials")).containsExactly("VN", "KH", "RU");
        assertThat(G.find("talks in Moscow and Phnom Penh")).containsExactly("RU", "KH");
        assertThat(G.find("The DPRK accused the ROK and the PRC; the KSA stayed out")).containsExactly("KP", "KR", "CN", "SA");
        assertThat(G.find("Bosnian Serb and Bosnian Croat leaders met; Serbia and Croatia sent envoys")).containsExactly("BA", "RS", "HR");
        assertThat(G.find("PHNOM PENH--The minister arrived")).containsExactly("KH");
        assertThat(G.find("Cambodia’s decision and Russia's answer")).containsExactly("KH", "RU");
        assertThat(G.find("Côte d'Ivoire and Cote d’Ivoire")).containsExactly("CI");
    }

    @Test
    void historicalNamesMapToTheirSuccessor() {
        assertThat(G.find("the former Union of Soviet Socialist Republics (USSR)")).containsExactly("RU");
        assertThat(G.find("the Soviet Union")).containsExactly("RU");
        assertThat(G.find("the People’s Republic of Kampuchea")).containsExactly("KH");
        assertThat(G.find("the regime of Democratic Kampuchea")).containsExactly("KH");
        assertThat(G.find("Burma, later Myanmar")).containsExactly("MM");
        assertThat(G.find("Zaire and Dahomey")).containsExactly("CD", "BJ");
    }

    @Test
    void theHolySeeAndACapitalSpeltWithCedillas() {
        assertThat(G.find("the Holy See and Chişinău")).containsExactly("VA", "MD");
        assertThat(G.find("Chișinău and Chisinau")).containsExactly("MD");
    }

    @Test
    void hyphenatedPairsAndCombiningForms() {
        assertThat(G.find("Cambodia-Russia relations")).containsExactly("KH", "RU");
        assertThat(G.find("the ASEAN-Russia summit")).containsExactly("RU");
        assertThat(G.find("Sino-Russian ties")).containsExactly("CN", "RU");
        assertThat(G.find("Guinea-Bissau and Timor-Leste")).containsExactly("GW", "TL");
        assertThat(G.find("General Franco ruled")).isEmpty();
    }

    @Test
    void aNameOfMoreThanOneCountryMentionsEachOfThem() {
        assertThat(G.find("relations between the two Koreas")).containsExactly("KR", "KP");
        assertThat(G.find("Seoul resumed inter-Korean talks")).containsExactly("KR", "KP");
        assertThat(G.find("Inter-Korean talks resumed")).containsExactly("KR", "KP");
        // "Korean" alone names neither for sure, and a lower-case word is a country only when it is an alias
        assertThat(G.find("a Korean restaurant and inter-agency talks")).isEmpty();
        assertThat(G.find("the kingdom of eSwatini")).containsExactly("SZ");
    }

    @Test
    void falseFriendsAreNotCountries() {
        assertThat(G.find("a Brazil nut, Swiss cheese and a Panama hat")).isEmpty();
        assertThat(G.find("between the Pacific and Indian Oceans")).isEmpty();
        assertThat(G.find("the Indian Ocean")).isEmpty();
        assertThat(G.find("on the Indochinese Peninsula")).isEmpty();
        assertThat(G.find("bilateral trade to reach US$20 billion")).isEmpty();
        assertThat(G.find("a trade of 5 billion US dollars")).isEmpty();
        assertThat(G.find("we ate turkey and a Guinea pig")).isEmpty();
        assertThat(G.find("Michael Jordan played")).isEmpty();
        assertThat(G.find("Jordan Peterson spoke")).isEmpty();
        assertThat(G.find("Atlanta, in the state of Georgia")).isEmpty();
        assertThat(G.find("New Mexico and New Jersey")).isEmpty();
        assertThat(G.find("Latin America and the Chinese New Year")).isEmpty();
        assertThat(G.find("ASEAN, the UN, G20, APEC and the EU")).isEmpty();
        assertThat(G.find("Brussels sprouts, Peking duck and Irish stew in an Indian summer")).isEmpty();
        assertThat(G.find("a Canada goose over Jamaica Plain, spreading like Chinese whispers")).isEmpty();
        assertThat(G.find("a glass of Turkish coffee in a Georgian townhouse, a fine example of Georgian architecture")).isEmpty();
        assertThat(G.find("a German shepherd, a Great Dane, Russian dolls and a Swiss Army knife")).isEmpty();
        // the country words themselves still count
        assertThat(G.find("talks in Brussels; Indian and Irish officials; Canada and Jamaica")).containsExactly("BE", "IN", "IE", "CA", "JM");
        assertThat(G.find("Turkish and Georgian officials met a German envoy")).containsExactly("TR", "GE", "DE");
    }

    @Test
    void anAmericanTownThatSharesACapitalsName() {
        assertThat(G.find("He worked in San José, California, and studied in Athens, Ohio.")).isEmpty();
        assertThat(G.find("Lima, Ohio, is small; Moscow, Idaho, is smaller; Athens, Ga., is a college town.")).isEmpty();
        assertThat(G.find("Students at Georgetown University protested.")).isEmpty();
        // the capitals themselves, lists of capitals and countries beside US states still count
        assertThat(G.find("Talks in Tbilisi, Georgia, in San José, Costa Rica, and in Athens, Greece.")).containsExactly("GE", "CR", "GR");
        assertThat(G.find("Moscow, Washington and Beijing; offices in Beijing, New York, London and Paris.")).containsExactly("RU", "US", "CN", "GB", "FR");
        assertThat(G.find("Mexico, Texas and California agreed; Russia, Georgia and Ukraine did not.")).containsExactly("MX", "RU", "GE", "UA");
    }

    @Test
    void pluralAndVariantDemonyms() {
        assertThat(G.find("Saudis and Azeris met Djiboutians")).containsExactly("SA", "AZ", "DJ");
        assertThat(G.find("Luxembourgish, Kyrgyzstani, Tajikistani, Vanuatuan and Surinamese envoys")).containsExactly("LU", "KG", "TJ", "VU", "SR");
        assertThat(G.find("Brits and Aussies")).containsExactly("GB", "AU");
    }

    @Test
    void capitalsSpeltOtherwiseAndSeatsOfGovernment() {
        assertThat(G.find("channels open with Sanaa and Teheran")).containsExactly("YE", "IR");
        assertThat(G.find("talks in Nur-Sultan, Ulaanbaatar and Ndjamena")).containsExactly("KZ", "MN", "TD");
        assertThat(G.find("envoys in Abidjan, Cotonou and Bujumbura")).containsExactly("CI", "BJ", "BI");
        assertThat(G.find("Delhi and Dhaka discuss water sharing")).containsExactly("IN", "BD");
        assertThat(G.find("Putrajaya, Reykjavík, Berne and La Paz")).containsExactly("MY", "IS", "CH", "BO");
    }

    @Test
    void colomboIsAlsoASurname() {
        assertThat(G.find("Ana Colombo spoke.")).isEmpty();
        assertThat(G.find("Talks in Colombo ended.")).containsExactly("LK");
    }

    @Test
    void kiwiIsNewZealandsInformalDemonym() {
        assertThat(G.find("The Kiwi delegation was upbeat; the Kiwis won.")).containsExactly("NZ");
        assertThat(G.find("a bowl of Kiwi fruit")).isEmpty();
    }

    @Test
    void ambiguousNamesStillCountInCountryContext() {
        assertThat(G.find("Armenia, Azerbaijan, Nepal, Sri Lanka and Turkey")).containsExactly("AM", "AZ", "NP", "LK", "TR");
        assertThat(G.find("King Abdullah of Jordan")).containsExactly("JO");
        assertThat(G.find("Georgia and Chad were absent")).containsExactly("GE", "TD");
        assertThat(G.find("the US and the U.S.")).containsExactly("US");
    }

    @Test
    void displayNames() {
        assertThat(G.name("KH")).isEqualTo("Cambodia");
        assertThat(G.name("RU")).isEqualTo("Russia");
        assertThat(Enricher.countryName("VN")).isEqualTo("Vietnam");
        assertThat(Enricher.countryName("ZZ")).isEqualTo("ZZ");
    }

    /** Issue 13: Yugoslavia is Serbia's, like the other historical names; the bird and the US state are no countries. */
    @Test
    void worldNewsHistoricalNamesBirdsAndStates() {
        assertThat(G.find("Kosovo was a province of Yugoslavia")).containsExactly("RS");
        assertThat(G.find("the former Yugoslav republics and Czechoslovakia")).containsExactly("RS", "CZ");
        assertThat(G.find("Bosnia's Serbs")).containsExactly("BA", "RS");
        assertThat(G.find("a deal on Northern Ireland with Ireland")).containsExactly("GB", "IE");
        assertThat(G.find("The National Turkey Federation said prices fell")).isEmpty();
        assertThat(G.find("Northern Turkey and Turkey Day in Turkey")).containsExactly("TR");
        assertThat(G.find("Chad Morrow and Georgia Lindqvist met Israel Fontana")).isEmpty();
    }

    @Test
    void georgiaTheUsStateIsKnownByItsContext() {
        assertThat(state("ATLANTA, Georgia, Nov. 8 - The count was accurate.")).isTrue();
        assertThat(state("Georgia's secretary of state rejected the demand.")).isTrue();
        assertThat(state("Georgia Republicans met in the state capitol.")).isTrue();
        assertThat(state("Georgia's president vetoed the law in Tbilisi.")).isFalse();
        assertThat(state("Russia and Georgia fought a war in 2008.")).isFalse();
        java.util.List<Token> t = Tokenizer.tokenize("Georgia certified the results.");
        assertThat(G.find(t, "Georgia certified the results.", java.util.Set.of("Georgia"))).isEmpty();
        assertThat(G.find(t, "Georgia certified the results.")).containsExactly("GE");
    }

    private static boolean state(String text) {
        return CountryGazetteer.georgiaIsUsState(java.util.List.of(Tokenizer.tokenize(text)), java.util.List.of(text));
    }

    @Test
    void aStatesInstitutionIsTheCountryEvenWhenItsNameIsAlsoAPersons() {
        assertThat(G.find("The Israel Defense Forces said the strike hit a depot")).containsExactly("IL");
        assertThat(G.find("Jordan Armed Forces units were deployed")).containsExactly("JO");
        // a person still is one
        assertThat(G.find("Israel Katz and Chad Morrow said")).isEmpty();
    }

    @Test
    void shortSaintSpellingsNewsCapitalSpellingsAndAThinkTank() {
        assertThat(G.find("St Kitts and Nevis, St. Lucia and St Vincent and the Grenadines")).containsExactly("KN", "LC", "VC");
        assertThat(G.find("talks in Naypyitaw, also written Nay Pyi Taw")).containsExactly("MM");
        // a think tank's name is no mention of Germany; the country itself still is
        assertThat(G.find("a fellow at the German Marshall Fund")).isEmpty();
        assertThat(G.find("the German Marshall Fund said German exports fell")).containsExactly("DE");
        // a false friend is no country word for names either ("Dominique Morel" is a person)
        assertThat(G.isAlias("Dominique")).isFalse();
        assertThat(G.isAlias("Victoria")).isFalse();
    }

    @Test
    void pluralDemonymsSpellingVariantsAndSeatsOfGovernment() {
        assertThat(G.find("Batswana and Basotho workers met a Comorian envoy in Mbabane")).containsExactly("BW", "LS", "KM", "SZ");
        assertThat(G.find("The Élysée and Downing Street spoke; the Quai d'Orsay summoned the envoy")).containsExactly("FR", "GB");
        assertThat(G.find("Zhongnanhai, the Casa Rosada, La Moncloa, Planalto and Malacañang")).containsExactly("CN", "AR", "ES", "BR", "PH");
        // a seat of government's name inside another name is not it
        assertThat(G.find("the Downing Streets of this world")).isEmpty();
    }

    @Test
    void caribbeanShortNames() {
        assertThat(G.find("St Lucia and St Kitts sent ministers")).containsExactly("LC", "KN");
        assertThat(G.find("Saint Kitts, St. Kitts and Nevis and a Kittitian minister")).containsExactly("KN");
    }
}
