package org.parley.search;

import java.util.List;

/**
 * A paragraph of an article as shown on the article page, with its kind and metadata.
 *
 * @param highlights where the text matches the query the article was asked for with (empty without one)
 */
public record ParagraphView(int ordinal, String kind, String text, List<CountryRef> countries, List<Integer> years,
                            List<Integer> explicitYears, List<String> speakers, List<Span> highlights) {
    public ParagraphView {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }

    public ParagraphView withHighlights(List<Span> spans) {
        return new ParagraphView(ordinal, kind, text, countries, years, explicitYears, speakers, spans);
    }
}
