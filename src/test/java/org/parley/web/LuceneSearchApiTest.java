package org.parley.web;

import java.io.IOException;
import java.nio.file.Path;
import org.parley.index.LuceneSearchService;
import org.parley.index.TestCorpus;
import org.parley.search.SearchService;

/** The search contract on the embedded Lucene backend. */
class LuceneSearchApiTest extends SearchApiContract {
    @Override
    protected SearchService openBackend(TestCorpus corpus, Path dir) throws IOException {
        corpus.build(dir.resolve("index"));
        return LuceneSearchService.open(dir.resolve("index"));
    }
}
