package org.parley.index;

import java.time.LocalDate;
import java.util.List;

/**
 * One matching paragraph.
 *
 * @param id            paragraph id, {@code articleId#ordinal}
 * @param snippet       HTML: the paragraph text escaped, with matches wrapped in {@code <mark>}
 * @param years         the paragraph's year facet values (explicit years, else the publication year)
 * @param explicitYears the years the paragraph text itself names
 * @param articleHits   with {@code group=article}: how many paragraphs of the article match; else 1
 */
public record Hit(String id, String articleId, String title, LocalDate published, int ordinal, String text, String snippet,
                  List<CountryRef> countries, List<Integer> years, List<Integer> explicitYears, List<String> speakers,
                  float score, int articleHits) {
}
