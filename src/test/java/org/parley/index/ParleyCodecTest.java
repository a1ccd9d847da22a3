package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParleyCodecTest {
    @TempDir
    Path tmp;

    @Test
    void theCodecIsFoundByTheNameSegmentsRecord() {
        assertThat(Codec.forName(ParleyCodec.NAME)).isInstanceOf(ParleyCodec.class);
    }

    @Test
    void indexesAreBuiltWithIt() throws IOException {
        Path index = tmp.resolve("index");
        TestCorpus.create(tmp.resolve("corpus")).build(index);
        Path generation = new IndexLocation(index).current().orElseThrow();
        try (Directory dir = FSDirectory.open(generation)) {
            SegmentInfos segments = SegmentInfos.readLatestCommit(dir);
            assertThat(segments.size()).isPositive();
            for (SegmentCommitInfo s : segments) assertThat(s.info.getCodec().getName()).isEqualTo(ParleyCodec.NAME);
        }
    }

    /**
     * Random documents (empty, short, longer than a chunk; text, numbers and bytes) read back the same from the
     * codec's stored fields as they were written, in several segments, after a merge and in random order.
     */
    @Test
    void storedFieldsReadBackAsWrittenInAnyOrder() throws IOException {
        Random random = new Random(20261206L);
        for (int round = 0; round < 5; round++) {
            List<Document> docs = new ArrayList<>();
            int n = 200 + random.nextInt(600);
            for (int i = 0; i < n; i++) docs.add(randomDocument(random, i));
            try (Directory dir = new ByteBuffersDirectory()) {
                IndexWriterConfig config = new IndexWriterConfig().setCodec(new ParleyCodec()).setMaxBufferedDocs(50 + random.nextInt(200));
                try (IndexWriter writer = new IndexWriter(dir, config)) {
                    for (Document d : docs) writer.addDocument(d);
                    writer.commit();
                    assertStored(dir, docs, random);
                    writer.forceMerge(1);
                    writer.commit();
                }
                assertStored(dir, docs, random);
            }
        }
    }

    /** Every document read back as written (merges may reorder documents: each is found by its stored id). */
    private static void assertStored(Directory dir, List<Document> docs, Random random) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            assertThat(reader.maxDoc()).isEqualTo(docs.size());
            StoredFields stored = reader.storedFields();
            boolean[] seen = new boolean[docs.size()];
            for (int doc : randomOrder(docs.size(), random)) {
                Document read = stored.document(doc);
                int id = Integer.parseInt(read.get("id"));
                Document written = docs.get(id);
                seen[id] = true;
                assertThat(read.getValues("text")).containsExactly(written.getValues("text"));
                assertThat(read.getField("n").numericValue()).isEqualTo(written.getField("n").numericValue());
                assertThat(read.getBinaryValue("bytes")).isEqualTo(written.getBinaryValue("bytes"));
            }
            for (boolean b : seen) assertThat(b).isTrue();
        }
    }

    private static List<Integer> randomOrder(int n, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        Collections.shuffle(order, random);
        return order;
    }

    private static Document randomDocument(Random random, int id) {
        Document d = new Document();
        d.add(new StoredField("id", Integer.toString(id)));
        int texts = random.nextInt(3);
        for (int t = 0; t < texts; t++) {
            int length = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(200);
                case 2 -> random.nextInt(2_000);
                default -> 20_000 + random.nextInt(60_000); // past a chunk
            };
            d.add(new StoredField("text", randomText(random, length)));
        }
        d.add(new StoredField("n", random.nextLong()));
        byte[] bytes = new byte[random.nextInt(3_000)];
        random.nextBytes(bytes);
        d.add(new StoredField("bytes", new BytesRef(bytes)));
        return d;
    }

    /** Words from a small vocabulary (so that LZ4 finds repeats), with some non-ASCII letters. */
    private static String randomText(Random random, int length) {
        String[] words = {"minister", "said", "Phnom", "Penh", "trade", "ASEAN", "Việt", "Nam", "coopération", "東京", "2021", "the"};
        StringBuilder s = new StringBuilder(length + 16);
        while (s.length() < length) s.append(words[random.nextInt(words.length)]).append(random.nextInt(8) == 0 ? ". " : " ");
        return s.toString();
    }
}
