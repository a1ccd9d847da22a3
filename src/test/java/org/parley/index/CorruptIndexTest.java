package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged index is reported clearly when opened, and the next build replaces it with a whole one. */
class CorruptIndexTest {
    @TempDir
    Path dir;

    private static void corruptLargestFile(Path generation) throws IOException {
        Path victim;
        try (Stream<Path> files = Files.list(generation)) {
            victim = files.filter(p -> !p.getFileName().toString().startsWith("segments") && !p.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
            f.seek(20); // inside the codec header: the segment id no longer matches
            f.write("garbage!garbage!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    @Test
    void corruptionIsReportedWithARebuildHintAndTheNextBuildRepairsIt() throws Exception {
        Path index = dir.resolve("index");
        TestCorpus corpus = TestCorpus.create(dir.resolve("corpus"));
        BuildReport first = corpus.build(index);
        corruptLargestFile(first.generation());

        assertThatThrownBy(() -> LuceneSearchService.open(index))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(first.generation().toString())
                .hasMessageContaining("corrupt")
                .hasMessageContaining("./parley index");

        BuildReport repaired = corpus.build(index);
        assertThat(repaired.full()).as("a corrupt generation cannot seed an incremental build").isTrue();
        assertThat(repaired.paragraphs()).isEqualTo(first.paragraphs());
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.search(SearchRequest.of("")).total()).isEqualTo(first.paragraphs());
        }
    }
}
