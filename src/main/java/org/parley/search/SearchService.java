package org.parley.search;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/** The read side of parley: what the web layer and the command line ask of the index. Thread-safe. */
public interface SearchService extends Closeable {
    /** Runs a faceted search. */
    SearchResult search(SearchRequest request) throws InvalidQueryException;

    /**
     * How many searches are worth running at once: a service that searches on this machine's cores gains nothing
     * from more searches than cores (each only runs slower), one that waits on other machines does. A server bounds
     * its concurrent searches by this.
     */
    default int usefulConcurrency() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The same search's total and page of hits, without counting facet values (its facets may list only the selected
     * values, at 0, or be the counted facets when the service has them at little or no cost, e.g. from an earlier
     * identical search, or counted in the same pass as a few matches) and without a spelling suggestion: for results
     * that are shown while the rest follows (the page's instant search, one request per keystroke). A service
     * without a cheaper way answers the full search.
     */
    default SearchResult searchWithoutFacets(SearchRequest request) throws InvalidQueryException {
        return search(request);
    }

    /**
     * The whole article, or empty when no article has that id; with a query, each paragraph carries the spans
     * that match it (as hits do).
     */
    Optional<ArticleView> article(String id, String query) throws InvalidQueryException;

    /** The whole article without highlights. */
    default Optional<ArticleView> article(String id) {
        return article(id, "");
    }

    /** Facet values of {@code dim} starting with {@code prefix} (case-insensitive), most frequent first. */
    List<FacetValue> facetValues(FacetValuesRequest request);

    /**
     * The indexed words that start with {@code prefix}, when there are at most {@link WordsStartingWith#MAX_WORDS}
     * of them; empty when there are more, when the prefix is not a single word, or when the service cannot list
     * them (instant search then treats every keystroke as a possible end of the word).
     */
    default Optional<WordsStartingWith> wordsStartingWith(String prefix) {
        return Optional.empty();
    }

    /** Counts and age of the index being served. */
    IndexStats stats();
}
