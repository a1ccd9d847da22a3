package org.parley.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.search.InvalidQueryException;

/** Parley's query syntax as Solr syntax: analysed terms, explicit fields and operators, parley's error codes. */
class SolrQueryTranslatorTest {
    private final SolrQueryTranslator t = new SolrQueryTranslator();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "relations|text_stem:relat",
            "Cambodia relations|(+text_stem:cambodia +text_stem:relat)",
            "Cambodia OR Russia|(text_stem:cambodia text_stem:russia)",
            "\"diplomatic relations\"|text:\"diplomatic relations\"",
            "-Russia|(+*:* -text_stem:russia)",
            "country:Thailand|country:\"TH\"",
            "speaker:\"Anna Smith\"|speaker_lc:\"anna smith\"",
            "year:[1950 TO 1980]|year_i:[1950 TO 1980]",
            "year:{1950 TO *]|year_i:[1951 TO *]",
            "year:1975|year_i:\"1975\"",
            "article:syn_relation|article_id:\"syn_relation\"",
            "title:relation|title_stem:relat",
            "diplom*|text:diplom*",
            "Cambodai~1|text:cambodai~1",
            "*:*|*:*",
            "(Cambodia)^2|(text_stem:cambodia)^2.0",
            "a/b|text_stem:b",
            "title:\"Cambodia and Russia\"|title_stem:\"cambodia GAP russia\"",
            "title:\"Cambodia Russia\"~3|title_stem:\"cambodia russia\"~3",
            "title:\"Cambodia and the Russia\"~1|title_stem:\"cambodia GAP GAP russia\"~1",
    })
    void translates(String query, String solr) {
        assertThat(t.translate(query)).isEqualTo(solr);
    }

    @Test
    void blankIsEverythingAndHostileTextIsEscaped() {
        assertThat(t.translate("  ")).isNull();
        assertThat(t.translate("<script>alert(1)</script>")).doesNotContain("<").contains("text_stem:script");
        assertThat(t.translate("\"fair & open\"")).isEqualTo("text:\"fair open\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"unclosed|invalid_query", "((|invalid_query", "AND|invalid_query", "text:|invalid_query",
            "colour:red|invalid_query", "*ation|invalid_query", "title:rel~1|invalid_query", "the of|only_stop_words",
            "a* b* c* d* e* f* g* h* i* j* k*|too_many_expansions", "(a)^100 AND ((b)^1000)^1000|invalid_boost",
            "country:Atlantis|invalid_query", "year:abc|invalid_query",
    })
    void refusesWithParleysCodes(String query, String code) {
        assertThatThrownBy(() -> t.translate(query)).isInstanceOf(InvalidQueryException.class)
                .satisfies(e -> assertThat(((InvalidQueryException) e).code()).isEqualTo(code));
    }
}
