package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** The dual exact/stem analysis of {@code text} and the queries that read it. */
class TextAnalysisTest {
    private static List<String> tokens(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (Analyzer a = TextAnalysis.indexText(); TokenStream ts = a.tokenStream(IndexSchema.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute pos = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add((pos.getPositionIncrement() == 0 ? "+" : "") + term);
            ts.end();
        }
        return out;
    }

    @Test
    void everyWordGetsItsExactTokenThenItsStemExceptStopWords() throws IOException {
        // "relations" stems to "relat"; "of" and "the" are stop words (exact only)
        assertThat(tokens("Trade relations of the trades")).containsExactly(
                "=trade", "+trade", "=relations", "+relat", "=of", "=the", "=trades", "+trade");
    }

    @Test
    void everyWordOfTheBundledCorpusGetsItsExactTokenAndTheStemTheQueryAnalyzerGives() throws IOException {
        int words = 0, stems = 0;
        for (java.nio.file.Path f : org.parley.corpus.CorpusReader.listFiles(java.nio.file.Path.of("corpus"))) {
            String text = java.nio.file.Files.readString(f);
            List<String> indexed = tokens(text);
            // the query side: normalised words, stop words removed, Porter stems (one per word, in order)
            List<String> exact = indexed.stream().filter(t -> t.startsWith("=")).map(t -> t.substring(1)).toList();
            int i = 0;
            for (String word : exact) {
                words++;
                List<String> queried = queryTokens(word);
                String expectedStem = queried.isEmpty() ? null : queried.get(0);
                assertThat(indexed.get(i)).isEqualTo("=" + word);
                boolean hasStem = i + 1 < indexed.size() && indexed.get(i + 1).startsWith("+");
                assertThat(hasStem ? indexed.get(i + 1).substring(1) : null).as("stem of %s", word).isEqualTo(expectedStem);
                if (hasStem) stems++;
                i += hasStem ? 2 : 1;
            }
            assertThat(i).isEqualTo(indexed.size());
        }
        assertThat(words).isGreaterThan(1000);
        assertThat(stems).isBetween(words / 2, words - 1); // stop words have no stem
    }

    private static List<String> queryTokens(String word) throws IOException {
        List<String> out = new ArrayList<>();
        try (Analyzer a = TextAnalysis.stemmedQuery(); TokenStream ts = a.tokenStream(IndexSchema.TEXT, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        }
        return out;
    }

    @Test
    void stemmedQueriesFindEveryFormAndQuotedOnesOnlyTheWord() throws Exception {
        String[] docs = {"trade talks resumed", "trades were signed", "a trading nation", "relations improved",
                "the relation is strong", "Trade, trade and more trade", "bread and butter"};
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(TextAnalysis.indexAnalyzer()))) {
                for (String d : docs) {
                    Document doc = new Document();
                    doc.add(new TextField(IndexSchema.TEXT, d, Field.Store.NO));
                    w.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher s = new IndexSearcher(reader);
                QueryParserFactory parsers = new QueryParserFactory(new Countries());
                // stemmed: every form whose stem is "trade", whether or not the word is its own stem
                assertThat(s.count(parsers.parse("trade", null))).isEqualTo(4);
                assertThat(s.count(parsers.parse("trades", null))).isEqualTo(4);
                assertThat(s.count(parsers.parse("relation", null))).isEqualTo(2);
                // exact: only that word
                assertThat(s.count(parsers.parse("\"trade\"", null))).isEqualTo(2);
                assertThat(s.count(parsers.parse("\"trades\"", null))).isEqualTo(1);
                assertThat(s.count(parsers.parse("\"the relation\"", null))).isEqualTo(1);
                assertThat(s.count(parsers.parse("trade AND talks", null))).isEqualTo(1);
                // "ands" stems to "and"; the stop word "and" itself has no stem token, so it does not match
                assertThat(s.count(parsers.parse("ands", null))).isZero();
                assertThat(s.count(parsers.parse("\"and\"", null))).isEqualTo(2);
                // a doc with the word three times outranks one with it once
                assertThat(s.search(parsers.parse("trade", null), 1).scoreDocs[0].doc).isEqualTo(5);
            }
        }
    }
}
