package org.parley.web;

import org.parley.index.SearchService;

/**
 * The search service the browser tests run against. Until the Lucene implementation lands on main this is the
 * in-memory {@link FakeSearchService}; switching to the real index only changes {@link #open()}.
 */
final class BrowserTestService {
    private BrowserTestService() {
    }

    static SearchService open() {
        return new FakeSearchService();
    }

    /** A query that finds enough paragraphs to page through and to filter by country and speaker. */
    static final String QUERY = "Russia";
}
