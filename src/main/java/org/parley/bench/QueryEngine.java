package org.parley.bench;

/**
 * One client's connection to a search engine under test. A client thread opens one session and runs queries
 * on it sequentially; every query must compute the hit count, counts for all three facets (country, year,
 * speaker) and highlighted snippets for the top 10 hits.
 */
@FunctionalInterface
public interface QueryEngine {
    Session open() throws Exception;

    interface Session extends AutoCloseable {
        Outcome run(BenchQuery query) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** What a query returned: enough to check that the engines did comparable work. */
    record Outcome(long total, int hits, int facetValues) {
    }
}
