package org.parley.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.parley.index.IndexBuilder;
import org.parley.index.IndexLocation;
import org.parley.index.LuceneSearchService;
import org.parley.search.SearchService;

/**
 * The search service the browser tests run against: a real Lucene index built from the repository's {@code corpus/}
 * into {@code target/browser-index/}.
 */
final class BrowserTestService {
    private BrowserTestService() {
    }

    static SearchService open() {
        return open("browser-index");
    }

    /** A fresh index of {@code corpus/} in {@code target/<folder>} (one per test class: each closes its own). */
    static SearchService open(String folder) {
        return corpusIndex(Path.of("target", folder));
    }

    /** Builds a fresh index of the repository's {@code corpus/} in {@code dir} and opens it. */
    static SearchService corpusIndex(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            new IndexBuilder(new IndexLocation(dir)).build(Path.of("corpus"));
            return LuceneSearchService.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A query that finds enough paragraphs to page through and to filter by country and speaker. */
    static final String QUERY = "Russia";
}
