package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The bound on a query's matches is never below what it matches, and is exact where document counts are. */
class MatchBoundTest {
    private static final List<String> TEXTS = List.of(
            "trade talks with vietnam", "trade and trades", "traded goods", "border talks",
            "talks on trade", "vietnam border", "the minister said", "trading partners");

    @Test
    void boundsEveryQueryKindFromDocumentFrequencies() throws IOException {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(TextAnalysis.indexAnalyzer()))) {
                for (String t : TEXTS) {
                    Document d = new Document();
                    d.add(new TextField(IndexSchema.TEXT, t, Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                StemVariants stems = StemVariants.load(reader, IndexSchema.TEXT);
                Query trade = stems.query(new BytesRef("trade")); // trade, trades, traded, trading
                Query talks = word("talks");
                Query vietnam = word("vietnam");
                Query phrase = new PhraseQuery(IndexSchema.TEXT, "trade", "talks");
                Query both = and(trade, talks);
                Query either = or(talks, vietnam);
                Query without = new BooleanQuery.Builder().add(trade, BooleanClause.Occur.MUST)
                        .add(talks, BooleanClause.Occur.MUST_NOT).build();

                assertThat(bound(talks, reader, stems)).isEqualTo(3);
                assertThat(bound(trade, reader, stems)).as("the sum of the stem's words").isEqualTo(6);
                assertThat(bound(phrase, reader, stems)).as("its rarer word").isEqualTo(3);
                assertThat(bound(both, reader, stems)).as("the least required clause").isEqualTo(3);
                assertThat(bound(either, reader, stems)).as("the sum of the optional clauses").isEqualTo(5);
                assertThat(bound(without, reader, stems)).as("exclusions only remove").isEqualTo(6);
                assertThat(bound(new BoostQuery(talks, 2f), reader, stems)).isEqualTo(3);
                assertThat(bound(new MatchNoDocsQuery(), reader, stems)).isZero();
                assertThat(bound(new PrefixQuery(new Term(IndexSchema.TEXT, "tra")), reader, stems)).isEqualTo(MatchBound.UNKNOWN);
                assertThat(bound(or(talks, new PrefixQuery(new Term(IndexSchema.TEXT, "tra"))), reader, stems))
                        .as("an unknown clause in a disjunction").isEqualTo(MatchBound.UNKNOWN);
                for (Query q : List.of(talks, trade, phrase, both, either, without)) {
                    assertThat(bound(q, reader, stems)).as("%s", q).isGreaterThanOrEqualTo(searcher.count(q));
                }
            }
        }
    }

    private static long bound(Query q, DirectoryReader reader, StemVariants stems) throws IOException {
        return MatchBound.of(q, reader, stems);
    }

    private static Query word(String w) {
        return new TermQuery(new Term(IndexSchema.TEXT, w));
    }

    private static Query and(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.MUST).add(b, BooleanClause.Occur.MUST).build();
    }

    private static Query or(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.SHOULD).add(b, BooleanClause.Occur.SHOULD).build();
    }
}
