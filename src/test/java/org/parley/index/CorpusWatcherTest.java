package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The watcher's own rules, with a fake build: failures are retried, hidden files and the index folder are ignored. */
class CorpusWatcherTest {
    private static final CorpusWatcher.Settings FAST = new CorpusWatcher.Settings(Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofMillis(200), Duration.ofSeconds(30), false);

    @TempDir
    Path dir;

    private static BuildReport report() {
        return new BuildReport(Path.of("gen-000001"), true, false, 0, 0, 0, 0, 0, List.of(), Duration.ZERO);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailedBuildIsRetriedAtTheNextChange() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger published = new AtomicInteger();
        CorpusWatcher.Build build = () -> {
            if (calls.incrementAndGet() == 2) throw new IOException("disk full (simulated)");
            return report();
        };
        try (CorpusWatcher w = new CorpusWatcher(dir, null, build, r -> published.incrementAndGet(), FAST).start()) {
            await(() -> calls.get() >= 1); // catch-up
            Files.writeString(dir.resolve("a.txt"), "A\n\nText.\n");
            await(() -> w.failures() == 1);
            Files.writeString(dir.resolve("b.txt"), "B\n\nText.\n");
            await(() -> calls.get() >= 3);
            assertThat(w.failures()).isEqualTo(1);
            await(() -> published.get() >= 2);
            assertThat(published.get()).isEqualTo(calls.get() - 1);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hiddenFilesAndTheIndexFolderInsideTheCorpusAreNotChanges() throws Exception {
        Path index = Files.createDirectories(dir.resolve("index"));
        AtomicInteger calls = new AtomicInteger();
        try (CorpusWatcher w = countingWatcher(dir, index, calls)) {
            Thread.sleep(300);
            int after = calls.get();
            Files.writeString(dir.resolve(".swap"), "editor state");
            Files.writeString(index.resolve("CURRENT"), "gen-000002\n");
            Files.createDirectories(dir.resolve(".git")).resolve("HEAD").toFile().createNewFile();
            Thread.sleep(1500);
            assertThat(calls.get()).isEqualTo(after);
            Files.writeString(dir.resolve("real.txt"), "Real\n\nText.\n");
            await(() -> calls.get() > after);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCorpusFolderSwappedForAnotherIsWatchedAgain() throws Exception {
        // mv corpus corpus.old && mv corpus.new corpus (a deploy, rsync into a fresh copy): the watch stayed on the old
        // folder, so neither the swap nor any file dropped into the new folder was ever noticed
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        AtomicInteger calls = new AtomicInteger();
        try (CorpusWatcher w = countingWatcher(corpus, null, calls)) {
            Path fresh = Files.createDirectories(dir.resolve("corpus.new"));
            Files.writeString(fresh.resolve("swapped.txt"), "Swapped\n\nText.\n");
            int beforeSwap = calls.get();
            Files.move(corpus, dir.resolve("corpus.old"));
            Files.move(fresh, corpus);
            await(() -> calls.get() > beforeSwap);
            Thread.sleep(300); // the swap's build is over (the fake build returns at once)
            int afterSwap = calls.get();
            Files.writeString(corpus.resolve("later.txt"), "Later\n\nText.\n");
            await(() -> calls.get() > afterSwap);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFolderMovedOutOfTheCorpusIsNoLongerWatchedAndOneRenamedInsideStillIs() throws Exception {
        // a watch follows the folder: after "mv corpus/drafts ~/archive", every save in the archive ran a build of the
        // corpus (a listing of every file), for as long as the server ran
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path drafts = Files.createDirectories(corpus.resolve("drafts/2026"));
        Path renamed = Files.createDirectories(corpus.resolve("before"));
        AtomicInteger calls = new AtomicInteger();
        try (CorpusWatcher w = countingWatcher(corpus, null, calls)) {
            int before = calls.get();
            Path archive = dir.resolve("archive");
            Files.move(corpus.resolve("drafts"), archive);
            await(() -> calls.get() > before); // leaving the corpus is a change
            Thread.sleep(500); // that build is over (the fake build returns at once)
            int moved = calls.get();
            Files.writeString(archive.resolve("note.txt"), "Note\n\nText.\n");
            Files.writeString(archive.resolve("2026/deep.txt"), "Deep\n\nText.\n");
            Thread.sleep(1500);
            assertThat(calls.get()).as("builds for files outside the corpus").isEqualTo(moved);

            Path after = corpus.resolve("after");
            Files.move(renamed, after);
            await(() -> calls.get() > moved);
            Thread.sleep(500);
            int renamedBuilds = calls.get();
            Files.createDirectories(after.resolve("sub"));
            Files.writeString(after.resolve("sub/late.txt"), "Late\n\nText.\n");
            await(() -> calls.get() > renamedBuilds);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCorpusGivenAsALinkIsWatchedWhereItPointsAndFollowedWhenItIsPointedElsewhere() throws Exception {
        // corpus -> releases/v1, then "ln -sfn releases/v2 corpus": no folder was watched through the link at all
        Path v1 = Files.createDirectories(dir.resolve("releases/v1/sub"));
        Path v2 = Files.createDirectories(dir.resolve("releases/v2"));
        Path corpus = Files.createSymbolicLink(dir.resolve("corpus"), v1.getParent());
        AtomicInteger calls = new AtomicInteger();
        try (CorpusWatcher w = countingWatcher(corpus, null, calls)) {
            Thread.sleep(300); // the catch-up build is over (the fake build returns at once)
            int before = calls.get();
            Files.writeString(v1.resolve("a.txt"), "A\n\nText.\n");
            await(() -> calls.get() > before);
            Thread.sleep(300);
            int written = calls.get();
            Path next = Files.createSymbolicLink(dir.resolve("corpus.next"), v2);
            Files.move(next, corpus, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            await(() -> calls.get() > written);
            Thread.sleep(300);
            int pointed = calls.get();
            Files.writeString(v2.resolve("b.txt"), "B\n\nText.\n");
            await(() -> calls.get() > pointed);
        }
    }

    /** A started watcher whose fake build counts its calls in {@code calls}, once its catch-up build has run. */
    private static CorpusWatcher countingWatcher(Path corpus, Path index, AtomicInteger calls) throws Exception {
        CorpusWatcher w = new CorpusWatcher(corpus, index, () -> {
            calls.incrementAndGet();
            return report();
        }, r -> { }, FAST).start();
        try {
            await(() -> calls.get() >= 1);
        } catch (InterruptedException | AssertionError e) {
            w.close(); // the caller's try-with-resources never got it
            throw e;
        }
        return w;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 20 s");
            Thread.sleep(20);
        }
    }
}
