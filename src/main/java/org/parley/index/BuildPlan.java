package org.parley.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a build has to do, decided from the corpus files and the previous build's manifest alone (pure, so it is
 * tested without an index): files unchanged since the last build are kept, added and changed ones are processed,
 * the documents of changed and removed ones deleted.
 *
 * @param kept      the manifest entries of unchanged files (processed files are added to it as they are indexed)
 * @param toProcess added and changed files, in corpus order
 * @param deletions paths whose documents are deleted first (changed and removed files)
 * @param removed   how many indexed files are gone
 */
record BuildPlan(CorpusManifest kept, List<CorpusFile> toProcess, Set<String> deletions, int removed) {

    /** A corpus file as listed: its path relative to the corpus folder, and its size and time as the manifest keeps them. */
    record CorpusFile(String path, Path file, long size, long mtime) {
    }

    /**
     * The plan for {@code files} after a build that left {@code previous}. Same size and mtime means unchanged; same
     * size and the same hash ({@code hash}, computed only then, null when unreadable) too, after a {@code touch}.
     */
    static BuildPlan of(CorpusManifest previous, List<CorpusFile> files, Function<Path, String> hash) {
        CorpusManifest kept = new CorpusManifest();
        List<CorpusFile> toProcess = new ArrayList<>();
        Set<String> deletions = new HashSet<>(previous.entries().keySet());
        for (CorpusFile f : files) {
            CorpusManifest.Entry before = previous.get(f.path());
            if (before != null && before.size() == f.size() && before.mtime() == f.mtime()) {
                kept.put(f.path(), before);
                deletions.remove(f.path());
                continue;
            }
            if (before != null && before.size() == f.size() && before.sha256().equals(hash.apply(f.file()))) {
                kept.put(f.path(), new CorpusManifest.Entry(f.size(), f.mtime(), before.sha256(), before.articleId(),
                        before.skipped(), before.paragraphs()));
                deletions.remove(f.path());
                continue;
            }
            toProcess.add(f);
        }
        Set<String> reprocessed = new HashSet<>();
        for (CorpusFile f : toProcess) reprocessed.add(f.path());
        int removed = (int) deletions.stream().filter(p -> !reprocessed.contains(p)).count();
        return new BuildPlan(kept, List.copyOf(toProcess), Set.copyOf(deletions), removed);
    }

    /** Whether the previous generation can be served as it is. */
    boolean nothingToDo() {
        return toProcess.isEmpty() && deletions.isEmpty();
    }

    int unchanged() {
        return kept.entries().size();
    }
}
