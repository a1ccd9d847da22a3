package org.parley.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Reads JSON Lines: one article per line, {@code {"id", "url", "title", "published", "author", "source", "text"}}
 * or {@code "paragraphs": [...]} instead of {@code text} ({@code "html"} is read as an HTML fragment). A line that
 * is not a JSON object, has no text, or is longer than the limit is reported with its line number and skipped;
 * the rest are read. Blank lines are separators, not articles. Streams: memory is bounded by one line.
 */
final class JsonLinesReader {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern JACKSON_LOCATION = Pattern.compile(
            "\\s*(?:\\(start marker at )?\\[Source: .*$");
    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private final ArticleParser parser;
    private final HtmlExtractor html;
    private final long maxLineBytes;

    JsonLinesReader(ArticleParser parser, HtmlExtractor html, long maxLineBytes) {
        this.parser = parser;
        this.html = html;
        this.maxLineBytes = maxLineBytes;
    }

    void read(String fileName, InputStream in, Consumer<Article> articles, Consumer<SkippedInput> skipped) throws IOException {
        ArticleIds ids = new ArticleIds(fileName);
        java.io.PushbackInputStream peek = new java.io.PushbackInputStream(in, 4096);
        byte[] head = new byte[4096];
        int n = peek.readNBytes(head, 0, head.length);
        if (n > 0) peek.unread(head, 0, n);
        if (isDocument(head, n)) {
            readDocument(fileName, peek, ids, articles, skipped);
            return;
        }
        in = peek;
        BoundedLines lines = new BoundedLines(in, maxLineBytes);
        for (BoundedLines.Line line; (line = lines.next()) != null; ) {
            String where = "line " + line.number();
            if (line.tooLong()) {
                skipped.accept(new SkippedInput(fileName, where, "too large: over " + maxLineBytes + " bytes (limit " + maxLineBytes + ")"));
                continue;
            }
            if (line.blank()) continue;
            try {
                articles.accept(article(fileName, ids, line));
            } catch (CorpusException e) {
                skipped.accept(new SkippedInput(fileName, where, e.getMessage()));
            }
        }
    }

    /**
     * Whether the file is a JSON document rather than JSON Lines: an array of articles ("[" first), or an object
     * printed over several lines (its first line is only "{").
     */
    private static boolean isDocument(byte[] head, int n) {
        int i = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
        if (i >= n) return false;
        if (head[i] == '[') return true;
        if (head[i] != '{') return false;
        for (int j = i + 1; j < n; j++) {
            if (head[j] == '\n') return true; // nothing after "{" on its line: pretty-printed
            if (head[j] != ' ' && head[j] != '\t' && head[j] != '\r') return false;
        }
        return false;
    }

    /**
     * A JSON document: an array of article objects (each element read like a line, "item N" in the report) or
     * objects one after another, pretty-printed. Streamed; a syntax error ends the reading there (what follows cannot
     * be told apart), the articles before it are kept and the rest is reported.
     */
    private void readDocument(String fileName, InputStream in, ArticleIds ids, Consumer<Article> articles,
                              Consumer<SkippedInput> skipped) throws IOException {
        int item = 0;
        try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(in)) {
            com.fasterxml.jackson.core.JsonToken t = p.nextToken();
            boolean array = t == com.fasterxml.jackson.core.JsonToken.START_ARRAY;
            if (array) t = p.nextToken();
            while (t != null && t != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                item++;
                JsonNode node = JSON.readTree(p);
                String where = "item " + item;
                try {
                    articles.accept(article(fileName, ids, node, "item" + item));
                } catch (CorpusException e) {
                    skipped.accept(new SkippedInput(fileName, where, e.getMessage()));
                }
                t = p.nextToken();
            }
        } catch (JsonProcessingException e) {
            String message = jacksonMessage(e);
            skipped.accept(new SkippedInput(fileName, item == 0 ? "item 1" : "after item " + item,
                    "parse error: " + message + " (the rest of the file is not read)"));
        }
    }

    private Article article(String fileName, ArticleIds ids, BoundedLines.Line line) throws CorpusException {
        JsonNode node;
        try {
            node = JSON.readTree(line.bytes(), line.offset(), line.length());
        } catch (JsonProcessingException e) {
            // without Jackson's location ("(start marker at [Source: REDACTED ...; line: 1, column: 1])"): the
            // report gives the line number, and the rest is noise
            String message = jacksonMessage(e);
            // a line that stops inside its object: an export cut off (a full disk, an interrupted copy)
            if (message.startsWith("Unexpected end-of-input")) message = "the line ends inside its JSON (cut off?): " + message;
            throw new CorpusException("parse error: " + message);
        } catch (IOException e) {
            throw new CorpusException("parse error: " + e.getMessage());
        }
        return article(fileName, ids, node, "line" + line.number());
    }

    /** Jackson's message without its location lines and source excerpt: what the report shows. */
    private static String jacksonMessage(JsonProcessingException e) {
        return JACKSON_LOCATION.matcher(e.getOriginalMessage().lines().findFirst().orElse("bad JSON")).replaceFirst("");
    }

    private Article article(String fileName, ArticleIds ids, JsonNode node, String fallbackKey) throws CorpusException {
        if (node == null || !node.isObject()) throw new CorpusException("parse error: not a JSON object");
        String title = plain(text(node, "title", "headline"));
        String url = Urls.absoluteOrNull(text(node, "url", "link", "canonical_url", "source_url"));
        LocalDate published = date(node, "published", "date", "datePublished", "published_at", "pubDate", "timestamp");
        String author = people(node, "author", "authors", "byline");
        String source = text(node, "source", "publisher", "site", "outlet");
        String key = text(node, "id", "_id", "guid", "uuid");
        String id = ids.next(key != null ? key : url, fallbackKey);
        Article a;
        String body = text(node, "text", "body", "content");
        JsonNode paragraphs = node.get("paragraphs");
        if (paragraphs == null || !paragraphs.isArray()) paragraphs = list(node, "text", "body", "content"); // ["...", "..."]
        String markup = text(node, "html");
        if (body != null && body.indexOf('<') >= 0 && FeedReader.HTML_TAG.matcher(body).find()) {
            // markup in the text field ("<p>...</p><p>...</p>", a CMS's rendered content): read as HTML, not as words
            if (markup == null) markup = body;
            body = null;
        } else if (body != null && body.indexOf('&') >= 0) {
            body = Parser.unescapeEntities(body, false); // "Talks &amp; trade", "minister&#8217;s"
        }
        if (body == null && markup == null && (paragraphs == null || paragraphs.isEmpty())) {
            for (String f : List.of("text", "body", "content", "paragraphs", "html")) {
                JsonNode v = node.get(f);
                if (v != null && !v.isNull() && !v.isTextual() && !v.isNumber() && !v.isArray()) {
                    throw new CorpusException("parse error: \"" + f + "\" is " + (v.isObject() ? "an object" : "a " + v.getNodeType()
                            .toString().toLowerCase(Locale.ROOT)) + ", not a string or a list of strings");
                }
            }
        }
        if (paragraphs != null && paragraphs.isArray() && !paragraphs.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode p : paragraphs) {
                String t = p.isTextual() ? p.asText() : p.isObject() ? text(p, "text") : null;
                if (t != null && !t.isBlank()) parts.add(t.replace('\n', ' '));
            }
            a = parser.parseBody(fileName, String.join("\n\n", parts), title, published, author, source, url, InputFormat.JSONL);
        } else if (body != null) {
            a = parser.parseBody(fileName, body, title, published, author, source, url, InputFormat.JSONL);
        } else if (markup != null) {
            HtmlExtractor.Extracted x = html.fragment(markup, url, new HtmlExtractor.Known(title, published, author, source, url));
            return CorpusReader.article(fileName, id, x, InputFormat.JSONL);
        } else {
            throw new CorpusException("empty after extraction: no \"text\", \"paragraphs\" or \"html\"");
        }
        if (a.searchableParagraphs().isEmpty()) throw new CorpusException("empty after extraction: no paragraphs");
        return a.withId(id);
    }

    /** A title as text: entities decoded, tags dropped ("Talks &#8211; day two"). */
    private static String plain(String s) {
        if (s == null || s.indexOf('<') < 0 && s.indexOf('&') < 0) return s;
        String t = ArticleParser.normaliseSpace(Jsoup.parseBodyFragment(s).text());
        return t.isEmpty() ? null : t;
    }

    private static String text(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            // WordPress's REST API (wp-json/wp/v2/posts) exports {"title": {"rendered": "..."}, "content": {"rendered": "<p>..."}}
            if (v != null && v.isObject() && v.has("rendered")) v = v.get("rendered");
            if (v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank()) return v.asText().strip();
        }
        return null;
    }

    /** The first of {@code fields} that is an array (the text as a list of paragraphs), or null. */
    private static JsonNode list(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && v.isArray()) return v;
        }
        return null;
    }

    private static LocalDate date(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v == null) continue;
            // MongoDB's export writes {"$date": "2026-12-07T10:00:00Z"}, {"$date": 1796637600000} or
            // {"$date": {"$numberLong": "1796637600000"}}
            if (v.isObject() && v.has("$date")) v = v.get("$date");
            if (v.isObject() && v.has("$numberLong")) v = v.get("$numberLong");
            LocalDate d = v.isNumber() ? Dates.fromEpoch(v.asLong()) : v.isTextual() ? Dates.parse(v.asText()) : null;
            if (d != null) return d;
        }
        return null;
    }

    private static String people(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v == null) continue;
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode p : v.isArray() ? v : List.of(v)) {
                String n = p.isTextual() ? p.asText() : p.isObject() ? text(p, "name") : null;
                if (n != null && !n.isBlank()) names.add(ArticleParser.normaliseSpace(n));
            }
            if (!names.isEmpty()) return String.join(", ", names);
        }
        return null;
    }

    /** Lines of a stream, each at most {@code max} bytes: a longer line is consumed to its end and flagged. */
    static final class BoundedLines {
        record Line(long number, byte[] bytes, int offset, int length, boolean tooLong) {
            boolean blank() {
                for (int i = offset; i < offset + length; i++) {
                    byte b = bytes[i];
                    if (b != ' ' && b != '\t' && b != '\r') return false;
                }
                return true;
            }
        }

        private final InputStream in;
        private final int max;
        private final byte[] chunk = new byte[64 * 1024];
        private int pos, end;
        private long number;
        private byte[] line = new byte[8192];
        private boolean eof;

        BoundedLines(InputStream in, long max) {
            this.in = in;
            this.max = (int) Math.min(Integer.MAX_VALUE - 16, max);
        }

        Line next() throws IOException {
            if (eof && pos >= end) return null;
            int len = 0;
            boolean tooLong = false, any = false;
            while (true) {
                if (pos >= end) {
                    end = in.read(chunk);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        eof = true;
                        if (!any) return null;
                        break;
                    }
                }
                any = true;
                int nl = -1;
                for (int i = pos; i < end; i++) {
                    if (chunk[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                int stop = nl < 0 ? end : nl;
                int n = stop - pos;
                if (!tooLong) {
                    if ((long) len + n > max) {
                        tooLong = true;
                        len = 0;
                    } else {
                        if (len + n > line.length) line = java.util.Arrays.copyOf(line, Math.min(max, Math.max(line.length * 2, len + n)));
                        System.arraycopy(chunk, pos, line, len, n);
                        len += n;
                    }
                }
                pos = stop;
                if (nl >= 0) {
                    pos = nl + 1;
                    break;
                }
            }
            number++;
            int off = 0;
            if (number == 1 && len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) off = 3;
            if (len > off && line[len - 1] == '\r') len--;
            return new Line(number, line, off, Math.max(0, len - off), tooLong);
        }
    }
}
