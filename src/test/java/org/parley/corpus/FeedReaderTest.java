package org.parley.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.parley.corpus.Fixtures.allText;
import static org.parley.corpus.Fixtures.bytes;
import static org.parley.corpus.Fixtures.enriched;
import static org.parley.corpus.Fixtures.texts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedReaderTest {
    @TempDir
    Path dir;

    private final CorpusReader reader = new CorpusReader();

    private FileArticles read(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return reader.readAll(f);
    }

    @Test
    void rssItemsAreArticlesWithTheirLinkDateAndAuthor() throws Exception {
        FileArticles r = read("feed-rss.xml", bytes("feed-rss.xml"));
        assertThat(r.format()).isEqualTo(InputFormat.FEED);
        assertThat(r.articles()).hasSize(3);
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.where()).isEqualTo("item 3");
            assertThat(s.reason()).contains("empty after extraction");
        });

        Article fiji = r.articles().get(0);
        assertThat(fiji.id()).isEqualTo("feed-rss-pd-7781");
        assertThat(fiji.format()).isEqualTo(InputFormat.FEED);
        assertThat(fiji.title()).isEqualTo("Fiji and Tonga Sign Maritime Boundary Treaty");
        assertThat(fiji.published()).isEqualTo(LocalDate.of(2025, 1, 20)); // as the feed states it, not the UTC date
        assertThat(fiji.author()).isEqualTo("Sione Taufa");
        assertThat(fiji.source()).isEqualTo("Pacific Desk");
        assertThat(fiji.url()).isEqualTo("https://pacific-desk.example/2025/01/20/fiji-tonga");
        assertThat(texts(fiji, ParagraphKind.TITLE)).containsExactly("Fiji and Tonga Sign Maritime Boundary Treaty");
        assertThat(texts(fiji, ParagraphKind.HEADING)).containsExactly("Fishing Zones");
        assertThat(texts(fiji, ParagraphKind.CAPTION)).containsExactly("Delegates at the ceremony in Suva.");
        assertThat(texts(fiji, ParagraphKind.BODY)).containsExactly(
                "Fiji and Tonga signed a treaty on Monday fixing their maritime boundary, ending a disagreement that began in 1972.",
                "“The ocean unites us,” said Prime Minister Losa Fifita after the signing.",
                "Joint patrols start in March.",
                "A review is due in 2030.");
        assertThat(allText(fiji)).doesNotContain("Share on").doesNotContain("teaser");
        assertThat(enriched(fiji, "maritime boundary").metadata().countries()).contains("FJ", "TO");
        assertThat(enriched(fiji, "maritime boundary").metadata().years()).contains(1972);
        assertThat(enriched(fiji, "ocean unites").metadata().speakers()).isNotEmpty();

        Article samoa = r.articles().get(1);
        assertThat(samoa.title()).isEqualTo("Samoa Hosts Climate Meeting & Forum");
        assertThat(samoa.author()).isEqualTo("Mele Tuilagi");
        assertThat(samoa.url()).isEqualTo("https://pacific-desk.example/2025/01/21/samoa"); // resolved against the channel link
        assertThat(samoa.published()).isEqualTo(LocalDate.of(2025, 1, 21));
        assertThat(texts(samoa, ParagraphKind.BODY)).containsExactly(
                "Samoa hosted a regional climate meeting in Apia on Tuesday, with ministers from Vanuatu and Kiribati.");
        assertThat(samoa.id()).isEqualTo("feed-rss-" + ArticleIds.hash("https://pacific-desk.example/2025/01/21/samoa"));

        Article nauru = r.articles().get(2);
        assertThat(nauru.author()).isNull();
        assertThat(nauru.url()).isNull(); // a guid is no link
        assertThat(texts(nauru, ParagraphKind.BODY)).containsExactly(
                "Nauru joined the regional fisheries pact on Wednesday, its government said. Tom & Jerry are not involved.");
    }

    @Test
    void atomEntries() throws Exception {
        FileArticles r = read("feed-atom.xml", bytes("feed-atom.xml"));
        assertThat(r.articles()).hasSize(2);
        Article a = r.articles().get(0);
        assertThat(a.title()).isEqualTo("Finland and Sweden Deepen Defence Ties");
        assertThat(a.published()).isEqualTo(LocalDate.of(2025, 5, 2)); // published, not updated
        assertThat(a.author()).isEqualTo("Ingrid Dahl");
        assertThat(a.source()).isEqualTo("Nordic Notes");
        assertThat(a.url()).isEqualTo("https://nordic-notes.example/2025/05/02/defence");
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "Finland and Sweden agreed on Friday to hold joint exercises every year, the defence ministries said.",
                "The first exercise is planned for 2026 near the Norwegian border.");
        assertThat(enriched(a, "joint exercises").metadata().countries()).contains("FI", "SE");

        Article b = r.articles().get(1);
        assertThat(b.author()).isEqualTo("Editorial Team"); // the feed's author
        assertThat(b.published()).isEqualTo(LocalDate.of(2025, 5, 3)); // only updated is given
        assertThat(texts(b, ParagraphKind.BODY)).containsExactly(
                "Iceland began a review of its fishing quotas on Saturday, the ministry said.", "Denmark and Norway were consulted.");
        assertThat(r.articles()).extracting(Article::id).doesNotHaveDuplicates();
    }

    @Test
    void atomRelativeLinksFollowXmlBaseAndAnUntypedSummaryIsText() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://hills.example/blog/">
                  <title>Hill News</title>
                  <link href="https://hills.example/"/>
                  <entry>
                    <title>Snow closes the pass</title>
                    <link href="posts/snow"/>
                    <id>snow</id>
                    <updated>2024-01-02T10:00:00Z</updated>
                    <summary>Heavy snow closed the mountain pass on Monday; 3 &lt; 5 lanes stayed open.

                Drivers were told to wait in the valley.</summary>
                  </entry>
                  <entry xml:base="https://hills.example/other/">
                    <title>Escaped markup without a type</title>
                    <link href="rain"/>
                    <id>rain</id>
                    <summary>&lt;p&gt;Rain flooded the lower road on Tuesday.&lt;/p&gt;&lt;p&gt;It reopened at noon.&lt;/p&gt;</summary>
                  </entry>
                </feed>
                """;
        FileArticles r = read("hills.atom", atom.getBytes(StandardCharsets.UTF_8));
        Article snow = r.articles().get(0);
        // relative to the feed's xml:base, not to its <link> (that gave https://hills.example/posts/snow)
        assertThat(snow.url()).isEqualTo("https://hills.example/blog/posts/snow");
        // Atom's default type is text: the blank line is a paragraph break and "3 < 5" is text, not a tag
        assertThat(texts(snow, ParagraphKind.BODY)).containsExactly(
                "Heavy snow closed the mountain pass on Monday; 3 < 5 lanes stayed open.", "Drivers were told to wait in the valley.");
        Article rain = r.articles().get(1);
        assertThat(rain.url()).isEqualTo("https://hills.example/other/rain");
        // a feed that escapes HTML without saying type="html" is still read as HTML
        assertThat(texts(rain, ParagraphKind.BODY)).containsExactly("Rain flooded the lower road on Tuesday.", "It reopened at noon.");
    }

    @Test
    void aFeedWithTenThousandItems() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>Bulk Wire</title><link>https://bulk.example/</link>");
        for (int i = 1; i <= 10_000; i++) {
            xml.append("<item><title>Story ").append(i).append("</title><link>https://bulk.example/s/").append(i)
                    .append("</link><guid>bulk-").append(i % 9_999 == 0 ? 1 : i).append("</guid><pubDate>Wed, 01 May 2024 10:00:00 +0000</pubDate>")
                    .append("<content:encoded><![CDATA[<p>Story number ").append(i)
                    .append(" reports that Kenya and Uganda held talks, officials said.</p>]]></content:encoded></item>");
        }
        xml.append("</channel></rss>");
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        FileArticles r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> read("bulk.xml", bytes));
        assertThat(r.articles()).hasSize(10_000);
        assertThat(r.skipped()).isEmpty();
        assertThat(new HashSet<>(r.articles().stream().map(Article::id).toList())).hasSize(10_000); // a repeated guid gets -2
        assertThat(r.articles().get(9_998).id()).isEqualTo("bulk-bulk-1-2");
        Article a = r.articles().get(4_999);
        assertThat(a.title()).isEqualTo("Story 5000");
        assertThat(a.url()).isEqualTo("https://bulk.example/s/5000");
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly("Story number 5000 reports that Kenya and Uganda held talks, officials said.");

        FileArticles limited = new CorpusReader(CorpusLimits.defaults().withFeedItems(100)).readAll(dir.resolve("bulk.xml"));
        assertThat(limited.articles()).hasSize(100);
        assertThat(limited.skipped()).singleElement().satisfies(s -> {
            assertThat(s.where()).isEqualTo("items 101-10000");
            assertThat(s.reason()).contains("limit 100");
        });
        assertThatThrownBy(() -> new CorpusReader(CorpusLimits.defaults().withFeedBytes(1000)).readAll(dir.resolve("bulk.xml")))
                .hasMessageContaining("too large").hasMessageContaining("limit 1000");
    }

    @Test
    void idsStayTheSameWhenItemsAreAddedOrReordered() throws Exception {
        String item1 = "<item><title>One</title><guid>g-1</guid><description>First story about Chile.</description></item>";
        String item2 = "<item><title>Two</title><link>https://x.example/two</link><description>Second story about Peru.</description></item>";
        String item3 = "<item><title>Three</title><guid>g-3</guid><description>Third story about Bolivia.</description></item>";
        FileArticles before = read("f.xml", ("<rss><channel>" + item1 + item2 + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
        FileArticles after = read("f.xml", ("<rss><channel>" + item3 + item2 + item1 + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
        java.util.Map<String, String> idByTitle = new java.util.HashMap<>();
        for (Article a : after.articles()) idByTitle.put(a.title(), a.id());
        for (Article a : before.articles()) assertThat(idByTitle.get(a.title())).isEqualTo(a.id());
        assertThat(before.articles()).extracting(Article::id).containsExactly("f-g-1", "f-" + ArticleIds.hash("https://x.example/two"));
    }

    @Test
    void hostileFeedsAreBounded() throws Exception {
        // deep nesting inside an item, an entity bomb and an external entity: parsed in bounded time, nothing expanded
        String deep = "<x>".repeat(50_000);
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY ext SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>Deep &b; &ext;</title>"
                + "<description>Talks between Chile and Argentina resumed, officials said.</description><junk>" + deep + "</junk></item>"
                + "</channel></rss>";
        FileArticles r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> read("h.xml", xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.articles()).singleElement().satisfies(a -> {
            assertThat(a.title()).doesNotContain("aaaaaaaaaa").doesNotContain("root:");
            assertThat(texts(a, ParagraphKind.BODY)).containsExactly("Talks between Chile and Argentina resumed, officials said.");
        });
    }

    @Test
    void notAFeedIsRefused() throws Exception {
        assertThatThrownBy(() -> read("x.xml", "<?xml version=\"1.0\"?><svg></svg>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorpusException.class).hasMessageContaining("not an RSS or Atom feed");
        assertThatThrownBy(() -> read("e.xml", "<rss><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorpusException.class).hasMessageContaining("no items");
    }

    @Test
    void wordPressFeedFootersAreNotTextAndPodcastEpisodesAreRead() throws Exception {
        // WordPress (Yoast) closes every item with "The post X appeared first on Y.": it was searchable text in every
        // article. A podcast feed states each episode only in itunes:summary / itunes:subtitle: the whole feed was
        // refused ('no articles': no content, description or summary).
        String wp = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Daily</title><link>https://harbour.example/</link>"
                + "<item><title>Talks resume</title><link>https://harbour.example/p4</link><description><![CDATA["
                + "<p>Negotiators returned to the table on Monday, hoping to finish a draft by the end of the month.</p>"
                + "<p>The post of chief negotiator appeared first on a list of vacancies, officials said on Monday.</p>"
                + "<p>The post <a href=\"https://harbour.example/p4\">Talks resume</a> appeared first on "
                + "<a href=\"https://harbour.example\">Harbour Daily</a>.</p>]]></description></item></channel></rss>";
        FileArticles w = read("wp.rss", wp.getBytes(StandardCharsets.UTF_8));
        Article a = w.articles().getFirst();
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "Negotiators returned to the table on Monday, hoping to finish a draft by the end of the month.",
                "The post of chief negotiator appeared first on a list of vacancies, officials said on Monday."); // a sentence, kept
        assertThat(texts(a, ParagraphKind.BOILERPLATE)).containsExactly("The post Talks resume appeared first on Harbour Daily.");

        String podcast = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
                + "<channel><title>The Foreign Desk Podcast</title><link>https://foreigndesk.example/</link><itunes:author>Foreign Desk</itunes:author>"
                + "<item><title>Episode 42: The river dispute</title><enclosure url=\"https://cdn.example/ep42.mp3\" length=\"1\" type=\"audio/mpeg\"/>"
                + "<guid isPermaLink=\"false\">ep-42</guid><pubDate>Mon, 07 Dec 2026 05:00:00 +0000</pubDate>"
                + "<itunes:summary>Two former negotiators on why a deal over the river has been so hard to reach.</itunes:summary></item>"
                + "<item><title>Episode 41: Sanctions</title><guid>ep-41</guid><itunes:subtitle>How sanctions are decided and lifted.</itunes:subtitle></item>"
                + "<item><title>Trailer</title><guid>trailer</guid></item></channel></rss>";
        FileArticles p = read("podcast.rss", podcast.getBytes(StandardCharsets.UTF_8));
        assertThat(p.articles()).extracting(Article::title).containsExactly("Episode 42: The river dispute", "Episode 41: Sanctions");
        assertThat(texts(p.articles().get(0), ParagraphKind.BODY)).containsExactly(
                "Two former negotiators on why a deal over the river has been so hard to reach.");
        assertThat(p.articles().get(0).author()).isEqualTo("Foreign Desk");
        assertThat(p.articles().get(0).published()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(texts(p.articles().get(1), ParagraphKind.BODY)).containsExactly("How sanctions are decided and lifted.");
        assertThat(p.skipped()).extracting(SkippedInput::describe).containsExactly(
                "podcast.rss (item 3): empty after extraction: no content, description, summary or itunes:summary");
    }

    @Test
    void markupEscapedTwiceAndMediaRssDescriptionsAreRead() throws Exception {
        // A CMS that escapes twice ("&amp;lt;p&amp;gt;") gave a paragraph "<p>Talks resumed ...</p>", tags as words;
        // an item whose text is only in <media:content><media:description> was refused as empty.
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>"
                + "<title>Cafe Wire</title><link>https://cafewire.example/</link>"
                + "<item><title>Talks resume</title><link>https://cafewire.example/a</link><description>&amp;lt;p&amp;gt;Talks resumed in "
                + "Geneva on Monday, officials said.&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;They end on Friday.&amp;lt;/p&amp;gt;</description></item>"
                + "<item><title>Sums</title><link>https://cafewire.example/b</link><description>Officials said 3 &amp;lt; 5 in the vote count, "
                + "a narrow margin.</description></item>"
                + "<item><title>Arrival</title><link>https://cafewire.example/c</link><media:content url=\"https://cafewire.example/v.mp4\" "
                + "medium=\"video\"><media:title>Clip</media:title><media:description>Video of the minister arriving at the airport on "
                + "Monday morning.</media:description></media:content></item></channel></rss>";
        FileArticles r = read("edge.rss", feed.getBytes(StandardCharsets.UTF_8));
        assertThat(r.skipped()).isEmpty();
        assertThat(texts(r.articles().get(0), ParagraphKind.BODY)).containsExactly(
                "Talks resumed in Geneva on Monday, officials said.", "They end on Friday.");
        assertThat(texts(r.articles().get(1), ParagraphKind.BODY)).containsExactly( // no tag once unescaped: read as before
                "Officials said 3 < 5 in the vote count, a narrow margin.");
        assertThat(texts(r.articles().get(2), ParagraphKind.BODY)).containsExactly(
                "Video of the minister arriving at the airport on Monday morning.");
    }
}
