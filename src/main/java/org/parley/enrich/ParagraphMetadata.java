package org.parley.enrich;

import java.util.List;

/**
 * What the enrichment found in one paragraph.
 *
 * @param countries ISO 3166-1 alpha-2 codes of the countries the paragraph concerns, in order of first mention
 * @param years     the years the paragraph itself names (explicit years only), ascending
 * @param speakers  normalised names of the people whose words the paragraph carries
 * @param sources   organisations or documents quoted ("the statement", "the ministry"), not people
 */
public record ParagraphMetadata(List<String> countries, List<Integer> years, List<String> speakers, List<String> sources) {
    public static final ParagraphMetadata EMPTY = new ParagraphMetadata(List.of(), List.of(), List.of(), List.of());

    public ParagraphMetadata {
        countries = List.copyOf(countries);
        years = List.copyOf(years);
        speakers = List.copyOf(speakers);
        sources = List.copyOf(sources);
    }
}
