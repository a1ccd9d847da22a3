package org.parley.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.parley.corpus.Article;
import org.parley.corpus.ArticleParser;
import org.parley.corpus.CorpusException;
import org.parley.corpus.CorpusReader;
import org.parley.corpus.FileArticles;
import org.parley.corpus.SkippedInput;
import org.parley.enrich.EnrichedArticle;
import org.parley.enrich.Enricher;

/**
 * Builds the paragraph index from a corpus folder, atomically and incrementally.
 *
 * <p><b>Atomic:</b> every build writes a new generation directory and switches {@code CURRENT} to it only after
 * a successful Lucene commit (see {@link IndexLocation}); any failure rolls back and deletes the new directory.
 *
 * <p><b>Incremental:</b> the previous generation's manifest (in its commit user data) says which files it
 * indexed. Unchanged files are not read again: the new generation starts as hard links to the previous one's
 * files (Lucene never modifies a written file, so sharing them is safe and costs no copying), then the
 * documents of changed and removed files are deleted and changed and added files are indexed. When the
 * parsing/enrichment code or the schema changed ({@link BuildFingerprint}), everything is re-processed.
 */
public final class IndexBuilder {
    /** Hears about progress; an exception thrown here aborts the build (used to test atomicity). */
    public interface Listener {
        default void started(int toProcess, int unchanged, int removed) {
        }

        default void fileDone(int done, int total, String file) {
        }

        /** As {@link #fileDone(int, int, String)}, with the searchable paragraphs the file gave. */
        default void fileDone(int done, int total, String file, int paragraphs) {
            fileDone(done, total, file);
        }

        /**
         * A stage of the build finished: {@code scan} (list the corpus, plan), {@code index} (read, enrich and add
         * every file; includes the flushes the indexing buffer triggers), {@code flush} (the last buffers),
         * {@code commit}, {@code close}, {@code verify} (checksums and counts of the new generation).
         */
        default void phaseDone(String phase, Duration took) {
        }

        /**
         * The background merges of the build, once the writer is closed: how many finished, the bytes they read, their
         * CPU time (aborted ones included) and how long indexing threads stalled waiting for them.
         */
        default void merged(long merges, long bytes, Duration cpu, Duration stalled) {
        }
    }

    /** The manifest in the commit's user data, where builds before the manifest file kept it (read, never written). */
    static final String USER_MANIFEST = "parley.manifest";
    /** The generation's manifest ({@link CorpusManifest#write}); not a Lucene file name, so Lucene leaves it alone. */
    static final String MANIFEST_FILE = "parley-manifest.json";
    static final String USER_FINGERPRINT = "parley.fingerprint";
    static final String USER_BUILD_TIME = "parley.build_time";

    private final IndexLocation location;
    private final int threads;
    private final Listener listener;
    private final CorpusReader reader;
    /** Creates the enrichment function once per build (the real enricher loads its gazetteer when created). */
    private final Supplier<Function<Article, EnrichedArticle>> enrichment;
    private final IndexSchema schema = new IndexSchema();

    public IndexBuilder(IndexLocation location) {
        this(location, Math.max(1, Runtime.getRuntime().availableProcessors()), new Listener() { }, new CorpusReader(),
                () -> new Enricher()::enrich);
    }

    private IndexBuilder(IndexLocation location, int threads, Listener listener, CorpusReader reader,
                         Supplier<Function<Article, EnrichedArticle>> enrichment) {
        this.location = location;
        this.threads = threads;
        this.listener = listener;
        this.reader = reader;
        this.enrichment = enrichment;
    }

    public IndexBuilder withListener(Listener l) {
        return new IndexBuilder(location, threads, l, reader, enrichment);
    }

    /** Replaces the enricher (tests use a deterministic one; the function must be thread-safe). */
    public IndexBuilder withEnrichment(Function<Article, EnrichedArticle> f) {
        return new IndexBuilder(location, threads, listener, reader, () -> f);
    }

    /** A scanned corpus file. */
    /** One file's outcome. */
    private record Outcome(String path, CorpusManifest.Entry entry) {
    }

    public BuildReport build(Path corpusDir) throws IOException {
        Instant start = Instant.now();
        if (!Files.isDirectory(corpusDir)) throw new IOException("corpus folder not found: " + corpusDir);
        try (Closeable lock = location.lockForBuild()) {
            Path previous = location.current().orElse(null);
            Previous prior = previous == null ? Previous.NONE : readPrevious(previous);
            Map<String, String> previousData = prior.userData();
            String fingerprint = BuildFingerprint.compute();
            // without a readable manifest nothing can be kept: the previous documents could not be told apart
            boolean full = previous == null || prior.manifest() == null || !fingerprint.equals(previousData.get(USER_FINGERPRINT));
            CorpusManifest old = full ? new CorpusManifest() : prior.manifest();

            // 1. Compare the corpus with the manifest.
            long t0 = System.nanoTime();
            long listedAt = System.currentTimeMillis();
            CorpusReader.Listing listing = withoutIndex(corpusDir, CorpusReader.list(corpusDir));
            List<BuildReport.Skipped> notRead = new ArrayList<>();
            for (SkippedInput si : listing.skipped()) notRead.add(new BuildReport.Skipped(si.file(), si.reason()));
            BuildPlan plan = BuildPlan.of(old, scan(corpusDir, listing), IndexBuilder::hashOrNull);
            CorpusManifest next = plan.kept();
            List<BuildPlan.CorpusFile> toProcess = plan.toProcess();
            Set<String> deletions = plan.deletions();
            int removed = plan.removed();
            int unchanged = plan.unchanged();
            location.prune(keep(previous));

            if (!full && plan.nothingToDo()) {
                Counts counts = count(previous, prior.verifiedFiles());
                return new BuildReport(previous, false, false, counts.articles(), counts.paragraphs(), 0, unchanged, 0,
                        skippedOf(next, notRead), Duration.between(start, Instant.now()));
            }
            listener.phaseDone("scan", since(t0));
            listener.started(toProcess.size(), unchanged, removed);

            // 2. Write the new generation.
            Path generation = location.newGeneration();
            try {
                if (!full) linkFiles(previous, generation);
                // a full build derives every id afresh: the way ids are made may be what changed
                writeGeneration(generation, full, deletions, toProcess, next, old, fingerprint, listedAt);
                long v0 = System.nanoTime();
                Counts counts = count(generation, prior.verifiedFiles());
                listener.phaseDone("verify", since(v0));
                location.publish(generation);
                location.prune(keep(generation, previous));
                return new BuildReport(generation, true, full, counts.articles(), counts.paragraphs(), toProcess.size(),
                        unchanged, removed, skippedOf(next, notRead), Duration.between(start, Instant.now()));
            } catch (IOException | RuntimeException | Error e) {
                IndexLocation.deleteRecursively(generation);
                throw e;
            }
        }
    }

    private void writeGeneration(Path generation, boolean full, Set<String> deletions, List<BuildPlan.CorpusFile> toProcess,
                                 CorpusManifest next, CorpusManifest previousIds, String fingerprint, long listedAt)
            throws IOException {
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setNoCFSRatio(0); // compound files would copy every byte of a large index once more
        MeteredMergeScheduler scheduler = new MeteredMergeScheduler();
        IndexWriterConfig config = new IndexWriterConfig(TextAnalysis.indexAnalyzer())
                .setOpenMode(full ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(ramBufferMb())
                .setUseCompoundFile(false)
                .setMergePolicy(merges)
                .setMergeScheduler(scheduler)
                .setCodec(new ParleyCodec()) // stored fields in smaller blocks: cheaper hits
                .setCommitOnClose(false);
        long closing;
        try (Directory dir = FSDirectory.open(generation); IndexWriter writer = new IndexWriter(dir, config)) {
            try {
                for (String path : deletions) writer.deleteDocuments(new Term(IndexSchema.FILE, path));
                Map<String, String> ids = articleIds(next, previousIds, toProcess);
                indexFiles(writer, toProcess, ids, next, listedAt);
                long c0 = System.nanoTime();
                next.write(dir, MANIFEST_FILE);
                writer.setLiveCommitData(Map.of(
                        USER_FINGERPRINT, fingerprint,
                        USER_BUILD_TIME, Instant.now().toString()).entrySet());
                writer.commit();
                listener.phaseDone("commit", since(c0));
            } catch (IOException | RuntimeException | Error e) {
                try {
                    writer.rollback();
                } catch (IOException | RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure); // the cause of the failed build is what the user must see
                }
                throw e;
            }
            closing = System.nanoTime();
        }
        listener.phaseDone("close", since(closing));
        listener.merged(scheduler.merges(), scheduler.mergedBytes(), Duration.ofNanos(scheduler.mergeCpuNanos()),
                Duration.ofNanos(scheduler.stallNanos()));
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    /**
     * The indexing buffer: 384 MB, a quarter of the heap at most (for small machines), or the
     * {@code parley.index.ramBufferMb} property. Fewer, larger flushed segments mean fewer merges and fewer segments
     * to search. Measured against 128 and 256 MB: at a million paragraphs the same build time, two segments instead
     * of five and three, and queries about 0.94x per step; at ten million no slower (327-329 s against 327-358 s with
     * 256 MB). An earlier round found 512 MB 20% slower at a million (the in-memory term hash outgrows the CPU
     * caches).
     */
    static double ramBufferMb() {
        return ramBufferMb(System.getProperty("parley.index.ramBufferMb"), Runtime.getRuntime().maxMemory());
    }

    static double ramBufferMb(String set, long maxHeapBytes) {
        if (set != null) return Double.parseDouble(set);
        double heapMb = maxHeapBytes / (1024.0 * 1024.0);
        return Math.max(16, Math.min(384, heapMb / 4));
    }

    /**
     * The article id of each file to process, by path: its name's id ("index" for "2024/index.html"), or, when a kept
     * file or a shallower one already has that id (saved pages are often all "index.html"), the id of its path
     * ("2024-index"), then with "-2", "-3", ... Ids already given keep their files, so a rebuild renames nothing that
     * was indexed: a kept file's id is taken, and a changed file gets the id it had in {@code previous} back (else an
     * edit made in the same batch as the removal of a namesake gave it the freed name's id, breaking links to it).
     */
    private static Map<String, String> articleIds(CorpusManifest kept, CorpusManifest previous, List<BuildPlan.CorpusFile> toProcess) {
        Set<String> taken = new HashSet<>();
        kept.entries().forEach((path, e) -> {
            if (e.articleId() != null) taken.add(e.articleId());
        });
        Map<String, String> ids = new HashMap<>();
        for (BuildPlan.CorpusFile s : toProcess) {
            CorpusManifest.Entry before = previous.get(s.path());
            if (before != null && before.articleId() != null && taken.add(before.articleId())) ids.put(s.path(), before.articleId());
        }
        // shallower files first: "index.html" keeps its name's id before "2024/index.html" does
        List<BuildPlan.CorpusFile> byDepth = new ArrayList<>(toProcess);
        byDepth.sort(java.util.Comparator.comparingLong((BuildPlan.CorpusFile s) -> s.path().chars().filter(c -> c == '/').count())
                .thenComparing(BuildPlan.CorpusFile::path));
        for (BuildPlan.CorpusFile s : byDepth) {
            if (ids.containsKey(s.path())) continue;
            String id = ArticleParser.articleId(s.file().getFileName().toString());
            if (taken.contains(id)) {
                String byPath = ArticleParser.articleId(s.path().replace('/', '-'));
                id = byPath;
                for (int n = 2; taken.contains(id); n++) id = byPath + "-" + n;
            }
            taken.add(id);
            ids.put(s.path(), id);
        }
        return ids;
    }

    private void indexFiles(IndexWriter writer, List<BuildPlan.CorpusFile> files, Map<String, String> ids, CorpusManifest next,
                            long listedAt) throws IOException {
        if (files.isEmpty()) return;
        int workers = Math.min(threads, files.size());
        ExecutorService pool = IndexingWorkers.pool(workers);
        Function<Article, EnrichedArticle> enricher = enrichment.get();
        IndexingWorkers<BuildPlan.CorpusFile, Prepared, Outcome> stages = new IndexingWorkers<>(files,
                s -> prepare(writer, enricher, s, ids.get(s.path())), p -> index(writer, p), MAX_QUEUED_BYTES);
        try {
            long t0 = System.nanoTime();
            List<CompletableFuture<Outcome>> outcomes = stages.start(workers, pool);
            int done = 0;
            for (CompletableFuture<Outcome> f : outcomes) {
                Outcome o = f.get();
                next.put(o.path(), racy(o.entry(), listedAt));
                listener.fileDone(++done, files.size(), o.path(), o.entry().paragraphs());
            }
            listener.phaseDone("index", since(t0));
            long f0 = System.nanoTime();
            // The commit would flush the last in-memory segments one after the other in one thread: flush
            // them on all indexing threads at once instead.
            List<Future<Object>> flushes = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                flushes.add(pool.submit(() -> {
                    while (writer.flushNextBuffer()) {
                        // one buffer per call; stop when none is left
                    }
                    return null;
                }));
            }
            for (Future<Object> f : flushes) f.get();
            listener.phaseDone("flush", since(f0));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("index build interrupted", e);
        } finally {
            // Files not started are cancelled; files being prepared or indexed finish, which is bounded by one file's
            // work (no indexing thread is interrupted: see IndexingWorkers#stop).
            stages.stop();
            stages.awaitTermination();
        }
    }

    /**
     * How many bytes of prepared files may wait for the indexing thread: enough to ride out a segment flush, little
     * beside the indexing buffer. A larger file is indexed by the thread that prepared it.
     */
    static final long MAX_QUEUED_BYTES = 8L << 20;

    /**
     * A file read, enriched and made into documents, waiting to be indexed; or {@link #done} already (skipped, or a
     * container, which streams its articles through both stages on one thread so that it is never held whole).
     */
    private record Prepared(BuildPlan.CorpusFile file, String id, String sha, List<List<Document>> blocks, int articles,
                            List<String> problems, Outcome done) implements IndexingWorkers.Prepared<Outcome> {
        static Prepared finished(BuildPlan.CorpusFile file, Outcome done) {
            return new Prepared(file, null, null, List.of(), 0, List.of(), done);
        }

        @Override
        public long weight() {
            return file.size();
        }
    }

    private Prepared prepare(IndexWriter writer, Function<Article, EnrichedArticle> enricher, BuildPlan.CorpusFile s, String id)
            throws IOException {
        try {
            return readAndEnrich(writer, enricher, s, id);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return Prepared.finished(s, tooLarge(writer, s, e));
        }
    }

    private Outcome index(IndexWriter writer, Prepared p) throws IOException {
        try {
            int paragraphs = 0;
            for (List<Document> docs : p.blocks()) paragraphs += addArticle(writer, docs);
            return outcome(p.file(), p.sha(), p.id(), paragraphs, p.articles(), p.problems());
        } catch (OutOfMemoryError | StackOverflowError e) {
            return tooLarge(writer, p.file(), e);
        }
    }

    /**
     * One file too large for this heap (or nested too deeply for the stack) must not fail the whole build: the corpus
     * watcher would retry that build forever and no file dropped later would ever be indexed. Unless the writer itself
     * was hit (then the build fails as before), what the file added is deleted and it is reported as skipped.
     */
    private static Outcome tooLarge(IndexWriter writer, BuildPlan.CorpusFile s, Error e) throws IOException {
        if (writer.getTragicException() != null) throw e;
        writer.deleteDocuments(new Term(IndexSchema.FILE, s.path()));
        String reason = e instanceof OutOfMemoryError
                ? "out of memory while indexing it (" + e.getMessage() + "); give parley more heap (PARLEY_JAVA_OPTS=-Xmx...); "
                        + "tried again at the next build"
                : "too deeply nested to read (stack overflow); tried again at the next build";
        // No size, time or hash a listing can match: the next build tries it again rather than keeping it out
        // until it changes, for the heap may have been raised meanwhile, and with several indexing threads out of
        // memory can strike another file than the one that filled the heap.
        return new Outcome(s.path(), new CorpusManifest.Entry(s.size(), -1, "", null, reason, 0));
    }

    private Prepared readAndEnrich(IndexWriter writer, Function<Article, EnrichedArticle> enricher, BuildPlan.CorpusFile s,
                                   String id) throws IOException {
        String name = s.file().getFileName().toString();
        boolean container;
        try {
            container = CorpusReader.detect(s.file()).container();
        } catch (CorpusException e) {
            return Prepared.finished(s, skipped(s, hashOrNull(s.file()), e.getMessage()));
        }
        if (container) {
            // feeds, JSON Lines and WARC archives stream (they may be larger than a file read whole): each article is
            // enriched and indexed before the next, on this thread
            String sha = hashOrNull(s.file());
            FileArticles read;
            try {
                read = reader.readAll(s.file());
            } catch (CorpusException e) {
                return Prepared.finished(s, skipped(s, sha, e.getMessage()));
            }
            read = read.withFileId(ArticleParser.articleId(name), id);
            List<String> problems = problems(read);
            int paragraphs = 0;
            for (Article article : read.articles()) {
                List<Document> docs = documents(s, enricher, article, problems);
                if (docs != null) paragraphs += addArticle(writer, docs);
            }
            return Prepared.finished(s, outcome(s, sha, id, paragraphs, read.articles().size(), problems));
        }
        // read once: the manifest's hash and the article come from the same bytes
        byte[] bytes;
        try {
            bytes = reader.readBytes(s.file());
        } catch (CorpusException e) {
            return Prepared.finished(s, skipped(s, hashOrNull(s.file()), e.getMessage()));
        }
        String sha = CorpusManifest.sha256(bytes);
        FileArticles read;
        try {
            read = reader.parseAll(name, bytes);
        } catch (CorpusException e) {
            return Prepared.finished(s, skipped(s, sha, e.getMessage()));
        }
        read = read.withFileId(ArticleParser.articleId(name), id);
        List<String> problems = problems(read);
        List<List<Document>> blocks = new ArrayList<>(read.articles().size());
        for (Article article : read.articles()) {
            List<Document> docs = documents(s, enricher, article, problems);
            if (docs != null) blocks.add(docs);
        }
        return new Prepared(s, id, sha, blocks, read.articles().size(), problems, null);
    }

    /** Adds one article's block of documents; returns its paragraphs (every document but the article's own, last). */
    private static int addArticle(IndexWriter writer, List<Document> docs) throws IOException {
        writer.addDocuments(docs);
        return docs.size() - 1;
    }

    private static List<String> problems(FileArticles read) {
        List<String> problems = new ArrayList<>();
        for (SkippedInput part : read.skipped()) problems.add(part.where() == null ? part.reason() : part.where() + ": " + part.reason());
        return problems;
    }

    /** An article's documents, or null when the enricher chokes on it (reported among the file's problems). */
    private List<Document> documents(BuildPlan.CorpusFile s, Function<Article, EnrichedArticle> enricher, Article article,
                                     List<String> problems) throws IOException {
        EnrichedArticle enriched;
        try {
            enriched = enricher.apply(article);
        } catch (RuntimeException e) {
            // One article the enricher chokes on must not sink the build; report it like any bad file.
            problems.add(article.id() + ": enrichment failed: " + e);
            return null;
        }
        return schema.documents(s.path(), enriched);
    }

    private static Outcome outcome(BuildPlan.CorpusFile s, String sha, String id, int paragraphs, int articles, List<String> problems) {
        if (paragraphs == 0 && !problems.isEmpty() && articles <= 1) return skipped(s, sha, problems.getFirst());
        // a container with some bad parts is indexed and its parts reported (as is a text with replaced bytes):
        // nothing is skipped or changed silently
        String partly = problems.isEmpty() ? null : problems.size() + " problem(s), the rest indexed: "
                + String.join("; ", problems.subList(0, Math.min(3, problems.size()))) + (problems.size() > 3 ? "; ..." : "");
        return new Outcome(s.path(), new CorpusManifest.Entry(s.size(), s.mtime(), sha, id, partly, paragraphs));
    }

    /**
     * How close to the listing a file's modification time must be for the time to prove nothing: file systems with a
     * one- or two-second grain (FAT, SMB and NFS shares, some container mounts) give a file saved again in the same
     * second the same time, and a same-size edit (a typo fixed) would look unchanged to every later build.
     */
    static final long RACY_MILLIS = 2_000;

    /**
     * The entry as the manifest keeps it: one whose time is too recent to tell a later save in the same second apart
     * gets no time (-1, which no listing matches), so the next build compares its hash instead, as git does with
     * "racily clean" files; a hash that still matches keeps the file without reading it again.
     */
    private static CorpusManifest.Entry racy(CorpusManifest.Entry e, long listedAt) {
        if (e.mtime() < listedAt - RACY_MILLIS) return e;
        return new CorpusManifest.Entry(e.size(), -1, e.sha256(), e.articleId(), e.skipped(), e.paragraphs());
    }

    private static Outcome skipped(BuildPlan.CorpusFile s, String sha, String reason) {
        return new Outcome(s.path(), new CorpusManifest.Entry(s.size(), s.mtime(), sha == null ? "" : sha, null, reason, 0));
    }

    /**
     * The listing without the index folder's own files, when the index lies inside the corpus ({@code --index
     * corpus/idx}): its pointer file would become an article and every Lucene file a skipped corpus file, hashed
     * again at every build (the corpus watcher ignores that folder for the same reason).
     */
    private CorpusReader.Listing withoutIndex(Path corpusDir, CorpusReader.Listing listing) {
        Path rel;
        try {
            // real paths: the corpus (or the index) may be named through a link
            Path corpusReal = corpusDir.toRealPath();
            Path indexReal = location.root().toRealPath();
            if (!indexReal.startsWith(corpusReal) || indexReal.equals(corpusReal)) return listing;
            rel = corpusReal.relativize(indexReal);
        } catch (IOException e) {
            return listing; // no index folder yet: nothing of it to list
        }
        String prefix = rel.toString().replace('\\', '/');
        List<Path> files = listing.files().stream().filter(f -> !corpusDir.relativize(f).startsWith(rel)).toList();
        List<SkippedInput> skipped = listing.skipped().stream()
                .filter(si -> !(si.file().equals(prefix + "/") || si.file().equals(prefix) || si.file().startsWith(prefix + "/"))).toList();
        return new CorpusReader.Listing(files, skipped);
    }

    private static List<BuildPlan.CorpusFile> scan(Path corpusDir, CorpusReader.Listing listing) {
        List<BuildPlan.CorpusFile> out = new ArrayList<>();
        for (Path file : listing.files()) {
            String rel = corpusDir.relativize(file).toString().replace('\\', '/');
            try {
                out.add(new BuildPlan.CorpusFile(rel, file, Files.size(file), Files.getLastModifiedTime(file).toMillis()));
            } catch (IOException e) {
                // vanished between listing and stat: it is simply not part of this build
            }
        }
        return out;
    }

    private static String hashOrNull(Path file) {
        try {
            return CorpusManifest.sha256(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Hard-links the previous generation's files into the new one, copying where links are impossible. */
    private static void linkFiles(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.equals(IndexWriter.WRITE_LOCK_NAME) || name.equals(MANIFEST_FILE)) continue; // the new one is written
                try {
                    Files.createLink(to.resolve(name), f);
                } catch (FileSystemException | UnsupportedOperationException e) {
                    Files.copy(f, to.resolve(name));
                }
            }
        }
    }

    /**
     * The previous generation as a build reuses it: its commit data, and the files whose checksums were just verified
     * (Lucene's files are written once, so a hard link to one of them needs no second check).
     */
    private record Previous(Map<String, String> userData, CorpusManifest manifest, Set<String> verifiedFiles) {
        static final Previous NONE = new Previous(Map.of(), null, Set.of());
    }

    /**
     * The previous generation's commit data and files, when all of its files are whole. Opening a reader checks every
     * segment's header and id; the checksums of the whole files are verified too (a flipped byte inside the
     * postings passes the header checks), since the files are about to be reused by hard links.
     */
    private static Previous readPrevious(Path generation) {
        try (Directory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
            Set<String> verified = new HashSet<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
                verified.addAll(segmentFiles(leaf));
            }
            Map<String, String> userData = reader.getIndexCommit().getUserData();
            CorpusManifest manifest = CorpusManifest.read(dir, MANIFEST_FILE);
            if (manifest == null && userData.containsKey(USER_MANIFEST)) manifest = CorpusManifest.fromJson(userData.get(USER_MANIFEST));
            return new Previous(userData, manifest, Set.copyOf(verified));
        } catch (IOException | RuntimeException e) {
            // An unreadable previous generation cannot seed an incremental build: start over.
            return Previous.NONE;
        }
    }

    private static Collection<String> segmentFiles(LeafReaderContext leaf) throws IOException {
        return leaf.reader() instanceof SegmentReader segment ? segment.getSegmentInfo().files() : List.of();
    }

    private record Counts(int articles, int paragraphs) {
    }

    /**
     * Counts a generation's documents after checking that every file is whole: a damaged one is never published.
     * Segments made only of files verified moments ago in this build (hard links to the previous generation's) are
     * not read again: an incremental build of one new file then reads the index once, not twice.
     */
    private static Counts count(Path generation, Set<String> verifiedFiles) throws IOException {
        try (Directory dir = FSDirectory.open(generation); DirectoryReader r = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : r.leaves()) {
                Collection<String> files = segmentFiles(leaf);
                if (files.isEmpty() || !verifiedFiles.containsAll(files)) leaf.reader().checkIntegrity();
            }
            IndexSearcher s = new IndexSearcher(r);
            return new Counts(s.count(IndexSchema.articlesOnly()), s.count(IndexSchema.paragraphsOnly()));
        }
    }

    /** Files the listing did not take, then files (or parts of them) that could not be indexed. */
    private static List<BuildReport.Skipped> skippedOf(CorpusManifest manifest, List<BuildReport.Skipped> notRead) {
        List<BuildReport.Skipped> out = new ArrayList<>(notRead);
        manifest.entries().forEach((path, e) -> {
            if (e.skipped() != null) out.add(new BuildReport.Skipped(path, e.skipped()));
        });
        return out;
    }

    private static Set<Path> keep(Path... generations) {
        Set<Path> keep = new HashSet<>();
        for (Path g : generations) if (g != null) keep.add(g);
        return keep;
    }
}
