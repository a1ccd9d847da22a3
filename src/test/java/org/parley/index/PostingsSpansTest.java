package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.bench.BenchQuery;
import org.parley.bench.CorpusGenerator;
import org.parley.bench.QueryMix;
import org.parley.search.Span;

/**
 * The spans read straight from the postings against those of Lucene's weight matches through the UnifiedHighlighter,
 * on a generated corpus: for the hits of the bench mix's queries and of nested boolean ones, and for paragraphs that
 * do not match (an article page highlights every paragraph of the article), the same spans.
 */
class PostingsSpansTest {
    private static Path dir;
    private static DirectoryReader reader;
    private static ParleySearcher searcher;
    private static final QueryParserFactory PARSERS = new QueryParserFactory();

    @BeforeAll
    static void build() throws Exception {
        dir = Files.createTempDirectory("parley-spans-");
        new CorpusGenerator(17, Path.of("corpus")).generate(6_000, dir.resolve("corpus"));
        writeLongParagraph(dir.resolve("corpus"));
        Path index = dir.resolve("index");
        new IndexBuilder(new IndexLocation(index)).build(dir.resolve("corpus"));
        reader = DirectoryReader.open(FSDirectory.open(new IndexLocation(index).current().orElseThrow()));
        searcher = new ParleySearcher(reader, IndexSchema.newFacetsConfig(), work -> { }, null); // no frequent stems
    }

    /** One paragraph longer than the highlighted length, with matches before it, across it and after it. */
    private static void writeLongParagraph(Path corpus) throws IOException {
        StringBuilder p = new StringBuilder("Ministers from Laos met on trade talks in 2019. ");
        while (p.length() < Highlighting.MAX_HIGHLIGHT_CHARS - 9) p.append("The delegates spoke at length about ports. ");
        p.setLength(Highlighting.MAX_HIGHLIGHT_CHARS - 9);
        p.append(" trade talks resumed, and trade talks ended."); // "talks" crosses the highlighted length
        Files.writeString(corpus.resolve("zz_long_paragraph.txt"), """
                ---
                title: A long paragraph
                date: 2020-05-01
                ---
                %s
                """.formatted(p));
    }

    @AfterAll
    static void close() throws IOException {
        if (reader != null) reader.close();
        if (dir != null) IndexLocation.deleteRecursively(dir);
    }

    @Test
    void sameSpansAsLucenesWeightMatchesForHitsAndOtherParagraphs() throws Exception {
        Set<String> queries = new LinkedHashSet<>();
        for (BenchQuery q : QueryMix.build(dir.resolve("corpus"), 150, 9, 100)) queries.add(q.lucene());
        queries.addAll(List.of(
                "trade", "\"trade talks\"", "trade AND talks", "trade OR ports", "trade NOT talks", "talks NOT \"trade talks\"",
                "(trade OR ports) AND NOT laos", "ministers AND (\"trade talks\" OR delegates)", "\"talks resumed\" OR \"trade talks\"",
                "+trade +(talks OR ports) -resumed", "trade^2 OR talks", "\"trade trade\"", "(ministers OR delegates) AND (trade OR ports)"));
        Highlighting highlighting = new Highlighting();
        Random random = new Random(5);
        int read = 0, marked = 0, compared = 0;
        for (String text : queries) {
            Query query = PARSERS.parse(text, null, searcher.stems);
            if (query == null) continue;
            if (PostingsSpans.of(query) != null) read++;
            List<Integer> docs = new ArrayList<>();
            for (ScoreDoc d : searcher.search(query, 15).scoreDocs) docs.add(d.doc);
            for (int i = 0; i < 10; i++) docs.add(random.nextInt(reader.maxDoc())); // mostly paragraphs that do not match
            if (!docs.isEmpty()) docs.add(docs.getFirst()); // one paragraph twice
            int[] ids = docs.stream().mapToInt(Integer::intValue).toArray();
            String[] texts = new String[ids.length];
            for (int i = 0; i < ids.length; i++) texts[i] = searcher.storedFields().document(ids[i]).get(IndexSchema.TEXT);
            List<List<Span>> ours = highlighting.spans(searcher, query, ids, texts);
            List<List<Span>> lucene = highlighting.fromWeightMatches(searcher, query, ids, texts);
            assertThat(ours).as("spans of %s (%s)", text, query).isEqualTo(lucene);
            for (List<Span> s : ours) if (!s.isEmpty()) marked++;
            compared += ids.length;
        }
        assertThat(read).as("queries read from the postings").isGreaterThan(queries.size() * 3 / 4);
        assertThat(marked).as("paragraphs with spans, of %d", compared).isGreaterThan(compared / 3);
    }

    @Test
    void aMatchCrossingTheHighlightedLengthIsDroppedAsLuceneDropsIt() throws Exception {
        Query query = PARSERS.parse("\"trade talks\" OR laos", null, searcher.stems);
        int doc = searcher.search(PARSERS.parse("delegates AND resumed", null, searcher.stems), 1).scoreDocs[0].doc;
        String text = searcher.storedFields().document(doc).get(IndexSchema.TEXT);
        assertThat(text.length()).isGreaterThan(Highlighting.MAX_HIGHLIGHT_CHARS);
        List<Span> ours = new Highlighting().spans(searcher, query, new int[] {doc}, new String[] {text}).getFirst();
        assertThat(ours).isEqualTo(new Highlighting().fromWeightMatches(searcher, query, new int[] {doc}, new String[] {text}).getFirst());
        assertThat(ours).allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(Highlighting.MAX_HIGHLIGHT_CHARS));
        assertThat(ours.stream().map(s -> text.substring(s.start(), s.end())).toList()).containsExactly("Laos", "trade talks");
    }

    @Test
    void queriesItDoesNotReadAreLeftToLucene() throws Exception {
        for (String text : List.of("trad*", "trade~1", "\"trade talks\"~2", "country:KH AND trade", "title:paragraph")) {
            assertThat(PostingsSpans.of(PARSERS.parse(text, null, searcher.stems))).as(text).isNull();
        }
        assertThat(PostingsSpans.of(PARSERS.parse("trade AND \"talks resumed\" NOT ports", null, searcher.stems))).isNotNull();
    }
}
