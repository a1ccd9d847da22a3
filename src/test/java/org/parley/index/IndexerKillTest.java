package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.bench.CorpusGenerator;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.testing.ChildJvm;

/**
 * Kills the indexer with SIGKILL at random points of a rebuild, several times: the previous index must keep
 * serving the same answers throughout, and the next build must complete cleanly.
 */
class IndexerKillTest {
    private static final int KILLS = 5;

    @TempDir
    Path dir;

    @Test
    void sigkillMidBuildNeverHarmsTheServedIndex() throws Exception {
        Path corpus = dir.resolve("corpus");
        Path index = dir.resolve("index");
        new CorpusGenerator(7, Path.of("corpus")).generate(1_500, corpus);
        BuildReport first = new IndexBuilder(new IndexLocation(index)).build(corpus);
        assertThat(first.paragraphs()).isGreaterThan(1_000);

        // The next build reads a larger, different corpus: long enough to be killed in the middle.
        Path larger = dir.resolve("larger");
        new CorpusGenerator(8, Path.of("corpus")).generate(10_000, larger);
        corpus = larger;
        Random random = new Random(42);
        try (LuceneSearchService served = LuceneSearchService.open(index)) {
            SearchResult before = served.search(SearchRequest.of("trade"));
            String generation = served.generation();
            int kills = 0;
            for (int i = 0; kills < KILLS && i < 3 * KILLS; i++) {
                Path log = dir.resolve("kill-" + i + ".log");
                Process indexer = ChildJvm.start(log, List.of("-Xmx512m"), "index", "--corpus", corpus.toString(), "--index", index.toString());
                long delay = 200 + random.nextInt(1_800);
                boolean finished = indexer.waitFor(delay, TimeUnit.MILLISECONDS);
                if (!finished) {
                    indexer.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no cleanup
                    assertThat(indexer.waitFor(10, TimeUnit.SECONDS)).isTrue();
                    kills++;
                }
                served.refresh();
                SearchResult during = served.search(SearchRequest.of("trade"));
                if (served.generation().equals(generation)) {
                    // Still on the old generation: exactly the old answers.
                    assertThat(during.total()).isEqualTo(before.total());
                } else {
                    // The killed build had already switched in a complete generation: it must be whole.
                    assertThat(served.stats().paragraphs()).isGreaterThan(first.paragraphs());
                    generation = served.generation();
                    before = during;
                }
            }

            assertThat(kills).as("builds killed mid-way").isEqualTo(KILLS);

            BuildReport completed = new IndexBuilder(new IndexLocation(index)).build(corpus);
            assertThat(completed.skipped()).isEmpty();
            assertThat(completed.paragraphs()).isGreaterThan(first.paragraphs());
            served.refresh();
            assertThat(served.stats().paragraphs()).isEqualTo(completed.paragraphs());
            assertThat(served.search(SearchRequest.of("trade")).total()).isGreaterThan(0);
            // Killed builds leave no stray generations behind once a build completes.
            try (var gens = Files.list(index)) {
                assertThat(gens.filter(p -> p.getFileName().toString().startsWith("gen-")).count()).isLessThanOrEqualTo(2);
            }
        }
    }
}
