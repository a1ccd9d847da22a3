package org.parley.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the index lives on disk, and how builds are switched in atomically.
 *
 * <pre>
 * index/
 *   CURRENT          name of the generation being served, e.g. "gen-000007" (replaced atomically)
 *   build.lock       held by the one build allowed at a time
 *   gen-000007/      a complete Lucene index
 *   gen-000006/      the previous one, kept so a server that has not yet switched keeps working
 *   serving/         one lock file per generation a server has open ({@link #serve}); never pruned while held
 * </pre>
 *
 * A build writes a new generation directory and only then points {@code CURRENT} at it with an atomic
 * rename. A build that fails or is killed leaves {@code CURRENT} untouched, so the previous generation
 * stays the one served; its half-written directory is removed by the next build.
 */
public final class IndexLocation {
    static final String POINTER = "CURRENT";
    private static final String LOCK = "build.lock";
    private static final String SERVING = "serving";
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6,})");

    private final Path root;

    public IndexLocation(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The generation being served, or empty when no build has completed yet. */
    public Optional<Path> current() {
        return currentName().map(root::resolve).filter(Files::isDirectory);
    }

    /** The content of the pointer file: changes exactly when a build is switched in. */
    public Optional<String> currentName() {
        try {
            String name = Files.readString(root.resolve(POINTER), StandardCharsets.UTF_8).strip();
            return GENERATION.matcher(name).matches() ? Optional.of(name) : Optional.empty();
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the directory of the next generation (numbered after every existing one). */
    Path newGeneration() throws IOException {
        Files.createDirectories(root);
        long next = generations().stream().mapToLong(IndexLocation::number).max().orElse(0) + 1;
        while (true) {
            Path dir = root.resolve(String.format("gen-%06d", next));
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                next++;
            }
        }
    }

    /** Points {@code CURRENT} at {@code generation}: write a temporary file, fsync, rename over the old one. */
    void publish(Path generation) throws IOException {
        Path tmp = root.resolve(POINTER + ".tmp");
        Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + root + " cannot rename atomically", e);
        }
        fsyncDirectory(root);
    }

    /**
     * Deletes every generation directory not in {@code keep} (failed builds and old generations), except those a
     * server still serves: a server may hold an older generation than {@code CURRENT} (it refused a newer one, or
     * has not switched yet), and deleting it would take search down.
     */
    void prune(Set<Path> keep) throws IOException {
        for (Path gen : generations()) {
            if (keep.contains(gen)) continue;
            Path lease = leaseFile(gen);
            if (!Files.exists(lease)) {
                deleteRecursively(gen);
                continue;
            }
            try (FileChannel ch = FileChannel.open(lease, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock exclusive;
                try {
                    exclusive = ch.tryLock(0, Long.MAX_VALUE, false);
                } catch (OverlappingFileLockException e) {
                    exclusive = null; // served from this very process
                }
                if (exclusive == null) continue;
                try {
                    deleteRecursively(gen);
                } finally {
                    exclusive.release();
                }
            }
            Files.deleteIfExists(lease);
        }
    }

    /**
     * Marks {@code generation} as served until the returned handle is closed, so that builds do not prune it.
     * A shared lock on one byte at a random offset: other processes' leases and this process's other services
     * on the same generation (whose overlapping locks Java refuses) coexist; a build's exclusive lock on the
     * whole file fails while any lease is held. The operating system drops the lock when the process dies.
     */
    public Closeable serve(Path generation) throws IOException {
        Path lease = leaseFile(generation);
        Files.createDirectories(lease.getParent());
        FileChannel ch = FileChannel.open(lease, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            java.util.random.RandomGenerator random = java.util.concurrent.ThreadLocalRandom.current();
            for (int attempt = 0; ; attempt++) {
                try {
                    FileLock lock = ch.lock(random.nextLong(1L << 40), 1, true);
                    return () -> {
                        lock.release();
                        ch.close();
                    };
                } catch (OverlappingFileLockException e) {
                    if (attempt > 100) throw new IOException("cannot take a serving lease on " + lease, e);
                }
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private Path leaseFile(Path generation) {
        return root.resolve(SERVING).resolve(generation.getFileName().toString() + ".lock");
    }

    /** Generation directories, oldest first. */
    List<Path> generations() throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return new ArrayList<>(s.filter(Files::isDirectory)
                    .filter(p -> GENERATION.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(IndexLocation::number))
                    .toList());
        }
    }

    /** Takes the build lock, or fails at once when another build holds it. */
    Closeable lockForBuild() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another build is running on " + root);
        }
        FileLock held = lock;
        return () -> {
            held.release();
            channel.close();
        };
    }

    private static long number(Path gen) {
        Matcher m = GENERATION.matcher(gen.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Deletes a folder and everything in it (nothing when it does not exist). */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories; the rename itself is still atomic.
        }
    }
}
