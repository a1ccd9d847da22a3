package org.parley.enrich;

import org.parley.corpus.Paragraph;

/** A paragraph with its metadata. */
public record EnrichedParagraph(Paragraph paragraph, ParagraphMetadata metadata) {
}
