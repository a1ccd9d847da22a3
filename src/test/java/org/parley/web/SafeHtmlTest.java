package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.search.Span;

class SafeHtmlTest {
    @Test
    void escapesEverythingThatCouldBeMarkup() {
        assertThat(SafeHtml.escape("<a href=\"x\" onclick='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(SafeHtml.escape(null)).isEmpty();
    }

    @Test
    void marksTheSpansAndEscapesTheRest() {
        String text = "Cambodia and Russia & <friends> said \"yes\"";
        assertThat(SafeHtml.marked(text, List.of(new Span(13, 19)), 1000))
                .isEqualTo("Cambodia and <mark>Russia</mark> &amp; &lt;friends&gt; said &quot;yes&quot;");
    }

    @Test
    void markupInsideASpanIsEscapedToo() {
        String text = "<script>alert(1)</script>";
        assertThat(SafeHtml.marked(text, List.of(new Span(0, 8)), 1000))
                .isEqualTo("<mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt;");
        assertThat(SafeHtml.marked("<mark>not a tag</mark>", List.of(), 1000)).isEqualTo("&lt;mark&gt;not a tag&lt;/mark&gt;");
    }

    @Test
    void spansThatOverlapOrRunPastTheTextAreClippedNotTrusted() {
        assertThat(SafeHtml.marked("abcdef", List.of(new Span(0, 3), new Span(2, 5), new Span(4, 99)), 1000))
                .isEqualTo("<mark>abc</mark><mark>de</mark><mark>f</mark>");
        assertThat(SafeHtml.marked("abcdef", List.of(new Span(3, 4), new Span(0, 2)), 1000)).isEqualTo("abc<mark>d</mark>ef");
    }

    @Test
    void aLongTextIsCutWithAnEllipsisAndItsMarksClosed() {
        assertThat(SafeHtml.marked("abcdefgh", List.of(new Span(2, 6)), 4)).isEqualTo("ab<mark>cd</mark>…");
    }

    @Test
    void aSnippetIsAboutThreeHundredCharactersAroundTheMostMatchesCutAtWords() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) sb.append("filler").append(i).append(" words here. ");
        int first = sb.length();
        sb.append("Russia and Cambodia met; ");
        int second = sb.indexOf("Cambodia", first);
        for (int i = 0; i < 40; i++) sb.append("more").append(i).append(" text there. ");
        String text = sb.toString();
        List<Span> spans = List.of(new Span(first, first + 6), new Span(second, second + 8));
        SafeHtml.Snippet s = SafeHtml.snippet(text, spans, SafeHtml.SNIPPET_CHARS);
        assertThat(s.cut()).isTrue();
        assertThat(s.html()).contains("<mark>Russia</mark> and <mark>Cambodia</mark>").startsWith("…").endsWith(" …");
        String plain = s.html().replace("<mark>", "").replace("</mark>", "");
        assertThat(plain.length()).isBetween(SafeHtml.SNIPPET_CHARS - 40, SafeHtml.SNIPPET_CHARS + 10);
        // whole words at both cuts
        String inner = plain.substring(1, plain.length() - 2);
        assertThat(text).contains(inner);
        int at = text.indexOf(inner);
        assertThat(text.charAt(at - 1)).isEqualTo(' ');
        assertThat(text.charAt(at + inner.length())).isEqualTo(' ');
        // a short paragraph is whole, a long one without matches starts at its beginning, markup is escaped
        assertThat(SafeHtml.snippet("a <b> c", List.of(new Span(0, 1)), 300)).isEqualTo(new SafeHtml.Snippet("<mark>a</mark> &lt;b&gt; c", false));
        assertThat(SafeHtml.snippet(text, List.of(), 300).html()).startsWith("filler0 words").endsWith(" …");
    }

    @Test
    void fragmentsShowEachFarApartGroupOfMatchesOnceInTextOrder() {
        StringBuilder sb = new StringBuilder("Vietnam opened the talks. ");
        for (int i = 0; i < 30; i++) sb.append("filler").append(i).append(" words & more. ");
        int mid = sb.length();
        sb.append("Trade with <Laos> grew. ");
        for (int i = 0; i < 30; i++) sb.append("padding").append(i).append(" text here. ");
        int end = sb.length();
        sb.append("Vietnam closed them.");
        String text = sb.toString();
        int laos = text.indexOf("Laos");
        List<Span> spans = List.of(new Span(0, 7), new Span(laos, laos + 4), new Span(end, end + 7));

        String two = SafeHtml.fragments(text, spans, 60, 2);
        assertThat(two.split(" … ")).hasSize(2); // two fragments, then the trailing ellipsis
        assertThat(two).startsWith("<mark>Vietnam</mark> opened").contains("&lt;<mark>Laos</mark>&gt;")
                .doesNotContain("closed").endsWith(" …").doesNotContain("&amp;lt;");
        String three = SafeHtml.fragments(text, spans, 60, 3);
        assertThat(three).contains("<mark>Vietnam</mark> opened", "<mark>Laos</mark>", "<mark>Vietnam</mark> closed");
        assertThat(three.indexOf("opened")).isLessThan(three.indexOf("Laos"));
        assertThat(three.indexOf("Laos")).isLessThan(three.indexOf("closed"));
        assertThat(three).doesNotEndWith("…");
        // no more fragments than there are separate matches: the fourth and fifth are not padding
        assertThat(SafeHtml.fragments(text, spans, 60, 5)).isEqualTo(three);
        // one fragment is the snippet of that size
        assertThat(SafeHtml.fragments(text, spans, 60, 1)).isEqualTo(SafeHtml.snippet(text, spans, 60).html());
        assertThat(SafeHtml.fragments("short & sweet", List.of(), 60, 3)).isEqualTo("short &amp; sweet");
    }
}
