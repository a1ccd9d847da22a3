package org.parley.corpus;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private static final int MAX_TITLE_CHARS = 200;
    private static final int DERIVED_TITLE_CHARS = 100;

    private static final String MONTHS =
            "(?:January|February|March|April|May|June|July|August|September|October|November|December"
                    + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    /** "date 2024-06-21" at the very start of the text: a date marker some scrapers leave behind. */
    private static final Pattern LEADING_DATE_MARKER =
            Pattern.compile("^\\s*(?:date|published|posted|updated)\\s*:?\\s*(\\d{4}-\\d{2}-\\d{2})\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern MONTH_DAY_YEAR =
            Pattern.compile("\\b(" + MONTHS + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR =
            Pattern.compile("\\b(\\d{1,2})\\s+(" + MONTHS + ")\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    /** A line that is nothing but a date, optionally with weekday, time and a "Published"/"Updated" label. */
    private static final Pattern DATELINE = Pattern.compile(
            "^(?:(?:published|posted|updated|last updated|date)\\s*(?:on|:)?\\s*)?"
                    + "(?:(?:Mon|Tues|Wed|Thurs|Fri|Sat|Sun)[a-z]*,?\\s+)?"
                    + "(?:" + MONTHS + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+" + MONTHS + "\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4})"
                    + "(?:[,|\\s]+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5}|\\s+GMT[+-]?\\d*)?)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET = Pattern.compile("^[\\s•·▪◦‣∙*\\-–—]+\\s*");
    /** Furniture that introduces a list of links to other stories: the headlines after it are not this article. */
    private static final String LINK_LIST_LINES = "related(?: articles?| stories| news| posts| content)?|read (?:more|also|next)"
            + "|see also|more (?:from|on) .{0,40}|you may also like|recommended(?: for you)?";
    private static final Pattern BOILERPLATE = Pattern.compile(
            "^(?:" + LINK_LIST_LINES
                    + "|advertisement|share(?: this(?: article| story)?)?|subscribe.{0,60}|follow us.{0,60}|sign up.{0,60}"
                    + "|tags?:.{0,200}|topics?:.{0,200}|comments?|print|email)[.:!]?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK_LIST_MARKER = Pattern.compile("^(?:" + LINK_LIST_LINES + ")[.:!]?$", Pattern.CASE_INSENSITIVE);
    /** The longest line taken for a linked headline in such a list. */
    private static final int MAX_LINK_CHARS = 160;
    private static final Pattern BY_LINE = Pattern.compile(
            "^(?:(?:written|reported|story|text|words)\\s+)?by\\s+(.{2,80}?)(?:\\s*[–—|-]\\s*(?:translated|edited|photos?) by\\s+.{2,60})?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDIT_LINE = Pattern.compile(
            "^(?:translated|edited|reporting|writing|editing|additional reporting|compiled|photos?)\\s+by\\s+.{2,120}$",
            Pattern.CASE_INSENSITIVE);
    /** A bullet line holding only a name of two to five capitalised words: an author chip. */
    private static final Pattern BULLET_NAME = Pattern.compile("^\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,4}$");
    /** "Jane Doe is a researcher at ... The views expressed are solely her own." */
    private static final Pattern AUTHOR_BIO = Pattern.compile(
            "^(\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,4})\\s+(?:is|was|has been)\\s+(?:a|an|the|former|currently|formerly|senior|chief)\\b.*");
    private static final Pattern VIEWS_OWN = Pattern.compile("\\bviews? (?:expressed )?(?:in this article )?(?:are|is) (?:solely |entirely )?(?:his|her|their|the author'?s?'?|my) own\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGE_CREDIT = Pattern.compile(
            "^(?:content image|image|photo|picture|file photo|photograph)\\s*(?:[-–—:|]|credit|courtesy|by|from)\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHOTO_MARKER = Pattern.compile(
            "\\b(?:photo|image|picture)s?\\s*(?:by|from|:|courtesy|credit)\\b|\\((?:R|L|C|left|right|centre|center|front|rear|from left|from right|2nd [lr]\\w*)\\)|\\b(?:file photo|photo credit)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A caption's closing credit: ". AFP", ". Reuters/Jane Doe", ". Photo: ...". */
    private static final Pattern TRAILING_CREDIT = Pattern.compile("[.!?)]\\s+(\\p{Lu}[\\p{Lu}\\p{L}/ .'-]{1,40})$");
    /** Third-person present-tense verbs typical of photo captions ("X shakes hands with Y"). */
    private static final Pattern CAPTION_VERB = Pattern.compile(
            "\\b(?:meets?|shakes? hands|holds? (?:bilateral |official )?talks|holds? a (?:meeting|bilateral)|delivers? (?:a|his|her) (?:speech|remarks|address)|attends?|poses?|greets?|signs?|waves?|gestures?|"
                    + "inspects?|receives?|conducts?|chairs?|presides?|looks? on|listens?|arrives?|speaks? (?:to|with|during|at)|hands? over|cuts? the ribbon|inaugurates?|talks? (?:to|with))\\b");
    /** Finite verbs that make an unpunctuated line a sentence rather than a caption's noun phrase. */
    private static final Pattern FINITE_VERB = Pattern.compile(
            "\\b(?:is|are|was|were|has|have|had|will|would|can|could|became|becomes|said|says|\\p{Ll}{3,}ed)\\b");
    /** Upper-case agency codes (AFP, AP, AKP, EPA) or "Reuters/Name", "Getty Images", "Xinhua". */
    private static final Pattern CREDIT_NAME =
            Pattern.compile("\\p{Lu}{2,6}(?:/.*)?|(?:Reuters|Xinhua|Getty Images|Bloomberg|Supplied|Courtesy.*|File)(?:/.*)?");
    private static final Pattern CAPTION_SUBJECT_END = Pattern.compile("\\p{Lu}[\\p{L}.]{0,30}[,)]?\\s$");
    private static final List<String> SPEECH_WORDS = List.of("said", "says", "told", "stated", "added", "wrote");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    private static final Pattern TRAILING_AGENCY = Pattern.compile("[.!?”\"]\\s*(\\p{Lu}{2,6})$");
    private static final Set<String> MINOR_WORDS = Set.of("a", "an", "the", "and", "or", "but", "nor", "for", "of", "to", "in",
            "on", "at", "by", "with", "from", "as", "into", "over", "via", "vs", "is", "are", "be", "its", "up", "out", "amid", "after", "before");

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
            ParagraphKind kind = classify(line, i, blocks.size(), title == null && paragraphs.isEmpty());
            if (kind == ParagraphKind.TITLE) title = line;
            String content = BULLET.matcher(line).replaceFirst("");
            // Under "Related Articles" and the like come other stories' headlines (and their dates): furniture,
            // not this article, until a line reads like running text again.
            if (inLinkList && kind != ParagraphKind.DATELINE && kind != ParagraphKind.BOILERPLATE) {
                boolean headline = kind != ParagraphKind.BODY
                        || content.length() <= MAX_LINK_CHARS && !endsLikeSentence(content);
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
                }
                case CAPTION -> {
                    Matcher credit = IMAGE_CREDIT.matcher(content);
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

    /**
     * The furniture kind of one block of text from a structured source (HTML, Markdown): {@link ParagraphKind#BOILERPLATE},
     * {@link ParagraphKind#DATELINE} or {@link ParagraphKind#BYLINE} when the text is only that, else null.
     */
    static ParagraphKind furnitureKind(String text) {
        String content = BULLET.matcher(text).replaceFirst("");
        if (content.length() > 400) return null;
        if (BOILERPLATE.matcher(content).matches()) return ParagraphKind.BOILERPLATE;
        if (DATELINE.matcher(content).matches()) return ParagraphKind.DATELINE;
        if (content.length() <= 140 && (BY_LINE.matcher(content).matches() || CREDIT_LINE.matcher(content).matches())) {
            return ParagraphKind.BYLINE;
        }
        boolean bulleted = content.length() != text.length();
        if (bulleted && content.length() <= 60 && BULLET_NAME.matcher(content).matches()) return ParagraphKind.BYLINE; // "• Jane Doe"
        return null;
    }

    /**
     * Whether a body paragraph at {@code index} of {@code count} is the author's closing bio ("Jane Doe is a
     * researcher at ... The views expressed are solely her own."), as the text parser decides it.
     */
    static boolean closingBio(String text, int index, int count) {
        String content = BULLET.matcher(text).replaceFirst("");
        return index >= count - 2 && content.length() <= 400
                && (VIEWS_OWN.matcher(content).find() || AUTHOR_BIO.matcher(content).matches() && index == count - 1 && !quotesOrSpeaks(content));
    }

    /** The author a byline names ("By Jane Doe" gives "Jane Doe"), or null. */
    static String bylineAuthor(String byline) {
        return authorOf(BULLET.matcher(byline).replaceFirst(""));
    }

    /** A title for paragraphs that have none: the start of the first body sentence. */
    static String titleFrom(List<Paragraph> paragraphs) {
        return deriveTitle(paragraphs);
    }

    /** The article id for a file name: the name without its extension, restricted to safe characters. */
    public static String articleId(String fileName) {
        String base = fileName.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        return base.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private ParagraphKind classify(String line, int index, int count, boolean titleCandidate) {
        String content = BULLET.matcher(line).replaceFirst("");
        boolean bulleted = content.length() != line.length();
        if (content.length() > 400) return ParagraphKind.BODY; // furniture and captions are short
        if (BOILERPLATE.matcher(content).matches()) return ParagraphKind.BOILERPLATE;
        if (DATELINE.matcher(content).matches()) return ParagraphKind.DATELINE;
        if (content.length() <= 140 && (BY_LINE.matcher(content).matches() || CREDIT_LINE.matcher(content).matches())) {
            return ParagraphKind.BYLINE;
        }
        if (bulleted && content.length() <= 60 && BULLET_NAME.matcher(content).matches()) return ParagraphKind.BYLINE;
        if (index >= count - 2 && content.length() <= 400
                && (VIEWS_OWN.matcher(content).find() || AUTHOR_BIO.matcher(content).matches() && index == count - 1 && !quotesOrSpeaks(content))) {
            return ParagraphKind.BYLINE;
        }
        if (IMAGE_CREDIT.matcher(content).matches() && content.length() <= 200) return ParagraphKind.CAPTION;
        boolean closed = endsLikeSentence(content);
        if (titleCandidate && index == 0 && content.length() <= MAX_TITLE_CHARS && !content.endsWith(".")) return ParagraphKind.TITLE;
        if (!closed && content.length() <= MAX_TITLE_CHARS && titleCase(content)) return ParagraphKind.HEADING;
        if (looksLikeCaption(content, closed)) return ParagraphKind.CAPTION;
        return ParagraphKind.BODY;
    }

    private static boolean looksLikeCaption(String content, boolean closed) {
        if (content.length() > 400 || quotesOrSpeaks(content)) return false;
        // The photo-marker pattern is slow on long lines; its every alternative holds '(' or one of these words.
        String lower = content.toLowerCase(Locale.ROOT);
        boolean mayMarkPhoto = lower.indexOf('(') >= 0 || lower.contains("photo") || lower.contains("image") || lower.contains("picture");
        if (mayMarkPhoto && PHOTO_MARKER.matcher(content).find()) return true;
        // Credits are at the very end: look only there, not along the whole line.
        Matcher credit = TRAILING_CREDIT.matcher(content.substring(Math.max(0, content.length() - 48)));
        if (credit.find() && isCreditWord(credit.group(1))) return true;
        // A short line that never closes its sentence and is not a heading: a caption under a picture.
        if (!closed && content.length() <= 250 && !FINITE_VERB.matcher(content).find()) return true;
        // "X meets Y ..." in the present tense, one sentence: the typical news-photo caption.
        if (content.length() > 300 || !singleSentence(content)) return false;
        Matcher verb = CAPTION_VERB.matcher(content);
        while (verb.find()) {
            // The verb must follow its subject, a capitalised name: "Jane Doe (L) meets", "the Navy conduct".
            if (CAPTION_SUBJECT_END.matcher(content.substring(Math.max(0, verb.start() - 40), verb.start())).find()) return true;
        }
        return false;
    }

    private static boolean isCreditWord(String credit) {
        String c = credit.strip();
        return CREDIT_NAME.matcher(c).matches();
    }

    /**
     * Whether the text is one sentence: no [.!?] followed by space and a capital, except after a short
     * capitalised abbreviation ("Ms. Nguyen", "Dr. Lee"). A hand-written scan: it runs on most lines.
     */
    static boolean singleSentence(String s) {
        int n = s.length();
        for (int i = 0; i + 2 < n; i++) {
            char c = s.charAt(i);
            if ((c != '.' && c != '!' && c != '?') || !Character.isWhitespace(s.charAt(i + 1))) continue;
            int next = i + 1;
            while (next < n && Character.isWhitespace(s.charAt(next))) next++;
            if (next >= n || !Character.isUpperCase(s.charAt(next))) continue;
            if (c == '.' && abbreviationBefore(s, i)) continue;
            return false;
        }
        return true;
    }

    /** A capital letter and at most two lower-case letters right before position {@code dot}, as a word. */
    private static boolean abbreviationBefore(String s, int dot) {
        int start = dot;
        while (start > 0 && Character.isLowerCase(s.charAt(start - 1)) && dot - start < 2) start--;
        if (start == 0 || !Character.isUpperCase(s.charAt(start - 1))) return false;
        start--;
        return start == 0 || !Character.isLetterOrDigit(s.charAt(start - 1));
    }

    /** A quotation mark or a common speech verb: such a line reports words, it is no caption. */
    private static boolean quotesOrSpeaks(String s) {
        if (s.indexOf('"') >= 0 || s.indexOf('“') >= 0 || s.indexOf('”') >= 0) return true;
        for (String verb : SPEECH_WORDS) if (containsWord(s, verb)) return true;
        return false;
    }

    private static boolean containsWord(String s, String word) {
        for (int at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1));
            boolean endsWord = end == s.length() || !Character.isLetterOrDigit(s.charAt(end));
            if (startsWord && endsWord) return true;
        }
        return false;
    }

    static boolean endsLikeSentence(CharSequence s) {
        return !s.isEmpty() && ".!?:;…\"”’)]".indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    private static boolean titleCase(String s) {
        String[] words = SPACE.split(s);
        if (words.length < 2 || words.length > 25) return false;
        int significant = 0, capitalised = 0;
        for (String w : words) {
            String bare = EDGE_PUNCTUATION.matcher(w).replaceAll("");
            if (bare.isEmpty() || MINOR_WORDS.contains(bare.toLowerCase(Locale.ROOT))) continue;
            significant++;
            if (Character.isUpperCase(bare.codePointAt(0)) || Character.isDigit(bare.codePointAt(0))) capitalised++;
        }
        return significant > 0 && capitalised * 10 >= significant * 8;
    }

    private static String authorOf(String byline) {
        Matcher by = BY_LINE.matcher(byline);
        if (by.matches()) {
            String name = by.group(1).strip();
            return Character.isUpperCase(name.codePointAt(0)) ? name : null; // "by staff writers" names nobody
        }
        Matcher bio = AUTHOR_BIO.matcher(byline);
        if (bio.matches()) return bio.group(1);
        if (BULLET_NAME.matcher(byline).matches()) return byline;
        return null;
    }

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

    /** Finds the first full date in a text: ISO, "June 24, 2024" or "24 June 2024". */
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
        return null;
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
            if (current != null && wrapped && !endsLikeSentence(current)
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
