package org.parley.enrich;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.corpus.Article;
import org.parley.corpus.Paragraph;
import org.parley.corpus.ParagraphKind;

/**
 * Adds countries, years, speakers and sources to every paragraph of an article. Loads its gazetteer once;
 * thread-safe and reusable.
 */
public final class Enricher {
    private static final CountryGazetteer SHARED_GAZETTEER = new CountryGazetteer(); // immutable, for countryName

    private final CountryGazetteer gazetteer;
    private final SpeakerExtractor speakers;

    public Enricher() {
        this.gazetteer = SHARED_GAZETTEER;
        this.speakers = new SpeakerExtractor(gazetteer);
    }

    public EnrichedArticle enrich(Article article) {
        List<Paragraph> paragraphs = article.paragraphs();
        List<List<Token>> tokens = new ArrayList<>(paragraphs.size());
        List<ParagraphKind> kinds = new ArrayList<>(paragraphs.size());
        for (Paragraph p : paragraphs) {
            tokens.add(Tokenizer.tokenize(p.text()));
            kinds.add(p.kind());
        }
        SpeakerExtractor.Result extraction = speakers.extract(tokens, kinds);
        List<SpeakerExtractor.Attribution> attributions = extraction.attributions();
        // Country words that name the article's people ("Jordan" after "Rep. Dale Jordan"), and "Georgia" when
        // the article is about the US state, mention no country.
        Set<String> notCountries = extraction.personAliases();
        List<String> texts = paragraphs.stream().map(Paragraph::text).toList();
        if (CountryGazetteer.georgiaIsUsState(tokens, texts)) {
            notCountries = new HashSet<>(notCountries);
            notCountries.add("Georgia");
            notCountries.add("GEORGIA");
        }
        List<EnrichedParagraph> out = new ArrayList<>(paragraphs.size());
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            SpeakerExtractor.Attribution a = attributions.get(i);
            out.add(new EnrichedParagraph(p, new ParagraphMetadata(
                    gazetteer.find(tokens.get(i), p.text(), notCountries),
                    YearExtractor.extract(p.text(), article.published()),
                    a.speakers(),
                    a.sources())));
        }
        return new EnrichedArticle(article, out);
    }

    /** The English display name of an ISO 3166-1 alpha-2 code, or the code itself when unknown. */
    public static String countryName(String code) {
        return SHARED_GAZETTEER.name(code);
    }

    /**
     * The names this enrichment recognises a country by in text, as written, with the country's ISO 3166-1 alpha-2
     * code: common, official, former and native names and abbreviations ("Turkey", "Viet Nam", "USA"); not demonyms,
     * capitals, or a name of two countries.
     */
    public static Map<String, String> countryNames() {
        return SHARED_GAZETTEER.countryNames(); // asked once, by the search contract: not built when only enriching
    }
}
