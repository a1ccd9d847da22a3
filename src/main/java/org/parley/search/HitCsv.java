package org.parley.search;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes hits as CSV (RFC 4180: every cell quoted, quotes doubled, CRLF line ends). Cells that a spreadsheet would run
 * as a formula (starting with {@code = + - @}, tab or carriage return) are prefixed with an apostrophe.
 */
public final class HitCsv {
    public static final List<String> HEADER = List.of("id", "article_id", "title", "published", "paragraph", "countries",
            "country_names", "years", "speakers", "score", "text", "url");

    private HitCsv() {
    }

    public static String header() {
        return row(HEADER);
    }

    public static String row(Hit h) {
        return row(List.of(
                nz(h.id()), nz(h.articleId()), nz(h.title()), h.published() == null ? "" : h.published().toString(),
                Integer.toString(h.ordinal()),
                join(h.countries() == null ? List.of() : h.countries().stream().map(CountryRef::code).toList()),
                join(h.countries() == null ? List.of() : h.countries().stream().map(CountryRef::name).toList()),
                join(h.years() == null ? List.of() : h.years().stream().map(String::valueOf).toList()),
                join(h.speakers() == null ? List.<String>of() : h.speakers()),
                Float.isNaN(h.score()) ? "" : Float.toString(h.score()),
                nz(h.text()), nz(h.url())));
    }

    public static String row(List<String> cells) {
        return cells.stream().map(HitCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    /** One quoted, formula-safe cell. */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String join(List<String> values) {
        return values.stream().filter(java.util.Objects::nonNull).collect(Collectors.joining("; "));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
