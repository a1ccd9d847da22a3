package org.parley.web;

import java.io.IOException;
import java.nio.file.Path;
import org.parley.index.LuceneSearchService;
import org.parley.index.TestCorpus;

/**
 * A parley server on a random loopback port, serving an index of the test corpus: the fixture of the
 * HTTP-level API tests.
 */
final class TestServer implements AutoCloseable {
    final TestCorpus corpus;
    final LuceneSearchService service;
    final ParleyServer server;

    private TestServer(TestCorpus corpus, LuceneSearchService service, ParleyServer server) {
        this.corpus = corpus;
        this.service = service;
        this.server = server;
    }

    /** Writes the test corpus under {@code dir}, indexes it and serves it. */
    static TestServer start(Path dir) throws IOException {
        TestCorpus corpus = TestCorpus.create(dir.resolve("corpus"));
        corpus.build(dir.resolve("index"));
        LuceneSearchService service = LuceneSearchService.open(dir.resolve("index"));
        return new TestServer(corpus, service, new ParleyServer(() -> service).start("127.0.0.1", 0));
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
