package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawQueryStringTest {
    @Test
    void findsTheFirstMalformedEscape() {
        assertThat(RawQueryString.malformedEscape("q=russia%zz")).isEqualTo(8);
        assertThat(RawQueryString.malformedEscape("contry%zz=KH")).isEqualTo(6);
        assertThat(RawQueryString.malformedEscape("q=50%")).isEqualTo(4);
        assertThat(RawQueryString.malformedEscape("q=50%2")).isEqualTo(4);
        assertThat(RawQueryString.malformedEscape("q=%E2%80%9Cx%E2%80%9D&country=KH")).isEqualTo(-1);
        assertThat(RawQueryString.malformedEscape("q=a%25zz")).as("an escaped percent sign").isEqualTo(-1);
        assertThat(RawQueryString.malformedEscape(null)).isEqualTo(-1);
        assertThat(RawQueryString.excerpt("q=russia%zz", 8)).isEqualTo("%zz");
    }
}
