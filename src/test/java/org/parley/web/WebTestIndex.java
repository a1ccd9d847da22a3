package org.parley.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.parley.index.LuceneSearchService;
import org.parley.index.TestCorpus;
import org.parley.search.SearchService;

/**
 * The page tests' backend: a real Lucene index of the test corpus (the seed articles plus synthetic ones, with the
 * deterministic test enricher), built once per test JVM. Expected numbers are computed from the corpus
 * ({@link #paragraphs()}) or from this index, never written into the tests.
 */
final class WebTestIndex {
    private static TestCorpus corpus;
    private static SearchService service;
    private static Map<String, TestCorpus.Expected> paragraphs;

    private WebTestIndex() {
    }

    /** The shared service (left open until the JVM ends: every page test reads it). */
    static synchronized SearchService service() {
        if (service == null) {
            try {
                Path dir = Files.createTempDirectory("parley-web-test-");
                corpus = TestCorpus.create(dir.resolve("corpus"));
                corpus.build(dir.resolve("index"));
                service = LuceneSearchService.open(dir.resolve("index"));
                paragraphs = corpus.expectedParagraphs();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return service;
    }

    /** Every searchable paragraph of the corpus with its test metadata, by paragraph id. */
    static synchronized Map<String, TestCorpus.Expected> paragraphs() {
        service();
        return paragraphs;
    }

    /** How many searchable paragraphs satisfy {@code test}: the brute-force oracle. */
    static long count(Predicate<TestCorpus.Expected> test) {
        return paragraphs().values().stream().filter(test).count();
    }
}
