package org.parley.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds with jsoup's lenient XML parser: one article per item, from
 * {@code content:encoded} / Atom {@code content}, else the description / summary, handled as HTML like a page's
 * content (furniture removed); with the item's link as its URL, its date ({@code pubDate}, {@code dc:date},
 * {@code published}, else {@code updated}) as written, and its author ({@code author}, {@code dc:creator}, Atom
 * {@code author/name}, else the feed's). The feed's title is the source. An item that cannot be read is reported
 * with its position and skipped.
 *
 * <p>Why not ROME: it parses dates into {@link java.util.Date}, losing the offset the feed states (an item
 * published at 23:30 -05:00 would land on the next day), and refuses the whole feed on the first XML error
 * (an unescaped {@code &} is common); jsoup keeps the text as written and recovers from broken markup.
 */
final class FeedReader {
    /** "jane@example.com (Jane Doe)" names Jane Doe. */
    private static final Pattern EMAIL_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");
    private static final Pattern BARE_EMAIL = Pattern.compile("^\\S+@\\S+$");
    /** A tag of the markup feeds put in their text: {@code <p>}, {@code </a>}, {@code <br/>}, {@code <img src>}. */
    static final Pattern HTML_TAG = Pattern.compile(
            "</?(?:p|br|div|span|a|b|i|em|strong|img|ul|ol|li|h[1-6]|blockquote|figure|figcaption|table)\\b[^<>]*>",
            Pattern.CASE_INSENSITIVE);

    private final HtmlExtractor html;
    private final CorpusLimits limits;

    FeedReader(HtmlExtractor html, CorpusLimits limits) {
        this.html = html;
        this.limits = limits;
    }

    void read(String fileName, byte[] bytes, Consumer<Article> articles, Consumer<SkippedInput> skipped) throws CorpusException {
        if (bytes.length > limits.feedBytes()) {
            throw new CorpusException("feed too large: " + bytes.length + " bytes (limit " + limits.feedBytes() + ")");
        }
        String xml = Charsets.decodeMarkup(bytes, null);
        Parser parser = Parser.xmlParser();
        parser.setMaxDepth(HtmlExtractor.MAX_DEPTH);
        Document doc = Jsoup.parse(xml, "", parser);
        Element root = null;
        for (Element e : doc.children()) {
            String n = e.tagName().toLowerCase(Locale.ROOT);
            if (n.equals("rss") || n.equals("feed") || n.equals("rdf:rdf")) {
                root = e;
                break;
            }
        }
        if (root == null) throw new CorpusException("parse error: no <rss>, <feed> or <rdf:RDF> root element");
        boolean atom = root.tagName().equalsIgnoreCase("feed");
        Element channel = atom ? root : first(root, "channel");
        String feedTitle = channel == null ? null : plain(childText(channel, "title"));
        String feedLink = channel == null ? null : link(channel, atom);
        String feedAuthor = channel == null ? null : author(channel);

        List<Element> items = atom ? children(root, "entry") : root.getElementsByTag("item");
        ArticleIds ids = new ArticleIds(fileName);
        int n = 0;
        for (Element item : items) {
            n++;
            if (n > limits.feedItems()) {
                skipped.accept(new SkippedInput(fileName, "items " + n + "-" + items.size(),
                        "too many items: over " + limits.feedItems() + " per feed (limit " + limits.feedItems() + ")"));
                break;
            }
            try {
                articles.accept(item(fileName, ids, n, item, atom, feedTitle, feedLink, feedAuthor));
            } catch (CorpusException e) {
                skipped.accept(new SkippedInput(fileName, "item " + n, e.getMessage()));
            }
        }
        if (n == 0) throw new CorpusException("empty after extraction: a feed with no items");
    }

    private Article item(String fileName, ArticleIds ids, int n, Element item, boolean atom, String feedTitle, String feedLink,
                         String feedAuthor) throws CorpusException {
        String title = plain(childText(item, "title"));
        String base = xmlBase(item);
        String url = Urls.resolve(base != null ? base : feedLink, link(item, atom));
        String guid = childText(item, atom ? "id" : "guid");
        if (guid == null) guid = item.attr("rdf:about");
        LocalDate published = null;
        for (String tag : List.of("pubDate", "dc:date", "published", "issued", "dcterms:issued", "updated", "modified", "dcterms:modified")) {
            published = Dates.parse(childText(item, tag));
            if (published != null) break;
        }
        String author = author(item);
        if (author == null) author = feedAuthor;

        String content = content(item, "content:encoded", atom);
        if (content == null) content = content(item, "content", atom);
        if (content == null) content = content(item, "description", atom);
        if (content == null) content = content(item, "summary", atom);
        // a podcast's episode states its text only in the iTunes or Media RSS tags
        for (String tag : List.of("itunes:summary", "media:description", "itunes:subtitle")) {
            if (content == null) content = content(item, tag, false);
        }
        for (String holder : List.of("media:group", "media:content")) {
            Element e = content == null ? first(item, holder) : null;
            if (e != null) content = content(e, "media:description", false);
        }
        if (content == null) throw new CorpusException("empty after extraction: no content, description, summary or itunes:summary");
        if (content.length() > limits.htmlPageBytes()) {
            throw new CorpusException("item too large: " + content.length() + " characters (limit " + limits.htmlPageBytes() + ")");
        }
        String id = ids.next(guid != null && !guid.isBlank() ? guid : url != null ? url : title, "item" + n);
        HtmlExtractor.Extracted x = html.fragment(content, url, new HtmlExtractor.Known(title, published, author, feedTitle, url));
        return CorpusReader.article(fileName, id, withoutFeedFooter(x), InputFormat.FEED);
    }

    /** The footer WordPress (Yoast) puts under every item: "The post Talks resume appeared first on Harbour Daily." */
    private static final Pattern FEED_FOOTER = Pattern.compile("^The post .{1,300} appeared first on [^,]{1,100}\\.?$");

    /** The item's last paragraph as boilerplate when it is the feed footer (only there: a story may say such a thing). */
    private static HtmlExtractor.Extracted withoutFeedFooter(HtmlExtractor.Extracted x) {
        List<Paragraph> ps = x.paragraphs();
        if (ps.isEmpty()) return x;
        Paragraph last = ps.getLast();
        if (last.kind() != ParagraphKind.BODY || !last.text().startsWith("The post ") || !FEED_FOOTER.matcher(last.text()).matches()) return x;
        List<Paragraph> out = new ArrayList<>(ps);
        out.set(ps.size() - 1, new Paragraph(last.ordinal(), last.text(), ParagraphKind.BOILERPLATE, last.original()));
        return new HtmlExtractor.Extracted(x.title(), x.published(), x.author(), x.source(), x.url(), out);
    }

    /**
     * An item's content as HTML: CDATA or escaped markup as its text, inline XHTML as its markup, Atom type=text
     * escaped. Atom's default type is text (a blank line parts paragraphs, "3 &lt; 5" is no tag), but feeds that
     * escape HTML without saying type="html" are common: an untyped Atom text that holds tags is read as HTML.
     */
    private static String content(Element item, String tag, boolean atom) {
        Element e = first(item, tag);
        if (e == null) return null;
        String type = e.attr("type").toLowerCase(Locale.ROOT);
        String value;
        if (type.equals("xhtml") || !e.children().isEmpty() && !type.equals("text")) {
            value = e.html();
        } else {
            value = e.wholeText();
            if (value.contains("&lt;") && !HTML_TAG.matcher(value).find()) {
                // escaped twice by the publisher ("&amp;lt;p&amp;gt;"): the tags would be read as words
                String once = Parser.unescapeEntities(value, false);
                if (HTML_TAG.matcher(once).find()) value = once;
            }
            if (type.equals("text") || type.equals("text/plain") || atom && type.isEmpty() && !HTML_TAG.matcher(value).find()) {
                value = "<p>" + Entities.escape(value).replaceAll("\\n\\s*\\n", "</p><p>") + "</p>";
            }
        }
        return value.isBlank() ? null : value;
    }

    /** The xml:base in scope at {@code e} (Atom resolves an entry's relative links against it), or null. */
    private static String xmlBase(Element e) {
        List<Element> chain = new ArrayList<>();
        for (Element p = e; p != null; p = p.parent()) chain.add(p);
        String base = null;
        for (Element p : chain.reversed()) {
            String b = p.attr("xml:base");
            if (b.isBlank()) continue;
            String resolved = Urls.resolve(base, b);
            if (resolved != null) base = resolved;
        }
        return base;
    }

    private static String author(Element parent) {
        for (String tag : List.of("dc:creator", "author", "itunes:author")) {
            Element e = first(parent, tag);
            if (e == null) continue;
            Element name = first(e, "name"); // Atom
            String s = ArticleParser.normaliseSpace(name != null ? name.wholeText() : e.children().isEmpty() ? e.wholeText() : e.text());
            Matcher m = EMAIL_NAME.matcher(s);
            if (m.matches()) s = m.group(1).strip();
            if (!s.isEmpty() && !BARE_EMAIL.matcher(s).matches()) return s;
        }
        return null;
    }

    private static String link(Element parent, boolean atom) {
        if (!atom) {
            String t = childText(parent, "link");
            if (t != null) return t;
            Element alt = first(parent, "atom:link");
            return alt == null ? null : alt.attr("href");
        }
        Element fallback = null;
        for (Element l : parent.children()) {
            if (!l.tagName().equalsIgnoreCase("link")) continue;
            String rel = l.attr("rel");
            if (rel.isEmpty() || rel.equalsIgnoreCase("alternate")) return l.attr("href");
            if (fallback == null && !rel.equalsIgnoreCase("self")) fallback = l;
        }
        return fallback == null ? null : fallback.attr("href");
    }

    /** HTML in a title ("Talks &lt;em&gt;resume&lt;/em&gt;") as text. */
    private static String plain(String s) {
        if (s == null) return null;
        String t = s.indexOf('<') >= 0 || s.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(s).text() : s;
        t = ArticleParser.normaliseSpace(t);
        return t.isEmpty() ? null : t;
    }

    private static String childText(Element parent, String tag) {
        Element e = first(parent, tag);
        if (e == null) return null;
        String t = e.wholeText().strip();
        return t.isEmpty() ? null : t;
    }

    /** The first direct child with that (case-insensitive, prefixed) tag name. */
    private static Element first(Element parent, String tag) {
        for (Element c : parent.children()) if (c.tagName().equalsIgnoreCase(tag)) return c;
        return null;
    }

    private static List<Element> children(Element parent, String tag) {
        return parent.children().stream().filter(c -> c.tagName().equalsIgnoreCase(tag)).toList();
    }
}
