package org.parley.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.jsoup.nodes.Entities;

/**
 * Writes an article in the other input formats, the way real sources carry it: an HTML page with its site's
 * furniture around it (cookie banner, navigation, share bar, related stories, comments, footer) and JSON-LD
 * metadata, a Markdown file with front matter, a JSON line, an RSS item, a gzip WARC response record. For
 * benchmarks ("the same corpus as HTML") and round-trip tests: reading what this writes gives the article's
 * searchable paragraphs and metadata back. Paragraph kinds map to markup: title {@code h1}, heading {@code h2},
 * caption {@code figcaption}, byline and dateline classed paragraphs, boilerplate a related-stories box.
 */
public final class ArticleWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticleWriter() {
    }

    /** A whole page: {@code <head>} metadata, the article in {@code <main><article>}, furniture around it. */
    public static String html(Article a) {
        StringBuilder h = new StringBuilder(4096 + a.paragraphs().size() * 200);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(a.title()))
                .append(" | Example News</title>\n<meta property=\"og:site_name\" content=\"Example News\">\n");
        if (a.url() != null) h.append("<link rel=\"canonical\" href=\"").append(escAttr(a.url())).append("\">\n");
        h.append("<script type=\"application/ld+json\">").append(jsonLd(a)).append("</script>\n")
                .append("<script>window.analytics = {page: 'article', consent: false};</script>\n")
                .append("<style>body{font-family:serif}.share a{margin:0 4px}</style>\n</head>\n<body>\n")
                .append("<div class=\"cookie-banner\">We use cookies to personalise content and ads. Accept all or manage your choices.</div>\n")
                .append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">Example News</a><nav><ul>");
        for (String s : List.of("World", "Politics", "Business", "Science", "Sport", "Culture", "Opinion")) {
            h.append("<li><a href=\"/").append(s.toLowerCase(java.util.Locale.ROOT)).append("\">").append(s).append("</a></li>");
        }
        h.append("</ul></nav></header>\n<main><article>\n");
        StringBuilder related = new StringBuilder();
        for (Paragraph p : a.paragraphs()) {
            String t = esc(p.text());
            switch (p.kind()) {
                case TITLE -> h.append("<h1>").append(t).append("</h1>\n")
                        .append("<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></div>\n");
                case HEADING -> h.append("<h2>").append(t).append("</h2>\n");
                case CAPTION -> h.append("<figure><img src=\"/img/photo.jpg\" alt=\"\"><figcaption>").append(t).append("</figcaption></figure>\n");
                case BYLINE -> h.append("<p class=\"byline\">").append(t).append("</p>\n");
                case DATELINE -> h.append("<p class=\"dateline\">").append(t).append("</p>\n");
                case BOILERPLATE -> related.append("<li><a href=\"/more\">").append(t).append("</a></li>");
                case BODY -> h.append("<p>").append(t).append("</p>\n");
            }
        }
        h.append("</article></main>\n<aside class=\"sidebar\"><section class=\"related-stories\"><h2>Related stories</h2><ul>")
                .append(related).append("<li><a href=\"/a\">Markets close higher as investors weigh the outlook</a></li>")
                .append("<li><a href=\"/b\">Storms expected across the north this weekend</a></li></ul></section>")
                .append("<div class=\"newsletter\"><p>Sign up for the morning briefing, delivered to your inbox every weekday.</p></div></aside>\n")
                .append("<section class=\"comments\"><h2>Comments</h2><div class=\"comment\"><p>First! What a story, I cannot believe it, honestly.</p></div></section>\n")
                .append("<footer class=\"site-footer\"><p>© 2003-2025 Example News. All rights reserved. Contact, Privacy, Terms.</p></footer>\n")
                .append("</body></html>\n");
        return h.toString();
    }

    private static String jsonLd(Article a) {
        ObjectNode ld = JSON.createObjectNode();
        ld.put("@context", "https://schema.org").put("@type", "NewsArticle").put("headline", a.title());
        if (a.published() != null) ld.put("datePublished", a.published().toString());
        if (a.author() != null) ld.putObject("author").put("@type", "Person").put("name", a.author());
        if (a.source() != null) ld.putObject("publisher").put("@type", "Organization").put("name", a.source());
        if (a.url() != null) ld.put("url", a.url());
        try {
            return JSON.writeValueAsString(ld).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Markdown with front matter; list-free, one block per paragraph. */
    public static String markdown(Article a) {
        StringBuilder m = new StringBuilder("---\n");
        m.append("title: ").append(yaml(a.title())).append('\n');
        if (a.published() != null) m.append("date: ").append(a.published()).append('\n');
        if (a.author() != null) m.append("author: ").append(yaml(a.author())).append('\n');
        if (a.source() != null) m.append("source: ").append(yaml(a.source())).append('\n');
        if (a.url() != null) m.append("url: ").append(a.url()).append('\n');
        m.append("---\n\n");
        for (Paragraph p : a.paragraphs()) {
            String t = mdEscape(p.text());
            switch (p.kind()) {
                case TITLE -> m.append("# ").append(t);
                case HEADING -> m.append("## ").append(t);
                case CAPTION -> m.append("![").append(t.replace("]", "\\]")).append("](photo.jpg)");
                default -> m.append(t);
            }
            m.append("\n\n");
        }
        return m.toString();
    }

    /** One JSON line (without the newline): metadata and {@code paragraphs}. */
    public static String jsonLine(Article a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", a.id());
        if (a.url() != null) o.put("url", a.url());
        o.put("title", a.title());
        if (a.published() != null) o.put("published", a.published().toString());
        if (a.author() != null) o.put("author", a.author());
        if (a.source() != null) o.put("source", a.source());
        ArrayNode ps = o.putArray("paragraphs");
        for (Paragraph p : a.paragraphs()) if (p.kind() != ParagraphKind.TITLE) ps.add(p.text());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RSS 2.0 feed of the articles, each item's content the article body as HTML. */
    public static String rss(String feedTitle, List<Article> articles) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel><title>")
                .append(esc(feedTitle)).append("</title><link>https://news.example/</link>\n");
        for (Article a : articles) {
            x.append("<item><title>").append(esc(a.title())).append("</title><guid isPermaLink=\"false\">").append(esc(a.id())).append("</guid>");
            if (a.url() != null) x.append("<link>").append(esc(a.url())).append("</link>");
            if (a.published() != null) x.append("<dc:date>").append(a.published()).append("</dc:date>");
            if (a.author() != null) x.append("<dc:creator>").append(esc(a.author())).append("</dc:creator>");
            StringBuilder body = new StringBuilder();
            for (Paragraph p : a.paragraphs()) {
                String t = esc(p.text());
                switch (p.kind()) {
                    case TITLE -> { }
                    case HEADING -> body.append("<h2>").append(t).append("</h2>");
                    case CAPTION -> body.append("<figure><figcaption>").append(t).append("</figcaption></figure>");
                    case BYLINE -> body.append("<p class=\"byline\">").append(t).append("</p>");
                    case DATELINE -> body.append("<p class=\"dateline\">").append(t).append("</p>");
                    case BOILERPLATE -> body.append("<div class=\"related\">").append(t).append("</div>");
                    case BODY -> body.append("<p>").append(t).append("</p>");
                }
            }
            x.append("<content:encoded><![CDATA[").append(body.toString().replace("]]>", "]]]]><![CDATA[>")).append("]]></content:encoded></item>\n");
        }
        return x.append("</channel></rss>\n").toString();
    }

    /** A gzip member holding one WARC/1.1 response record of the article's HTML page at {@code uri}. */
    public static byte[] warcRecord(Article a, String uri) {
        byte[] page = html(a).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream http = new ByteArrayOutputStream();
        http.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + page.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        http.writeBytes(page);
        byte[] block = http.toByteArray();
        String header = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: 2025-01-01T00:00:00Z\r\n"
                + "WARC-Record-ID: <urn:uuid:" + UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8)) + ">\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + block.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(header.getBytes(StandardCharsets.UTF_8));
            gz.write(block);
            gz.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String esc(String s) {
        return s == null ? "" : Entities.escape(s);
    }

    private static String escAttr(String s) {
        return esc(s).replace("\"", "&quot;");
    }

    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Escapes what Markdown would read as markup at the start of a block or inline. */
    private static String mdEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>#!|~&".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        String t = sb.toString();
        // a leading list marker, ordered-list number or block-quote sign would make a list or a quote
        return t.replaceFirst("^([-+=>])", "\\\\$1").replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
    }
}
