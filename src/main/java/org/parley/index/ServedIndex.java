package org.parley.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The generation {@code CURRENT} points at, switched in while serving.
 *
 * <p>Each generation is served by a {@link SearcherManager}. A watcher polls the pointer file; when a build
 * switches in a new generation, a manager for it is opened and swapped in, and the old one is closed. Requests
 * that already acquired a searcher from the old manager finish on it (closing a manager only stops new
 * acquisitions; the reader closes when the last request releases it), so a switch never fails a request and
 * no request ever sees a half-built index.
 */
final class ServedIndex implements Closeable {
    private static final System.Logger LOG = System.getLogger(ServedIndex.class.getName());

    /** A served generation; {@code lease} keeps builds from pruning it while it is open. */
    private record Generation(String name, Directory directory, SearcherManager manager, Closeable lease) {
        void close() throws IOException {
            try (lease; directory) {
                manager.close(); // in-flight requests keep their acquired searcher until they release it
            }
        }
    }

    /** Work done with a searcher of the current generation. */
    @FunctionalInterface
    interface SearcherCall<T> {
        T apply(ParleySearcher searcher) throws IOException;
    }

    private final IndexLocation location;
    private final ScheduledExecutorService watcher;
    /**
     * Counts each new reader's frequent stems (see {@link FrequentStems}), one reader at a time and
     * {@link #COUNT_DELAY_MS} after it opens: a reader replaced sooner (live ingestion refreshes often) is skipped.
     */
    private final ScheduledExecutorService counter;
    static final long COUNT_DELAY_MS = 1_000;
    /** Where a lone search splits its wide counting passes over the idle cores (see {@link SliceExecutor}). */
    private final SliceExecutor slices;
    private volatile Generation current;
    /** Only touched by the watcher thread. */
    private String lastRefreshError;

    private ServedIndex(IndexLocation location, ScheduledExecutorService counter, SliceExecutor slices, long pollMillis)
            throws IOException {
        this.location = location;
        this.counter = counter;
        this.slices = slices;
        String name = location.currentName().orElseThrow(() -> new IOException(
                "no index in " + location.root() + ": run ./parley index first"));
        this.current = openGeneration(name);
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-index-watcher");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::refreshQuietly, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** Serves the current generation at {@code location}; fails when no build has completed there yet. */
    static ServedIndex open(IndexLocation location, long pollMillis) throws IOException {
        return open(location, pollMillis, SliceExecutor.defaults());
    }

    /** The same, searching segment slices on {@code slices} (closed with the index). */
    static ServedIndex open(IndexLocation location, long pollMillis, SliceExecutor slices) throws IOException {
        ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("parley-frequent-stems").daemon().factory());
        try {
            return new ServedIndex(location, counter, slices, pollMillis);
        } catch (IOException | RuntimeException e) {
            counter.shutdownNow();
            slices.close();
            throw e;
        }
    }

    /** CPU time the slice threads have used so far (nanoseconds). */
    long sliceCpuNanos() {
        return slices.cpuNanos();
    }

    private Generation openGeneration(String name) throws IOException {
        Closeable lease = location.serve(location.root().resolve(name));
        Directory dir = FSDirectory.open(location.root().resolve(name));
        try {
            return new Generation(name, dir, new SearcherManager(dir, ParleySearcher.factory(IndexSchema.newFacetsConfig(),
                    task -> counter.schedule(task, COUNT_DELAY_MS, TimeUnit.MILLISECONDS), slices)), lease);
        } catch (IOException | RuntimeException e) {
            dir.close();
            lease.close();
            throw new IOException("cannot open the index in " + location.root().resolve(name)
                    + " (" + e.getMessage() + "); it may be corrupted: run ./parley index to rebuild it", e);
        }
    }

    /** Switches to the generation {@code CURRENT} names, if it changed. Safe to call at any time. */
    synchronized void refresh() throws IOException {
        Optional<String> name = location.currentName();
        Generation old = current;
        if (name.isEmpty() || name.get().equals(old.name())) {
            old.manager().maybeRefresh();
            return;
        }
        current = openGeneration(name.get());
        old.close();
    }

    private void refreshQuietly() {
        try {
            refresh();
            lastRefreshError = null;
        } catch (IOException | RuntimeException e) {
            // keep serving the current generation; say so once per distinct problem, not every poll
            String message = String.valueOf(e.getMessage());
            if (!message.equals(lastRefreshError)) {
                LOG.log(System.Logger.Level.WARNING, "still serving " + current.name() + "; cannot switch to the new index", e);
            }
            lastRefreshError = message;
        }
    }

    /** The name of the generation being served. */
    String generation() {
        return current.name();
    }

    /** Runs {@code call} with a searcher of the current generation, released afterwards whatever happens. */
    <T> T withSearcher(SearcherCall<T> call) {
        while (true) {
            Generation g = current;
            IndexSearcher acquired;
            try {
                acquired = g.manager().acquire();
            } catch (AlreadyClosedException e) {
                if (current == g) throw e;
                continue; // swapped between reading current and acquiring: use the new generation
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return slices.during(() -> call.apply((ParleySearcher) acquired));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    g.manager().release(acquired);
                } catch (IOException e) {
                    // releasing only decrements a reference count; nothing to recover
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        watcher.shutdownNow();
        counter.shutdownNow();
        synchronized (this) {
            current.close();
        }
        slices.close();
    }
}
