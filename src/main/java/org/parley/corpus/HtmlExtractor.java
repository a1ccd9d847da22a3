package org.parley.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an HTML article page: finds its main content (our own scoring on jsoup, see {@link #page}), turns its
 * headings, paragraphs, block quotes, list items and figure captions into {@link Paragraph}s in document order,
 * and takes the metadata from JSON-LD {@code NewsArticle}/{@code Article}, then OpenGraph and {@code article:*}
 * meta tags, {@code <meta name=author>}, {@code <link rel=canonical>} and {@code <time datetime>}, in that order of
 * trust, falling back to what the text itself says (a "By ..." line, a dateline). Thread-safe.
 *
 * <p>Main content: every text block (a paragraph, a cell, a {@code div} of loose text) of at least 25 letters
 * scores 1, plus one per comma, plus one per 100 characters (at most 3), times one minus its link density; the
 * score goes to its parent, half to its grandparent and a third to the great-grandparent. Containers whose class
 * or id reads like content ({@code article}, {@code story}, {@code body}, ...) or {@code itemprop=articleBody}
 * gain, furniture loses. The best container, and those of its siblings that score at least a fifth of it, are the
 * article. Before scoring, navigation, headers, footers, asides, forms, share bars, cookie banners, newsletters,
 * "related"/"most read" lists and comments are removed by tag, ARIA role and class/id.
 */
final class HtmlExtractor {
    /** jsoup's tree depth: deeper elements are closed and become siblings (text kept). 512 made hostile nesting 8x slower. */
    static final int MAX_DEPTH = 128;
    private static final int MIN_BLOCK_CHARS = 25;
    private static final char BR = '\u0000';

    private static final Set<String> DROP_TAGS = Set.of("script", "style", "noscript", "template", "svg", "canvas", "iframe",
            "object", "embed", "video", "audio", "map", "button", "input", "select", "textarea", "form", "nav", "aside",
            "footer", "dialog", "menu", "head", "link", "meta", "base", "frameset", "frame",
            // AMP pages' components: ads (their "Loading ad" placeholder was body text), share bars, menus, consent
            "amp-ad", "amp-embed", "amp-sticky-ad", "amp-auto-ads", "amp-analytics", "amp-pixel", "amp-social-share",
            "amp-sidebar", "amp-consent", "amp-user-notification", "amp-iframe", "amp-video", "amp-youtube", "amp-geo",
            "amp-next-page", "amp-web-push-widget");
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "caption", "center",
            "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
            "tfoot", "th", "thead", "tr", "ul");
    private static final Set<String> SCORED_TAGS = Set.of("p", "pre", "td", "blockquote", "dd", "div", "section", "article", "li");
    private static final Set<String> DROP_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary", "dialog",
            "alertdialog", "menu", "menubar", "search", "form", "toolbar");
    /** Class/id words of site furniture. */
    private static final Set<String> NEGATIVE = Set.of("nav", "navbar", "navigation", "menu", "footer", "sidebar", "share",
            "sharing", "sharebar", "social", "cookie", "cookies", "consent", "gdpr", "related", "recommended", "recommendations",
            "comment", "comments", "disqus", "newsletter", "subscribe", "subscription", "promo", "advert", "advertisement", "ad",
            "ads", "adsbygoogle", "sponsor", "sponsored", "breadcrumb", "breadcrumbs", "popup", "modal", "pagination", "pager",
            "outbrain", "taboola", "masthead", "toolbar", "trending", "popular", "tags", "tagcloud", "widget", "banner", "signup");
    /** Furniture names written as one word or with a separator ("most-read", "moreStories"). */
    private static final List<String> NEGATIVE_JOINED = List.of("mostread", "mostpopular", "morestories", "readmore", "alsoread",
            "youmayalso", "relatedarticles", "relatedstories", "socialshare", "sharebuttons", "cookiebanner", "cookienotice");
    private static final Set<String> POSITIVE = Set.of("article", "articlebody", "body", "content", "entry", "main", "post",
            "story", "text", "prose", "blog");
    private static final Set<String> BYLINE_WORDS = Set.of("byline", "author", "authors", "writer", "contributor");
    private static final Set<String> DATE_WORDS = Set.of("dateline", "timestamp", "date", "published", "pubdate", "time");
    private static final Set<String> CAPTION_WORDS = Set.of("caption", "credit", "figcaption");
    private static final Pattern ARTICLE_TYPE = Pattern.compile(
            "(?:[A-Za-z]*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("^(.{10,}?)\\s+[|–—·•-]\\s+[^|–—·•]{2,60}$");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    /** What a page or fragment yields, before it becomes an {@link Article}. */
    record Extracted(String title, LocalDate published, String author, String source, String url, List<Paragraph> paragraphs) {
    }

    /** Metadata a container already knows for its item (a feed's item title, link, date, author). */
    record Known(String title, LocalDate published, String author, String source, String url) {
        static final Known NONE = new Known(null, null, null, null, null);
    }

    /**
     * Extracts the article of a whole page. {@code baseUrl} (a WARC record's URI, may be null) resolves relative
     * links; {@code known} fills what the page does not say.
     */
    Extracted page(String html, String baseUrl, Known known) {
        Document doc = parse(html, baseUrl);
        Meta meta = Meta.read(doc);
        clean(doc, true, meta);
        meta.finish();
        Map<Element, Stats> stats = stats(doc.body());
        List<Element> roots = mainContent(doc.body(), stats);
        List<Block> blocks = new ArrayList<>();
        for (Element root : roots) blocks.addAll(blocks(root));
        if (meta.ldBody != null && blocks.stream().noneMatch(b -> b.kind() == ParagraphKind.BODY || b.kind() == ParagraphKind.HEADING)) {
            blocks = articleBody(meta.ldBody); // a script-rendered page: the story is only in its JSON-LD
        }
        String h1 = firstH1(doc, blocks);
        String title = first(meta.title, known.title(), h1, cleanTitle(meta.htmlTitle, meta.siteName));
        List<Paragraph> paragraphs = paragraphs(blocks, title);
        for (Paragraph p : paragraphs) { // the headline as the page shows it, rather than as its <title> spells it
            if (p.kind() == ParagraphKind.TITLE) {
                if (p.text().equalsIgnoreCase(title)) title = p.text();
                break;
            }
        }
        String author = first(meta.author, known.author(), bylineAuthor(paragraphs));
        LocalDate published = meta.published != null ? meta.published : known.published() != null ? known.published()
                : firstDate(timeElement(doc, roots), datelineDate(paragraphs, meta.dayFirst));
        String source = first(meta.publisher, meta.siteName, known.source());
        String url = first(known.url(), Urls.resolve(baseUrl, meta.url), baseUrl == null ? null : Urls.absoluteOrNull(baseUrl));
        return new Extracted(title == null ? ArticleParser.titleFrom(paragraphs) : title, published, author, source, url, paragraphs);
    }

    /** Extracts an HTML fragment (a feed item's content): no main-content search, furniture still removed. */
    Extracted fragment(String html, String baseUrl, Known known) {
        Document doc = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
        clean(doc, false, null);
        List<Block> blocks = blocks(doc.body());
        String title = first(known.title(), firstH1(doc, blocks));
        List<Paragraph> paragraphs = paragraphs(blocks, title);
        String author = first(known.author(), bylineAuthor(paragraphs));
        LocalDate published = firstDate(known.published(), datelineDate(paragraphs, null));
        return new Extracted(title == null ? ArticleParser.titleFrom(paragraphs) : title, published, author, known.source(),
                known.url(), paragraphs);
    }

    /**
     * The paragraphs of a block of markup inside another format (an HTML block in Markdown): each {@code <p>},
     * heading, list item and caption its own, with its kind, furniture removed; numbered from 1 (the caller renumbers).
     */
    static List<Paragraph> fragmentParagraphs(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        clean(doc, false, null);
        return paragraphs(blocks(doc.body()), null);
    }

    /**
     * The blocks of a JSON-LD {@code articleBody}: markup when it holds some, else plain text with a paragraph per
     * line (what publishers put there: paragraphs separated by one or two newlines).
     */
    private static List<Block> articleBody(String body) {
        Document doc = Jsoup.parseBodyFragment(body); // entities decoded either way
        if (!doc.body().children().isEmpty()) {
            clean(doc, false, null);
            return blocks(doc.body());
        }
        List<Block> out = new ArrayList<>();
        for (String line : doc.body().wholeText().split("\\R")) {
            String text = ArticleParser.normaliseSpace(line);
            if (!text.isEmpty()) out.add(new Block(text, ParagraphKind.BODY, 0));
        }
        return out;
    }

    private static Document parse(String html, String baseUrl) {
        Parser parser = Parser.htmlParser();
        parser.setMaxDepth(MAX_DEPTH);
        return Jsoup.parse(html, baseUrl == null ? "" : baseUrl, parser);
    }

    // ---- cleaning -------------------------------------------------------------------------------------------

    /** Removes furniture; JSON-LD scripts in the body go to {@code meta} (when given) on the way. */
    private static void clean(Document doc, boolean wholePage, Meta meta) {
        List<Element> drop = new ArrayList<>();
        List<Element> pullQuotes = new ArrayList<>(0);
        Element body = doc.body();
        org.jsoup.select.Elements markers = wholePage ? body.select("article, main, [itemprop=articleBody]") : new org.jsoup.select.Elements();
        boolean hasMarker = !markers.isEmpty();
        Map<Element, Stats> before = null;
        Element mainMarker = null; // the marked element with the most text: what must not be dropped
        if (markers.size() == 1) {
            mainMarker = markers.getFirst();
        } else if (hasMarker) {
            before = stats(body);
            int most = -1;
            for (Element m : markers) {
                Stats st = before.get(m);
                if (st != null && st.chars > most) {
                    most = st.chars;
                    mainMarker = m;
                }
            }
        }
        for (Element e : body.getAllElements()) {
            if (e == body) continue;
            String tag = e.normalName();
            if (meta != null && tag.equals("script") && e.attr("type").regionMatches(true, 0, "application/ld+json", 0, 19)) {
                meta.jsonLd(e.data());
            }
            if (e.attributesSize() == 0) { // most elements: only the tag can say it is furniture
                if (DROP_TAGS.contains(tag)) drop.add(e);
                else if (tag.equals("header") && wholePage && !insideArticle(e)
                        && (e.selectFirst("nav") != null || e.selectFirst("h1") == null)) drop.add(e);
                continue;
            }
            if (DROP_TAGS.contains(tag) || e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))
                    || DROP_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT)) || hiddenByStyle(e)) {
                drop.add(e);
                continue;
            }
            if (tag.equals("header") && wholePage && !insideArticle(e)
                    && (e.selectFirst("nav") != null || e.selectFirst("h1") == null)) {
                drop.add(e);
                continue;
            }
            if (tag.equals("article") || tag.equals("main") || "articleBody".equals(e.attr("itemprop"))) continue;
            if (isPullQuote(e)) {
                pullQuotes.add(e);
                continue;
            }
            if (isNegative(e)) {
                // Never drop what holds the article itself: a "content has-sidebar" wrapper is not a sidebar.
                if (mainMarker != null && isAncestor(e, mainMarker)) continue;
                if (!hasMarker && wholePage) {
                    if (before == null) before = stats(body);
                    Stats s = before.get(e), all = before.get(body);
                    if (s != null && all != null && s.chars * 10 > all.chars * 6) continue;
                }
                drop.add(e);
            }
        }
        for (Element e : drop) e.remove();
        // A pull quote repeats a sentence of the story in large type: read twice, it was a paragraph of its own. One
        // whose words are nowhere else in the story is the only place they are said, and stays.
        if (!pullQuotes.isEmpty()) {
            String all = ArticleParser.normaliseSpace(body.text());
            for (Element q : pullQuotes) {
                String words = quoteWords(q.text());
                int at = words.length() < 20 ? -1 : all.indexOf(words);
                if (at >= 0 && all.indexOf(words, at + 1) >= 0) q.remove();
            }
        }
    }

    /** A pull quote's words without its quotation marks and closing punctuation. */
    private static String quoteWords(String text) {
        String t = ArticleParser.normaliseSpace(text);
        int from = 0, to = t.length();
        while (from < to && !Character.isLetterOrDigit(t.charAt(from))) from++;
        while (to > from && !Character.isLetterOrDigit(t.charAt(to - 1))) to--;
        return t.substring(from, to);
    }

    /** An element whose class or id says pull quote ("pullquote", "pull-quote", "wp-block-pullquote"). */
    private static boolean isPullQuote(Element e) {
        String cls = e.className(), id = e.id();
        if (cls.isEmpty() && id.isEmpty()) return false;
        return joined((cls + " " + id).toLowerCase(Locale.ROOT)).contains("pullquote");
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) if (p == ancestor) return true;
        return false;
    }

    private static boolean insideArticle(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("article") || p.normalName().equals("main")) return true;
        }
        return false;
    }

    private static boolean hiddenByStyle(Element e) {
        String style = e.attr("style");
        if (style.isEmpty()) return false;
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    private static boolean isNegative(Element e) {
        String cls = e.className(), id = e.id();
        if (cls.isEmpty() && id.isEmpty()) return false;
        String names = (cls + " " + id).toLowerCase(Locale.ROOT);
        if (names.isBlank()) return false;
        for (String token : words(names)) if (NEGATIVE.contains(token)) return true;
        String joined = joined(names);
        for (String n : NEGATIVE_JOINED) if (joined.contains(n)) return true;
        return false;
    }

    /** The words of a class or id: split at non-letters and at camelCase humps. */
    private static List<String> words(String names) {
        List<String> out = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= names.length(); i++) {
            char c = i < names.length() ? names.charAt(i) : ' ';
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (word && start < 0) start = i;
            else if (!word && start >= 0) {
                out.add(names.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    /** The letters and digits of a class/id string, separators dropped ("most-read" gives "mostread"). */
    private static String joined(String names) {
        StringBuilder sb = new StringBuilder(names.length());
        for (int i = 0; i < names.length(); i++) {
            char c = names.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') sb.append(c);
        }
        return sb.toString();
    }

    private static int classWeight(Element e) {
        String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        int w = 0;
        if ("articleBody".equals(e.attr("itemprop"))) w += 50;
        String tag = e.normalName();
        if (tag.equals("article")) w += 25;
        if (tag.equals("main")) w += 10;
        if (names.isBlank()) return w;
        boolean pos = false;
        for (String token : words(names)) {
            if (POSITIVE.contains(token)) pos = true;
            if (NEGATIVE.contains(token)) return w - 25;
        }
        return pos ? w + 25 : w;
    }

    // ---- scoring --------------------------------------------------------------------------------------------

    /** Letters and digits (not spaces) under an element, those inside links, and commas. */
    private static final class Stats {
        int chars;
        int linkChars;
        int commas;
        int ownChars; // in text directly inside (not in child blocks) — what makes a div a text block
        double score;
    }

    private static Map<Element, Stats> stats(Element root) {
        Map<Element, Stats> map = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            final List<Stats> open = new ArrayList<>(); // the open elements' stats, innermost last
            int linkDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    Stats st = new Stats();
                    map.put(e, st);
                    open.add(st);
                    if (e.normalName().equals("a")) linkDepth++;
                } else if (node instanceof TextNode t && !open.isEmpty()) {
                    String s = t.getWholeText();
                    int chars = 0, commas = 0;
                    for (int i = 0, n = s.length(); i < n; i++) {
                        char c = s.charAt(i);
                        if (c == ',' || c == '，' || c == '、') commas++;
                        else if (c > ' ' && !Character.isWhitespace(c)) chars++;
                    }
                    Stats st = open.getLast();
                    st.chars += chars;
                    st.ownChars += chars;
                    st.commas += commas;
                    if (linkDepth > 0) st.linkChars += chars;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) linkDepth--;
                    Stats st = open.removeLast();
                    if (!open.isEmpty()) {
                        Stats p = open.getLast();
                        p.chars += st.chars;
                        p.linkChars += st.linkChars;
                        p.commas += st.commas;
                        if (!BLOCK_TAGS.contains(e.normalName())) p.ownChars += st.ownChars; // inline text is the parent's own
                    }
                }
            }
        }, root);
        return map;
    }

    private static double linkDensity(Stats s) {
        return s.chars == 0 ? 0 : (double) s.linkChars / s.chars;
    }

    private static List<Element> mainContent(Element body, Map<Element, Stats> stats) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Map.Entry<Element, Stats> en : stats.entrySet()) {
            Element e = en.getKey();
            Stats s = en.getValue();
            if (!SCORED_TAGS.contains(e.normalName()) || s.ownChars < MIN_BLOCK_CHARS) continue;
            double score = (1 + s.commas + Math.min(s.ownChars / 100.0, 3)) * (1 - linkDensity(s));
            // A cell or div of loose text (old layouts: <font> and <br><br>) is a container of its own.
            if (!e.normalName().equals("p") && !e.normalName().equals("li")) scores.merge(e, score, Double::sum);
            Element p = e.parent();
            for (int level = 0; level < 3 && p != null; level++, p = p.parent()) {
                scores.merge(p, score / (level == 0 ? 1 : level == 1 ? 2 : 3), Double::sum);
                if (p == body) break;
            }
        }
        Element top = null;
        double best = 0;
        for (Map.Entry<Element, Double> en : scores.entrySet()) {
            Element e = en.getKey();
            Stats s = stats.get(e);
            if (s == null) continue;
            double score = en.getValue() * (1 - linkDensity(s)) + classWeight(e);
            en.setValue(score);
            if (score > best) {
                best = score;
                top = e;
            }
        }
        if (top == null) return List.of(body);
        // The body of a story often sits beside its own header (headline, byline, photo): take the enclosing
        // article when the body is most of its text.
        for (int i = 0; i < 3; i++) {
            Element p = top.parent();
            if (p == null || p == body) break;
            Stats ps = stats.get(p), ts = stats.get(top);
            if (ps == null || ts == null || ts.chars * 10 < ps.chars * 6) break;
            boolean articleLike = p.normalName().equals("article") || classWeight(p) > 0
                    || p.selectFirst("h1") != null && top.selectFirst("h1") == null;
            if (!articleLike) break;
            top = p;
            best = Math.max(best, scores.getOrDefault(p, 0.0));
        }
        Element parent = top.parent();
        if (parent == null || top == body) return List.of(top);
        List<Element> roots = new ArrayList<>();
        double threshold = Math.max(10, best * 0.2);
        for (Element sib : parent.children()) {
            if (sib == top) {
                roots.add(sib);
                continue;
            }
            Double score = scores.get(sib);
            Stats s = stats.get(sib);
            if (s == null) continue;
            boolean paragraph = sib.normalName().equals("p") && (linkDensity(s) < 0.25 && s.chars >= 80
                    || linkDensity(s) == 0 && s.chars >= MIN_BLOCK_CHARS && sib.text().strip().endsWith("."));
            if (score != null && score >= threshold || paragraph) roots.add(sib);
        }
        return roots;
    }

    // ---- blocks ---------------------------------------------------------------------------------------------

    private record Block(String text, ParagraphKind kind, double linkDensity) {
    }

    /** The text blocks under {@code root} in document order; a block's kind comes from its tag, class and ancestors. */
    private static List<Block> blocks(Element root) {
        List<Block> out = new ArrayList<>();
        var visitor = new NodeVisitor() {
            final List<ParagraphKind> kinds = new ArrayList<>(List.of(ParagraphKind.BODY));
            final StringBuilder buf = new StringBuilder();
            int linkDepth;
            int linkChars;
            int chars;
            boolean pendingSpace;
            Element row; // a data table's row being read as one block: its cells are not blocks of their own

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    // whitespace collapsed as it comes (what ArticleParser.normaliseSpace does, without a second pass)
                    String s = t.getWholeText();
                    int n = 0;
                    for (int i = 0, len = s.length(); i < len; i++) {
                        char c = s.charAt(i);
                        if (c <= ' ' ? c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' : ArticleParser.isSpace(c)) {
                            pendingSpace = true;
                        } else if (!ArticleParser.isZeroWidth(c)) {
                            if (pendingSpace && !buf.isEmpty() && buf.charAt(buf.length() - 1) != BR) buf.append(' ');
                            pendingSpace = false;
                            buf.append(c);
                            n++;
                        }
                    }
                    chars += n;
                    if (linkDepth > 0) linkChars += n;
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        buf.append(BR);
                        pendingSpace = false;
                    }
                    else if (tag.equals("a")) linkDepth++;
                    if (row != null && (tag.equals("td") || tag.equals("th"))) return;
                    if (BLOCK_TAGS.contains(tag) && e != root) {
                        flush();
                        kinds.add(kindOf(e, kinds.getLast()));
                        if (row == null && tag.equals("tr") && dataRow(e)) row = e;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("a")) linkDepth--;
                    else if (tag.equals("td") || tag.equals("th") || tag.equals("img")) pendingSpace = true;
                    if (row != null && (tag.equals("td") || tag.equals("th"))) return;
                    if (BLOCK_TAGS.contains(tag) && e != root) {
                        flush();
                        kinds.removeLast();
                        if (e == row) row = null;
                    }
                }
            }

            void flush() {
                if (chars > 0) {
                    double density = (double) linkChars / chars;
                    if (buf.indexOf(String.valueOf(BR)) < 0) {
                        String text = buf.toString();
                        if (!text.isEmpty()) out.add(new Block(text, kinds.getLast(), density));
                    } else {
                        // <br> breaks lines; a line that does not end a sentence, followed by one in lower case,
                        // is a hard-wrapped sentence and is joined (as in plain text)
                        String current = null;
                        for (String seg : buf.toString().split(String.valueOf(BR))) {
                            String text = ArticleParser.normaliseSpace(seg);
                            if (text.isEmpty()) {
                                if (current != null) out.add(new Block(current, kinds.getLast(), density));
                                current = null;
                            } else if (current != null && !ParagraphClassifier.endsLikeSentence(current)
                                    && Character.isLowerCase(text.codePointAt(0))) {
                                current = current + " " + text;
                            } else {
                                if (current != null) out.add(new Block(current, kinds.getLast(), density));
                                current = text;
                            }
                        }
                        if (current != null) out.add(new Block(current, kinds.getLast(), density));
                    }
                }
                buf.setLength(0);
                chars = 0;
                linkChars = 0;
                pendingSpace = false;
            }
        };
        NodeTraversor.traverse(visitor, root);
        visitor.flush(); // the root's own loose text after its last block
        return out;
    }

    /**
     * Whether a table row holds data (short cells of inline text: "For | 14") rather than layout (a cell holding the
     * story's paragraphs, a menu of lines): a reader reads such a row as one line.
     */
    private static boolean dataRow(Element tr) {
        int chars = 0;
        for (Element cell : tr.children()) {
            String tag = cell.normalName();
            if (!tag.equals("td") && !tag.equals("th")) return false;
            for (Element d : cell.getAllElements()) {
                if (d != cell && (BLOCK_TAGS.contains(d.normalName()) || d.normalName().equals("br"))) return false;
            }
            chars += cell.text().length();
            if (chars > MAX_ROW_CHARS) return false;
        }
        return tr.childrenSize() > 1;
    }

    /** A longer row is more likely a layout's: its cells stay blocks of their own. */
    private static final int MAX_ROW_CHARS = 300;

    private static ParagraphKind kindOf(Element e, ParagraphKind outer) {
        String tag = e.normalName();
        switch (tag) {
            case "h1" -> {
                return ParagraphKind.TITLE;
            }
            case "h2", "h3", "h4", "h5", "h6" -> {
                // a theme's author name set as a small heading (<h4 class="author-name">): a byline, not a sub-heading
                String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
                if (!names.isBlank() && !longerThan(e, 100)) {
                    for (String w : words(names)) if (BYLINE_WORDS.contains(w)) return ParagraphKind.BYLINE;
                }
                return ParagraphKind.HEADING;
            }
            case "figcaption", "caption" -> {
                return ParagraphKind.CAPTION;
            }
            default -> { }
        }
        // A paragraph left inside an unclosed heading is running text again; captions, bylines and datelines
        // keep their kind down to their last span.
        if (outer == ParagraphKind.TITLE || outer == ParagraphKind.HEADING) return ParagraphKind.BODY;
        if (outer != ParagraphKind.BODY) return outer;
        String names = (e.className() + " " + e.id() + " " + e.attr("itemprop")).toLowerCase(Locale.ROOT);
        if (!names.isBlank() && !longerThan(e, 300)) { // a "date" class on a whole story wrapper is no dateline
            for (String w : words(names)) {
                if (BYLINE_WORDS.contains(w)) return ParagraphKind.BYLINE;
                if (DATE_WORDS.contains(w)) return ParagraphKind.DATELINE;
                if (CAPTION_WORDS.contains(w)) return ParagraphKind.CAPTION;
            }
        }
        return ParagraphKind.BODY;
    }

    /** Whether the text under {@code e} has more than {@code max} characters (stops counting there). */
    private static boolean longerThan(Element e, int max) {
        int[] n = {0};
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) n[0] += t.getWholeText().length();
                return n[0] > max ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, e);
        return n[0] > max;
    }

    /** Numbers the blocks, keeps one title, refines body furniture; prepends the title when the content lacks it. */
    private static List<Paragraph> paragraphs(List<Block> blocks, String title) {
        List<Paragraph> out = new ArrayList<>();
        boolean titled = false, inLinkList = false;
        for (Block b : blocks) {
            ParagraphKind kind = b.kind();
            if (kind == ParagraphKind.TITLE) {
                if (titled || out.stream().anyMatch(p -> p.kind() == ParagraphKind.BODY)) kind = ParagraphKind.HEADING;
                titled = true;
            }
            if (kind == ParagraphKind.BODY || kind == ParagraphKind.HEADING) {
                ParagraphKind furniture = ParagraphClassifier.furnitureKind(b.text());
                if (furniture != null) {
                    kind = furniture;
                    inLinkList = furniture == ParagraphKind.BOILERPLATE;
                } else if (b.linkDensity() > 0.5 && b.text().length() < 300) {
                    kind = ParagraphKind.BOILERPLATE; // a list of links inside the content: other stories
                } else if (inLinkList && b.linkDensity() > 0.2) {
                    kind = ParagraphKind.BOILERPLATE;
                } else {
                    inLinkList = false;
                }
            }
            out.add(new Paragraph(out.size() + 1, b.text(), kind));
        }
        MarkdownReader.closingBios(out);
        if (!titled && title != null && !title.isBlank()) {
            // a leading block that reads as the title (a <b> or <font> headline in an old layout) is the title
            for (int i = 0; i < Math.min(5, out.size()); i++) {
                Paragraph p = out.get(i);
                if (p.text().equalsIgnoreCase(title)) {
                    out.set(i, new Paragraph(p.ordinal(), p.text(), ParagraphKind.TITLE));
                    return out;
                }
                if (p.kind() == ParagraphKind.BODY && p.text().length() > 200) break;
            }
            List<Paragraph> withTitle = new ArrayList<>(out.size() + 1);
            withTitle.add(new Paragraph(1, title, ParagraphKind.TITLE));
            for (Paragraph p : out) withTitle.add(new Paragraph(p.ordinal() + 1, p.text(), p.kind()));
            return withTitle;
        }
        return out;
    }

    private static String firstH1(Document doc, List<Block> blocks) {
        for (Block b : blocks) if (b.kind() == ParagraphKind.TITLE) return b.text();
        Element h1 = doc.body() == null ? null : doc.body().selectFirst("h1");
        if (h1 == null) return null;
        String t = h1.text().strip();
        return t.isEmpty() ? null : t;
    }

    private static String bylineAuthor(List<Paragraph> paragraphs) {
        for (Paragraph p : paragraphs) {
            if (p.kind() == ParagraphKind.BYLINE) {
                String a = ArticleParser.bylineAuthor(p.text());
                if (a != null) return a;
            }
        }
        return null;
    }

    /** The first date stated by a date line or a byline ("By Jo Hart | 15 September 2021"). */
    private static LocalDate datelineDate(List<Paragraph> paragraphs, Boolean dayFirst) {
        for (Paragraph p : paragraphs) {
            if (p.kind() == ParagraphKind.DATELINE || p.kind() == ParagraphKind.BYLINE) {
                LocalDate d = ArticleParser.findDate(p.text());
                if (d == null) d = Dates.numeric(p.text(), dayFirst); // "07/12/2026" on a British page
                if (d != null) return d;
            }
        }
        return null;
    }

    /** The first {@code <time datetime>}: marked as the publication date, else in the content, else anywhere. */
    private static LocalDate timeElement(Document doc, List<Element> roots) {
        Element marked = doc.selectFirst("time[datetime][itemprop=datePublished], time[datetime][pubdate]");
        if (marked != null) return Dates.parse(marked.attr("datetime"));
        for (Element root : roots) {
            Element t = root.selectFirst("time[datetime]");
            if (t != null) return Dates.parse(t.attr("datetime"));
        }
        Element any = doc.selectFirst("time[datetime]");
        return any == null ? null : Dates.parse(any.attr("datetime"));
    }

    /** "Talks resume | The Daily Planet" gives "Talks resume" (the suffix is the site's name). */
    private static String cleanTitle(String htmlTitle, String siteName) {
        if (htmlTitle == null) return null;
        String t = ArticleParser.normaliseSpace(htmlTitle);
        if (t.isEmpty()) return null;
        if (siteName != null && t.endsWith(siteName) && t.length() > siteName.length() + 3) {
            String rest = t.substring(0, t.length() - siteName.length()).strip();
            return rest.replaceFirst("\\s*[|–—·•:-]\\s*$", "").strip();
        }
        var m = TITLE_SUFFIX.matcher(t);
        return m.matches() ? m.group(1).strip() : t;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v instanceof String s ? !s.isBlank() : v != null) return v;
        }
        return null;
    }

    private static LocalDate firstDate(LocalDate... values) {
        for (LocalDate d : values) if (d != null) return d;
        return null;
    }

    // ---- metadata -------------------------------------------------------------------------------------------

    /** What the page's head says about the article. */
    private static final class Meta {
        String title;
        String htmlTitle;
        String author;
        LocalDate published;
        String publisher;
        String siteName;
        String url;
        /** How the page's language orders an all-number date (see {@link Dates#dayFirst}). */
        Boolean dayFirst;

        static Meta read(Document doc) {
            Meta m = new Meta();
            Element root = doc.firstElementChild();
            if (root != null) m.dayFirst = Dates.dayFirst(root.hasAttr("lang") ? root.attr("lang") : root.attr("xml:lang"));
            Map<String, String> metas = new java.util.HashMap<>();
            String canonical = null;
            // The head's elements; JSON-LD in the body is read while the body is cleaned (see clean).
            for (Element e : doc.head().getAllElements()) {
                switch (e.normalName()) {
                    case "script" -> {
                        String type = e.attr("type");
                        if (type.regionMatches(true, 0, "application/ld+json", 0, 19)) m.jsonLd(e.data());
                    }
                    case "meta" -> {
                        if (!e.hasAttr("content")) continue;
                        String key = (e.hasAttr("property") ? e.attr("property") : e.hasAttr("name") ? e.attr("name") : e.attr("itemprop"))
                                .toLowerCase(Locale.ROOT).strip();
                        if (!key.isEmpty()) metas.putIfAbsent(key, e.attr("content").strip());
                    }
                    case "link" -> {
                        if (canonical == null && e.attr("rel").strip().equalsIgnoreCase("canonical") && e.hasAttr("href")) {
                            String abs = e.attr("abs:href");
                            canonical = blank(abs.isEmpty() ? e.attr("href") : abs);
                        }
                    }
                    case "title" -> {
                        if (m.htmlTitle == null) m.htmlTitle = blank(e.text());
                    }
                    default -> { }
                }
            }
            if (m.title == null) m.title = blank(metas.get("og:title"));
            if (m.dayFirst == null) m.dayFirst = Dates.dayFirst(first(metas.get("og:locale"), metas.get("content-language")));
            if (m.published == null) {
                for (String k : List.of("article:published_time", "og:published_time", "og:article:published_time",
                        "datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued",
                        "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date")) {
                    LocalDate d = Dates.parse(metas.get(k), m.dayFirst);
                    if (d != null) {
                        m.published = d;
                        break;
                    }
                }
            }
            if (m.author == null) m.author = name(metas.get("author"));
            if (m.author == null) m.author = name(metas.get("article:author"));
            if (m.author == null) m.author = name(metas.get("dc.creator"));
            m.siteName = blank(metas.get("og:site_name"));
            if (m.url == null) m.url = blank(metas.get("og:url"));
            if (m.url == null) m.url = canonical;
            if (m.url == null) m.url = savedFrom(doc);
            return m;
        }

        /**
         * Where a browser saved the page from: its "Mark of the Web" comment before or at the top of the markup,
         * {@code <!-- saved from url=(0061)https://... -->}, or null.
         */
        private static String savedFrom(Document doc) {
            List<Node> nodes = new ArrayList<>(doc.childNodes());
            Element html = doc.firstElementChild();
            if (html != null) nodes.addAll(html.childNodes());
            if (doc.head() != null) nodes.addAll(doc.head().childNodes());
            for (Node n : nodes) {
                if (!(n instanceof org.jsoup.nodes.Comment c)) continue;
                String t = c.getData().strip();
                if (!t.regionMatches(true, 0, "saved from url=", 0, 15)) continue;
                String u = t.substring(15).replaceFirst("^\\(\\d+\\)", "").strip();
                return Urls.absoluteOrNull(u);
            }
            return null;
        }

        /** A person's name, not a profile URL. */
        private static String name(String s) {
            String b = blank(s);
            if (b == null || b.startsWith("http://") || b.startsWith("https://") || b.startsWith("/")) return null;
            return ArticleParser.normaliseSpace(Parser.unescapeEntities(b, false));
        }

        /** What JSON-LD says: trusted over the meta tags whatever its place in the page (see {@link #finish}). */
        String ldTitle;
        String ldAuthor;
        LocalDate ldPublished;
        String ldUrl;
        /** The story's text as JSON-LD states it: read only when the page's markup has none. */
        String ldBody;

        void jsonLd(String json) {
            if (ldTitle != null && ldPublished != null && ldAuthor != null && ldBody != null) return;
            JsonNode root;
            String t = json.strip();
            if (t.startsWith("<!--")) t = t.substring(4);
            if (t.endsWith("-->")) t = t.substring(0, t.length() - 3);
            try (JsonParser p = JSON.createParser(t)) {
                root = JSON.readTree(p);
            } catch (Exception e) {
                return; // broken JSON-LD says nothing; the other sources still do
            }
            JsonNode article = findArticle(root, 0);
            if (article == null) return;
            if (ldBody == null) {
                JsonNode body = article.get("articleBody");
                if (body != null && body.isTextual() && !body.asText().isBlank()) ldBody = body.asText();
            }
            if (ldTitle == null) ldTitle = text(article.get("headline"));
            if (ldTitle == null) ldTitle = text(article.get("name"));
            if (ldPublished == null) ldPublished = Dates.parse(text(article.get("datePublished")));
            if (ldPublished == null) ldPublished = Dates.parse(text(article.get("dateCreated")));
            if (ldAuthor == null) ldAuthor = people(article.get("author"));
            if (publisher == null) publisher = people(article.get("publisher"));
            if (ldUrl == null) ldUrl = text(article.get("url"));
            if (ldUrl == null) {
                JsonNode main = article.get("mainEntityOfPage");
                ldUrl = main == null ? null : main.isTextual() ? text(main) : text(main.get("@id"));
            }
        }

        /** JSON-LD over OpenGraph and the other meta tags. */
        Meta finish() {
            if (ldTitle != null) title = ldTitle;
            if (ldAuthor != null) author = ldAuthor;
            if (ldPublished != null) published = ldPublished;
            if (ldUrl != null) url = ldUrl;
            return this;
        }

        private static JsonNode findArticle(JsonNode n, int depth) {
            if (n == null || depth > 6) return null;
            if (n.isArray()) {
                for (JsonNode c : n) {
                    JsonNode a = findArticle(c, depth + 1);
                    if (a != null) return a;
                }
                return null;
            }
            if (!n.isObject()) return null;
            JsonNode type = n.get("@type");
            if (type != null) {
                for (JsonNode t : type.isArray() ? type : List.of(type)) {
                    if (t.isTextual() && ARTICLE_TYPE.matcher(t.asText().replaceFirst("^.*[/:]", "")).matches()) return n;
                }
            }
            JsonNode graph = n.get("@graph");
            return graph == null ? null : findArticle(graph, depth + 1);
        }

        private static String people(JsonNode n) {
            if (n == null) return null;
            Set<String> names = new LinkedHashSet<>();
            for (JsonNode p : n.isArray() ? n : List.of(n)) {
                String s = p.isTextual() ? name(p.asText()) : p.isObject() ? name(text(p.get("name"))) : null;
                if (s != null) names.add(s);
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }

        private static String text(JsonNode n) {
            if (n == null) return null;
            if (n.isArray()) return n.isEmpty() ? null : text(n.get(0));
            if (!n.isValueNode()) return null;
            String s = blank(n.asText());
            return s == null ? null : ArticleParser.normaliseSpace(Parser.unescapeEntities(s, false));
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
