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
 * into {@code target/browser-index/}. Run with {@code -Dparley.browser.fake=true} to use the in-memory
 * {@link FakeSearchService} instead.
 */
final class BrowserTestService {
    private BrowserTestService() {
    }

    static SearchService open() {
        if (Boolean.getBoolean("parley.browser.fake")) return new FakeSearchService();
        return corpusIndex(Path.of("target", "browser-index"));
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
