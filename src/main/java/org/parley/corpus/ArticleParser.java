package org.parley.corpus;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of one corpus file into an {@link Article}: splits paragraphs, reads the optional
 * front-matter header, and recognises the title, dates, bylines, captions and boilerplate the way a
 * careful reader would. Pure and thread-safe.
 *
 * <p>Corpus format: UTF-8 text, one paragraph per line (blank lines between paragraphs are optional).
 * Hard-wrapped paragraphs (a line without closing punctuation followed by a line starting in lower case)
 * are joined. An optional header between two {@code ---} lines at the very top holds {@code key: value}
 * lines: {@code title}, {@code date} (ISO or "June 24, 2024"), {@code author}, {@code source}.
 */
public final class ArticleParser {
    private static final int DERIVED_TITLE_CHARS = 100;

    /** "date 2024-06-21" at the very start of the text: a date marker some scrapers leave behind. */
    private static final Pattern LEADING_DATE_MARKER =
            Pattern.compile("^\\s*(?:date|published|posted|updated)\\s*:?\\s*(\\d{4}-\\d{2}-\\d{2})\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:\\b|(?=T\\d))"); // also an ISO date-time's date
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b(" + ParagraphClassifier.MONTHS + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\b(\\d{1,2})\\s+(" + ParagraphClassifier.MONTHS + ")\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK_LIST_MARKER = Pattern.compile("^(?:" + ParagraphClassifier.LINK_LIST_LINES + ")[.:!]?$", Pattern.CASE_INSENSITIVE);
    /** The longest line taken for a linked headline in such a list. */
    private static final int MAX_LINK_CHARS = 160;
    private static final Pattern TRAILING_AGENCY = Pattern.compile("[.!?”\"]\\s*(\\p{Lu}{2,6})$");

    /** Parses one file's text. {@code fileName} becomes the article id (without extension). */
    public Article parse(String fileName, String rawText) {
        String text = normaliseNewlines(rawText);
        return build(fileName, readHeader(text), InputFormat.TEXT);
    }

    /**
     * Parses a plain-text body whose metadata is already known (a JSON line's fields): the text has no header of
     * its own, and a non-null {@code title} is not looked for in the first line.
     */
    Article parseBody(String fileName, String body, String title, LocalDate published, String author, String source,
                      String url, InputFormat format) {
        return build(fileName, new Header(title, published, author, source, url, normaliseNewlines(body)), format);
    }

    private Article build(String fileName, Header header, InputFormat format) {
        List<String> blocks = splitParagraphs(header.body());

        LocalDate published = header.date();
        String title = header.title();
        String author = header.author();
        String source = header.source();

        List<Paragraph> paragraphs = new ArrayList<>();
        boolean inLinkList = false;
        for (int i = 0; i < blocks.size(); i++) {
            String original = blocks.get(i);
            String line = original;
            if (i == 0) {
                Matcher marker = LEADING_DATE_MARKER.matcher(line);
                if (marker.find()) {
                    if (published == null) published = parseIsoDate(marker.group(1));
                    line = line.substring(marker.end()).strip();
                }
            }
            ParagraphKind kind = ParagraphClassifier.classify(line, i, blocks.size(), title == null && paragraphs.isEmpty());
            if (kind == ParagraphKind.TITLE) title = line;
            String content = ParagraphClassifier.BULLET.matcher(line).replaceFirst("");
            // Under "Related Articles" and the like come other stories' headlines (and their dates): furniture,
            // not this article, until a line reads like running text again.
            if (inLinkList && kind != ParagraphKind.DATELINE && kind != ParagraphKind.BOILERPLATE) {
                boolean headline = kind != ParagraphKind.BODY
                        || content.length() <= MAX_LINK_CHARS && !ParagraphClassifier.endsLikeSentence(content);
                if (headline) {
                    kind = ParagraphKind.BOILERPLATE;
                } else {
                    inLinkList = false;
                }
            }
            if (kind == ParagraphKind.BOILERPLATE && LINK_LIST_MARKER.matcher(content).matches()) inLinkList = true;
            switch (kind) {
                case DATELINE -> {
                    if (published == null && !inLinkList) published = findDate(content); // not a linked story's date
                }
                case BYLINE -> {
                    if (author == null) author = authorOf(content);
                    if (published == null && !inLinkList) published = findDate(content); // "By Jo Hart | 15 September 2021"
                }
                case CAPTION -> {
                    Matcher credit = ParagraphClassifier.IMAGE_CREDIT.matcher(content);
                    if (source == null && credit.matches() && !credit.group(1).isBlank()) source = credit.group(1).strip();
                }
                default -> { }
            }
            paragraphs.add(new Paragraph(paragraphs.size() + 1, line, kind, original));
        }
        if (source == null && !paragraphs.isEmpty()) source = trailingAgency(paragraphs.getLast().text());
        if (title == null) title = deriveTitle(paragraphs);
        String id = articleId(fileName);
        return new Article(id, fileName, title, published, author, source, paragraphs, Urls.absoluteOrNull(header.url()), format);
    }

    /** The author a byline names ("By Jane Doe" gives "Jane Doe"), or null. */
    static String bylineAuthor(String byline) {
        return authorOf(ParagraphClassifier.BULLET.matcher(byline).replaceFirst(""));
    }

    /** A title for paragraphs that have none: the start of the first body sentence. */
    static String titleFrom(List<Paragraph> paragraphs) {
        return deriveTitle(paragraphs);
    }

    /**
     * The article id for a file name: the name without its extension, letters (of any script), marks, digits and
     * {@code ._-} kept, the rest {@code _}. Letters are kept because ids of non-Latin names would otherwise be all
     * underscores and collide (新闻.txt and 体育.txt); NFC because macOS stores names decomposed.
     */
    public static String articleId(String fileName) {
        String base = Normalizer.normalize(fileName, Normalizer.Form.NFC).replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        return UNSAFE_ID_CHAR.matcher(base).replaceAll("_");
    }

    private static final Pattern UNSAFE_ID_CHAR = Pattern.compile("[^\\p{L}\\p{M}\\p{N}._-]");

    private static String authorOf(String byline) {
        Matcher by = ParagraphClassifier.BY_LINE.matcher(byline);
        if (by.matches()) {
            String name = nameBeforeDate(by.group(1));
            // "by staff writers" names nobody
            return !name.isEmpty() && Character.isUpperCase(name.codePointAt(0)) ? name : null;
        }
        String dated = ParagraphClassifier.datedByline(byline); // "Posted on December 7, 2026 by Mira Tansek"
        if (dated != null) {
            String name = nameBeforeDate(dated);
            return name.isEmpty() ? null : name;
        }
        String bio = ParagraphClassifier.authorBio(byline);
        if (bio != null) return bio;
        if (ParagraphClassifier.BULLET_NAME.matcher(byline).matches()) return byline;
        return null;
    }

    /**
     * The names of a byline that goes on with the date ("Jo Hart | 15 September 2021", "Jo Hart, March 3, 2022",
     * "Jo Hart - Updated 2 hours ago"): a story's meta line is often one block, and the date is no part of a name.
     */
    private static String nameBeforeDate(String names) {
        int cut = names.length();
        for (Pattern p : List.of(ISO_DATE, MONTH_DAY_YEAR, DAY_MONTH_YEAR, BYLINE_SEPARATOR)) {
            Matcher m = p.matcher(names);
            if (m.find()) cut = Math.min(cut, m.start());
        }
        return cut == names.length() ? names.strip() : BYLINE_TAIL.matcher(names.substring(0, cut)).replaceFirst("").strip();
    }

    /** Where the names of a byline end at the latest: a bar or spaced dash, or an "Updated"/"Published" label. */
    private static final Pattern BYLINE_SEPARATOR = Pattern.compile("\\s*[|•·]|\\s[-–—]\\s|\\b(?:updated|published|posted)\\b",
            Pattern.CASE_INSENSITIVE);
    /** What is left between the names and the date: ",", " on", " at", a weekday (possessive: no backtracking). */
    private static final Pattern BYLINE_TAIL = Pattern.compile(
            "(?:[\\s,;:]|\\b(?:on|at|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\\b)++$", Pattern.CASE_INSENSITIVE);

    private static String trailingAgency(String lastParagraph) {
        Matcher m = TRAILING_AGENCY.matcher(lastParagraph);
        return m.find() ? m.group(1) : null;
    }

    private static String deriveTitle(List<Paragraph> paragraphs) {
        for (Paragraph p : paragraphs) {
            if (p.kind() != ParagraphKind.BODY) continue;
            String first = p.text().split("(?<=[.!?])\\s+", 2)[0];
            if (first.length() <= DERIVED_TITLE_CHARS) return first;
            int cut = first.lastIndexOf(' ', DERIVED_TITLE_CHARS);
            return first.substring(0, cut > 40 ? cut : DERIVED_TITLE_CHARS) + "…";
        }
        return paragraphs.isEmpty() ? "(untitled)" : paragraphs.getFirst().text();
    }

    /** Finds the first full date in a text: ISO, "June 24, 2024", "24 June 2024", else an unambiguous "24/06/2024". */
    static LocalDate findDate(String s) {
        Matcher iso = ISO_DATE.matcher(s);
        if (iso.find()) {
            LocalDate d = parseIsoDate(iso.group());
            if (d != null) return d;
        }
        Matcher mdy = MONTH_DAY_YEAR.matcher(s);
        if (mdy.find()) return date(mdy.group(3), mdy.group(1), mdy.group(2));
        Matcher dmy = DAY_MONTH_YEAR.matcher(s);
        if (dmy.find()) return date(dmy.group(3), dmy.group(2), dmy.group(1));
        return Dates.numeric(s, null); // "17/12/2026", "2026/12/07": only an order that cannot be mistaken
    }

    private static LocalDate date(String year, String month, String day) {
        String m = month.replace(".", "").toLowerCase(Locale.ROOT);
        int monthNo = switch (m.substring(0, 3)) {
            case "jan" -> 1; case "feb" -> 2; case "mar" -> 3; case "apr" -> 4; case "may" -> 5; case "jun" -> 6;
            case "jul" -> 7; case "aug" -> 8; case "sep" -> 9; case "oct" -> 10; case "nov" -> 11; default -> 12;
        };
        try {
            return LocalDate.of(Integer.parseInt(year), monthNo, Integer.parseInt(day));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static LocalDate parseIsoDate(String s) {
        try {
            return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String normaliseNewlines(String s) {
        String t = s.startsWith("\uFEFF") ? s.substring(1) : s;
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Collapses runs of whitespace (including no-break and zero-width spaces) to one space. */
    static String normaliseSpace(String s) {
        // One pass by hand: this runs on every line of the corpus, and the regex version was the indexer's
        // top hot spot.
        StringBuilder out = null;
        boolean pendingSpace = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 0x80) {
                // printable ASCII, most of any text: neither a space nor zero-width
                if (out != null) {
                    if (pendingSpace && !out.isEmpty()) out.append(' ');
                    out.append(c);
                }
                pendingSpace = false;
                continue;
            }
            // the space between two words of printable ASCII, the next most common character: nothing to do
            if (c == ' ' && out == null && i > 0 && i + 1 < n && printableAscii(s.charAt(i - 1)) && printableAscii(s.charAt(i + 1))) {
                continue;
            }
            if (isZeroWidth(c)) {
                if (out == null) out = new StringBuilder(n).append(s, 0, i);
                continue;
            }
            if (isSpace(c)) {
                if (out == null) {
                    // Still the fast path while it is a single plain space between words.
                    if (c == ' ' && i > 0 && i + 1 < n && !isSpace(s.charAt(i - 1)) && !isSpace(s.charAt(i + 1))
                            && !isZeroWidth(s.charAt(i + 1))) {
                        continue;
                    }
                    out = new StringBuilder(n).append(s, 0, i);
                }
                pendingSpace = true;
                continue;
            }
            if (out != null) {
                if (pendingSpace && !out.isEmpty()) out.append(' ');
                out.append(c);
            }
            pendingSpace = false;
        }
        return out == null ? s : out.toString();
    }

    private static boolean printableAscii(char c) {
        return c > ' ' && c < 0x80;
    }

    static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static List<String> splitParagraphs(String body) {
        String[] lines = body.split("\n", -1);
        int maxLen = 0;
        for (String l : lines) maxLen = Math.max(maxLen, l.strip().length());
        boolean wrapped = maxLen > 0 && maxLen <= 100; // hard-wrapped files never have long lines
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : lines) {
            String line = normaliseSpace(raw);
            if (line.isEmpty()) {
                if (current != null) out.add(current.toString());
                current = null;
                continue;
            }
            if (current != null && wrapped && !ParagraphClassifier.endsLikeSentence(current)
                    && Character.isLowerCase(line.codePointAt(0))) {
                current.append(' ').append(line);
                continue;
            }
            if (current != null) out.add(current.toString());
            current = new StringBuilder(line);
        }
        if (current != null) out.add(current.toString());
        return out;
    }

    private record Header(String title, LocalDate date, String author, String source, String url, String body) { }

    private static Header readHeader(String text) {
        if (!text.startsWith("---\n")) return new Header(null, null, null, null, null, text);
        int end = text.indexOf("\n---", 3);
        if (end < 0) return new Header(null, null, null, null, null, text);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) fields.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), normaliseSpace(line.substring(colon + 1)));
        }
        int bodyStart = text.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        String date = fields.get("date");
        LocalDate published = date == null ? null : findDate(date);
        return new Header(blankToNull(fields.get("title")), published, blankToNull(fields.get("author")),
                blankToNull(fields.get("source")), blankToNull(fields.get("url")), body);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
