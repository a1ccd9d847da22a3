package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.parley.corpus.Article;
import org.parley.corpus.CorpusException;
import org.parley.corpus.CorpusReader;
import org.parley.enrich.EnrichedArticle;
import org.parley.enrich.Enricher;

/** Reading (and optionally enriching) a corpus the way the indexer does, for the benchmark's own stages. */
public final class BenchCorpus {
    private BenchCorpus() {
    }

    /** Raw size of the corpus files in bytes and their count. */
    public record Size(int files, long bytes) {
    }

    public static Size size(Path corpus) throws IOException {
        List<Path> files = CorpusReader.listFiles(corpus);
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        return new Size(files.size(), bytes);
    }

    /** Reads every file's bytes (page cache) and parses and enriches the first few hundred (JIT), untimed. */
    public static void warmUp(Path corpus) throws IOException {
        List<Path> files = CorpusReader.listFiles(corpus);
        CorpusReader reader = new CorpusReader();
        Enricher enricher = new Enricher();
        long sink = 0;
        for (int i = 0; i < files.size(); i++) {
            if (i < 300) {
                try {
                    sink += enricher.enrich(reader.read(files.get(i))).paragraphs().size();
                } catch (CorpusException e) {
                    // counted by the timed passes
                }
            } else {
                sink += Files.readAllBytes(files.get(i)).length;
            }
        }
        if (sink == 42) System.out.print("");
    }

    /** What a pass over the corpus saw. */
    public record Pass(int articles, long paragraphs, int skipped, double seconds) {
    }

    /**
     * Reads every file with {@code threads} threads and hands each article to {@code plainSink}, or, when
     * {@code enrich}, enriches it and hands it to {@code enrichedSink}. Sinks may be null and are called
     * concurrently unless {@code threads == 1}.
     */
    public static Pass forEach(Path corpus, int threads, boolean enrich, Consumer<Article> plainSink,
                               Consumer<EnrichedArticle> enrichedSink) throws Exception {
        List<Path> files = CorpusReader.listFiles(corpus);
        CorpusReader reader = new CorpusReader();
        Enricher enricher = new Enricher();
        AtomicInteger next = new AtomicInteger(), articles = new AtomicInteger(), skipped = new AtomicInteger();
        AtomicLong paragraphs = new AtomicLong();
        long t0 = System.nanoTime();
        Runnable work = () -> {
            for (int i; (i = next.getAndIncrement()) < files.size(); ) {
                Article a;
                try {
                    a = reader.read(files.get(i));
                } catch (CorpusException e) {
                    skipped.incrementAndGet();
                    continue;
                }
                articles.incrementAndGet();
                paragraphs.addAndGet(a.searchableParagraphs().size());
                if (enrich) {
                    EnrichedArticle ea = enricher.enrich(a);
                    if (enrichedSink != null) enrichedSink.accept(ea);
                } else if (plainSink != null) {
                    plainSink.accept(a);
                }
            }
        };
        if (threads <= 1) {
            work.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> fs = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) fs.add(pool.submit(work));
                for (Future<?> f : fs) f.get();
            } finally {
                pool.shutdown();
            }
        }
        return new Pass(articles.get(), paragraphs.get(), skipped.get(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * One pass over a corpus: what was read, and the CPU time of this thread that reading (files, formats, parsing)
     * and, when asked, enrichment (countries, years, speakers) took.
     */
    public record Extraction(int files, int articles, long paragraphs, long bytes, double cpuSeconds, double wallSeconds,
                             double enrichCpuSeconds) {
        public double mbPerCpuSecond() {
            return bytes / 1e6 / cpuSeconds;
        }

        public double articlesPerCpuSecond() {
            return articles / cpuSeconds;
        }
    }

    /** Reads every article of every corpus file (any format: feeds, JSON Lines and archives whole) on this thread. */
    public static Extraction extract(Path corpus) throws IOException {
        return extract(corpus, false);
    }

    /**
     * {@link #extract(Path)}, and with {@code enrich} every article enriched as the build does, timed apart
     * ({@link Extraction#enrichCpuSeconds()}; the reading time then excludes it).
     */
    public static Extraction extract(Path corpus, boolean enrich) throws IOException {
        List<Path> files = CorpusReader.listFiles(corpus);
        CorpusReader reader = new CorpusReader();
        Enricher enricher = enrich ? new Enricher() : null;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long bytes = 0, paragraphs = 0, enrichNanos = 0;
        int articles = 0;
        long cpu0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
        for (Path f : files) {
            bytes += Files.size(f);
            try {
                for (Article a : reader.readAll(f).articles()) {
                    articles++;
                    paragraphs += a.searchableParagraphs().size();
                    if (enricher != null) {
                        long e0 = mx.getCurrentThreadCpuTime();
                        enricher.enrich(a);
                        enrichNanos += mx.getCurrentThreadCpuTime() - e0;
                    }
                }
            } catch (CorpusException e) {
                // skipped, as the build would
            }
        }
        return new Extraction(files.size(), articles, paragraphs, bytes, (mx.getCurrentThreadCpuTime() - cpu0 - enrichNanos) / 1e9,
                (System.nanoTime() - t0) / 1e9, enrichNanos / 1e9);
    }
}
