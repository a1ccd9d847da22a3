package org.parley.enrich;

import java.util.List;
import org.parley.corpus.Article;

/** An article whose every paragraph (in the article's order) carries metadata. */
public record EnrichedArticle(Article article, List<EnrichedParagraph> paragraphs) {
    public EnrichedArticle {
        paragraphs = List.copyOf(paragraphs);
    }
}
