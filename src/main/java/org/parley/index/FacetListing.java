package org.parley.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.parley.search.CountryNames;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;
import org.parley.search.SearchRequest;

/**
 * Turns Lucene facet counts into the API's facet lists.
 *
 * <p>Each dimension lists its top {@code facetSize} values by count; values the request selected are always
 * listed (with their count, possibly 0) even when they fall outside the top N, so a user can always see and
 * untick them; {@code otherValues} says how many further values have matches. With drill-sideways counting the
 * counts of a dimension ignore that dimension's own selection (multi-select facets), and always count
 * paragraphs, also when hits are grouped by article.
 */
final class FacetListing {
    private FacetListing() {
    }

    static List<Facet> results(Facets facets, SearchRequest request) throws IOException {
        List<Facet> out = new ArrayList<>(Dimension.values().length);
        for (Dimension dim : Dimension.values()) out.add(result(facets, dim, request.facetSize(), request.filter(dim)));
        return out;
    }

    static Facet empty(Dimension dim, List<String> selected) {
        List<FacetValue> values = new ArrayList<>();
        for (String s : selected) values.add(new FacetValue(s, label(dim.param(), s), 0, true));
        return new Facet(dim, values, 0);
    }

    private static Facet result(Facets facets, Dimension dimension, int size, List<String> selected) throws IOException {
        if (facets == null) return empty(dimension, selected);
        String dim = dimension.param();
        org.apache.lucene.facet.FacetResult top = topChildren(facets, size, dim);
        Set<String> selectedSet = new HashSet<>(selected);
        List<FacetValue> values = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        int listedWithHits = 0;
        if (top != null) {
            for (LabelAndValue lv : top.labelValues) {
                if (values.size() >= size) break; // facet_size=0 asks for counts of the selected values only
                long count = lv.value.longValue();
                values.add(new FacetValue(lv.label, label(dim, lv.label), count, selectedSet.contains(lv.label)));
                listed.add(lv.label);
                if (count > 0) listedWithHits++;
            }
        }
        for (String s : selected) {
            if (!listed.add(s)) continue;
            long count = specificValue(facets, dim, s);
            values.add(new FacetValue(s, label(dim, s), count, true));
            if (count > 0) listedWithHits++;
        }
        int childCount = top == null ? 0 : top.childCount;
        return new Facet(dimension, values, Math.max(0, childCount - listedWithHits));
    }

    private static org.apache.lucene.facet.FacetResult topChildren(Facets facets, int size, String dim) throws IOException {
        try {
            return facets.getTopChildren(Math.max(1, size), dim);
        } catch (IllegalArgumentException e) {
            return null; // the dimension has no values anywhere in the index
        }
    }

    private static long specificValue(Facets facets, String dim, String value) throws IOException {
        try {
            Number n = facets.getSpecificValue(dim, value);
            return n == null ? 0 : Math.max(0, n.longValue());
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    static String label(String dim, String value) {
        return IndexSchema.COUNTRY.equals(dim) ? CountryNames.label(value) : value;
    }
}
