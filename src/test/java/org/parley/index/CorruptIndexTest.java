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
import org.parley.search.SearchRequest;

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

    /** Flips bytes in the middle of the largest file: its header and segment id still match, only its checksum does not. */
    private static Path corruptInsideLargestFile(Path generation) throws IOException {
        Path victim;
        try (Stream<Path> files = Files.list(generation)) {
            victim = files.filter(p -> !p.getFileName().toString().startsWith("segments") && !p.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(~b);
        }
        return victim;
    }

    @Test
    void anIncrementalBuildNeverReusesDamagedFiles() throws Exception {
        Path index = dir.resolve("index");
        TestCorpus corpus = TestCorpus.create(dir.resolve("corpus"));
        BuildReport first = corpus.build(index);
        corruptInsideLargestFile(first.generation());

        Path changed;
        try (Stream<Path> files = Files.list(corpus.dir())) {
            changed = files.sorted().findFirst().orElseThrow();
        }
        Files.writeString(changed, Files.readString(changed) + "\nA closing line added later about Cambodia.\n");
        BuildReport next = corpus.build(index);
        assertThat(next.full()).as("damaged files must not be hard-linked into the next generation").isTrue();
        assertThat(next.generation()).isNotEqualTo(first.generation());
        assertWhole(next.generation());
    }

    @Test
    void anUpToDateIndexWithADamagedFileIsRebuiltNotDeclaredUpToDate() throws Exception {
        Path index = dir.resolve("index");
        TestCorpus corpus = TestCorpus.create(dir.resolve("corpus"));
        BuildReport first = corpus.build(index);
        corruptInsideLargestFile(first.generation());

        BuildReport again = corpus.build(index);
        assertThat(again.switched()).as("the advice 'run ./parley index' must repair the index").isTrue();
        assertThat(again.full()).isTrue();
        assertThat(new IndexLocation(index).currentName()).contains(again.generation().getFileName().toString());
        assertWhole(again.generation());
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            assertThat(service.search(SearchRequest.of("")).total()).isEqualTo(first.paragraphs());
        }
    }

    @Test
    void theGenerationAServerHoldsIsNeverPruned() throws Exception {
        Path index = dir.resolve("index");
        TestCorpus corpus = TestCorpus.create(dir.resolve("corpus"));
        BuildReport first = corpus.build(index);
        IndexLocation location = new IndexLocation(index);
        Path served = first.generation();
        try (var lease = location.serve(served)) {
            for (int i = 0; i < 3; i++) {
                Path f = corpus.dir().resolve("added-" + i + ".txt");
                Files.writeString(f, "Added article " + i + "\n\nVietnam and Laos signed a trade pact in 2020.\n");
                corpus.build(index);
            }
            assertThat(served).as("served while builds ran").isDirectory();
            try (var again = location.serve(served)) {
                assertThat(served).isDirectory(); // a second lease in the same process coexists with the first
            }
        }
        Files.writeString(corpus.dir().resolve("added-last.txt"), "Last article\n\nPeru and Chile met in 2019.\n");
        corpus.build(index);
        assertThat(served).as("pruned once no server holds it").doesNotExist();
    }

    private static void assertWhole(Path generation) throws IOException {
        try (var d = org.apache.lucene.store.FSDirectory.open(generation);
             var r = org.apache.lucene.index.DirectoryReader.open(d)) {
            for (var leaf : r.leaves()) leaf.reader().checkIntegrity();
        }
    }
}
