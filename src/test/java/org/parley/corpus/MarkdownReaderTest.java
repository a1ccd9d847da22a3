package org.parley.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.corpus.Fixtures.allText;
import static org.parley.corpus.Fixtures.bytes;
import static org.parley.corpus.Fixtures.enriched;
import static org.parley.corpus.Fixtures.texts;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MarkdownReaderTest {
    private final CorpusReader reader = new CorpusReader();

    @Test
    void frontMatterHeadingsParagraphsAndListItems() throws Exception {
        Article a = reader.parse("briefing.md", bytes("briefing.md"));
        assertThat(a.format()).isEqualTo(InputFormat.MARKDOWN);
        assertThat(a.id()).isEqualTo("briefing");
        assertThat(a.title()).isEqualTo("Chile and Peru Agree on Water Sharing");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 11, 5));
        assertThat(a.author()).isEqualTo("Ana Ruiz, Tom Okoro");
        assertThat(a.source()).isEqualTo("Andes Weekly");
        assertThat(a.url()).isEqualTo("https://andes-weekly.example/briefings/water-sharing");

        assertThat(texts(a, ParagraphKind.TITLE)).containsExactly("Chile and Peru Agree on Water Sharing"); // no '#', no '*'
        assertThat(texts(a, ParagraphKind.HEADING)).containsExactly("What the deal says");
        assertThat(texts(a, ParagraphKind.BYLINE)).containsExactly("By Ana Ruiz and Tom Okoro");
        assertThat(texts(a, ParagraphKind.CAPTION)).containsExactly("Ministers at the signing in Lima");
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "Chile and Peru agreed on Tuesday to share the waters of the Lauca river, ending a dispute that dates back to 1962, the foreign ministries said.",
                "Peru will receive a fixed share of the flow in dry months,",
                "a joint commission will publish monthly figures, and",
                "disputes go to arbitration in The Hague.",
                "\"This is a victory for diplomacy,\" said Foreign Minister Elena Vargas.",
                "First reading in Congress in 2025.",
                "Ratification expected by mid-2026.",
                "Bolivia, which shares the basin, was not part of the talks.");
        assertThat(texts(a, ParagraphKind.BOILERPLATE)).containsExactly("curl https://api.example/flows?river=lauca");
        String all = allText(a);
        assertThat(all).doesNotContain("](").doesNotContain("**").doesNotContain("en.example").doesNotContain("[figures]");
        // list items are searchable
        assertThat(a.searchableParagraphs()).extracting(Paragraph::text).contains("disputes go to arbitration in The Hague.");

        assertThat(enriched(a, "Lauca river").metadata().countries()).contains("CL", "PE");
        assertThat(enriched(a, "Lauca river").metadata().years()).contains(1962);
        assertThat(enriched(a, "victory for diplomacy").metadata().speakers()).isNotEmpty();
        assertThat(enriched(a, "Bolivia").metadata().countries()).contains("BO");
    }

    @Test
    void withoutFrontMatterTheH1IsTheTitleAndTomlWorksToo() throws Exception {
        Article a = reader.parse("x.md", "# Talks in _Oslo_\n\nNorway hosted the talks on Monday.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(a.title()).isEqualTo("Talks in Oslo");
        assertThat(a.url()).isNull();
        Article t = reader.parse("t.md", "+++\ntitle = \"Toml Title\"\ndate = 2023-01-02T10:00:00Z\nurl = \"https://x.example/a\"\n+++\nBody text here.\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(t.title()).isEqualTo("Toml Title");
        assertThat(t.published()).isEqualTo(LocalDate.of(2023, 1, 2));
        assertThat(t.url()).isEqualTo("https://x.example/a");
    }

    @Test
    void markdownWithNothingToSearchIsRefused() {
        assertThatThrownBy(() -> reader.parse("e.md", "---\ntitle: x\n---\n\n```\ncode only\n```\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorpusException.class).hasMessageContaining("empty after extraction");
    }

    @Test
    void plainTextFrontMatterMayCarryAUrl() throws Exception {
        Article a = reader.parse("t.txt", "---\ntitle: A Title\nurl: https://news.example/a?id=1\n---\nBody of the text.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(a.format()).isEqualTo(InputFormat.TEXT);
        assertThat(a.url()).isEqualTo("https://news.example/a?id=1");
        assertThat(reader.parse("u.txt", "---\nurl: not a url\n---\nBody.\n".getBytes(StandardCharsets.UTF_8)).url()).isNull();
    }

    @Test
    void footnoteMarksLeaveTheTextAndEachNoteIsItsOwnParagraph() throws Exception {
        // "told me.[^1]" kept its mark, and the definitions at the end ran together into one paragraph
        // "[^1]: Interview at the crossing, 4 December. [^2]: The figures come from ...".
        String md = "---\ntitle: Notes from the border\n---\n\nA customs official said the new lane would open before the holiday.[^1]\n\n"
                + "Trucks waited an average of nine hours.[^wait]\n\n[^1]: Interview at the crossing, 4 December.\n"
                + "[^wait]: The figures come from the customs office's weekly report,\n    which is published on Fridays.\n";
        Article a = reader.parse("notes.md", md.getBytes(StandardCharsets.UTF_8));
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "A customs official said the new lane would open before the holiday.",
                "Trucks waited an average of nine hours.",
                "Interview at the crossing, 4 December.",
                "The figures come from the customs office's weekly report, which is published on Fridays.");
        // without footnote definitions, "[^...]" is text (a sentence about a pattern loses nothing)
        Article b = reader.parse("regex.md", "The filter [^abc] matches any other letter, the manual says.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(texts(b, ParagraphKind.BODY)).containsExactly("The filter [^abc] matches any other letter, the manual says.");
    }

    @Test
    void htmlBlocksAreReadLikeMarkupAndAShareLineIsFurniture() throws Exception {
        // An HTML block's <p>s ran together into one paragraph, its figcaption was body text, and a share line with
        // links was searchable.
        String md = "# Ministers meet in Hanoi\n\nThe ministers met on Monday to discuss trade and security.\n\n"
                + "<div class=\"callout\">\n<p>The first meeting took place in March.</p>\n<p>The second was cancelled after the floods.</p>\n</div>\n\n"
                + "<!-- TODO: add the minister's quote -->\n\n<script>window.track('md');</script>\n\n"
                + "<figure>\n<img src=\"hanoi.jpg\" alt=\"Hanoi\">\n<figcaption>The ministers in Hanoi on Monday.</figcaption>\n</figure>\n\n"
                + "The talks ended with a joint statement.\n\nShare this article: [Twitter](https://t.example) | [Facebook](https://f.example)\n\n"
                + "Share prices in Hanoi rose after the statement, traders said.\n";
        Article a = reader.parse("hanoi.md", md.getBytes(StandardCharsets.UTF_8));
        assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                "The ministers met on Monday to discuss trade and security.",
                "The first meeting took place in March.",
                "The second was cancelled after the floods.",
                "The talks ended with a joint statement.",
                "Share prices in Hanoi rose after the statement, traders said."); // a sentence about shares stays
        assertThat(texts(a, ParagraphKind.CAPTION)).containsExactly("The ministers in Hanoi on Monday.");
        assertThat(texts(a, ParagraphKind.BOILERPLATE)).containsExactly("Share this article: Twitter | Facebook");
        assertThat(a.paragraphs()).extracting(Paragraph::ordinal).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
}
