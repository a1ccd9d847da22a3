package org.parley.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.enrich.EnrichedArticle;
import org.parley.enrich.EnrichedParagraph;
import org.parley.enrich.ParagraphMetadata;
import org.parley.index.BuildReport;
import org.parley.index.IndexBuilder;
import org.parley.index.IndexLocation;
import org.parley.index.LuceneSearchService;
import org.parley.search.SearchService;

/** The parley backend the benchmark drives. */
public final class ParleyBackends {
    private ParleyBackends() {
    }

    private static double seconds(Duration d) {
        return LatencyStats.round(d.toNanos() / 1e9);
    }

    /** Parley's Lucene index: {@link IndexBuilder}, {@link LuceneSearchService} and {@code parley serve}. */
    public static ParleyBackend lucene() {
        return new ParleyBackend() {
            @Override
            public Build build(Path corpus, Path indexDir, boolean enrich) throws Exception {
                Map<String, Object> phases = new LinkedHashMap<>();
                IndexBuilder builder = new IndexBuilder(new IndexLocation(indexDir)).withListener(new IndexBuilder.Listener() {
                    @Override
                    public void phaseDone(String phase, Duration took) {
                        phases.put(phase + "Seconds", seconds(took));
                    }

                    @Override
                    public void merged(long merges, long bytes, Duration cpu, Duration stalled) {
                        phases.put("merges", merges);
                        phases.put("mergedMb", Math.round(bytes / 1e6));
                        phases.put("mergeCpuSeconds", seconds(cpu));
                        phases.put("mergeStallSeconds", seconds(stalled));
                    }
                });
                if (!enrich) {
                    builder = builder.withEnrichment(a -> new EnrichedArticle(a, a.paragraphs().stream()
                            .map(p -> new EnrichedParagraph(p, ParagraphMetadata.EMPTY)).toList()));
                }
                long t0 = System.nanoTime();
                BuildReport r = builder.build(corpus);
                return new Build(r.paragraphs(), r.articles(), (System.nanoTime() - t0) / 1e9, phases);
            }

            @Override
            public SearchService open(Path indexDir) throws Exception {
                return LuceneSearchService.open(indexDir);
            }

            @Override
            public List<String> serveArgs(Path indexDir, int port) {
                return List.of("serve", "--port", String.valueOf(port), "--host", "127.0.0.1", "--index", indexDir.toString());
            }
        };
    }
}
