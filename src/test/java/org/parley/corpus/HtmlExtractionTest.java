package org.parley.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.parley.corpus.Fixtures.allText;
import static org.parley.corpus.Fixtures.bytes;
import static org.parley.corpus.Fixtures.enriched;
import static org.parley.corpus.Fixtures.texts;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.enrich.EnrichedParagraph;

class HtmlExtractionTest {
    @TempDir
    Path dir;

    private final CorpusReader reader = new CorpusReader();

    @Test
    void newsPageWhoseArticleIsASmallPartOfTheMarkup() throws Exception {
        byte[] page = bytes("news-page.html");
        Article a = reader.parse("news-page.html", page);
        assertThat(a.format()).isEqualTo(InputFormat.HTML);
        assertThat(a.id()).isEqualTo("news-page");
        // JSON-LD is trusted over OpenGraph, meta author, canonical and <time>
        assertThat(a.title()).isEqualTo("Kenya and Norway Sign Ports Deal in Mombasa");
        assertThat(a.published()).isEqualTo(LocalDate.of(2025, 3, 14)); // as written, not the UTC date (the 15th)
        assertThat(a.author()).isEqualTo("Mira Okafor, Lars Eng");
        assertThat(a.source()).isEqualTo("Harbour Times Media");
        assertThat(a.url()).isEqualTo("https://harbour-times.example/2025/03/14/ports-deal");

        assertThat(texts(a, ParagraphKind.TITLE)).containsExactly("Kenya and Norway Sign Ports Deal in Mombasa");
        assertThat(texts(a, ParagraphKind.HEADING)).containsExactly("Financing and Timeline");
        assertThat(texts(a, ParagraphKind.CAPTION)).containsExactly(
                "Container cranes at the port of Mombasa, where the agreement was signed on Friday.");
        assertThat(texts(a, ParagraphKind.BYLINE)).containsExactly("By Mira Okafor and Lars Eng");
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "Kenya and Norway signed an agreement on Friday to modernise the port of Mombasa, the two governments said, ending talks that began in 2019.",
                "“This agreement opens a new chapter for trade between our countries,” said Foreign Minister Amina Jeptoo at the signing ceremony.",
                "Under the deal, Norway will lend 400 million dollars over ten years, with the first works due to start in 2026, according to the ministry.",
                "The port is the gateway to East Africa, and its capacity limits the whole region.",
                "The agreement covers three areas:",
                "dredging of the main channel to admit larger vessels,",
                "new berths for container ships, and",
                "training for port workers in Mombasa and in Bergen.",
                "Critics in Nairobi have questioned the cost of the loan, and opposition lawmakers asked for the full text to be published.");
        String all = allText(a);
        for (String furniture : new String[]{"cookies", "World", "Share on", "Most read", "Floods", "Sign up", "terrible deal",
                "All rights reserved", "Tracking script", "style text", "Tanzania", "Advertisement", "Home"}) {
            assertThat(all).as(furniture).doesNotContain(furniture);
        }
        // paragraphs are numbered in document order
        assertThat(a.paragraphs()).extracting(Paragraph::ordinal).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, a.paragraphs().size()).boxed().toArray(Integer[]::new));

        // enrichment runs on the result as on text: countries, years, speakers
        EnrichedParagraph first = enriched(a, "modernise the port");
        assertThat(first.metadata().countries()).contains("KE", "NO");
        assertThat(first.metadata().years()).contains(2019);
        assertThat(enriched(a, "new chapter").metadata().speakers()).isNotEmpty();
        // the footer's copyright years are gone with the footer
        assertThat(Fixtures.ENRICHER.enrich(a).paragraphs()).noneSatisfy(p -> assertThat(p.paragraph().text()).contains("©"));
    }

    @Test
    void metadataFallsBackInOrderOfTrust() throws Exception {
        String withoutJsonLd = new String(bytes("news-page.html"), StandardCharsets.UTF_8)
                .replaceAll("(?s)<script type=\"application/ld\\+json\">.*?</script>", "");
        Article og = reader.parse("p.html", withoutJsonLd.getBytes(StandardCharsets.UTF_8));
        assertThat(og.title()).isEqualTo("Kenya and Norway sign ports deal (OG title, less trusted)");
        assertThat(og.published()).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(og.author()).isEqualTo("Desk Editor");
        assertThat(og.source()).isEqualTo("The Harbour Times");
        assertThat(og.url()).isEqualTo("https://harbour-times.example/og/ports-deal");

        String bare = withoutJsonLd.replaceAll("<meta (property|name)=\"(og:|article:|author)[^>]*>", "");
        Article b = reader.parse("p.html", bare.getBytes(StandardCharsets.UTF_8));
        assertThat(b.title()).isEqualTo("Kenya and Norway Sign Ports Deal in Mombasa"); // the h1
        assertThat(b.published()).isEqualTo(LocalDate.of(2025, 3, 15)); // <time datetime>
        assertThat(b.author()).isEqualTo("Mira Okafor and Lars Eng"); // the byline
        assertThat(b.url()).isEqualTo("https://harbour-times.example/canonical/ports-deal");
        assertThat(b.source()).isNull();
    }

    @Test
    void jsonLdInTheBodyIsStillTrustedOverMetaTags() throws Exception {
        String html = "<html><head><meta property=og:title content=\"OG Title\"><meta name=author content=\"Meta Author\"></head><body>"
                + "<article><p>Vietnam and Laos signed a railway agreement in Hanoi on Monday, the ministry said.</p></article>"
                + "<script type=\"application/ld+json\">[{\"@type\": [\"NewsArticle\"], \"headline\": \"LD Headline\", "
                + "\"author\": \"LD Author\", \"datePublished\": \"2023-07-08\"}]</script></body></html>";
        Article a = reader.parse("ld.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(a.title()).isEqualTo("LD Headline");
        assertThat(a.author()).isEqualTo("LD Author");
        assertThat(a.published()).isEqualTo(LocalDate.of(2023, 7, 8));
        assertThat(texts(a, ParagraphKind.TITLE)).containsExactly("LD Headline"); // no <h1>: the headline leads
        // broken JSON-LD is ignored, not fatal
        Article b = reader.parse("b.html", html.replace("[{", "[{,,").getBytes(StandardCharsets.UTF_8));
        assertThat(b.title()).isEqualTo("OG Title");
        assertThat(b.author()).isEqualTo("Meta Author");
    }

    @Test
    void charsetDeclaredOnlyInMetaIsHonoured() throws Exception {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "<title>Café talks</title></head><body><article><h1>Café Talks in Brussels</h1>"
                + "<p>Ministers met at a café in Brussels on Monday to discuss “fair” trade rules for Belgium.</p></article></body></html>";
        Article a = reader.parse("cafe.html", html.getBytes(Charset.forName("windows-1252")));
        assertThat(a.title()).isEqualTo("Café Talks in Brussels");
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly("Ministers met at a café in Brussels on Monday to discuss “fair” trade rules for Belgium.");

        String ru = "<!doctype html><meta charset=\"koi8-r\"><title>x</title><p>Переговоры в Москве продолжились во вторник, сообщил МИД России.</p>";
        Article r = reader.parse("ru.html", ru.getBytes(Charset.forName("KOI8-R")));
        assertThat(texts(r, ParagraphKind.BODY)).containsExactly("Переговоры в Москве продолжились во вторник, сообщил МИД России.");

        // no declaration: UTF-8 when valid, else Windows-1252
        String none = "<html><body><p>Déjà vu in Zürich, where the talks resumed on Monday afternoon.</p></body></html>";
        assertThat(allText(reader.parse("a.html", none.getBytes(StandardCharsets.UTF_8)))).contains("Déjà vu in Zürich");
        assertThat(allText(reader.parse("b.html", none.getBytes(Charset.forName("windows-1252"))))).contains("Déjà vu in Zürich");
    }

    @Test
    void aPageDeclaringUtf8ButWrittenInLatin1IsReadAsLatin1() throws Exception {
        // A template's <meta charset="utf-8"> over text saved in Latin-1: every accented letter was U+FFFD ("caf\uFFFD").
        String html = "<html><head><meta charset=\"utf-8\"><title>Café diplomacy</title></head><body><article>"
                + "<h1>Café diplomacy</h1><p>The ministers met at a café near the façade of the old embassy, where the "
                + "négociations went on until late.</p></article></body></html>";
        Article a = reader.parse("latin.html", html.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(a.title()).isEqualTo("Café diplomacy");
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "The ministers met at a café near the façade of the old embassy, where the négociations went on until late.");
        // real UTF-8 with one damaged byte stays UTF-8 (the rule must not turn good pages into mojibake)
        byte[] utf8 = html.replace("late.", "late. Zürich \u2014 Genève.").getBytes(StandardCharsets.UTF_8);
        byte[] damaged = java.util.Arrays.copyOf(utf8, utf8.length);
        int at = html.indexOf("Café diplomacy</title>") + 3; // the first byte of the title's é
        damaged[at] = (byte) 0xFF;
        Article d = reader.parse("damaged.html", damaged);
        assertThat(allText(d)).contains("façade", "Zürich — Genève.");
    }

    @Test
    void aPageSavedAsOneFileMhtmlIsReadFromItsHtmlPart() throws Exception {
        // "Save as: Web page, single file": a MIME message, the page quoted-printable. It was read as markup ("Wedn=
        // esday", "=E2=80=9Cimpressive=E2=80=9D" in the text, no URL) and a .mht file was refused as an unsupported type.
        String mhtml = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://coastline.example/port-visit\r\n"
                + "Subject: Delegation visits the port\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
                + "\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--p0rt----\"\r\n\r\n\r\n"
                + "------MultipartBoundary--p0rt----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://coastline.example/port-visit\r\n\r\n"
                + "<!DOCTYPE html><html><head><meta charset=3D\"utf-8\"><title>Delegation visits the port</title></head><bo=\r\n"
                + "dy><article><h1>Delegation visits the port</h1><p>A trade delegation toured the container port on Wedn=\r\n"
                + "esday, the first such visit since the terminal opened.</p><p>Its head called the terminal =E2=80=9Cimp=\r\n"
                + "ressive=E2=80=9D and said exports could be routed through it.</p></article></body></html>\r\n\r\n"
                + "------MultipartBoundary--p0rt----\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                + "Content-Location: https://coastline.example/site.css\r\n\r\nbody { color: red; }\r\n\r\n"
                + "------MultipartBoundary--p0rt------\r\n";
        for (String name : new String[]{"port-visit.mhtml", "port-visit.mht"}) {
            Path f = dir.resolve(name);
            Files.writeString(f, mhtml, StandardCharsets.US_ASCII);
            Article a = reader.read(f);
            assertThat(a.format()).isEqualTo(InputFormat.HTML);
            assertThat(a.title()).isEqualTo("Delegation visits the port");
            assertThat(a.url()).isEqualTo("https://coastline.example/port-visit");
            assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                    "A trade delegation toured the container port on Wednesday, the first such visit since the terminal opened.",
                    "Its head called the terminal “impressive” and said exports could be routed through it.");
            assertThat(allText(a)).doesNotContain("color");
        }
        // an old IE save: base64, the charset in the part's header only
        String page = "<html><body><div class=\"story\"><p>Ministers met at a café in Brussels to discuss fair trade rules.</p></div></body></html>";
        String ie = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_000_0000\"\r\n\r\n"
                + "This is a multi-part message in MIME format.\r\n\r\n------=_NextPart_000_0000\r\n"
                + "Content-Type: text/html; charset=\"windows-1252\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Location: http://brussels.example/cafe.htm\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(page.getBytes(Charset.forName("windows-1252"))) + "\r\n\r\n"
                + "------=_NextPart_000_0000--\r\n";
        Article b = reader.parse("cafe.mht", ie.getBytes(StandardCharsets.US_ASCII));
        assertThat(texts(b, ParagraphKind.BODY)).containsExactly("Ministers met at a café in Brussels to discuss fair trade rules.");
        assertThat(b.url()).isEqualTo("http://brussels.example/cafe.htm");
        // a saved message with no page in it is refused with the reason
        String noPage = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n";
        assertThatThrownBy(() -> reader.parse("img.mhtml", noPage.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(CorpusException.class).hasMessageContaining("no text/html part");
    }

    @Test
    void datesInTheFormsPagesWriteThemAndTheOrderTheirLanguageUses() throws Exception {
        // All-number dates were never read ("07/12/2026" on a British page: no date), nor Unix time in a meta tag.
        String[][] cases = { // html lang, meta date, expected
                {"en-GB", "07/12/2026", "2026-12-07"},
                {"fr", "07.12.2026", "2026-12-07"},
                {"en-US", "07/12/2026", "2026-07-12"},
                {"en", "07/12/2026", null}, // either order: no date rather than a wrong one
                {"en", "17/12/2026", "2026-12-17"}, // only one order is a date
                {"", "12/17/2026", "2026-12-17"},
                {"", "2026/12/07", "2026-12-07"},
                {"", "1796637600", "2026-12-07"}, // Unix time as a string
                {"", "1796637600000", "2026-12-07"},
                {"", "Dec. 7, 2026", "2026-12-07"},
                {"", "7 December 2026", "2026-12-07"},
                {"", "2026-12-07T10:00:00+07:00", "2026-12-07"},
        };
        for (String[] c : cases) {
            String html = "<html" + (c[0].isEmpty() ? "" : " lang=\"" + c[0] + "\"") + "><head><title>Committee agrees text</title>"
                    + "<meta name=\"date\" content=\"" + c[1] + "\"></head><body><article><h1>Committee agrees text</h1>"
                    + "<p>The committee met on Monday to agree the text of the joint statement, officials said.</p></article></body></html>";
            Article a = reader.parse("d.html", html.getBytes(StandardCharsets.UTF_8));
            assertThat(a.published()).as(c[0] + " " + c[1]).isEqualTo(c[2] == null ? null : LocalDate.parse(c[2]));
        }
        // the same in a date line of the page, the language read from og:locale
        String page = "<html><head><meta property=\"og:locale\" content=\"en_GB\"><title>Committee agrees text</title></head><body>"
                + "<article><h1>Committee agrees text</h1><p class=\"date\">07/12/2026</p>"
                + "<p>The committee met on Monday to agree the text of the joint statement, officials said.</p></article></body></html>";
        Article a = reader.parse("e.html", page.getBytes(StandardCharsets.UTF_8));
        assertThat(a.published()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(texts(a, ParagraphKind.DATELINE)).containsExactly("07/12/2026");
    }

    @Test
    void aLiveBlogsTimestampsAreDateLinesNotSearchableText() throws Exception {
        // Each post of a live blog opens with its time: "12:40" was a searchable body paragraph of its own.
        String html = "<html><head><title>Live: Summit day two</title></head><body><main><h1>Live: Summit day two</h1><div class=\"liveblog\">"
                + "<div class=\"live-post\"><time datetime=\"2026-12-07T12:40:00+01:00\">12:40</time><h2>Leaders pose for photo</h2>"
                + "<p>The leaders gathered on the steps of the conference centre before lunch.</p></div>"
                + "<div class=\"live-post\"><span class=\"stamp\">11:15 GMT</span>"
                + "<p>The host's foreign minister told reporters the morning session had been productive.</p></div>"
                + "<div class=\"live-post\"><span>9:02 am</span><p>At 9:02 the first delegation arrived at the conference centre.</p></div>"
                + "</div></main></body></html>";
        Article a = reader.parse("live.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(texts(a, ParagraphKind.DATELINE)).containsExactly("12:40", "11:15 GMT", "9:02 am");
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly( // a sentence that names a time is still text
                "The leaders gathered on the steps of the conference centre before lunch.",
                "The host's foreign minister told reporters the morning session had been productive.",
                "At 9:02 the first delegation arrived at the conference centre.");
        assertThat(a.published()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void blogThemesMetaLinesNameTheAuthorAndAreNotSearchable() throws Exception {
        // A WordPress theme's entry meta ("Posted on <time> by <author link>") was a searchable body paragraph and the
        // article had no author; a print view's "Published: 07/12/2026 | By Hal Brenner" the same; a Ghost theme's
        // <h4 class="author-name"> was boilerplate (a link) and its author lost.
        String wp = "<html lang=\"en-GB\"><head><title>Border talks stall &#8211; The Lowland Courier</title></head><body><main><article>"
                + "<header class=\"entry-header\"><h1 class=\"entry-title\">Border talks stall over river rights</h1>"
                + "<div class=\"entry-meta\"><span class=\"posted-on\">Posted on <a href=\"/2026/12/07/\"><time class=\"entry-date published\">"
                + "December 7, 2026</time></a></span><span class=\"byline\"> by <span class=\"author vcard\"><a class=\"url fn n\" "
                + "href=\"/author/mira/\">Mira Tansek</a></span></span></div></header><div class=\"entry-content\">"
                + "<p>Negotiators ended a third day of talks on Tuesday without agreeing how the river's water should be shared.</p>"
                + "<p>On December 7, 2026 the draft was signed by Mira Tansek's counterpart and two other ministers.</p>"
                + "</div></article></main></body></html>";
        Article a = reader.parse("wp.html", wp.getBytes(StandardCharsets.UTF_8));
        assertThat(a.author()).isEqualTo("Mira Tansek");
        assertThat(a.published()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(texts(a, ParagraphKind.BYLINE)).containsExactly("Posted on December 7, 2026 by Mira Tansek");
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly( // a sentence with a date and a "by" is still a sentence
                "Negotiators ended a third day of talks on Tuesday without agreeing how the river's water should be shared.",
                "On December 7, 2026 the draft was signed by Mira Tansek's counterpart and two other ministers.");

        String print = "<html lang=\"en-GB\"><head><title>Print: Sanctions eased on grain exports</title></head><body>"
                + "<h1>Sanctions eased on grain exports</h1><p class=\"print-meta\">Published: 07/12/2026 | By Hal Brenner</p>"
                + "<p>The council agreed on Thursday to ease restrictions on grain shipments, a move diplomats said could lower prices.</p>"
                + "</body></html>";
        Article p = reader.parse("print.html", print.getBytes(StandardCharsets.UTF_8));
        assertThat(p.author()).isEqualTo("Hal Brenner");
        assertThat(p.published()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(texts(p, ParagraphKind.BYLINE)).containsExactly("Published: 07/12/2026 | By Hal Brenner");

        String ghost = "<html><head><title>A quiet week at the embassy</title></head><body><main><article class=\"article post\">"
                + "<header class=\"article-header\"><h1 class=\"article-title\">A quiet week at the embassy</h1>"
                + "<div class=\"article-byline\"><h4 class=\"author-name\"><a href=\"/author/lena/\">Lena Hobb</a></h4></div></header>"
                + "<section class=\"gh-content\"><p>Nothing happened at the embassy this week, according to the embassy.</p>"
                + "<h3 class=\"section-title\">Visa rules</h3><p>The ambassador gave an interview about visa rules to a local radio station.</p>"
                + "</section></article></main></body></html>";
        Article g = reader.parse("ghost.html", ghost.getBytes(StandardCharsets.UTF_8));
        assertThat(g.author()).isEqualTo("Lena Hobb");
        assertThat(texts(g, ParagraphKind.BYLINE)).containsExactly("Lena Hobb");
        assertThat(texts(g, ParagraphKind.HEADING)).containsExactly("Visa rules");
    }

    @Test
    void anAmpPagesAdsShareBarsAndMenusAreNotText() throws Exception {
        // <amp-ad>'s placeholder ("Loading ad") was a body paragraph between the story's paragraphs.
        String html = "<!doctype html><html amp lang=\"en\"><head><meta charset=\"utf-8\"><title>Aid convoy crosses border</title>"
                + "<link rel=\"canonical\" href=\"https://news.example/world/aid-convoy\"></head><body>"
                + "<amp-sidebar id=\"sidebar\" layout=\"nodisplay\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></amp-sidebar>"
                + "<article><h1>Aid convoy crosses border</h1><amp-img src=\"truck.jpg\" width=\"600\" height=\"400\" alt=\"Trucks\"></amp-img>"
                + "<p>A convoy of forty trucks carrying food and medicine crossed the border on Saturday after a week of delays.</p>"
                + "<amp-ad width=\"300\" height=\"250\" type=\"doubleclick\"><div placeholder>Loading ad</div><div fallback>Ad could not be shown</div></amp-ad>"
                + "<p>Aid agencies said the supplies would reach about twelve thousand people in the region.</p>"
                + "<amp-social-share type=\"twitter\">Share on Twitter</amp-social-share>"
                + "<amp-accordion><section><h2>Background</h2><p>The border has been closed to trade since the spring.</p></section></amp-accordion>"
                + "</article></body></html>";
        Article a = reader.parse("amp.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(a.url()).isEqualTo("https://news.example/world/aid-convoy");
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly( // an accordion's text is the story's (not an ad)
                "A convoy of forty trucks carrying food and medicine crossed the border on Saturday after a week of delays.",
                "Aid agencies said the supplies would reach about twelve thousand people in the region.",
                "The border has been closed to trade since the spring.");
        assertThat(allText(a)).doesNotContain("Loading ad", "Ad could not", "Share on", "Home");
    }

    @Test
    void aPullQuoteThatRepeatsTheStoryIsReadOnceAndABlogsReadingTimeAndCountersAreNotText() throws Exception {
        // A pull quote repeats a sentence of the story: it was a paragraph of its own, the words searchable twice.
        // Medium-style headers left "·", "--", a clap count "1" and "4 min read·Dec 7, 2026" as body paragraphs.
        String html = "<html><head><title>Minister defends visa plan</title></head><body><article><h1>Minister defends visa plan</h1>"
                + "<div class=\"meta\"><span>·</span></div><div><span>4 min read</span><span>·</span><span>Dec 7, 2026</span></div>"
                + "<div class=\"clap\">--</div><div><span>1</span></div>"
                + "<p>The interior minister defended the new visa rules on Tuesday, saying they would make travel easier for students.</p>"
                + "<blockquote class=\"wp-block-pullquote\"><p>“This is about opening doors, not closing them”</p></blockquote>"
                + "<p>“This is about opening doors, not closing them,” she told parliament during a four-hour debate.</p>"
                + "<blockquote class=\"pull-quote\"><p>Applicants will be able to apply online and get a decision in ten working days.</p></blockquote>"
                + "<h2>2019</h2><p>It takes a 5 minute read of the old rules to see why students complained about them.</p>"
                + "</article></body></html>";
        Article a = reader.parse("visa.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "The interior minister defended the new visa rules on Tuesday, saying they would make travel easier for students.",
                "“This is about opening doors, not closing them,” she told parliament during a four-hour debate.",
                // a "pull quote" said nowhere else is the only place its words are: kept
                "Applicants will be able to apply online and get a decision in ten working days.",
                "It takes a 5 minute read of the old rules to see why students complained about them.");
        assertThat(texts(a, ParagraphKind.HEADING)).containsExactly("2019"); // a timeline's year stays a heading
        assertThat(texts(a, ParagraphKind.BOILERPLATE)).containsExactly("·", "--", "1");
        assertThat(texts(a, ParagraphKind.DATELINE)).containsExactly("4 min read·Dec 7, 2026");
        assertThat(a.published()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void malformedMarkupStillYieldsItsParagraphs() throws Exception {
        Article a = reader.parse("malformed.html", bytes("malformed.html"));
        assertThat(a.title()).isEqualTo("Border Talks Resume in Geneva");
        String all = allText(a);
        assertThat(all).contains("Delegations from Armenia and Azerbaijan met in Geneva on Tuesday");
        assertThat(all).contains("The talks, the first since 2023, lasted six hours and ended without a joint statement, officials said.");
        assertThat(all).contains("A second round is planned for next month");
        assertThat(all).doesNotContain("not text");
        assertThat(texts(a, ParagraphKind.BODY)).contains( // paragraphs left inside the unclosed <h1> are body text
                "Delegations from Armenia and Azerbaijan met in Geneva on Tuesday, the Swiss foreign ministry said, in talks mediated by Switzerland.",
                "Attribute soup, custom elements and & entities été — all decoded correctly.");
        assertThat(enriched(a, "Delegations").metadata().countries()).contains("AM", "AZ", "CH");
    }

    @Test
    void oldTableLayoutWithFontTagsAndBreaks() throws Exception {
        Article a = reader.parse("legacy-page.html", bytes("legacy-page.html"));
        assertThat(a.title()).isEqualTo("Ministers Meet on River Treaty");
        assertThat(a.author()).isEqualTo("John Smith");
        assertThat(a.published()).isEqualTo(LocalDate.of(2021, 6, 3));
        assertThat(a.url()).isNull();
        assertThat(a.paragraphs()).extracting(Paragraph::kind).containsExactly(ParagraphKind.TITLE, ParagraphKind.BYLINE,
                ParagraphKind.DATELINE, ParagraphKind.BODY, ParagraphKind.BODY, ParagraphKind.BODY, ParagraphKind.BODY);
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "Water ministers from Egypt, Sudan and Ethiopia met in Khartoum on Thursday to discuss the filling of the dam, the Sudanese news agency reported.",
                "The talks, mediated by the African Union, are the first since negotiations stalled in 2020, officials said.",
                "\"We want a binding agreement, not more promises,\" said Egyptian Water Minister Hany Sewilam after the meeting.",
                "A further round is scheduled for July in Addis Ababa.");
        assertThat(enriched(a, "Khartoum").metadata().countries()).contains("EG", "SD", "ET");
        assertThat(enriched(a, "binding agreement").metadata().speakers()).isNotEmpty();
        assertThat(Fixtures.ENRICHER.enrich(a).paragraphs()).noneSatisfy(p -> assertThat(p.metadata().years()).contains(1998));
    }

    @Test
    void teaserArticlesInARelatedBoxDoNotProtectIt() throws Exception {
        String html = "<html><body><main><article><h1>Japan and Korea Resume Talks</h1>"
                + "<p>Japan and South Korea resumed security talks in Seoul on Wednesday, the first such meeting since 2018, officials said.</p>"
                + "<p>The delegations discussed missile warnings and the exchange of intelligence, according to the defence ministry.</p>"
                + "</article></main><section class=\"related-stories\"><article><h2>Other story one headline here</h2>"
                + "<p>Teaser text of another story about markets, shares and currencies in the region this week.</p></article>"
                + "<article><h2>Other story two</h2><p>Teaser text of yet another story, about the weather and the floods.</p></article>"
                + "</section></body></html>";
        Article a = reader.parse("k.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "Japan and South Korea resumed security talks in Seoul on Wednesday, the first such meeting since 2018, officials said.",
                "The delegations discussed missile warnings and the exchange of intelligence, according to the defence ministry.");
        assertThat(allText(a)).doesNotContain("Teaser");
    }

    @Test
    void readingIsThreadSafeAndDeterministic() throws Exception {
        String[] names = {"news-page.html", "legacy-page.html", "malformed.html", "briefing.md"};
        java.util.List<Article> expected = new java.util.ArrayList<>();
        for (String n : names) expected.add(reader.parse(n, bytes(n)));
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            java.util.List<java.util.concurrent.Future<java.util.List<Article>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    java.util.List<Article> out = new java.util.ArrayList<>();
                    for (int k = 0; k < 20; k++) {
                        out.clear();
                        for (String n : names) out.add(reader.parse(n, bytes(n)));
                    }
                    return out;
                }));
            }
            for (var r : runs) assertThat(r.get()).isEqualTo(expected);
        }
    }

    @Test
    void aBylineThatAlsoGivesTheDateNamesOnlyTheAuthorAndDatesTheArticle() throws Exception {
        // A story header's meta line ("By Jo Hart <time>15 September 2021</time>") is one block: its author used to be
        // "Jo Hart 15 September 2021", and the date in it was not taken when the page states no other.
        String[][] cases = {
                {"By Jo Hart 15 September 2021", "Jo Hart", "2021-09-15"},
                {"By Jo Hart | 15 September 2021", "Jo Hart", "2021-09-15"},
                {"By Jo Hart, March 3, 2022", "Jo Hart", "2022-03-03"},
                {"By Jo Hart on Monday, March 3, 2022 at 10:00 am", "Jo Hart", "2022-03-03"},
                {"By Jo Hart and Ed Lim - Updated 2 hours ago", "Jo Hart and Ed Lim", null},
                {"By Jo Hart, Ed Lim and Ana Ruiz", "Jo Hart, Ed Lim and Ana Ruiz", null},
                {"By Theresa May", "Theresa May", null},
        };
        for (String[] c : cases) {
            String html = "<html><body><article><h1>Port strike ends after a week</h1><div class=\"meta\">" + c[0] + "</div>"
                    + "<p>Dock workers in the port ended their strike on Friday, after the company offered a new contract.</p>"
                    + "</article></body></html>";
            Article a = reader.parse("b.html", html.getBytes(StandardCharsets.UTF_8));
            assertThat(texts(a, ParagraphKind.BYLINE)).as(c[0]).containsExactly(c[0]);
            assertThat(a.author()).as(c[0]).isEqualTo(c[1]);
            assertThat(a.published()).as(c[0]).isEqualTo(c[2] == null ? null : LocalDate.parse(c[2]));
        }
    }

    @Test
    void aCopyrightLineInsideTheStoryBodyIsNotSearchable() throws Exception {
        String html = "<html><body><article><h1>Minister quits over leak</h1><div class=\"story-body\">"
                + "<p>The interior minister resigned on Wednesday after a leaked memo showed she had known for months.</p>"
                + "<p>Copyright 2021 Metro Post. All rights reserved.</p></div></article></body></html>";
        Article a = reader.parse("c.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "The interior minister resigned on Wednesday after a leaked memo showed she had known for months.");
        assertThat(texts(a, ParagraphKind.BOILERPLATE)).containsExactly("Copyright 2021 Metro Post. All rights reserved.");
    }

    @Test
    void aPageWhoseTextIsOnlyInItsJsonLdArticleBodyIsReadFromThere() throws Exception {
        // A script-rendered page: the markup is an empty app shell, the story is in JSON-LD (it was refused as
        // "empty after extraction").
        String html = "<html><head><title>Rail strike ends | Daily Wave</title><script type=\"application/ld+json\">"
                + "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Rail strike ends after deal\","
                + "\"datePublished\":\"2024-02-10T09:00:00Z\",\"author\":{\"@type\":\"Person\",\"name\":\"Ola Brandt\"},"
                + "\"articleBody\":\"Rail workers returned to work on Saturday after unions accepted a new pay offer.\\n\\n"
                + "The deal ends a strike that lasted three weeks, the longest in a decade.\"}</script></head>"
                + "<body><div id=\"app\"></div><noscript>Please enable JavaScript.</noscript></body></html>";
        Article a = reader.parse("spa.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(a.title()).isEqualTo("Rail strike ends after deal");
        assertThat(a.author()).isEqualTo("Ola Brandt");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(texts(a, ParagraphKind.TITLE)).containsExactly("Rail strike ends after deal");
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "Rail workers returned to work on Saturday after unions accepted a new pay offer.",
                "The deal ends a strike that lasted three weeks, the longest in a decade.");
        // markup in the articleBody is read as markup; the page's own text, when it has some, still comes first
        Article m = reader.parse("m.html", html.replace("Rail workers returned", "<p>Rail workers returned")
                .replace("offer.\\n\\n", "offer.</p><p>").replace("decade.\"", "decade.</p>\"").getBytes(StandardCharsets.UTF_8));
        assertThat(texts(m, ParagraphKind.BODY)).containsExactly(
                "Rail workers returned to work on Saturday after unions accepted a new pay offer.",
                "The deal ends a strike that lasted three weeks, the longest in a decade.");
        Article own = reader.parse("own.html", html.replace("<div id=\"app\"></div>",
                "<article><p>The page's own text, which says that the strike ended on Saturday, is what is read.</p></article>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(texts(own, ParagraphKind.BODY)).containsExactly(
                "The page's own text, which says that the strike ended on Saturday, is what is read.");
    }

    @Test
    void aDataTableRowIsOneParagraphNotOneParagraphPerCell() throws Exception {
        // Each cell was a paragraph of its own: a search for "9" found a body paragraph that was just "9".
        String html = "<html><body><article><h1>Harbour plan approved</h1>"
                + "<p>Councillors voted on Thursday to approve the harbour plan, after a debate of six hours.</p>"
                + "<table><tr><th>Vote</th><th>Councillors</th></tr><tr><td>For</td><td>14</td></tr>"
                + "<tr><td>Against</td><td>9</td></tr></table>"
                + "<p>The plan now goes to the regional government for approval.</p></article></body></html>";
        Article a = reader.parse("t.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "Councillors voted on Thursday to approve the harbour plan, after a debate of six hours.",
                "Vote Councillors", "For 14", "Against 9",
                "The plan now goes to the regional government for approval.");
    }

    @Test
    void hardWrappedLinesInsideAParagraphAreJoined() throws Exception {
        String html = "<html><body><article><p>The delegation from Kenya arrived on Monday and<br>\nmet the foreign minister in the afternoon.<br>"
                + "Talks continue on Tuesday.</p></article></body></html>";
        Article a = reader.parse("w.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "The delegation from Kenya arrived on Monday and met the foreign minister in the afternoon.", "Talks continue on Tuesday.");
    }

    @Test
    void deeplyNestedMarkupIsBoundedInTimeAndKeepsItsText() throws Exception {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++) html.append(i % 2 == 0 ? "<div>" : "<span>");
        html.append("<p>Deep inside the markup, the statement said that Chile and Peru would resume the talks in 2027.</p>");
        Article a = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> reader.parse("deep.html", html.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(texts(a, ParagraphKind.BODY)).contains("Deep inside the markup, the statement said that Chile and Peru would resume the talks in 2027.");
    }

    @Test
    void extensionlessHtmlIsAPageNotRawMarkup() throws Exception {
        Path f = dir.resolve("saved_page");
        Files.write(f, bytes("news-page.html"));
        Article a = reader.read(f);
        assertThat(a.format()).isEqualTo(InputFormat.HTML);
        assertThat(a.title()).isEqualTo("Kenya and Norway Sign Ports Deal in Mombasa");
        assertThat(allText(a)).doesNotContain("<p>").doesNotContain("<!DOCTYPE");
    }

    @Test
    void pagesWithNothingToSearchAndOversizedPagesAreRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> reader.parse("nav.html", "<html><body><nav><a href=/>Home</a></nav></body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorpusException.class).hasMessageContaining("empty after extraction");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> reader.parse("renamed.html", png)).isInstanceOf(CorpusException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> reader.parse("zero.html", new byte[0])).isInstanceOf(CorpusException.class).hasMessageContaining("empty file");
        CorpusReader small = new CorpusReader(CorpusLimits.defaults().withHtmlPageBytes(1000));
        assertThatThrownBy(() -> small.parse("news-page.html", bytes("news-page.html")))
                .isInstanceOf(CorpusException.class).hasMessageContaining("HTML page too large").hasMessageContaining("limit 1000");
    }
}
