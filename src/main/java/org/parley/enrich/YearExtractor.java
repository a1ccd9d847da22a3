package org.parley.enrich;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the years a text names: "in 1956", "May 2016", "2024-06-21", ranges "2023-2027" (both ends and,
 * for spans of at most ten years, the years between), decades "the 1980s" (all ten years: the paragraph
 * is about each of them), and, when the publication date is known, "last year" and "next year" ("this year" is the publication
 * year, which the index already falls back to).
 * Amounts ("8,000", "$1.5 billion", "2000 troops"), "COVID-19" and numbered things ("Resolution 2334") are
 * not years. Stateless and thread-safe.
 */
final class YearExtractor {
    private static final int MAX_EXPANDED_SPAN = 10;
    /**
     * A four-digit number 1000-2099 standing alone: not glued to letters (but for a fiscal year's "FY2025"), digits,
     * currency signs or a thousands separator; optionally a range end ("-2027", "–27", "/21") or a decade "s".
     */
    static final Pattern YEAR = Pattern.compile(
            "(?:(?<![\\p{L}\\p{N}$€£¥.,/])|(?<=(?<!\\p{L})FY))(1\\d{3}|20\\d{2})(?:(?:\\s?[-–—/]\\s?|\\s(?:to|and|until|through)\\s)(1\\d{3}|20\\d{2}|\\d{2})(?![\\p{L}\\p{N}]|[.,]\\d))?(s|'s|’s)?(?![\\p{L}\\p{N}]|[.,]\\d)");
    static final Pattern ISO_DATE = Pattern.compile("\\b(1\\d{3}|20\\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])\\b");
    /** "12/05/2023", "05.06.2023": numeric dates, whose year follows a separator the YEAR pattern refuses. */
    static final Pattern NUMERIC_DATE = Pattern.compile("(?<!\\d)\\d{1,2}([/.])\\d{1,2}\\1(1\\d{3}|20\\d{2})(?!\\d)");
    static final Pattern RELATIVE = Pattern.compile("\\b(last|next|past|previous|coming) year\\b", Pattern.CASE_INSENSITIVE);
    /** Words right before a number that make it a count, a price or a label rather than a year. */
    private static final Pattern BEFORE_AMOUNT = Pattern.compile(
            "(?:\\b(?:US|USD|EUR|GBP|RMB|CNY|JPY|Rs|RM|No|Nos|Number|number|Resolution|resolution|Article|article|Section|section|Room|room|Flight|flight|Route|route|Highway|highway|Decree|decree|Law|Lot|Unit|Box|Level|page|pages|p|pp|tel|Tel|ID|Model|model|Code|code|Order|order)\\.?|[$€£¥#№])\\s*$");
    private static final Pattern AFTER_AMOUNT = Pattern.compile(
            "^\\s*(?:%|percent\\b|per cent\\b|(?:troops|soldiers|people|persons|personnel|workers|students|tourists|visitors|refugees|residents|families|households|members|delegates|participants|officers|police|employees|staff|cases|deaths|victims|units|vehicles|cars|tanks|aircraft|ships|projects|km|kilometres|kilometers|miles|metres|meters|m|ft|feet|tons|tonnes|kg|hectares|ha|acres|dollars|USD|riel|yuan|euros|won|yen|rupees|MW|GW|barrels|votes|seats|years|months|days|hours|minutes|times|pieces|items|copies|schools|villages|homes|houses|jobs|beds|doses|words|pages)\\b)");
    private static final Set<String> DECADE_SUFFIX = Set.of("s", "'s", "’s");

    private YearExtractor() {
    }

    /** The years {@code text} names, ascending. {@code published} may be null (no relative years then). */
    static List<Integer> extract(String text, LocalDate published) {
        boolean digits = hasFourDigits(text);
        boolean relative = published != null && text.contains(" year");
        int fiscal = text.indexOf("FY");
        int apostrophe = shortDecadeAt(text, 0);
        if (!digits && !relative && fiscal < 0 && apostrophe < 0) return List.of(); // most paragraphs: no regex work at all
        TreeSet<Integer> years = new TreeSet<>();
        if (digits) findNumericYears(text, years);
        if (fiscal >= 0) findShortFiscalYears(text, fiscal, years);
        for (int a = apostrophe; a >= 0; a = shortDecadeAt(text, a + 4)) {
            // "the '90s", "the 1970s and ’80s": a decade by its last two digits; "'20s" may be either century
            int d = (text.charAt(a + 1) - '0') * 10;
            if (d == 20) continue;
            int first = d >= 30 ? 1900 + d : 2000 + d;
            for (int y = first; y < first + 10; y++) years.add(y);
        }
        if (relative) {
            int y = published.getYear();
            for (String w : relativeWords(text)) {
                years.add(switch (w.toLowerCase(java.util.Locale.ROOT)) {
                    case "last", "past", "previous" -> y - 1;
                    default -> y + 1;
                });
            }
        }
        return List.copyOf(years);
    }

    /** The first words of the {@link #RELATIVE} matches in {@code text}, in order: "last", "Next", ... */
    static List<String> relativeWords(String text) {
        List<String> words = new ArrayList<>(1);
        Matcher rel = RELATIVE.matcher(text);
        // A match holds " year" (in any ASCII case) at most eight characters after its start ("previous"): the search
        // starts there, not at every character of the paragraph (find(int) keeps the whole text visible to \b, so a
        // match is found exactly as by find()).
        for (int at = relativeSearchStart(text, 0); at >= 0 && rel.find(at); at = relativeSearchStart(text, rel.end())) {
            words.add(rel.group(1));
        }
        return words;
    }

    /** Where a search for a {@link #RELATIVE} match at or after {@code from} may start, or -1 when none can follow. */
    static int relativeSearchStart(String text, int from) {
        for (int i = Math.max(from, 1), last = text.length() - 4; i <= last; i++) {
            if ((text.charAt(i) | 0x20) == 'y' && text.charAt(i - 1) == ' ' && (text.charAt(i + 1) | 0x20) == 'e'
                    && (text.charAt(i + 2) | 0x20) == 'a' && (text.charAt(i + 3) | 0x20) == 'r') {
                return Math.max(from, i - 9);
            }
        }
        return -1;
    }

    /**
     * The index of the next apostrophe at or after {@code from} that opens a two-digit decade ("'90s", "’80s": a digit,
     * a zero, "s", no word glued before or after), or -1.
     */
    static int shortDecadeAt(String text, int from) {
        for (int i = from, n = text.length(); i + 3 < n; i++) {
            char c = text.charAt(i);
            if (c != '\'' && c != '’') continue;
            if (!isDigit(text.charAt(i + 1)) || text.charAt(i + 2) != '0' || text.charAt(i + 3) != 's') continue;
            if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) continue;
            if (i + 4 < n && Character.isLetterOrDigit(text.charAt(i + 4))) continue;
            return i;
        }
        return -1;
    }

    /**
     * "FY24", "FY24-25", "FY24/25": a fiscal year by its last two digits, as "FY2024" is by four (the year it is named
     * after, and the next one of a range). Not a longer code ("FY245", "XFY24").
     */
    static void findShortFiscalYears(String text, int at, TreeSet<Integer> years) {
        for (int i = at; i >= 0; i = text.indexOf("FY", i + 2)) {
            int d = i + 2, n = text.length();
            if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) continue;
            if (d + 1 >= n || !isDigit(text.charAt(d)) || !isDigit(text.charAt(d + 1))) continue;
            if (d + 2 < n && Character.isLetterOrDigit(text.charAt(d + 2))) continue; // "FY2025" is the YEAR pattern's
            int two = (text.charAt(d) - '0') * 10 + (text.charAt(d + 1) - '0');
            int first = (two >= 50 ? 1900 : 2000) + two; // "FY99" is 1999
            years.add(first);
            int e = d + 3; // "FY24-25", "FY24/25"
            if (e + 1 < n && (text.charAt(d + 2) == '-' || text.charAt(d + 2) == '/' || text.charAt(d + 2) == '–')
                    && isDigit(text.charAt(e)) && isDigit(text.charAt(e + 1)) && (e + 2 >= n || !Character.isLetterOrDigit(text.charAt(e + 2)))) {
                int second = (text.charAt(e) - '0') * 10 + (text.charAt(e + 1) - '0');
                if (second == (two + 1) % 100) years.add(first + 1);
            }
        }
    }

    private static boolean hasFourDigits(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run == 4) return true;
            } else {
                run = 0;
            }
        }
        return false;
    }

    private static void findNumericYears(String text, TreeSet<Integer> years) {
        // Each pattern is run only where its fixed part occurs: scanning a paragraph with a regular expression tests
        // the pattern at every character, and most paragraphs hold no date of that shape (a tenth of the build's
        // enrichment went into these scans). The checks below are necessary conditions, so the matches are the same.
        if (yearAfter(text, '-', false)) {
            Matcher iso = ISO_DATE.matcher(text);
            while (iso.find()) years.add(Integer.parseInt(iso.group(1)));
        }
        if (yearAfter(text, '/', true) || yearAfter(text, '.', true)) {
            Matcher numeric = NUMERIC_DATE.matcher(text);
            while (numeric.find()) years.add(Integer.parseInt(numeric.group(2)));
        }
        Matcher m = YEAR.matcher(text);
        // A match starts with four ASCII digits, the first a 1 or a 2: the search resumes at the next such place
        // (find(int) keeps the whole text visible to the look-behind, so a match is found exactly as by find()).
        for (int from = nextYearStart(text, 0); from >= 0 && m.find(from); from = nextYearStart(text, m.end())) {
            consider(text, m, years);
        }
    }

    /** The first index at or after {@code from} where a YEAR match could start, or -1. */
    static int nextYearStart(String text, int from) {
        for (int i = from, last = text.length() - 4; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == '1' || c == '2') && isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2)) && isDigit(text.charAt(i + 3))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether four ASCII digits follow {@code separator} somewhere (or, when not {@code yearAfterSeparator}, precede
     * it): every numeric date ("12/05/2023", year after the separator) and every ISO date ("2024-06-21", year
     * before it) has this.
     */
    static boolean yearAfter(String text, char separator, boolean yearAfterSeparator) {
        for (int i = text.indexOf(separator); i >= 0; i = text.indexOf(separator, i + 1)) {
            int d = yearAfterSeparator ? i + 1 : i - 4;
            if (d >= 0 && d + 4 <= text.length() && isDigit(text.charAt(d)) && isDigit(text.charAt(d + 1))
                    && isDigit(text.charAt(d + 2)) && isDigit(text.charAt(d + 3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Files the YEAR match {@code m} under its years, unless it is an amount, a code, a clock time or a date's part. */
    static void consider(String text, Matcher m, TreeSet<Integer> years) {
        // an ISO date's year is its own pattern's: four digits and a hyphen
        if (m.start() + 4 < text.length() && text.charAt(m.start() + 4) == '-'
                && ISO_DATE.matcher(text).region(m.start(), Math.min(text.length(), m.start() + 10)).lookingAt()) return;
        if (m.start() > 0 && text.charAt(m.start() - 1) == '-' && !glueHyphen(text, m.start() - 1)) return;
        String before = text.substring(Math.max(0, m.start() - 12), m.start());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 14));
        if (BEFORE_AMOUNT.matcher(before).find()) return;
        if (otherCalendar(text, m.start(), after)) return;
        int first = Integer.parseInt(m.group(1));
        String suffix = m.group(3);
        // "1980s", "1980's": a decade; "2024's first quarter" is the year's own possessive
        if (suffix != null && DECADE_SUFFIX.contains(suffix) && (first % 10 == 0 || suffix.equals("s"))) {
            if (first % 10 != 0) return;
            for (int y = first; y < first + 10; y++) years.add(y);
            return;
        }
        if (m.group(2) != null) {
            int last = rangeEnd(first, m.group(2));
            if (last > first) {
                years.add(first);
                years.add(last);
                if (last - first <= MAX_EXPANDED_SPAN) for (int y = first + 1; y < last; y++) years.add(y);
                return;
            }
        }
        if (AFTER_AMOUNT.matcher(after).find() && m.group(2) == null) return;
        if (m.group(2) == null && m.group(3) == null && clockTime(text, m.start(), m.end())) return;
        if (first < 1500 && !yearCue(text, m.start())) return;
        years.add(first);
        if (m.group(2) != null && m.group(2).length() == 4) {
            int second = Integer.parseInt(m.group(2));
            if (second >= 1500) years.add(second);
        }
    }

    /** An era after a year of another calendar or before the common era: "2081 BS", "2016 E.C.", "1400 BC", "1445 AH". */
    private static final Pattern ERA_AFTER = Pattern.compile("^\\s?(?:BCE?|B\\.C\\.(?:E\\.)?|BS|B\\.S\\.|BE|B\\.E\\.|E\\.C\\.|AH|A\\.H\\.|SH|S\\.H\\.)(?!\\p{L})");
    /** A calendar other than the Gregorian named before a year: "the Iranian year 1403", "Nepali calendar year 2081". */
    private static final Pattern CALENDAR_BEFORE = Pattern.compile(
            "\\b(?:Iranian|Persian|Hijri|Islamic|Ethiopian|Nepali|Nepalese|Shamsi|Sambat|Buddhist)\\s+(?:calendar\\s+|[Ee]ra\\s+)?(?:year\\s+)?$");

    /**
     * Whether the year at [{@code start}, ...) with the text {@code after} it counts in another calendar or before the
     * common era: "2081 BS" (Nepal), "2016 E.C." (Ethiopia), "the Iranian year 1403", "1400 BC". Not "AD 1066".
     */
    static boolean otherCalendar(String text, int start, String after) {
        if (!after.isEmpty() && ERA_AFTER.matcher(after).find()) return true;
        return start >= 8 && text.startsWith("year ", start - 5) && CALENDAR_BEFORE.matcher(text.substring(Math.max(0, start - 40), start)).find()
                || start >= 4 && text.startsWith("Era ", start - 4) && CALENDAR_BEFORE.matcher(text.substring(Math.max(0, start - 40), start)).find();
    }

    /** "post-2020", "mid-1990s": a word joined to the year by a hyphen; "COVID-2019"-like codes are not. */
    private static boolean glueHyphen(String text, int hyphen) {
        int s = hyphen;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) s--;
        String w = text.substring(s, hyphen).toLowerCase(java.util.Locale.ROOT);
        return w.equals("post") || w.equals("pre") || w.equals("mid") || w.equals("early") || w.equals("late")
                || w.equals("fiscal") || w.equals("fy") || w.equals("circa") || w.equals("c");
    }

    /** Zones and words after a 24-hour clock time: "1930 GMT", "2000 local time", "1700 hrs". */
    private static final Set<String> CLOCK_WORDS = Set.of("gmt", "utc", "z", "local", "hours", "hrs", "hr", "h",
            "cet", "cest", "eet", "eest", "bst", "est", "edt", "cst", "cdt", "pst", "pdt", "et", "pt", "msk", "ist",
            "jst", "kst", "gst", "ast", "wat", "cat", "eat", "sast", "brt", "art");

    /**
     * "at 1930 GMT", "1800 Brussels time", "at 1900" (hours and minutes of a day): a clock time, not a year.
     */
    static boolean clockTime(String text, int start, int end) {
        int hh = Integer.parseInt(text.substring(start, start + 2)), mm = Integer.parseInt(text.substring(start + 2, start + 4));
        if (hh > 23 || mm > 59) return false;
        int e = end;
        while (e < text.length() && text.charAt(e) == ' ') e++;
        int w = e;
        while (w < text.length() && Character.isLetter(text.charAt(w))) w++;
        if (w > e) {
            String word = text.substring(e, w).toLowerCase(java.util.Locale.ROOT);
            if (CLOCK_WORDS.contains(word)) return true;
            // "1800 Brussels time", "0700 Moscow time"
            if (Character.isUpperCase(text.charAt(e)) && text.startsWith(" time", w)) return true;
        }
        // "at 1900": a year takes "in", never "at"
        return start >= 3 && text.regionMatches(true, start - 3, "at ", 0, 3)
                && (start == 3 || !Character.isLetter(text.charAt(start - 4)));
    }

    private static int rangeEnd(int first, String end) {
        if (end.length() == 4) return Integer.parseInt(end);
        int e = first / 100 * 100 + Integer.parseInt(end);
        return e > first ? e : -1;
    }

    private static final Pattern CUE = Pattern.compile(
            "(?i)\\b(?:in|since|from|until|till|by|before|after|during|year|of|circa|around|early|late|mid|AD|CE)\\s+$");

    private static boolean yearCue(String text, int at) {
        return CUE.matcher(text.substring(Math.max(0, at - 10), at)).find();
    }
}
