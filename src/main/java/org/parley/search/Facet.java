package org.parley.search;

import java.util.List;

/**
 * Counts for one facet dimension.
 *
 * @param values      the top values by count (selected values always included)
 * @param otherValues how many further values exist beyond those listed
 */
public record Facet(Dimension dim, List<FacetValue> values, int otherValues) {
}
