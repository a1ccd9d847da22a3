package org.parley.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An article read from the corpus.
 *
 * @param id         stable identifier: for a single-article file the file name without extension; for an item
 *                   of a feed, a JSON Lines file or a WARC archive, that file id plus {@code -} and the item's key
 *                   (see {@link ArticleIds}); unique inside its file
 * @param fileName   the file name inside the corpus folder
 * @param title      the headline; when the text has none, the start of its first sentence
 * @param published  the publication date when the text states it, else null (the date as written, in the
 *                   time zone the source states it in, not converted to UTC)
 * @param author     the byline's author when present, else null
 * @param source     the publishing outlet or agency when stated, else null
 * @param paragraphs every paragraph in order, including captions and boilerplate (see {@link ParagraphKind})
 * @param url        the article's original address (absolute http(s) URL) when known, else null
 * @param format     the kind of file the article was read from
 */
public record Article(String id, String fileName, String title, LocalDate published, String author, String source,
                      List<Paragraph> paragraphs, String url, InputFormat format) {
    public Article {
        paragraphs = List.copyOf(paragraphs);
        if (format == null) format = InputFormat.TEXT;
    }

    /** A plain-text article with no known URL (the original shape of this record). */
    public Article(String id, String fileName, String title, LocalDate published, String author, String source,
                   List<Paragraph> paragraphs) {
        this(id, fileName, title, published, author, source, paragraphs, null, InputFormat.TEXT);
    }

    public Optional<LocalDate> publishedDate() {
        return Optional.ofNullable(published);
    }

    public Optional<String> originalUrl() {
        return Optional.ofNullable(url);
    }

    /** The paragraphs that belong in the search index. */
    public List<Paragraph> searchableParagraphs() {
        return paragraphs.stream().filter(p -> p.kind().searchable()).toList();
    }

    /** This article with another id (the containers' readers key their items). */
    public Article withId(String newId) {
        return new Article(newId, fileName, title, published, author, source, paragraphs, url, format);
    }
}
