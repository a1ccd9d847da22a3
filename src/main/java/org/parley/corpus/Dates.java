package org.parley.corpus;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates metadata states: ISO 8601 dates and date-times, RFC 822 (feeds), "June 2, 2025", Unix time as a
 * string, all-number dates ("07/12/2026") in the order a page's language uses.
 */
final class Dates {
    /** ISO date at the start, optionally followed by a time: the date as written, in its own offset. */
    private static final Pattern ISO_START = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?:$|[T\\s])");

    private Dates() {
    }

    /** "07/12/2026", "7.12.2026", "2026/12/07": numbers only, the order told by the year's place and a hint. */
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,4})([/.])(\\d{1,2})\\2(\\d{1,4})\\b");

    /** The calendar date the text states (its local date, not converted to UTC), or null. */
    static LocalDate parse(String s) {
        return parse(s, null);
    }

    /**
     * {@link #parse(String)}, reading an all-number day and month ("07/12/2026") day first when {@code dayFirst} is
     * true (a page in British English or another language), month first when false (American English), and only
     * when one order is possible (a number over 12) when null.
     */
    static LocalDate parse(String s, Boolean dayFirst) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty() || t.length() > 200) return null;
        if (t.length() >= 8 && t.length() <= 13 && allDigits(t)) {
            // Unix time in seconds or milliseconds ("1796637600", a string in meta tags and exports), or 20261207
            if (t.length() >= 9) return fromEpoch(Long.parseLong(t));
            try {
                return plausible(LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                        Integer.parseInt(t.substring(6, 8))));
            } catch (DateTimeException e) {
                return null;
            }
        }
        Matcher iso = ISO_START.matcher(t);
        if (iso.find()) {
            try {
                return plausible(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            } catch (DateTimeException e) {
                return null;
            }
        }
        LocalDate d = plausible(ArticleParser.findDate(t));
        return d != null ? d : numeric(t, dayFirst);
    }

    /** The first all-number date in {@code s} (see {@link #parse(String, Boolean)}), or null. */
    static LocalDate numeric(String s, Boolean dayFirst) {
        if (s.indexOf('/') < 0 && s.indexOf('.') < 0) return null;
        Matcher m = NUMERIC.matcher(s);
        while (m.find()) {
            String a = m.group(1), b = m.group(3), c = m.group(4);
            try {
                if (a.length() == 4 && c.length() <= 2) { // 2026/12/07
                    return plausible(LocalDate.of(Integer.parseInt(a), Integer.parseInt(b), Integer.parseInt(c)));
                }
                if (c.length() != 4 || a.length() > 2) continue;
                int x = Integer.parseInt(a), y = Integer.parseInt(b), year = Integer.parseInt(c);
                Boolean first = dayFirst != null ? dayFirst : x > 12 && y <= 12 ? Boolean.TRUE : y > 12 && x <= 12 ? Boolean.FALSE : null;
                if (dayFirst == null && x == y) first = true; // 07/07/2026 is the same date either way
                if (first == null) return null; // 07/12/2026 with nothing to say which: no date rather than a wrong one
                return plausible(first ? LocalDate.of(year, y, x) : LocalDate.of(year, x, y));
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Whether a page's language reads all-number dates day first: true for every language and English variant but
     * American (and Philippine) English, false for those, null when only "en" (or nothing) is said.
     */
    static Boolean dayFirst(String lang) {
        if (lang == null) return null;
        String l = lang.strip().replace('_', '-').toLowerCase(java.util.Locale.ROOT);
        if (l.isEmpty() || l.equals("en")) return null;
        if (l.equals("en-us") || l.equals("en-ph")) return Boolean.FALSE;
        if (l.equals("en-ca")) return null; // both orders in use
        return Boolean.TRUE;
    }

    private static boolean allDigits(String t) {
        for (int i = 0; i < t.length(); i++) if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
        return true;
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
