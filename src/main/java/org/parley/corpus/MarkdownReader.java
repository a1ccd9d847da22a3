package org.parley.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * Reads a Markdown article with commonmark-java: the front matter ({@code ---} YAML-style {@code key: value} lines,
 * or {@code +++} TOML-style {@code key = "value"}) gives title, date, author, source and url; headings,
 * paragraphs, list items and block quotes become paragraphs in order (list items searchable like any paragraph);
 * link text is kept and link targets dropped, emphasis and inline code markers removed, an image alone in its
 * paragraph becomes a caption from its alt text, code blocks are kept as unsearchable furniture. Thread-safe.
 */
final class MarkdownReader {
    private static final Parser PARSER = Parser.builder().build();

    record FrontMatter(Map<String, String> fields, String body) {
        String get(String... keys) {
            for (String k : keys) {
                String v = fields.get(k);
                if (v != null && !v.isBlank()) return v;
            }
            return null;
        }
    }

    Article read(String fileName, String rawText) {
        String text = rawText.startsWith("\uFEFF") ? rawText.substring(1) : rawText;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        FrontMatter fm = frontMatter(text);
        List<Paragraph> paragraphs = new ArrayList<>();
        Node doc = PARSER.parse(fm.body());
        String[] h1 = {null};
        // footnotes only where the file defines some: "[^abc]" in a sentence about patterns is text
        boolean notes = fm.body().contains("[^") && FOOTNOTE_LINE.matcher(fm.body()).find();
        collect(doc, paragraphs, h1, notes);
        closingBios(paragraphs);

        String title = fm.get("title", "headline");
        if (title == null) title = h1[0];
        if (title == null) title = ArticleParser.titleFrom(paragraphs);
        String author = fm.get("author", "authors", "byline", "creator");
        if (author == null) {
            for (Paragraph p : paragraphs) {
                if (p.kind() == ParagraphKind.BYLINE && (author = ArticleParser.bylineAuthor(p.text())) != null) break;
            }
        }
        LocalDate published = Dates.parse(fm.get("date", "published", "pubdate", "publishdate", "datepublished", "created"));
        if (published == null) {
            for (Paragraph p : paragraphs) {
                if (p.kind() == ParagraphKind.DATELINE && (published = ArticleParser.findDate(p.text())) != null) break;
            }
        }
        String source = fm.get("source", "publisher", "site", "outlet");
        String url = Urls.absoluteOrNull(fm.get("url", "link", "canonical", "canonical_url", "permalink", "source_url"));
        return new Article(ArticleParser.articleId(fileName), fileName, title, published, author, source, paragraphs, url,
                InputFormat.MARKDOWN);
    }

    private static void collect(Node parent, List<Paragraph> out, String[] h1, boolean notes) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            switch (n) {
                case Heading h -> {
                    String t = inline(h);
                    if (t.isEmpty()) continue;
                    ParagraphKind kind = ParagraphKind.HEADING;
                    if (h.getLevel() == 1 && h1[0] == null) {
                        h1[0] = t;
                        kind = ParagraphKind.TITLE;
                    }
                    ParagraphKind furniture = ParagraphClassifier.furnitureKind(t);
                    add(out, t, furniture == ParagraphKind.BOILERPLATE ? furniture : kind);
                }
                case org.commonmark.node.Paragraph p -> {
                    if (p.getFirstChild() instanceof Image img && img.getNext() == null) {
                        String alt = inline(img);
                        if (!alt.isEmpty()) add(out, alt, ParagraphKind.CAPTION);
                        continue;
                    }
                    String t = inline(p);
                    if (t.isEmpty()) continue;
                    if (notes && t.indexOf("[^") >= 0) { // footnotes (an extension commonmark's core does not parse)
                        if (FOOTNOTE_DEFINITION.matcher(t).lookingAt()) {
                            footnotes(p, out);
                            continue;
                        }
                        t = ArticleParser.normaliseSpace(FOOTNOTE_REFERENCE.matcher(t).replaceAll(""));
                        if (t.isEmpty()) continue;
                    }
                    ParagraphKind furniture = ParagraphClassifier.furnitureKind(t);
                    add(out, t, furniture == null ? ParagraphKind.BODY : furniture);
                }
                case FencedCodeBlock c -> addCode(out, c.getLiteral());
                case IndentedCodeBlock c -> addCode(out, c.getLiteral());
                case HtmlBlock html -> {
                    // read like markup on a page: each <p> its own paragraph, a figcaption a caption, scripts and
                    // comments nothing (a <div> of two <p>s was one paragraph, a figcaption body text)
                    for (Paragraph q : HtmlExtractor.fragmentParagraphs(html.getLiteral())) {
                        add(out, q.text(), q.kind() == ParagraphKind.TITLE ? ParagraphKind.HEADING : q.kind());
                    }
                }
                case LinkReferenceDefinition ignored -> { }
                case BlockQuote q -> collect(q, out, h1, notes);
                default -> collect(n, out, h1, notes); // lists, list items and anything that holds blocks
            }
        }
    }

    /** A line of the file that defines a footnote. */
    private static final java.util.regex.Pattern FOOTNOTE_LINE = java.util.regex.Pattern.compile("(?m)^ {0,3}\\[\\^[^\\]\\s]{1,40}\\]:");
    /** A footnote's mark in the text: "told me.[^1]", "[^note]". */
    private static final java.util.regex.Pattern FOOTNOTE_REFERENCE = java.util.regex.Pattern.compile("\\[\\^[^\\]\\s]{1,40}\\]");
    /** A footnote's definition at the start of a line: "[^1]: Interview at the crossing." */
    private static final java.util.regex.Pattern FOOTNOTE_DEFINITION = java.util.regex.Pattern.compile("^\\[\\^[^\\]\\s]{1,40}\\]:\\s*");

    /**
     * Footnote definitions ("[^1]: ..." lines, run together into one paragraph by the parser): each note its own
     * paragraph, without its label, in order (the notes are the author's text: sources, asides).
     */
    private static void footnotes(org.commonmark.node.Paragraph p, List<Paragraph> out) {
        StringBuilder sb = new StringBuilder();
        appendInline(p, sb, true);
        StringBuilder note = new StringBuilder();
        for (String line : sb.toString().split("\n")) {
            var def = FOOTNOTE_DEFINITION.matcher(line);
            if (def.lookingAt()) {
                addNote(out, note);
                note.append(line.substring(def.end()));
            } else {
                note.append(' ').append(line);
            }
        }
        addNote(out, note);
    }

    private static void addNote(List<Paragraph> out, StringBuilder note) {
        String t = ArticleParser.normaliseSpace(FOOTNOTE_REFERENCE.matcher(note).replaceAll(""));
        note.setLength(0);
        if (t.isEmpty()) return;
        ParagraphKind furniture = ParagraphClassifier.furnitureKind(t);
        add(out, t, furniture == null ? ParagraphKind.BODY : furniture);
    }

    /** An author's bio closing the article is a byline, as in plain text. */
    static void closingBios(List<Paragraph> paragraphs) {
        int n = paragraphs.size();
        for (int i = Math.max(0, n - 2); i < n; i++) {
            Paragraph p = paragraphs.get(i);
            if (p.kind() == ParagraphKind.BODY && ParagraphClassifier.closingBio(p.text(), i, n)) {
                paragraphs.set(i, new Paragraph(p.ordinal(), p.text(), ParagraphKind.BYLINE, p.original()));
            }
        }
    }

    private static void addCode(List<Paragraph> out, String literal) {
        String t = ArticleParser.normaliseSpace(literal);
        if (!t.isEmpty()) add(out, t, ParagraphKind.BOILERPLATE);
    }

    private static void add(List<Paragraph> out, String text, ParagraphKind kind) {
        out.add(new Paragraph(out.size() + 1, text, kind));
    }

    /** The plain text of inline content: link text without targets, no emphasis markers, breaks as spaces. */
    private static String inline(Node node) {
        StringBuilder sb = new StringBuilder();
        appendInline(node, sb);
        return ArticleParser.normaliseSpace(sb.toString());
    }

    private static void appendInline(Node node, StringBuilder sb) {
        appendInline(node, sb, false);
    }

    /** {@code lines}: line breaks as '\n' (to split footnote definitions), else as spaces. */
    private static void appendInline(Node node, StringBuilder sb, boolean lines) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            switch (n) {
                case Text t -> sb.append(t.getLiteral());
                case Code c -> sb.append(c.getLiteral());
                case SoftLineBreak ignored -> sb.append(lines ? '\n' : ' ');
                case HardLineBreak ignored -> sb.append(lines ? '\n' : ' ');
                case HtmlInline ignored -> { } // inline tags; their text is in the Text nodes around them
                default -> appendInline(n, sb, lines); // emphasis, links, images (alt text)
            }
        }
    }

    /** Splits off front matter: {@code ---} ... {@code ---} (or {@code ...}) with YAML-style lines, or {@code +++} TOML. */
    static FrontMatter frontMatter(String text) {
        String fence;
        if (text.startsWith("---\n")) fence = "---";
        else if (text.startsWith("+++\n")) fence = "+++";
        else return new FrontMatter(Map.of(), text);
        int end = -1, bodyStart = -1;
        for (int at = text.indexOf('\n') + 1; at < text.length(); ) {
            int nl = text.indexOf('\n', at);
            String line = (nl < 0 ? text.substring(at) : text.substring(at, nl)).strip();
            if (line.equals(fence) || fence.equals("---") && line.equals("...")) {
                end = at;
                bodyStart = nl < 0 ? text.length() : nl + 1;
                break;
            }
            if (nl < 0) break;
            at = nl + 1;
        }
        if (end < 0) return new FrontMatter(Map.of(), text);
        Map<String, String> fields = new LinkedHashMap<>();
        String listKey = null;
        for (String line : text.substring(4, end).split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (t.startsWith("- ") && listKey != null) { // a YAML list under the last key: "authors:\n  - A\n  - B"
                String v = unquote(t.substring(2));
                fields.merge(listKey, v, (a, b) -> a.isEmpty() ? b : a + ", " + b);
                continue;
            }
            int sep = fence.equals("+++") ? t.indexOf('=') : t.indexOf(':');
            if (sep <= 0) continue;
            String key = t.substring(0, sep).strip().toLowerCase(Locale.ROOT);
            String value = t.substring(sep + 1).strip();
            if (value.startsWith("[") && value.endsWith("]")) { // an inline list: [A, "B"]
                List<String> parts = new ArrayList<>();
                for (String p : value.substring(1, value.length() - 1).split(",")) if (!unquote(p).isEmpty()) parts.add(unquote(p));
                value = String.join(", ", parts);
            } else {
                value = unquote(value);
            }
            fields.put(key, ArticleParser.normaliseSpace(value));
            listKey = key;
        }
        return new FrontMatter(fields, text.substring(bodyStart));
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\"); // YAML double-quoted escapes
        } else if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            t = t.substring(1, t.length() - 1).replace("''", "'");
        }
        return t.strip();
    }
}
