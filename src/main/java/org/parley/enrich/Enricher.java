package org.parley.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.corpus.Article;
import org.parley.corpus.Paragraph;

/**
 * Adds countries, years and speakers to every paragraph of an article. Thread-safe.
 * (First version: years only; the enrichment issue replaces this with the full rule set.)
 */
public final class Enricher {
    private static final Pattern YEAR = Pattern.compile("(?<![\\d,.$-])(1[89]\\d\\d|20\\d\\d)(?![\\d,.-]\\d)");

    public EnrichedArticle enrich(Article article) {
        List<EnrichedParagraph> out = new ArrayList<>();
        for (Paragraph p : article.paragraphs()) {
            TreeSet<Integer> years = new TreeSet<>();
            Matcher m = YEAR.matcher(p.text());
            while (m.find()) years.add(Integer.parseInt(m.group(1)));
            out.add(new EnrichedParagraph(p, new ParagraphMetadata(List.of(), List.copyOf(years), List.of(), List.of())));
        }
        return new EnrichedArticle(article, out);
    }

    /** The display name of an ISO 3166-1 alpha-2 code, or the code itself when unknown. */
    public static String countryName(String code) {
        return code;
    }
}
