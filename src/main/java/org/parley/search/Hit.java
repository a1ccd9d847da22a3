package org.parley.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One matching paragraph.
 *
 * @param id            paragraph id, {@code articleId#ordinal}
 * @param text          the paragraph's plain text
 * @param highlights    the spans of {@code text} that match the query, in order, not overlapping
 * @param years         the paragraph's year facet values (explicit years, else the publication year)
 * @param explicitYears the years the paragraph text itself names
 * @param articleHits   with {@code group=article}: how many paragraphs of the article match; else 1
 * @param url           the original article's address when known, else null
 */
public record Hit(String id, String articleId, String title, LocalDate published, int ordinal, String text,
                  List<Span> highlights, List<CountryRef> countries, List<Integer> years, List<Integer> explicitYears,
                  List<String> speakers, float score, int articleHits, String url) {
    public Hit {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }

    /** A hit of an article with no known address. */
    public Hit(String id, String articleId, String title, LocalDate published, int ordinal, String text,
               List<Span> highlights, List<CountryRef> countries, List<Integer> years, List<Integer> explicitYears,
               List<String> speakers, float score, int articleHits) {
        this(id, articleId, title, published, ordinal, text, highlights, countries, years, explicitYears, speakers, score,
                articleHits, null);
    }
}
