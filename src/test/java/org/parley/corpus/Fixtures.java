package org.parley.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.parley.enrich.EnrichedArticle;
import org.parley.enrich.EnrichedParagraph;
import org.parley.enrich.Enricher;

/** Test fixtures of this package (written for these tests, not copied articles) and helpers. */
final class Fixtures {
    static final Enricher ENRICHER = new Enricher();

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Objects.requireNonNull(Fixtures.class.getResourceAsStream(name), name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> texts(Article a, ParagraphKind kind) {
        return a.paragraphs().stream().filter(p -> p.kind() == kind).map(Paragraph::text).toList();
    }

    static String allText(Article a) {
        return String.join("\n", a.paragraphs().stream().map(Paragraph::text).toList());
    }

    /** The enriched paragraph whose text contains {@code fragment}. */
    static EnrichedParagraph enriched(Article a, String fragment) {
        EnrichedArticle e = ENRICHER.enrich(a);
        return e.paragraphs().stream().filter(p -> p.paragraph().text().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph with " + fragment + " in " + allText(a)));
    }
}
