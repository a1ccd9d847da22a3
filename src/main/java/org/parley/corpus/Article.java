package org.parley.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An article read from the corpus.
 *
 * @param id         stable identifier derived from the file name (without extension)
 * @param fileName   the file name inside the corpus folder
 * @param title      the headline; when the text has none, the start of its first sentence
 * @param published  the publication date when the text states it, else null
 * @param author     the byline's author when present, else null
 * @param source     the publishing outlet or agency when stated, else null
 * @param paragraphs every paragraph in order, including captions and boilerplate (see {@link ParagraphKind})
 */
public record Article(String id, String fileName, String title, LocalDate published, String author, String source,
                      List<Paragraph> paragraphs) {
    public Article {
        paragraphs = List.copyOf(paragraphs);
    }

    public Optional<LocalDate> publishedDate() {
        return Optional.ofNullable(published);
    }

    /** The paragraphs that belong in the search index. */
    public List<Paragraph> searchableParagraphs() {
        return paragraphs.stream().filter(p -> p.kind().searchable()).toList();
    }
}
