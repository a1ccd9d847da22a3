package org.parley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.parley.corpus.Article;
import org.parley.corpus.Paragraph;
import org.parley.corpus.ParagraphKind;

/** Enrichment never throws, whatever the text. */
class EnricherProperties {
    private static final Enricher ENRICHER = new Enricher();

    @Property(tries = 300)
    void neverThrowsOnRandomUnicode(@ForAll @Size(max = 6) List<@StringLength(max = 300) String> texts) {
        assertThat(ENRICHER.enrich(article(texts)).paragraphs()).hasSize(texts.size());
    }

    @Property(tries = 300)
    void neverThrowsOnNewsLikeFragments(@ForAll("fragments") List<String> texts) {
        assertThat(ENRICHER.enrich(article(texts)).paragraphs()).hasSize(texts.size());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<String>> fragments() {
        var pieces = net.jqwik.api.Arbitraries.of("“", "”", "\"", ",", ", said", " said ", "he said", "She told", " according to ",
                "Prime Minister ", "Mr. ", "Hun Sen", "Putin", " the ministry said", "(", ")", "Russia", "US$", "1956", "2023-2027",
                "the 1980s", ":", ".", " who stated ", " by ", "Samdech ", "Techo", "’s", "-", "\u00a0", "Ms.", "The King wrote.");
        return pieces.list().ofMaxSize(30).map(l -> String.join("", l)).list().ofMaxSize(8);
    }

    @Property(tries = 3000)
    void relativeYearsAreTheMatchesOfAPlainSearch(@ForAll("relativeYears") String text) {
        List<String> plain = new ArrayList<>();
        java.util.regex.Matcher m = YearExtractor.RELATIVE.matcher(text);
        while (m.find()) plain.add(m.group(1));
        net.jqwik.api.statistics.Statistics.label("matches").collect(Math.min(plain.size(), 2));
        assertThat(YearExtractor.relativeWords(text)).as(text).isEqualTo(plain);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> relativeYears() {
        // the pattern's words in both cases, glued and spaced, with letters that fold onto 'y' or 'a' only in Unicode
        return net.jqwik.api.Arbitraries.of("last", "LAST", "Next", "past", "previous", "Previous", "coming", "year", "YEAR", "Year",
                "years", " ", " ", "  ", "last year", " Next YEAR", "previous year", "coming Year", "past  year", "x", "ÿ", "\u00C0", "Y", "y", "ear", ".", "-", "lastyear", "\u00A0").list().ofMaxSize(14)
                .map(parts -> String.join("", parts));
    }

    private static Article article(List<String> texts) {
        List<Paragraph> ps = new ArrayList<>();
        ParagraphKind[] kinds = ParagraphKind.values();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i).isBlank() ? "x" : texts.get(i);
            ps.add(new Paragraph(i + 1, t, kinds[i % kinds.length]));
        }
        return new Article("a", "a.txt", "t", null, null, null, ps);
    }
}
