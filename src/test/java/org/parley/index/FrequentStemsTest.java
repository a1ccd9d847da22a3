package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which stems are counted ahead, in what order, and when counting in the background gives up. */
class FrequentStemsTest {
    private static final List<String> DIMS = List.of("country", "year", "speaker");

    /** "trade" in 30 documents, "talks" in 20, "visit" in 5, each with a country. */
    private static Directory index(FacetsConfig config) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 0; i < 30; i++) {
                Document d = new Document();
                d.add(new StringField("text", "trade", Field.Store.NO));
                if (i < 20) d.add(new StringField("text", "talks", Field.Store.NO));
                if (i < 5) d.add(new StringField("text", "visit", Field.Store.NO));
                d.add(new SortedSetDocValuesFacetField("country", i % 3 == 0 ? "KH" : "VN"));
                w.addDocument(config.build(d));
            }
        }
        return dir;
    }

    private static FacetsConfig config() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : DIMS) config.setMultiValued(dim, true);
        return config;
    }

    private static TermQuery word(String w) {
        return new TermQuery(new Term("text", w));
    }

    @Test
    void countsTheStemsAboveTheThresholdAsTheirSearchesWould() throws IOException {
        FacetsConfig config = config();
        try (Directory dir = index(config); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            FacetOrdinals ordinals = FacetOrdinals.load(reader, config, DIMS);
            StemVariants stems = StemVariants.load(reader, "text");
            FrequentStems counts = FrequentStems.countInBackground(Runnable::run, searcher, ordinals, stems,
                    new FrequentStems.Budget(20, Long.MAX_VALUE, Long.MAX_VALUE));
            assertThat(counts.done()).isTrue();
            assertThat(counts.size()).isEqualTo(2);
            assertThat(counts.get(word("visit"))).as("below the threshold").isNull();
            for (String w : List.of("trade", "talks")) {
                FacetOrdinals.Counted expected = searcher.search(word(w), ordinals.counter(ordinals.select(Map.of()), null));
                FacetOrdinals.Counted ahead = counts.get(word(w));
                assertThat(ahead.documents()).isEqualTo(expected.documents());
                assertThat(ahead.slotCounts()).isEqualTo(expected.slotCounts());
            }
            assertThat(counts.get(word("trade")).documents()).isEqualTo(30);
        }
    }

    @Test
    void keepsTheMostFrequentStemsThatFitTheBounds() throws IOException {
        FacetsConfig config = config();
        try (Directory dir = index(config); DirectoryReader reader = DirectoryReader.open(dir)) {
            FacetOrdinals ordinals = FacetOrdinals.load(reader, config, DIMS);
            long oneStem = 64 + 4L * ordinals.countLength() + 8L * FrequentStems.RANKED_HITS;
            FrequentStems counts = FrequentStems.count(new IndexSearcher(reader), ordinals,
                    StemVariants.load(reader, "text"), new FrequentStems.Budget(1, Long.MAX_VALUE, oneStem + oneStem / 2));
            assertThat(counts.size()).isEqualTo(1);
            assertThat(counts.get(word("trade"))).isNotNull();
            // "trade" (30 documents) and "talks" (20) fit 54 postings, "visit" (5) no longer does
            FrequentStems withinPostings = FrequentStems.count(new IndexSearcher(reader), ordinals,
                    StemVariants.load(reader, "text"), new FrequentStems.Budget(1, 54, Long.MAX_VALUE));
            assertThat(withinPostings.size()).isEqualTo(2);
            assertThat(withinPostings.get(word("visit"))).isNull();
        }
    }

    @Test
    void givesUpAReaderThatIsNoLongerServed() throws IOException {
        FacetsConfig config = config();
        try (Directory dir = index(config)) {
            List<Runnable> queued = new ArrayList<>();
            FrequentStems counts;
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                counts = FrequentStems.countInBackground(queued::add, new IndexSearcher(reader),
                        FacetOrdinals.load(reader, config, DIMS), StemVariants.load(reader, "text"),
                        new FrequentStems.Budget(1, Long.MAX_VALUE, Long.MAX_VALUE));
            }
            assertThat(counts.done()).as("not run yet").isFalse();
            queued.forEach(Runnable::run); // runs after the reader closed
            assertThat(counts.size()).isZero();
            assertThat(counts.get(word("trade"))).isNull();
            assertThat(counts.done()).as("given up: nothing more will be counted").isTrue();
        }
    }

    @Test
    void aServiceTellsWhenItsReaderHasEndedItsBackgroundCounting(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("trade.txt"), "Trade\n\nThe ministers agreed on trade.\n\nTrade talks resume in May.\n");
        Path index = dir.resolve("index");
        new IndexBuilder(new IndexLocation(index)).build(corpus);
        try (LuceneSearchService service = LuceneSearchService.open(index)) {
            // counting starts a moment after the reader opens (ServedIndex.COUNT_DELAY_MS)
            assertThat(service.awaitBackgroundWork(Duration.ZERO)).as("just opened").isFalse();
            assertThat(service.awaitBackgroundWork(Duration.ofSeconds(30))).isTrue();
            assertThat(service.awaitBackgroundWork(Duration.ZERO)).as("once ended, at once").isTrue();
        }
    }
}
