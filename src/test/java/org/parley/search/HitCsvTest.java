package org.parley.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HitCsvTest {
    @Test
    void quotesEveryCellAndDoublesQuotes() {
        assertThat(HitCsv.cell("a \"b\", c\nd")).isEqualTo("\"a \"\"b\"\", c\nd\"");
        assertThat(HitCsv.cell(null)).isEqualTo("\"\"");
    }

    @Test
    void defusesSpreadsheetFormulas() {
        assertThat(HitCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(HitCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(HitCsv.cell("-2")).isEqualTo("\"'-2\"");
        assertThat(HitCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(HitCsv.cell("\tx")).isEqualTo("\"'\tx\"");
        assertThat(HitCsv.cell("a=b")).isEqualTo("\"a=b\"");
    }

    @Test
    void writesOneRowPerHit() {
        Hit h = new Hit("a#3", "a", "T", LocalDate.of(2021, 5, 14), 3, "=cmd|' /C calc'!A0", List.of(new Span(0, 4)),
                List.of(new CountryRef("KH", "Cambodia"), new CountryRef("RU", "Russia")), List.of(2016, 2021), List.of(2016),
                List.of("Hun Sen"), 1.5f, 1);
        assertThat(HitCsv.row(h)).isEqualTo(
                "\"a#3\",\"a\",\"T\",\"2021-05-14\",\"3\",\"KH; RU\",\"Cambodia; Russia\",\"2016; 2021\",\"Hun Sen\",\"1.5\",\"'=cmd|' /C calc'!A0\",\"\"\r\n");
        assertThat(HitCsv.header()).startsWith("\"id\",");
    }
}
