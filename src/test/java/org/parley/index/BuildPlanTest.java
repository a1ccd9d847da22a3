package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build plan alone, without files or an index: what is kept, processed and deleted. */
class BuildPlanTest {
    static BuildPlan.CorpusFile file(String path, long size, long mtime) {
        return new BuildPlan.CorpusFile(path, Path.of("/corpus", path), size, mtime);
    }

    static CorpusManifest manifest(Map<String, CorpusManifest.Entry> entries) {
        CorpusManifest m = new CorpusManifest();
        entries.forEach(m::put);
        return m;
    }

    static CorpusManifest.Entry entry(long size, long mtime, String sha) {
        return new CorpusManifest.Entry(size, mtime, sha, "id-" + sha, null, 3);
    }

    @Test
    void keepsUnchangedFilesProcessesNewAndChangedOnesAndDeletesChangedAndRemovedOnes() {
        CorpusManifest previous = manifest(Map.of(
                "same.txt", entry(10, 100, "aa"),
                "touched.txt", entry(20, 200, "bb"),
                "edited.txt", entry(30, 300, "cc"),
                "gone.txt", entry(40, 400, "dd")));
        List<BuildPlan.CorpusFile> files = List.of(
                file("edited.txt", 31, 301), file("new.txt", 5, 500), file("same.txt", 10, 100), file("touched.txt", 20, 999));
        Map<String, String> hashes = Map.of("/corpus/touched.txt", "bb", "/corpus/edited.txt", "zz");

        BuildPlan plan = BuildPlan.of(previous, files, p -> hashes.get(p.toString()));

        assertThat(plan.toProcess()).extracting(BuildPlan.CorpusFile::path).containsExactly("edited.txt", "new.txt");
        assertThat(plan.kept().entries().keySet()).containsExactlyInAnyOrder("same.txt", "touched.txt");
        assertThat(plan.kept().get("touched.txt").mtime()).as("a touch updates the time kept").isEqualTo(999);
        assertThat(plan.deletions()).containsExactlyInAnyOrder("edited.txt", "gone.txt");
        assertThat(plan.removed()).isEqualTo(1);
        assertThat(plan.unchanged()).isEqualTo(2);
        assertThat(plan.nothingToDo()).isFalse();
    }

    @Test
    void anUnchangedCorpusNeedsNothingAndAnUnreadableHashMeansProcessAgain() {
        CorpusManifest previous = manifest(Map.of("a.txt", entry(10, 100, "aa"), "b.txt", entry(20, 200, "bb")));
        assertThat(BuildPlan.of(previous, List.of(file("a.txt", 10, 100), file("b.txt", 20, 200)), p -> null).nothingToDo()).isTrue();
        BuildPlan unreadable = BuildPlan.of(previous, List.of(file("a.txt", 10, 100), file("b.txt", 20, 201)), p -> null);
        assertThat(unreadable.toProcess()).extracting(BuildPlan.CorpusFile::path).containsExactly("b.txt");
        assertThat(unreadable.removed()).isZero();
    }
}
