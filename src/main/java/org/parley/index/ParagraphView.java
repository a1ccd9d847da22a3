package org.parley.index;

import java.util.List;

/** A paragraph of an article as shown on the article page, with its kind and metadata. */
public record ParagraphView(int ordinal, String kind, String text, List<CountryRef> countries, List<Integer> years,
                            List<Integer> explicitYears, List<String> speakers) {
    ParagraphView withText(String newText) {
        return new ParagraphView(ordinal, kind, newText, countries, years, explicitYears, speakers);
    }
}
