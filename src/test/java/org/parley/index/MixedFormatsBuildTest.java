package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.search.ArticleView;
import org.parley.search.Hit;
import org.parley.search.SearchRequest;

/** A folder of every input format is indexed whole: each feed item and JSON line is an article, with its url. */
class MixedFormatsBuildTest {
    @TempDir
    Path dir;

    @Test
    void everyFormatIsIndexedWithItsUrlAndEveryBadPartIsReported() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("plain.txt"), """
                Laos and Thailand open a bridge

                The foreign ministers of Laos and Thailand opened the new bridge in 2023, the ministry said.
                """);
        Files.writeString(corpus.resolve("page.html"), """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Chile and Peru sign a water pact</title>
                <link rel="canonical" href="https://news.example.org/chile-peru-water"></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Chile and Peru sign a water pact</h1>
                <p>Chile and Peru signed an agreement on shared rivers on Monday, ending a dispute that began in 2019.</p>
                <p>"This is a day for both peoples," Foreign Minister Ana Rivas said after the signing.</p></article>
                <footer>© 2026 Example News</footer></body></html>
                """);
        Files.writeString(corpus.resolve("feed.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link>
                <item><title>Kenya and Ethiopia discuss a railway</title><link>https://wire.example.org/1</link>
                <description>Kenya and Ethiopia discussed a cross-border railway in Nairobi.</description></item>
                <item><title>Norway pledges aid to Moldova</title><link>https://wire.example.org/2</link>
                <description>Norway pledged new aid to Moldova for the winter of 2025.</description></item>
                </channel></rss>
                """);
        Files.writeString(corpus.resolve("export.jsonl"), """
                {"id": "a1", "url": "https://scrape.example.org/a1", "title": "Ghana and Togo meet", "text": "Ghana and Togo held border talks in Accra."}
                {this line is broken
                {"id": "a2", "url": "https://scrape.example.org/a2", "title": "Fiji hosts a forum", "paragraphs": ["Fiji hosted a Pacific forum on fisheries."]}
                """);
        Files.write(corpus.resolve("blob.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0});

        BuildReport report = new IndexBuilder(new IndexLocation(dir.resolve("index"))).build(corpus);

        assertThat(report.articles()).isEqualTo(1 + 1 + 2 + 2);
        assertThat(report.skipped()).anySatisfy(s -> assertThat(s.file()).isEqualTo("blob.bin"));
        assertThat(report.skipped()).anySatisfy(s -> {
            assertThat(s.file()).isEqualTo("export.jsonl");
            assertThat(s.reason()).contains("line 2");
        });
        try (LuceneSearchService service = LuceneSearchService.open(dir.resolve("index"))) {
            List<Hit> railway = service.search(SearchRequest.of("railway")).hits();
            assertThat(railway).singleElement().satisfies(h -> assertThat(h.url()).isEqualTo("https://wire.example.org/1"));
            Hit water = service.search(SearchRequest.of("rivers")).hits().getFirst();
            assertThat(water.url()).isEqualTo("https://news.example.org/chile-peru-water");
            assertThat(water.text()).doesNotContain("<p>");
            assertThat(service.search(SearchRequest.of("Home World")).total()).as("navigation is not indexed").isZero();
            ArticleView fiji = service.article(service.search(SearchRequest.of("fisheries")).hits().getFirst().articleId()).orElseThrow();
            assertThat(fiji.url()).isEqualTo("https://scrape.example.org/a2");
            assertThat(fiji.title()).isEqualTo("Fiji hosts a forum");
        }
    }
}
