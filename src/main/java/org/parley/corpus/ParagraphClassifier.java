package org.parley.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of a plain-text article's lines: whether a line is body text, a caption, a byline, a date line,
 * boilerplate or a heading. Stateless rules, kept apart from the parser that splits and numbers the lines (and
 * shared with the HTML and Markdown readers).
 */
final class ParagraphClassifier {
    private ParagraphClassifier() {
    }

    static final int MAX_TITLE_CHARS = 200;
    static final String MONTHS =
            "(?:January|February|March|April|May|June|July|August|September|October|November|December"
                    + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    /** A time of day as a date line states it: "10:00", "10.00 am", "12:40 GMT", "9:02 p.m. EST". */
    private static final String TIME = "\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5}|\\s+GMT[+-]?\\d*)?";
    /**
     * A line that is nothing but a date, optionally with weekday, time and a "Published"/"Updated" label; an ISO
     * date-time ("2026-12-07T10:00:00+07:00"); or only a time with a colon (a live blog's "12:40" above each post).
     */
    static final Pattern DATELINE = Pattern.compile(
            "^(?:(?:published|posted|updated|last updated|date)\\s*(?:on|:)?\\s*)?"
                    + "(?:(?:Mon|Tues|Wed|Thurs|Fri|Sat|Sun)[a-z]*,?\\s+)?"
                    + "(?:(?:" + MONTHS + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+" + MONTHS + "\\s+\\d{4}"
                    + "|\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
                    + "|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}/\\d{1,2}/\\d{1,2})"
                    + "(?:[,|\\s]+(?:at\\s+)?" + TIME + ")?"
                    + "|\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5}|\\s+GMT[+-]?\\d*)?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern BULLET = Pattern.compile("^[\\s•·▪◦‣∙*\\-–—]+\\s*");
    /** Furniture that introduces a list of links to other stories: the headlines after it are not this article. */
    static final String LINK_LIST_LINES = "related(?: articles?| stories| news| posts| content)?|read (?:more|also|next)"
            + "|see also|more (?:from|on) .{0,40}|you may also like|recommended(?: for you)?";
    static final Pattern BOILERPLATE = Pattern.compile(
            "^(?:" + LINK_LIST_LINES
                    + "|advertisement|share(?: this(?: article| story| post| page)?)?"
                    // a share bar as a line: "Share this article: Twitter | Facebook", "Share on WhatsApp"
                    + "|share this(?: article| story| post| page)?:.{0,80}"
                    + "|share (?:on|via) (?:twitter|facebook|x|linkedin|whatsapp|e-?mail|telegram|reddit|bluesky|mastodon)\\b.{0,80}|subscribe.{0,60}|follow us.{0,60}|sign up.{0,60}"
                    + "|tags?:.{0,200}|topics?:.{0,200}|comments?|print|email"
                    // the site's notices: a copyright line (not running text that starts with the word "Copyright"),
                    // the wire services' redistribution line, a cookie notice
                    + "|(?:copyright\\s*)?(?:©|\\(c\\)\\s*\\d{4}).{0,200}|copyright\\s+\\d{4}\\b.{0,200}"
                    + "|this material may not be published.{0,200}|(?:we|this (?:web)?site) uses? cookies\\b.{0,300})[.:!]?$",
            Pattern.CASE_INSENSITIVE);
    /**
     * The one boilerplate line that need not start with its words: "Reuters 2026. All rights reserved." Apart from
     * {@link #BOILERPLATE} because its leading {@code .{0,200}} is tried at every length on every line, which made the
     * boilerplate test a twentieth of a build's CPU; it runs only on lines that hold the words.
     */
    static final Pattern RIGHTS_RESERVED = Pattern.compile(".{0,200}\\ball rights reserved\\b.{0,100}[.:!]?", Pattern.CASE_INSENSITIVE);
    static final Pattern BY_LINE = Pattern.compile(
            "^(?:(?:written|reported|story|text|words)\\s+)?by\\s+(.{2,80}?)(?:\\s*[–—|-]\\s*(?:translated|edited|photos?) by\\s+.{2,60})?$",
            Pattern.CASE_INSENSITIVE);
    /**
     * A date line that goes on with its author, as blog engines print them: "Posted on December 7, 2026 by Mira
     * Tansek", "Published: 07/12/2026 | By Hal Brenner". Group 1 must be a {@link #DATELINE}, group 2 is the names.
     */
    static final Pattern DATED_BYLINE = Pattern.compile("^(.{4,70}?)\\s*(?:[|•·,;–—-]\\s*)?(?i:by)\\s+(\\p{Lu}.{1,79})$");
    static final Pattern CREDIT_LINE = Pattern.compile(
            "^(?:translated|edited|reporting|writing|editing|additional reporting|compiled|photos?)\\s+by\\s+.{2,120}$",
            Pattern.CASE_INSENSITIVE);
    /** A bullet line holding only a name of two to five capitalised words: an author chip. */
    static final Pattern BULLET_NAME = Pattern.compile("^\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,4}$");
    /** "Jane Doe is a researcher at ... The views expressed are solely her own." */
    static final Pattern AUTHOR_BIO = Pattern.compile(
            "^(\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,4})\\s+(?:is|was|has been)\\s+(?:a|an|the|former|currently|formerly|senior|chief)\\b.*");
    static final Pattern VIEWS_OWN = Pattern.compile("\\bviews? (?:expressed )?(?:in this article )?(?:are|is) (?:solely |entirely )?(?:his|her|their|the author'?s?'?|my) own\\b",
            Pattern.CASE_INSENSITIVE);
    static final Pattern IMAGE_CREDIT = Pattern.compile(
            "^(?:content image|image|photo|picture|file photo|photograph)\\s*(?:[-–—:|]|credit|courtesy|by|from)\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    static final Pattern PHOTO_MARKER = Pattern.compile(
            "\\b(?:photo|image|picture)s?\\s*(?:by|from|:|courtesy|credit)\\b|\\((?:R|L|C|left|right|centre|center|front|rear|from left|from right|2nd [lr]\\w*)\\)|\\b(?:file photo|photo credit)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A caption's closing credit: ". AFP", ". Reuters/Jane Doe", ". Photo: ...". */
    static final Pattern TRAILING_CREDIT = Pattern.compile("[.!?)]\\s+(\\p{Lu}[\\p{Lu}\\p{L}/ .'-]{1,40})$");
    /** Third-person present-tense verbs typical of photo captions ("X shakes hands with Y"). */
    static final Pattern CAPTION_VERB = Pattern.compile(
            // The lookahead holds every alternative's first letter: a word start that cannot begin one fails there,
            // before the alternatives are tried one by one (the same matches, found faster).
            "\\b(?=[acdghilmprstw])(?:meets?|shakes? hands|holds? (?:bilateral |official )?talks|holds? a (?:meeting|bilateral)|delivers? (?:a|his|her) (?:speech|remarks|address)|attends?|poses?|greets?|signs?|waves?|gestures?|"
                    + "inspects?|receives?|conducts?|chairs?|presides?|looks? on|listens?|arrives?|speaks? (?:to|with|during|at)|hands? over|cuts? the ribbon|inaugurates?|talks? (?:to|with))\\b");
    /** Finite verbs that make an unpunctuated line a sentence rather than a caption's noun phrase. */
    static final Pattern FINITE_VERB = Pattern.compile(
            "\\b(?:is|are|was|were|has|have|had|will|would|can|could|became|becomes|said|says|\\p{Ll}{3,}ed)\\b");
    /** Upper-case agency codes (AFP, AP, AKP, EPA) or "Reuters/Name", "Getty Images", "Xinhua". */
    static final Pattern CREDIT_NAME =
            Pattern.compile("\\p{Lu}{2,6}(?:/.*)?|(?:Reuters|Xinhua|Getty Images|Bloomberg|Supplied|Courtesy.*|File)(?:/.*)?");
    static final Pattern CAPTION_SUBJECT_END = Pattern.compile("\\p{Lu}[\\p{L}.]{0,30}[,)]?\\s$");
    static final List<String> SPEECH_WORDS = List.of("said", "says", "told", "stated", "added", "wrote");
    static final Pattern SPACE = Pattern.compile("\\s+");
    static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    static final Set<String> MINOR_WORDS = Set.of("a", "an", "the", "and", "or", "but", "nor", "for", "of", "to", "in",
            "on", "at", "by", "with", "from", "as", "into", "over", "via", "vs", "is", "are", "be", "its", "up", "out", "amid", "after", "before");

    /**
     * The furniture kind of one block of text from a structured source (HTML, Markdown): {@link ParagraphKind#BOILERPLATE},
     * {@link ParagraphKind#DATELINE} or {@link ParagraphKind#BYLINE} when the text is only that, else null.
     */
    static ParagraphKind furnitureKind(String text) {
        String content = BULLET.matcher(text).replaceFirst("");
        if (content.length() > 400) return null;
        // a blog's "·", "--", "***", a like count "12": no words (a year such as a timeline's "2019" stays)
        if (content.length() <= 3 && !hasLetter(content)) return ParagraphKind.BOILERPLATE;
        if (content.length() <= 120 && readingTime(content)) {
            // "4 min read · Dec 7, 2026": the date is the article's, the rest is furniture
            return ArticleParser.findDate(content) != null ? ParagraphKind.DATELINE : ParagraphKind.BOILERPLATE;
        }
        if (boilerplate(content)) return ParagraphKind.BOILERPLATE;
        if (DATELINE.matcher(content).matches()) return ParagraphKind.DATELINE;
        if (content.length() <= 140 && (BY_LINE.matcher(content).matches() || CREDIT_LINE.matcher(content).matches())) {
            return ParagraphKind.BYLINE;
        }
        if (content.length() <= 140 && datedByline(content) != null) return ParagraphKind.BYLINE;
        boolean bulleted = content.length() != text.length();
        if (bulleted && content.length() <= 60 && BULLET_NAME.matcher(content).matches()) return ParagraphKind.BYLINE; // "• Jane Doe"
        return null;
    }

    /** The names of a date line that goes on with its author ("Posted on December 7, 2026 by Mira Tansek"), or null. */
    /** A site's furniture line: {@link #BOILERPLATE} or {@link #RIGHTS_RESERVED}. */
    static boolean boilerplate(String content) {
        return BOILERPLATE.matcher(content).matches()
                || containsIgnoringCase(content, "rights reserved") && RIGHTS_RESERVED.matcher(content).matches();
    }

    /**
     * Whether {@code s} holds {@code lowerAscii} (lower-case ASCII, starting with a letter) in any ASCII case, as the
     * patterns' CASE_INSENSITIVE matches it. By hand, without a lower-cased copy: it runs on every short paragraph.
     */
    static boolean containsIgnoringCase(String s, String lowerAscii) {
        char first = lowerAscii.charAt(0);
        int m = lowerAscii.length();
        for (int i = 0, last = s.length() - m; i <= last; i++) {
            if ((s.charAt(i) | 0x20) != first) continue;
            int k = 1;
            while (k < m && sameIgnoringAsciiCase(s.charAt(i + k), lowerAscii.charAt(k))) k++;
            if (k == m) return true;
        }
        return false;
    }

    /** {@code c} is {@code lower} or, when that is a letter, its upper case. */
    private static boolean sameIgnoringAsciiCase(char c, char lower) {
        return lower >= 'a' && lower <= 'z' ? (c | 0x20) == lower : c == lower;
    }

    static String datedByline(String content) {
        // the cheap test first: most lines have no " by " / " By "
        if (!containsWord(content, "by") && !containsWord(content, "By") && !containsWord(content, "BY")) return null;
        Matcher m = DATED_BYLINE.matcher(content);
        if (!m.matches()) return null;
        String date = m.group(1).strip();
        return DATELINE.matcher(date).matches() ? m.group(2) : null;
    }

    /**
     * A blog's reading-time line: "4 min read", "3 minute read", alone or beside a date with a separator ("4 min
     * read · Dec 7, 2026", "7 Dec 2026 • 3 min read"); not a sentence that mentions "a 5 minute read".
     */
    private static final Pattern READING_TIME = Pattern.compile(
            "(?i)^(?:[^·•|]{0,40}[·•|]\\s*)?\\d{1,3}\\s*min(?:ute)?s?\\.?\\s+read\\s*(?:[·•|][^·•|]{0,40})?$");

    static boolean readingTime(String content) {
        return (content.contains(" read") || content.contains(" Read")) && READING_TIME.matcher(content).matches();
    }

    static boolean hasLetter(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) return true;
        }
        return false;
    }

    /**
     * Whether a body paragraph at {@code index} of {@code count} is the author's closing bio ("Jane Doe is a
     * researcher at ... The views expressed are solely her own."), as the text parser decides it.
     */
    static boolean closingBio(String text, int index, int count) {
        String content = BULLET.matcher(text).replaceFirst("");
        return index >= count - 2 && content.length() <= 400
                && (VIEWS_OWN.matcher(content).find() || authorBio(content) != null && index == count - 1 && !quotesOrSpeaks(content));
    }

    static ParagraphKind classify(String line, int index, int count, boolean titleCandidate) {
        String content = BULLET.matcher(line).replaceFirst("");
        boolean bulleted = content.length() != line.length();
        if (content.length() > 400) return ParagraphKind.BODY; // furniture and captions are short
        if (boilerplate(content)) return ParagraphKind.BOILERPLATE;
        if (DATELINE.matcher(content).matches()) return ParagraphKind.DATELINE;
        if (content.length() <= 140 && (BY_LINE.matcher(content).matches() || CREDIT_LINE.matcher(content).matches())) {
            return ParagraphKind.BYLINE;
        }
        if (content.length() <= 140 && datedByline(content) != null) return ParagraphKind.BYLINE;
        if (bulleted && content.length() <= 60 && BULLET_NAME.matcher(content).matches()) return ParagraphKind.BYLINE;
        if (index >= count - 2 && content.length() <= 400
                && (VIEWS_OWN.matcher(content).find() || authorBio(content) != null && index == count - 1 && !quotesOrSpeaks(content))) {
            return ParagraphKind.BYLINE;
        }
        if (IMAGE_CREDIT.matcher(content).matches() && content.length() <= 200) return ParagraphKind.CAPTION;
        boolean closed = endsLikeSentence(content);
        if (titleCandidate && index == 0 && content.length() <= MAX_TITLE_CHARS && !content.endsWith(".")) return ParagraphKind.TITLE;
        if (!closed && content.length() <= MAX_TITLE_CHARS && titleCase(content)) return ParagraphKind.HEADING;
        if (looksLikeCaption(content, closed)) return ParagraphKind.CAPTION;
        return ParagraphKind.BODY;
    }

    static boolean looksLikeCaption(String content, boolean closed) {
        if (content.length() > 400 || quotesOrSpeaks(content)) return false;
        // The photo-marker pattern is slow on long lines; its every alternative holds '(' or one of these words.
        boolean mayMarkPhoto = content.indexOf('(') >= 0 || containsIgnoringCase(content, "photo")
                || containsIgnoringCase(content, "image") || containsIgnoringCase(content, "picture");
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
            // a noun, not a verb, before "of": "Sarah X, chair of the committee, warned ..." is a sentence
            if (content.startsWith(" of ", verb.end())) continue;
            // The verb must follow its subject, a capitalised name: "Jane Doe (L) meets", "the Navy conduct".
            String before = content.substring(Math.max(0, verb.start() - 40), verb.start());
            // ... a name, not a pronoun: "They meet again in March." is a sentence
            if (CAPTION_SUBJECT_END.matcher(before).find() && !PRONOUNS.contains(lastWord(before))) return true;
        }
        return false;
    }

    /**
     * The name an author's closing bio opens with ("Jane Doe is a researcher at ..."), or null. A pronoun after the
     * first word means two sentences, not a name: an interview's last answer "No. It is a normal evolution." ("He"
     * first may be a surname: "He Yafei is a former vice minister").
     */
    static String authorBio(String content) {
        Matcher bio = AUTHOR_BIO.matcher(content);
        if (!bio.matches()) return null;
        String[] words = SPACE.split(bio.group(1));
        for (int i = 1; i < words.length; i++) if (PRONOUNS.contains(words[i])) return null;
        return bio.group(1);
    }

    /** Subjects a photo caption never has: it names the people in the picture. */
    private static final Set<String> PRONOUNS = Set.of("I", "We", "You", "He", "She", "It", "They", "Who", "This", "That",
            "These", "Those", "Both", "All", "Some", "Many", "Most", "Others");

    /** The last word of {@code s}, without the comma or bracket after it. */
    private static String lastWord(String s) {
        int end = s.length();
        while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == ',' || s.charAt(end - 1) == ')')) end--;
        int start = end;
        while (start > 0 && !Character.isWhitespace(s.charAt(start - 1))) start--;
        return s.substring(start, end);
    }

    static boolean isCreditWord(String credit) {
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
    static boolean abbreviationBefore(String s, int dot) {
        int start = dot;
        while (start > 0 && Character.isLowerCase(s.charAt(start - 1)) && dot - start < 2) start--;
        if (start == 0 || !Character.isUpperCase(s.charAt(start - 1))) return false;
        start--;
        return start == 0 || !Character.isLetterOrDigit(s.charAt(start - 1));
    }

    /** A quotation mark or a common speech verb: such a line reports words, it is no caption. */
    static boolean quotesOrSpeaks(String s) {
        if (s.indexOf('"') >= 0 || s.indexOf('“') >= 0 || s.indexOf('”') >= 0) return true;
        for (String verb : SPEECH_WORDS) if (containsWord(s, verb)) return true;
        return false;
    }

    static boolean containsWord(String s, String word) {
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

    static boolean titleCase(String s) {
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
}
