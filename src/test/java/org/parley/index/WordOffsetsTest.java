package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The offsets found again by tokenizing are the offsets Lucene stores in postings indexed with offsets by the text
 * field's own analysis chain, position by position, on texts built from the pieces tokenizers treat specially.
 */
class WordOffsetsTest {
    private static final String[] PIECES = {
            "Russia", "Russia's", "PM's", "can't", "U.S.", "U.N.-backed", "1,000.5", "2024-25", "e-mail", "x@y.org",
            "https://example.org/a?b=c", "Ðoàn", "Türkiye", "São", "Œuvre", "ﬁne", "北京", "東京都", "한국어", "ไทย", "Москва",
            "مصر", "हिन्दी", "😀", "👍🏽", "𝔘𝔫𝔦", "word\u200Bword", "a\u00ADb", "’s", "l’État", "--", "...", "(", ")", "\"", "“quoted”",
            "#tag", "@user", "$5", "5%", "3.14", "x".repeat(300), "ab".repeat(140), "\t", "\n", "  ", " ", " ", " ", " "};

    @Test
    void offsetsByPositionAreTheOnesLuceneIndexes() throws IOException {
        Random random = new Random(38);
        List<String> texts = new ArrayList<>();
        for (int t = 0; t < 1500; t++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(4) == 0) b.appendCodePoint(random.nextInt(0x3000)); // any character, marks and all
                else b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(b.toString());
        }
        FieldType withOffsets = new FieldType(TextField.TYPE_NOT_STORED);
        withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(TextAnalysis.indexText()))) {
                for (String text : texts) {
                    Document doc = new Document();
                    doc.add(new Field(IndexSchema.TEXT, text, withOffsets));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                LeafReader leaf = reader.leaves().getFirst().reader();
                List<TreeMap<Integer, int[]>> indexed = new ArrayList<>();
                for (int d = 0; d < texts.size(); d++) indexed.add(new TreeMap<>());
                Terms terms = leaf.terms(IndexSchema.TEXT);
                TermsEnum it = terms.iterator();
                PostingsEnum postings = null;
                while (it.next() != null) {
                    postings = it.postings(postings, PostingsEnum.OFFSETS);
                    for (int d = postings.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = postings.nextDoc()) {
                        for (int k = 0; k < postings.freq(); k++) {
                            int position = postings.nextPosition();
                            indexed.get(d).put(position, new int[] {postings.startOffset(), postings.endOffset()});
                        }
                    }
                }
                WordOffsets words = new WordOffsets();
                int compared = 0;
                for (int d = 0; d < texts.size(); d++) {
                    TreeMap<Integer, int[]> expected = indexed.get(d);
                    int last = expected.isEmpty() ? 0 : expected.lastKey();
                    words.read(texts.get(d), last, Integer.MAX_VALUE);
                    for (var e : expected.entrySet()) {
                        assertThat(new int[] {words.start(e.getKey()), words.end(e.getKey())})
                                .as("text %d, position %d: %s", d, e.getKey(), texts.get(d))
                                .containsExactly(e.getValue());
                        compared++;
                    }
                }
                assertThat(compared).isGreaterThan(20_000);
            }
        }
    }

    @Test
    void readingStopsAtTheLastPositionAskedForOrTheFirstWordPastTheLimit() {
        WordOffsets words = new WordOffsets();
        words.read("one two three four", 1, Integer.MAX_VALUE);
        assertThat(words.start(1)).isEqualTo(4);
        assertThat(words.end(1)).isEqualTo(7);
        assertThat(words.start(2)).isEqualTo(Integer.MAX_VALUE);
        words.read("one two three four", 10, 5);
        assertThat(words.start(2)).isEqualTo(8); // the first word past the limit is read, none after it
        assertThat(words.start(3)).isEqualTo(Integer.MAX_VALUE);
    }
}
