package org.parley.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parley.search.ArticleView;
import org.parley.search.ParagraphView;

/**
 * The article blob stored in the index: its own record, so that the API's {@link ArticleView} can change without
 * changing what is on disk (and a change here changes the build fingerprint, so old indexes are rebuilt).
 *
 * @param paragraphs every paragraph; the text of searchable ones is null here, their own documents store it
 */
record StoredArticle(String id, String fileName, String title, LocalDate published, String author, String source,
                     List<Paragraph> paragraphs, String url) {

    /** One paragraph with its metadata; {@code countries} are ISO codes. */
    record Paragraph(int ordinal, String kind, String text, List<String> countries, List<Integer> years,
                     List<Integer> explicitYears, List<String> speakers) {
    }

    /** The API's view, taking the searchable paragraphs' text from {@code textByOrdinal}. */
    ArticleView view(Map<Integer, String> textByOrdinal) {
        List<ParagraphView> out = new ArrayList<>(paragraphs.size());
        for (Paragraph p : paragraphs) {
            String text = p.text() != null ? p.text() : textByOrdinal.getOrDefault(p.ordinal(), "");
            out.add(new ParagraphView(p.ordinal(), p.kind(), text, IndexSchema.countryRefs(p.countries()), p.years(),
                    p.explicitYears(), p.speakers(), List.of()));
        }
        return new ArticleView(id, fileName, title, published, author, source, out, url);
    }
}
