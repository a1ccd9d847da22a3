package org.parley.bench;

import java.nio.file.Path;
import java.util.List;
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

    /** Parley's Lucene index: {@link IndexBuilder}, {@link LuceneSearchService} and {@code parley serve}. */
    public static ParleyBackend lucene() {
        return new ParleyBackend() {
            @Override
            public Build build(Path corpus, Path indexDir, boolean enrich) throws Exception {
                IndexBuilder builder = new IndexBuilder(new IndexLocation(indexDir));
                if (!enrich) {
                    builder = builder.withEnrichment(a -> new EnrichedArticle(a, a.paragraphs().stream()
                            .map(p -> new EnrichedParagraph(p, ParagraphMetadata.EMPTY)).toList()));
                }
                long t0 = System.nanoTime();
                BuildReport r = builder.build(corpus);
                return new Build(r.paragraphs(), r.articles(), (System.nanoTime() - t0) / 1e9);
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
