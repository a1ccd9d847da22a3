package org.parley.web;

import java.io.IOException;
import java.nio.file.Path;
import org.parley.index.LuceneSearchService;
import org.parley.index.TestCorpus;
import org.parley.search.SearchService;

/**
 * A parley server on a random loopback port, serving the test corpus from a backend: the fixture of the
 * HTTP-level API tests.
 */
final class TestServer implements AutoCloseable {
    /** Loads a corpus into a backend and opens it. */
    @FunctionalInterface
    interface Backend {
        SearchService open(TestCorpus corpus, Path dir) throws IOException;
    }

    final TestCorpus corpus;
    final SearchService service;
    final ParleyServer server;

    private TestServer(TestCorpus corpus, SearchService service, ParleyServer server) {
        this.corpus = corpus;
        this.service = service;
        this.server = server;
    }

    /** Writes the test corpus under {@code dir}, indexes it with Lucene and serves it. */
    static TestServer start(Path dir) throws IOException {
        return start(dir, (corpus, d) -> {
            corpus.build(d.resolve("index"));
            return LuceneSearchService.open(d.resolve("index"));
        });
    }

    /** Writes the test corpus under {@code dir}, loads it into {@code backend} and serves it. */
    static TestServer start(Path dir, Backend backend) throws IOException {
        TestCorpus corpus = TestCorpus.create(dir.resolve("corpus"));
        SearchService service = backend.open(corpus, dir);
        return new TestServer(corpus, service, new ParleyServer(service).start("127.0.0.1", 0));
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() throws IOException {
        server.close();
        service.close();
    }
}
