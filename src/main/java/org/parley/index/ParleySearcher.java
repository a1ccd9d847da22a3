package org.parley.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * An {@link IndexSearcher} plus everything that is expensive to derive from its reader and so is computed once
 * per reader, not per request: the facet ordinal state ({@link SortedSetDocValuesReaderState} scans every facet
 * label), the article and paragraph counts, and, lazily, the all-documents facet values used for autocomplete.
 */
final class ParleySearcher extends IndexSearcher {
    /** Null when the index holds no facet values at all (e.g. an empty corpus). */
    final SortedSetDocValuesReaderState facetState;
    final int articles;
    final int paragraphs;
    final long sizeBytes;
    final Instant lastBuild;
    private final Map<String, List<FacetValue>> allValues = new ConcurrentHashMap<>();
    private volatile Map<String, String> speakersByLowerCase;
    private volatile Facets allDocsFacets;

    ParleySearcher(IndexReader reader, FacetsConfig config) throws IOException {
        super(reader);
        this.facetState = facetState(reader, config);
        this.articles = count(IndexSchema.articlesOnly());
        this.paragraphs = count(IndexSchema.paragraphsOnly());
        long size = 0;
        Instant built = null;
        if (reader instanceof DirectoryReader dr) {
            IndexCommit commit = dr.getIndexCommit();
            for (String file : commit.getFileNames()) size += dr.directory().fileLength(file);
            String t = commit.getUserData().get(IndexBuilder.USER_BUILD_TIME);
            if (t != null) built = Instant.parse(t);
        }
        this.sizeBytes = size;
        this.lastBuild = built;
    }

    static SearcherFactory factory(FacetsConfig config) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                return new ParleySearcher(reader, config);
            }
        };
    }

    private static SortedSetDocValuesReaderState facetState(IndexReader reader, FacetsConfig config) throws IOException {
        try {
            return new DefaultSortedSetDocValuesReaderState(reader, config);
        } catch (IllegalArgumentException e) {
            return null; // no facet field in the index yet
        }
    }

    /**
     * Facet counts over every paragraph, counted once per reader: the unfiltered, empty query (the landing
     * page) would otherwise count every document of the index on every request.
     */
    Facets allDocsFacets() throws IOException {
        Facets f = allDocsFacets;
        if (f == null && facetState != null) {
            f = new SortedSetDocValuesFacetCounts(facetState); // article documents carry no facet values
            allDocsFacets = f;
        }
        return f;
    }

    /** Every value of {@code dim} over all paragraphs, most frequent first (computed once per reader). */
    List<FacetValue> allValues(String dim) throws IOException {
        List<FacetValue> cached = allValues.get(dim);
        if (cached != null) return cached;
        List<FacetValue> values = new ArrayList<>();
        if (facetState != null) {
            try {
                org.apache.lucene.facet.FacetResult r = allDocsFacets().getAllChildren(dim);
                if (r != null) {
                    for (LabelAndValue lv : r.labelValues) {
                        values.add(new FacetValue(lv.label, FacetCounter.label(dim, lv.label), lv.value.longValue(), false));
                    }
                }
            } catch (IllegalArgumentException e) {
                // dimension without values
            }
        }
        values.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
        List<FacetValue> frozen = List.copyOf(values);
        allValues.put(dim, frozen);
        return frozen;
    }

    /** The indexed spelling of a speaker typed in any case, or the input unchanged. */
    String resolveSpeaker(String typed) {
        Map<String, String> map = speakersByLowerCase;
        if (map == null) {
            map = new HashMap<>();
            try {
                for (FacetValue v : allValues(IndexSchema.SPEAKER)) map.putIfAbsent(v.value().toLowerCase(Locale.ROOT), v.value());
            } catch (IOException e) {
                return typed;
            }
            speakersByLowerCase = map;
        }
        return map.getOrDefault(typed.toLowerCase(Locale.ROOT), typed);
    }
}
