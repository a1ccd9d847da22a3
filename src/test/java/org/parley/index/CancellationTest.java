package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.search.SearchRequest;

/** A search whose thread is interrupted stops at a checkpoint, and the service keeps serving afterwards. */
class CancellationTest {
    @TempDir
    Path dir;

    @Test
    void anInterruptedSearchStopsAndTheNextOneRuns() throws Exception {
        TestCorpus corpus = TestCorpus.create(dir.resolve("corpus"));
        BuildReport built = corpus.build(dir.resolve("index"));
        try (LuceneSearchService service = LuceneSearchService.open(dir.resolve("index"))) {
            for (String q : new String[] {"russia", "relat* OR cambod*", "russa~2"}) {
                Thread.currentThread().interrupt();
                try {
                    assertThatThrownBy(() -> service.search(SearchRequest.of(q))).isInstanceOf(CancellationException.class);
                } finally {
                    Thread.interrupted();
                }
            }
            assertThat(service.search(SearchRequest.of("")).total()).isEqualTo(built.paragraphs());
            assertThat(service.search(SearchRequest.of("russia")).total()).isPositive();
        }
    }
}
