package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.parley.corpus.CorpusReader;

/** The word analysis of {@code text}, the stems queries expand to ({@link StemVariants}) and the queries that read them. */
class TextAnalysisTest {
    private static List<String> tokens(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(IndexSchema.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute pos = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                assertThat(pos.getPositionIncrement()).isEqualTo(1);
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    /** The word index of {@code docs} (one segment per document, so stems span segments) and its stem groups. */
    static StemVariants stemsOf(String... docs) {
        try (Directory dir = index(docs); DirectoryReader reader = DirectoryReader.open(dir)) {
            return StemVariants.load(reader, IndexSchema.TEXT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Directory index(String... docs) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(TextAnalysis.indexAnalyzer()))) {
            for (String d : docs) {
                Document doc = new Document();
                doc.add(new TextField(IndexSchema.TEXT, d, Field.Store.NO));
                w.addDocument(doc);
                w.commit();
            }
        }
        return dir;
    }

    @Test
    void everyWordIsOneTokenNormalisedStopWordsIncluded() throws IOException {
        try (Analyzer a = TextAnalysis.indexText()) {
            assertThat(tokens(a, "Trade relations of the Trades’ Café, Russia's")).containsExactly(
                    "trade", "relations", "of", "the", "trades", "cafe", "russia");
        }
    }

    @Test
    void everyWordOfTheBundledCorpusIsFoundByTheStemTheQueryAnalyzerGivesIt() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path f : CorpusReader.listFiles(Path.of("corpus"))) texts.add(Files.readString(f));
        StemVariants stems = stemsOf(texts.toArray(String[]::new));
        Map<String, TreeSet<String>> expected = new HashMap<>();
        int words = 0;
        try (Analyzer index = TextAnalysis.indexText(); Analyzer query = TextAnalysis.stemmedQuery()) {
            for (String text : texts) {
                for (String word : tokens(index, text)) {
                    words++;
                    // the query side: the word as typed, stop words removed, its Porter stem
                    List<String> stem = tokens(query, word);
                    assertThat(stem).hasSizeLessThanOrEqualTo(1);
                    if (!stem.isEmpty()) expected.computeIfAbsent(stem.get(0), k -> new TreeSet<>()).add(word);
                }
            }
        }
        assertThat(words).isGreaterThan(1000);
        int variants = 0;
        for (Map.Entry<String, TreeSet<String>> e : expected.entrySet()) {
            List<String> found = Arrays.stream(stems.wordsOf(new BytesRef(e.getKey()))).map(BytesRef::utf8ToString).toList();
            assertThat(found).as("words of stem %s", e.getKey()).containsExactlyElementsOf(e.getValue());
            variants += found.size();
        }
        assertThat(stems.words()).isEqualTo(variants); // no other words: stop words have no stem
        assertThat(expected.size()).isLessThan(variants); // some stems do have several words
    }

    @Test
    void stemmedQueriesFindEveryFormAndQuotedOnesOnlyTheWord() throws Exception {
        String[] docs = {"trade talks resumed", "trades were signed", "a trading nation", "relations improved",
                "the relation is strong", "Trade, trade and more trade", "bread and butter"};
        try (Directory dir = index(docs); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher s = new IndexSearcher(reader);
            StemVariants stems = StemVariants.load(reader, IndexSchema.TEXT);
            QueryParserFactory parsers = new QueryParserFactory();
            // stemmed: every form whose stem is "trade", whether or not the word is its own stem
            assertThat(s.count(parsers.parse("trade", null, stems))).isEqualTo(4);
            assertThat(s.count(parsers.parse("trades", null, stems))).isEqualTo(4);
            assertThat(s.count(parsers.parse("TRADING", null, stems))).isEqualTo(4);
            assertThat(s.count(parsers.parse("relation", null, stems))).isEqualTo(2);
            // exact: only that word
            assertThat(s.count(parsers.parse("\"trade\"", null, stems))).isEqualTo(2);
            assertThat(s.count(parsers.parse("\"trades\"", null, stems))).isEqualTo(1);
            assertThat(s.count(parsers.parse("\"the relation\"", null, stems))).isEqualTo(1);
            assertThat(s.count(parsers.parse("\"relation is\"", null, stems))).isEqualTo(1);
            assertThat(s.count(parsers.parse("trade AND talks", null, stems))).isEqualTo(1);
            assertThat(s.count(parsers.parse("trade -talks", null, stems))).isEqualTo(3);
            assertThat(s.count(parsers.parse("trad*", null, stems))).isEqualTo(4);
            assertThat(s.count(parsers.parse("tade~1", null, stems))).isEqualTo(2);
            // "ands" stems to "and", but the stop word "and" has no stem, so it does not match; quoted it does
            assertThat(s.count(parsers.parse("ands", null, stems))).isZero();
            assertThat(s.count(parsers.parse("\"and\"", null, stems))).isEqualTo(2);
            // a word the index does not have matches nothing
            assertThat(s.count(parsers.parse("embargo", null, stems))).isZero();
            // a doc with the word three times outranks one with it once; boosts still apply
            assertThat(s.search(parsers.parse("trade", null, stems), 1).scoreDocs[0].doc).isEqualTo(5);
            Query boosted = parsers.parse("bread OR trading^5", null, stems);
            assertThat(s.search(boosted, 1).scoreDocs[0].doc).isNotEqualTo(6);
        }
    }
}
