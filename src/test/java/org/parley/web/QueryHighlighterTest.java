package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryHighlighterTest {
    @Test
    void marksStemmedMatchesAndEscapesTheRest() {
        QueryHighlighter h = new QueryHighlighter("relations Russia");
        assertThat(h.highlight("Russian relation <b>& Russia's"))
                .isEqualTo("Russian <mark>relation</mark> &lt;b&gt;&amp; <mark>Russia&#39;s</mark>");
    }

    @Test
    void understandsPhrasesFieldsOperatorsAndWildcards() {
        QueryHighlighter h = new QueryHighlighter("\"diplomatic ties\" AND title:cambodia NOT rel* OR");
        assertThat(h.highlight("Diplomatic ties with Cambodia are reliable, or not"))
                .isEqualTo("<mark>Diplomatic</mark> <mark>ties</mark> with <mark>Cambodia</mark> are <mark>reliable</mark>, or not");
    }

    @Test
    void foldsCaseAndAccentsLikeTheIndex() {
        assertThat(new QueryHighlighter("bogota").highlight("Bogotá and BOGOTA")).isEqualTo("<mark>Bogotá</mark> and <mark>BOGOTA</mark>");
    }

    @Test
    void anEmptyOrHostileQueryOnlyEscapes() {
        assertThat(new QueryHighlighter("").highlight("<i>x</i>")).isEqualTo("&lt;i&gt;x&lt;/i&gt;");
        assertThat(new QueryHighlighter("<script>alert(1)</script>").highlight("a script <script>"))
                .isEqualTo("a <mark>script</mark> &lt;<mark>script</mark>&gt;");
        assertThat(new QueryHighlighter(null).isEmpty()).isTrue();
    }
}
