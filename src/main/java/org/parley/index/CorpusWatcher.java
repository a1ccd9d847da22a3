package org.parley.index;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Keeps the index in step with a corpus folder while a server runs ({@code parley serve --watch}).
 *
 * <p>One daemon thread waits for changes under the corpus folder (recursively: subfolders are registered as they
 * appear, and the corpus folder itself again when another folder takes its path) with the platform's
 * {@link WatchService}, or, when that is unavailable or cannot register a folder, by
 * comparing a listing of paths, sizes and modification times every {@code pollInterval}. Changes are batched: a
 * build starts once the folder has been quiet for {@code quiet}, or {@code maxDelay} after the first change of a
 * burst at the latest, so thousands of dropped files make a few builds, not thousands. Each build is the normal
 * incremental {@link IndexBuilder#build} (only changed files are processed; the new generation is published
 * atomically), which a {@link LuceneSearchService} on the same index picks up by itself. Builds run one at a time
 * on that thread; a failed build is logged, the old index keeps serving, and it is retried at the next change (or
 * after a back-off when nothing changes). Hidden files and folders (which builds do not read) and the index folder
 * itself, when it lies inside the corpus, do not count as changes.
 */
public final class CorpusWatcher implements Closeable {
    private static final System.Logger LOG = System.getLogger(CorpusWatcher.class.getName());

    /** Runs one build of the corpus; {@link IndexBuilder#build} in production. */
    @FunctionalInterface
    public interface Build {
        BuildReport run() throws IOException;
    }

    /** Timings; {@link #DEFAULT} for serving. */
    public record Settings(Duration quiet, Duration maxDelay, Duration pollInterval, Duration retryDelay, boolean forcePolling) {
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(5), false);

        public Settings {
            Objects.requireNonNull(quiet);
            Objects.requireNonNull(maxDelay);
            Objects.requireNonNull(pollInterval);
            Objects.requireNonNull(retryDelay);
        }

        public Settings withPolling(boolean polling) {
            return new Settings(quiet, maxDelay, pollInterval, retryDelay, polling);
        }
    }

    private final Path corpus;
    private final Path ignored;
    private final Build build;
    private final Consumer<BuildReport> onBuild;
    private final Settings settings;
    private final Thread thread;
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    /** What {@link #status} reports; written by the watcher thread only. */
    private volatile Instant lastSuccess;
    private volatile Instant failingSince;
    private volatile String lastFailureMessage;
    private volatile List<BuildReport.Skipped> skipped = List.of();
    private volatile boolean closed;
    private volatile boolean polling;
    private volatile WatchService watchService;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    /** The other way round: the key last registered for each watched folder (a deleted file is looked up in O(1)). */
    private final Map<Path, WatchKey> folders = new HashMap<>();
    /**
     * The corpus folder the watch keys were registered on (its file key, or {@link #MISSING}); only touched by the
     * watcher thread. A watch follows a folder, not its path: after {@code mv corpus corpus.old && mv corpus.new
     * corpus} it would watch the old folder forever, so the path is checked for another folder at every wait.
     */
    private Object watchedCorpus;
    private static final Object MISSING = new Object();
    /** Only touched by the watcher thread. */
    private Map<Path, Long> snapshot;
    private String lastFailure;

    /**
     * Watches {@code corpus} for the index at {@code index} (ignored when inside the corpus), running {@code build}
     * after each batch of changes and handing each successful build's report to {@code onBuild}. Call {@link #start}.
     */
    public CorpusWatcher(Path corpus, Path index, Build build, Consumer<BuildReport> onBuild, Settings settings) {
        this.corpus = corpus.toAbsolutePath().normalize();
        this.ignored = index == null ? null : underCorpus(this.corpus, index.toAbsolutePath().normalize());
        this.build = Objects.requireNonNull(build);
        this.onBuild = onBuild == null ? r -> { } : onBuild;
        this.settings = Objects.requireNonNull(settings);
        this.thread = new Thread(this::loop, "parley-corpus-watcher");
        thread.setDaemon(true);
    }

    /**
     * The index folder as events name it: under the corpus path given, also when the corpus is a link and the index
     * was named through the folder it points to (else every write of a build would count as a change, and start one).
     */
    private static Path underCorpus(Path corpus, Path index) {
        try {
            Path corpusReal = corpus.toRealPath();
            Path indexReal = index.toRealPath();
            if (indexReal.startsWith(corpusReal)) return corpus.resolve(corpusReal.relativize(indexReal));
        } catch (IOException e) {
            // not there yet: as given
        }
        return index;
    }

    /**
     * Where a walk of the corpus starts: where the corpus path points when it is a link to a folder (a walk does not
     * follow its start when that is a link: "corpus -> /mnt/news" would be one link, and no folder would be watched).
     */
    private Path walkedCorpus() {
        try {
            return Files.isSymbolicLink(corpus) ? corpus.toRealPath() : corpus;
        } catch (IOException e) {
            return corpus;
        }
    }

    /** The usual wiring: the incremental build of {@code corpus} into {@code index}. */
    public static CorpusWatcher of(Path corpus, Path index, Consumer<BuildReport> onBuild, Settings settings) {
        IndexBuilder builder = new IndexBuilder(new IndexLocation(index));
        return new CorpusWatcher(corpus, index, () -> builder.build(corpus), onBuild, settings);
    }

    /**
     * Starts watching. Folders are registered before this returns, so a file written afterwards is noticed; one
     * catch-up build then runs at once on the watcher thread (for changes made while nothing was watching).
     */
    public CorpusWatcher start() throws IOException {
        if (!Files.isDirectory(corpus)) throw new IOException("corpus folder not found: " + corpus);
        polling = settings.forcePolling();
        if (!polling) {
            try {
                watchService = FileSystems.getDefault().newWatchService();
                watchedCorpus = corpusIdentity();
                registerTree(corpus);
            } catch (IOException | UnsupportedOperationException e) {
                fallBackToPolling("cannot watch " + corpus + " for changes; polling it every " + settings.pollInterval().toMillis()
                        + " ms instead", e);
            }
        }
        if (polling) snapshot = snapshot();
        thread.start();
        return this;
    }

    /** Builds attempted so far (successful or not), the catch-up build included. */
    public int builds() {
        return builds.get();
    }

    /** Builds that failed so far. */
    public int failures() {
        return failures.get();
    }

    /**
     * What the watcher did, for the health route: a build that fails leaves the previous index serving (so search
     * stays healthy), and is logged once per distinct failure; without this, nothing a client can see would say that
     * dropped files are no longer being indexed, nor which of them were skipped.
     *
     * @param status       "ok", or "failing" while builds fail (the previous index keeps serving meanwhile)
     * @param builds       builds attempted, the catch-up build included
     * @param failures     builds that failed
     * @param lastSuccess  when a build last completed (switched or not), or null
     * @param failingSince when the builds started failing, or null when the last one completed
     * @param lastFailure  why the last build failed, or null when it completed
     * @param skippedCount how many files the last completed build could not index
     * @param skipped      the first {@link #LISTED_SKIPPED} of them, with the reason
     */
    public record Status(String status, int builds, int failures, Instant lastSuccess, Instant failingSince, String lastFailure,
                         int skippedCount, List<BuildReport.Skipped> skipped) {
    }

    /** Skipped files {@link #status} lists: enough to act on, and a corpus of bad files cannot bloat health. */
    static final int LISTED_SKIPPED = 100;

    public Status status() {
        List<BuildReport.Skipped> s = skipped;
        return new Status(failingSince == null ? "ok" : "failing", builds.get(), failures.get(), lastSuccess, failingSince,
                lastFailureMessage, s.size(), s.subList(0, Math.min(LISTED_SKIPPED, s.size())));
    }

    /** Whether changes are found by polling (no usable watch service). */
    public boolean polling() {
        return polling;
    }

    private void loop() {
        boolean pending = true; // the catch-up build
        boolean changedDuringBuild = false;
        long retryAt = Long.MAX_VALUE;
        Duration backoff = settings.retryDelay();
        while (!closed) {
            try {
                if (!pending) {
                    long waitNanos = retryAt == Long.MAX_VALUE ? Long.MAX_VALUE : retryAt - System.nanoTime();
                    // a change retries a failed build at once; without one, the back-off running out does
                    if (!changedDuringBuild && waitNanos > 0 && !awaitChange(waitNanos)) continue;
                    changedDuringBuild = false;
                    settle();
                }
                if (closed) break;
                pending = false;
                // Polling compares listings: the one before the build and the one after it must be the same, else the
                // build may have seen a file the next poll would not miss (added during the build, deleted soon after).
                Map<Path, Long> before = polling ? snapshot() : null;
                builds.incrementAndGet();
                try {
                    BuildReport report = build.run();
                    retryAt = Long.MAX_VALUE;
                    backoff = settings.retryDelay();
                    lastFailure = null;
                    skipped = List.copyOf(report.skipped());
                    lastFailureMessage = null;
                    failingSince = null;
                    lastSuccess = Instant.now();
                    if (report.switched()) onBuild.accept(report);
                } catch (IOException | RuntimeException | Error e) {
                    // an Error too (out of memory on a huge file): the build is retried with the back-off, not in a loop
                    failures.incrementAndGet();
                    String message = String.valueOf(e.getMessage());
                    LOG.log(message.equals(lastFailure) ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                            "index build after a corpus change failed; the previous index keeps serving; retrying at the next change"
                                    + " or in " + backoff.toSeconds() + " s", e);
                    lastFailure = message;
                    lastFailureMessage = e instanceof IOException || e instanceof RuntimeException ? message : e.toString();
                    if (failingSince == null) failingSince = Instant.now();
                    retryAt = System.nanoTime() + backoff.toNanos();
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : backoff.multipliedBy(2);
                }
                if (before != null && polling) {
                    snapshot = snapshot();
                    changedDuringBuild = !snapshot.equals(before);
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                if (closed) break;
                LOG.log(System.Logger.Level.WARNING, "corpus watcher interrupted; polling instead", e);
                fallBackToPolling("watch service closed", e);
            } catch (RuntimeException | Error e) {
                if (closed) break;
                LOG.log(System.Logger.Level.ERROR, "corpus watcher failed; trying again in " + settings.pollInterval().toMillis() + " ms", e);
                sleepQuietly(settings.pollInterval());
                pending = true;
            }
        }
    }

    /** Waits up to {@code nanos} for a change (forever when {@code Long.MAX_VALUE}); true when one came. */
    private boolean awaitChange(long nanos) throws InterruptedException {
        long deadline = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + nanos;
        while (!closed) {
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (left <= 0) return false;
            if (nextChange(Math.min(left, settings.pollInterval().toNanos()))) return true;
        }
        return false;
    }

    /** Waits for the burst to end: quiet for {@code quiet}, or {@code maxDelay} after it began. */
    private void settle() throws InterruptedException {
        long start = System.nanoTime();
        long hardStop = start + settings.maxDelay().toNanos();
        while (!closed) {
            long now = System.nanoTime();
            long wait = Math.min(settings.quiet().toNanos(), hardStop - now);
            if (wait <= 0) return;
            if (!nextChange(wait)) return; // quiet for long enough
        }
    }

    /** One wait of at most {@code nanos} for a relevant change. */
    private boolean nextChange(long nanos) throws InterruptedException {
        if (polling) {
            TimeUnit.NANOSECONDS.sleep(Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(50)));
            Map<Path, Long> now = snapshot();
            boolean changed = !now.equals(snapshot);
            snapshot = now;
            return changed;
        }
        WatchService ws = watchService;
        WatchKey key = ws.poll(nanos, TimeUnit.NANOSECONDS);
        boolean relevant = false;
        while (key != null) {
            relevant |= handle(key);
            if (polling) return true;
            key = ws.poll();
        }
        return corpusReplaced() || relevant;
    }

    /** The corpus folder's identity: its file key where the platform has one, else its creation time. */
    private Object corpusIdentity() {
        try {
            BasicFileAttributes a = Files.readAttributes(corpus, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return MISSING;
        }
    }

    /**
     * Whether the corpus path now names another folder than the one watched (swapped, or deleted and created again)
     * or none; the new folder is then watched instead of the old one, and the change counts (its files may differ).
     */
    private boolean corpusReplaced() {
        Object now = corpusIdentity();
        if (now.equals(watchedCorpus)) return false;
        watchedCorpus = now;
        for (WatchKey k : keys.keySet()) k.cancel(); // the old folder, wherever it went, is no longer the corpus
        keys.clear();
        folders.clear();
        if (now != MISSING) {
            try {
                registerTree(corpus);
            } catch (IOException e) {
                fallBackToPolling("cannot watch " + corpus + " after it was replaced; polling it instead", e);
            }
        }
        return true;
    }

    /** Takes one key's events: registers new folders; true when any of them changes the corpus. */
    private boolean handle(WatchKey key) {
        Path dir = keys.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                // events were lost: the build lists everything anyway; folders created meanwhile must be registered
                relevant = true;
                try {
                    registerTree(corpus);
                } catch (IOException e) {
                    fallBackToPolling("cannot watch the folders of " + corpus + " after lost events; polling instead", e);
                    return true;
                }
                continue;
            }
            if (dir == null) continue;
            Path child = dir.resolve((Path) event.context());
            if (!counts(child)) continue;
            relevant = true;
            if (event.kind() == ENTRY_DELETE) forget(child);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    registerTree(child);
                } catch (IOException e) {
                    fallBackToPolling("cannot watch " + child + "; polling the corpus instead", e);
                    return true;
                }
            }
        }
        if (!key.reset()) unmap(key); // its folder is gone
        return relevant;
    }

    /**
     * A folder deleted or moved away (a rename is a delete, then a create registered anew): its watches and its
     * subfolders' are cancelled. A watch follows the folder, not the path, so one moved out of the corpus would go on
     * reporting its changes as the corpus's, each running a build, for as long as the server runs.
     */
    private void forget(Path gone) {
        if (!folders.containsKey(gone)) return; // a file: nothing was watched there
        for (Map.Entry<WatchKey, Path> e : Map.copyOf(keys).entrySet()) {
            if (e.getValue().startsWith(gone)) {
                e.getKey().cancel();
                unmap(e.getKey());
            }
        }
    }

    private void unmap(WatchKey key) {
        Path p = keys.remove(key);
        if (p != null && folders.get(p) == key) folders.remove(p);
    }

    /** Whether a change of {@code p} matters: not hidden, not the index folder. */
    private boolean counts(Path p) {
        if (ignored != null && p.startsWith(ignored)) return false;
        for (Path part : corpus.relativize(p)) if (part.toString().startsWith(".")) return false;
        return true;
    }

    private void registerTree(Path top) throws IOException {
        WatchService ws = watchService;
        if (ws == null) return;
        Path start = top.equals(corpus) ? walkedCorpus() : top;
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path walked, BasicFileAttributes attrs) throws IOException {
                Path d = top.resolve(start.relativize(walked)); // named under the corpus path, as events are
                if (!d.equals(corpus) && !counts(d)) return FileVisitResult.SKIP_SUBTREE;
                WatchKey key = walked.register(ws, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE); // registering twice is harmless
                Path before = keys.put(key, d); // the same key when the folder was renamed: it now has this path
                if (before != null && folders.get(before) == key) folders.remove(before);
                folders.put(d, key);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE; // vanished meanwhile, or unreadable: the build reports it
            }
        });
    }

    /** Every non-hidden path under the corpus with its size and modification time folded into one number. */
    private Map<Path, Long> snapshot() {
        Map<Path, Long> out = new HashMap<>();
        Path start = walkedCorpus();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path walked, BasicFileAttributes attrs) {
                    Path d = corpus.resolve(start.relativize(walked));
                    return d.equals(corpus) || counts(d) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path walked, BasicFileAttributes attrs) {
                    Path f = corpus.resolve(start.relativize(walked));
                    if (counts(f)) out.put(f, attrs.size() * 31 + attrs.lastModifiedTime().toMillis());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list " + corpus + " to look for changes", e);
        }
        return out;
    }

    private void fallBackToPolling(String why, Throwable cause) {
        if (polling) return;
        LOG.log(System.Logger.Level.WARNING, why, cause);
        polling = true;
        WatchService ws = watchService;
        watchService = null;
        keys.clear();
        folders.clear();
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                // going to poll anyway
            }
        }
        snapshot = snapshot();
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops watching; waits for a running build to finish (a build is not interrupted: it would fail its rollback). */
    @Override
    public void close() throws IOException {
        closed = true;
        WatchService ws = watchService;
        if (ws != null) ws.close();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
