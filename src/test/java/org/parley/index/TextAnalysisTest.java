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
    void aWordThatIsItsOwnStemGetsOnlyItsExactToken() throws IOException {
        // "trade" stems to itself; "relations" to "relat"; "the" is a stop word (exact only)
        assertThat(tokens("Trade relations of the trades")).containsExactly(
                "=trade", "=relations", "+relat", "=of", "=the", "=trades", "+trade");
    }

    @Test
    void stemmedAndExactQueriesMatchTheSameDocumentsAsBefore() throws Exception {
        String[] docs = {"trade talks resumed", "trades were signed", "a trading nation", "relations improved",
                "the relation is strong", "Trade, trade and more trade"};
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
                // a doc with the word three times outranks one with it once (term frequencies add up)
                assertThat(s.search(parsers.parse("trade", null), 1).scoreDocs[0].doc).isEqualTo(5);
            }
        }
    }
}
