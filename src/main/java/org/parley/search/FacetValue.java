package org.parley.search;

/** One value of a facet with the number of matching paragraphs that carry it. */
public record FacetValue(String value, String label, long count, boolean selected) {
}
