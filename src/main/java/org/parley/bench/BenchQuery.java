package org.parley.bench;

import java.util.List;
import java.util.Map;

/**
 * One query of the benchmark mix, in both engines' syntaxes.
 *
 * @param kind     what the query exercises: {@code term-high}, {@code term-medium}, {@code term-low}, {@code phrase},
 *                 {@code and}, {@code or}, {@code not}
 * @param lucene   the query in parley's syntax (the {@code q} parameter)
 * @param fts      the same query in SQLite FTS5 MATCH syntax
 * @param filters  facet filters: dimension ({@code country}, {@code year}, {@code speaker}) to values
 * @param yearFrom inclusive year range start, or null
 * @param yearTo   inclusive year range end, or null
 */
public record BenchQuery(int id, String kind, String lucene, String fts, Map<String, List<String>> filters,
                         Integer yearFrom, Integer yearTo) {
    public BenchQuery {
        filters = filters == null ? Map.of() : filters;
    }

    /** How many facet filters (dimensions with values, plus the year range) the query applies. */
    public int filterCount() {
        return filters.size() + (yearFrom != null || yearTo != null ? 1 : 0);
    }
}
