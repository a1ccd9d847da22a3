package org.parley.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every article of the seed corpus and of the enrichment fixtures, written as an HTML page with its site's
 * furniture, as Markdown, as a JSON line, as an RSS item and as a WARC record, reads back with the same searchable
 * paragraphs (text and kind, in order) and the same metadata. The strongest check of main-content extraction we
 * have: dozens of real article shapes, short and long, with the same navigation, share bars, related stories,
 * comments and footer around each.
 */
class RoundTripTest {
    @TempDir
    Path dir;

    private final CorpusReader reader = new CorpusReader();

    private static List<Article> originals() throws Exception {
        List<Article> out = new ArrayList<>();
        for (String folder : List.of("corpus", "src/test/resources/org/parley/enrich/articles")) {
            for (Path f : CorpusReader.listFiles(Path.of(folder))) {
                Article a = new CorpusReader().read(f);
                // give each a url and metadata to carry
                out.add(new Article(a.id(), a.fileName(), a.title(), a.published(), a.author(), a.source(), a.paragraphs(),
                        "https://news.example/articles/" + a.id(), InputFormat.TEXT));
            }
        }
        assertThat(out).hasSizeGreaterThan(20);
        return out;
    }

    private static List<String> searchable(Article a) {
        return a.searchableParagraphs().stream().map(p -> p.kind() + ": " + p.text()).toList();
    }

    private static void assertSame(Article back, Article original) {
        assertThat(searchable(back)).as(original.id()).containsExactlyElementsOf(searchable(original));
        assertThat(back.title()).as(original.id()).isEqualTo(original.title());
        assertThat(back.published()).as(original.id()).isEqualTo(original.published());
        assertThat(back.author()).as(original.id()).isEqualTo(original.author());
        assertThat(back.url()).as(original.id()).isEqualTo(original.url());
    }

    @Test
    void htmlPages() throws Exception {
        for (Article a : originals()) {
            Article back = reader.parse(a.id() + ".html", ArticleWriter.html(a).getBytes(StandardCharsets.UTF_8));
            assertSame(back, a);
            assertThat(back.source()).isEqualTo(a.source() != null ? a.source() : "Example News");
            assertThat(Fixtures.allText(back)).doesNotContain("cookies").doesNotContain("Share on").doesNotContain("First!")
                    .doesNotContain("All rights reserved").doesNotContain("Markets close higher");
        }
    }

    @Test
    void markdownFiles() throws Exception {
        for (Article a : originals()) {
            assertSame(reader.parse(a.id() + ".md", ArticleWriter.markdown(a).getBytes(StandardCharsets.UTF_8)), a);
        }
    }

    @Test
    void jsonLinesFeedsAndWarcArchives() throws Exception {
        List<Article> originals = originals();
        StringBuilder jsonl = new StringBuilder();
        ByteArrayOutputStream warc = new ByteArrayOutputStream();
        for (Article a : originals) {
            jsonl.append(ArticleWriter.jsonLine(a)).append('\n');
            warc.writeBytes(ArticleWriter.warcRecord(a, a.url()));
        }
        FileArticles lines = reader.readAll(Files.writeString(dir.resolve("all.jsonl"), jsonl));
        FileArticles feed = reader.readAll(Files.writeString(dir.resolve("all.xml"), ArticleWriter.rss("All", originals)));
        FileArticles archive = reader.readAll(Files.write(dir.resolve("all.warc.gz"), warc.toByteArray()));
        for (FileArticles r : List.of(lines, feed, archive)) {
            assertThat(r.skipped()).as(r.format().label()).isEmpty();
            assertThat(r.articles()).as(r.format().label()).hasSameSizeAs(originals);
            assertThat(r.articles()).extracting(Article::id).doesNotHaveDuplicates();
            for (int i = 0; i < originals.size(); i++) {
                Article back = r.articles().get(i), a = originals.get(i);
                assertThat(searchable(back)).as(r.format().label() + " " + a.id()).containsExactlyElementsOf(searchable(a));
                assertThat(back.title()).isEqualTo(a.title());
                assertThat(back.published()).isEqualTo(a.published());
                assertThat(back.author()).isEqualTo(a.author());
                assertThat(back.url()).isEqualTo(a.url());
            }
        }
        assertThat(lines.articles().getFirst().id()).isEqualTo("all-" + originals.getFirst().id());
    }
}
