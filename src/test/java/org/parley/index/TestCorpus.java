package org.parley.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.parley.corpus.Article;
import org.parley.corpus.CorpusException;
import org.parley.corpus.CorpusReader;
import org.parley.corpus.Paragraph;
import org.parley.enrich.EnrichedArticle;
import org.parley.enrich.EnrichedParagraph;
import org.parley.enrich.ParagraphMetadata;

/**
 * A test corpus: the project's seed articles plus small synthetic ones, and a deterministic enricher, so that
 * index and API tests do not depend on the state of the real enrichment (which is developed separately) and
 * can compute every expected count by brute force.
 */
public final class TestCorpus {
    /** Words the test enricher maps to countries, in a fixed order (an immutable copy of an ordered map). */
    private static final Map<String, String> COUNTRIES = ordered(List.of(
            Map.entry("Cambodia", "KH"),
            Map.entry("Cambodian", "KH"),
            Map.entry("Russia", "RU"),
            Map.entry("Russian", "RU"),
            Map.entry("Vietnam", "VN"),
            Map.entry("China", "CN"),
            Map.entry("Chinese", "CN"),
            Map.entry("Thailand", "TH"),
            Map.entry("Japan", "JP"),
            Map.entry("Laos", "LA")));

    private static Map<String, String> ordered(List<Map.Entry<String, String>> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(map);
    }

    private static final Pattern YEAR = Pattern.compile("(?<![\\d,.$-])(1[89]\\d\\d|20\\d\\d)(?![\\d,.-]\\d)");
    private static final Pattern SPEAKER = Pattern.compile(
            "(?:\\b(?:said|told|wrote)\\s+(\\p{Lu}\\p{Ll}+\\s\\p{Lu}\\p{Ll}+))|(?:(\\p{Lu}\\p{Ll}+\\s\\p{Lu}\\p{Ll}+)\\s+(?:said|told|wrote)\\b)");

    /** Synthetic articles: file name to text. */
    public static final Map<String, String> SYNTHETIC = ordered(List.of(
            Map.entry("syn_relation.txt", """
                ---
                title: A single relation
                date: 2019-03-02
                ---
                Thailand and Japan agreed that their relation is strong, Anna Smith said on Tuesday.

                Photo: a handshake in Bangkok. Reuters

                The foreign relation between Laos and Thailand dates back to 1950 and grew in 1975.
                """),
            Map.entry("syn_script.txt", """
                ---
                title: Hostile <b>markup</b> test
                date: 2021-07-09
                ---
                A reader pasted <script>alert(1)</script> into a comment about China & Vietnam, Bob Jones said.

                Officials in China said the talks on "fair & open" trade would resume in 2022.
                """),
            Map.entry("syn_undated.txt", """
                ---
                title: Undated note on Cambodia
                ---
                Cambodia and Vietnam held border talks, Anna Smith told reporters.

                Further talks between Cambodia and Laos are expected, officials said.
                """)));

    private final Path dir;

    private TestCorpus(Path dir) {
        this.dir = dir;
    }

    /** Copies the seed corpus and writes the synthetic articles into {@code dir}. */
    public static TestCorpus create(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(Path.of("corpus"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        for (Map.Entry<String, String> e : SYNTHETIC.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        return new TestCorpus(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The deterministic test enricher: a small country list, plain four-digit years, "X Y said" speakers. */
    public static EnrichedArticle enrich(Article article) {
        List<EnrichedParagraph> out = new ArrayList<>();
        for (Paragraph p : article.paragraphs()) {
            Set<String> countries = new LinkedHashSet<>();
            for (Map.Entry<String, String> c : COUNTRIES.entrySet()) {
                if (Pattern.compile("\\b" + c.getKey() + "\\b").matcher(p.text()).find()) countries.add(c.getValue());
            }
            TreeSet<Integer> years = new TreeSet<>();
            Matcher y = YEAR.matcher(p.text());
            while (y.find()) years.add(Integer.parseInt(y.group(1)));
            Set<String> speakers = new LinkedHashSet<>();
            Matcher s = SPEAKER.matcher(p.text());
            while (s.find()) speakers.add(s.group(1) != null ? s.group(1) : s.group(2));
            out.add(new EnrichedParagraph(p, new ParagraphMetadata(List.copyOf(countries), List.copyOf(years),
                    List.copyOf(speakers), List.of())));
        }
        return new EnrichedArticle(article, out);
    }

    /** A searchable paragraph as the brute-force oracle sees it. */
    public record Expected(String id, String articleId, String text, Set<String> countries, Set<Integer> years,
                           Set<String> speakers, java.time.LocalDate published) {
    }

    /** Every searchable paragraph of the corpus with its test metadata, by paragraph id. */
    public Map<String, Expected> expectedParagraphs() throws IOException {
        Map<String, Expected> out = new LinkedHashMap<>();
        CorpusReader reader = new CorpusReader();
        for (Path f : CorpusReader.listFiles(dir)) {
            Article a;
            try {
                a = reader.read(f);
            } catch (CorpusException e) {
                continue;
            }
            for (EnrichedParagraph ep : enrich(a).paragraphs()) {
                if (!ep.paragraph().kind().searchable()) continue;
                ParagraphMetadata m = ep.metadata();
                String id = IndexSchema.paragraphId(a.id(), ep.paragraph().ordinal());
                out.put(id, new Expected(id, a.id(), ep.paragraph().text(), new LinkedHashSet<>(m.countries()),
                        new TreeSet<>(IndexSchema.facetYears(m, a.published())), new LinkedHashSet<>(m.speakers()),
                        a.published()));
            }
        }
        return out;
    }

    /** Builds the index of this corpus with the test enricher. */
    public BuildReport build(Path index) throws IOException {
        return builder(index).build(dir);
    }

    public IndexBuilder builder(Path index) {
        return new IndexBuilder(new IndexLocation(index)).withEnrichment(TestCorpus::enrich);
    }
}
