package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeHtmlTest {
    @Test
    void escapesEverythingThatCouldBeMarkup() {
        assertThat(SafeHtml.escape("<a href=\"x\" onclick='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(SafeHtml.escape(null)).isEmpty();
    }

    @Test
    void keepsMarksOfAWellFormedSnippetAsTheyAre() {
        String snippet = "Cambodia and <mark>Russia</mark> &amp; &lt;friends&gt; said &quot;yes&quot;";
        assertThat(SafeHtml.snippet(snippet)).isEqualTo("Cambodia and <mark>Russia</mark> &amp; &lt;friends&gt; said &quot;yes&quot;");
    }

    @Test
    void neutralisesAnyOtherMarkup() {
        assertThat(SafeHtml.snippet("<script>alert(1)</script> <mark>x</mark>"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>");
        assertThat(SafeHtml.snippet("<mark onclick=\"x()\">a</mark>")).doesNotContain("onclick=\"").doesNotContain("<mark ");
        assertThat(SafeHtml.snippet("<img src=x onerror=alert(1)>")).isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(SafeHtml.snippet("&lt;script&gt;")).isEqualTo("&lt;script&gt;");
        assertThat(SafeHtml.snippet("&amp;lt;b&amp;gt;")).isEqualTo("&amp;lt;b&amp;gt;");
    }

    @Test
    void rebuildsBalancedMarks() {
        assertThat(SafeHtml.snippet("<mark>a<mark>b</mark></mark>c</mark>")).isEqualTo("<mark>ab</mark>c");
        assertThat(SafeHtml.snippet("<mark>open")).isEqualTo("<mark>open</mark>");
        assertThat(SafeHtml.snippet("<MARK>x</MARK>")).isEqualTo("<mark>x</mark>");
    }

    @Test
    void aMarkSpelledAsTextStaysText() {
        assertThat(SafeHtml.snippet("&lt;mark&gt;not a tag&lt;/mark&gt;")).isEqualTo("&lt;mark&gt;not a tag&lt;/mark&gt;");
    }
}
