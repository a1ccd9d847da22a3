package org.parley.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.parley.corpus.Article;
import org.parley.corpus.ArticleParser;
import org.parley.corpus.Paragraph;
import org.parley.corpus.ParagraphKind;

class EnricherTest {
    private static final Enricher ENRICHER = new Enricher();

    @Test
    void everyParagraphIsEnrichedInOrder() throws Exception {
        Article a = new ArticleParser().parse("000_6383ee02d44c17b4.txt", Files.readString(Path.of("corpus/000_6383ee02d44c17b4.txt")));
        EnrichedArticle e = ENRICHER.enrich(a);
        assertThat(e.paragraphs()).hasSameSizeAs(a.paragraphs());
        assertThat(e.paragraphs()).extracting(EnrichedParagraph::paragraph).containsExactlyElementsOf(a.paragraphs());
    }

    @Test
    void isThreadSafeAndDeterministic() throws Exception {
        List<Article> articles = new ArrayList<>();
        ArticleParser parser = new ArticleParser();
        try (var files = Files.list(Path.of("corpus"))) {
            for (Path f : files.sorted().toList()) articles.add(parser.parse(f.getFileName().toString(), Files.readString(f)));
        }
        List<EnrichedArticle> expected = articles.stream().map(ENRICHER::enrich).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<EnrichedArticle>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) runs.add(pool.submit(() -> articles.stream().map(ENRICHER::enrich).toList()));
            for (Future<List<EnrichedArticle>> r : runs) assertThat(r.get()).isEqualTo(expected);
        }
    }

    /** A one-megabyte paragraph of speech-like fragments: linear work, no pathological slowdown. */
    @Test
    void hugeParagraphIsEnrichedInBoundedTime() {
        String[] fragments = {"Prime Minister Hun Sen said, ", "“We are friends,” he said. ", "Putin wrote to Xi ",
                "according to the ministry ", "Kin Phea, director of the institute, said ", "the King wrote ",
                "Russia and Cambodia in 1956 ", "Ms. Retno Marsudi told reporters ", "saying ", "quoted Lavrov as saying ",
                "(Oct. 13) ", "who stated ", "by ", "“", ":"};
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        while (text.length() < 1_000_000) text.append(fragments[random.nextInt(fragments.length)]);
        Article a = new Article("big", "big.txt", "big", null, null, null, List.of(new Paragraph(1, text.toString(), ParagraphKind.BODY)));
        EnrichedArticle e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ENRICHER.enrich(a));
        assertThat(e.paragraphs().getFirst().metadata().countries()).containsExactlyInAnyOrder("KH", "RU");
    }
}
