package org.parley.corpus;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the dates metadata states: ISO 8601 dates and date-times, RFC 822 (feeds), "June 2, 2025". */
final class Dates {
    /** ISO date at the start, optionally followed by a time: the date as written, in its own offset. */
    private static final Pattern ISO_START = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?:$|[T\\s])");

    private Dates() {
    }

    /** The calendar date the text states (its local date, not converted to UTC), or null. */
    static LocalDate parse(String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty() || t.length() > 200) return null;
        Matcher iso = ISO_START.matcher(t);
        if (iso.find()) {
            try {
                return plausible(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            } catch (DateTimeException e) {
                return null;
            }
        }
        return plausible(ArticleParser.findDate(t));
    }

    /** Seconds (or milliseconds, when the number is that large) since the epoch, as a UTC date. */
    static LocalDate fromEpoch(long value) {
        long seconds = Math.abs(value) > 100_000_000_000L ? value / 1000 : value;
        try {
            return plausible(LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate plausible(LocalDate d) {
        return d != null && d.getYear() >= 1000 && d.getYear() <= 9999 ? d : null;
    }
}
