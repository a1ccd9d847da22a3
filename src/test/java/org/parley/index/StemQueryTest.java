package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** A stem's query matches, counts and scores exactly as the disjunction / synonym query of its words would. */
class StemQueryTest {
    /** Words of three stems, the first of each far more frequent than the rest, as in real text. */
    private static final String[][] FORMS = {
            {"trade", "trades", "traded", "trading"},
            {"nations", "nation", "national"},
            {"cooperation", "cooperate", "cooperated", "cooperative", "cooperatives"}};
    private static final String[] FILLER = {"the", "talks", "of", "minister", "said", "border", "on"};

    @Test
    void countsScoresAndMatchesAgreeWithTheWordsDisjunction() throws Exception {
        Random random = new Random(7);
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(TextAnalysis.indexAnalyzer()))) {
                for (int i = 0; i < 12000; i++) {
                    StringBuilder text = new StringBuilder();
                    for (int k = 0; k < 12; k++) {
                        String[] stem = FORMS[random.nextInt(FORMS.length)];
                        // the first word in 4 of 5 picks (59 of 60 for the last stem: a thin tail of rare words),
                        // one of the others otherwise; fillers in between
                        int others = stem == FORMS[2] ? 60 : 5;
                        String word = random.nextInt(3) == 0 ? stem[random.nextInt(others) > 0 ? 0 : 1 + random.nextInt(stem.length - 1)]
                                : FILLER[random.nextInt(FILLER.length)];
                        text.append(word).append(' ');
                    }
                    Document doc = new Document();
                    doc.add(new TextField(IndexSchema.TEXT, text.toString(), Field.Store.NO));
                    doc.add(new StringField("rare", random.nextInt(100) == 0 ? "yes" : "no", Field.Store.NO));
                    w.addDocument(doc);
                    if (i % 3000 == 2999) w.commit(); // several segments
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null); // measure the query itself, not a cached bitset
                StemVariants stems = StemVariants.load(reader, IndexSchema.TEXT);
                TextAnalysis.Stemmer stemmer = new TextAnalysis.Stemmer();
                Query rare = new TermQuery(new Term("rare", "yes"));
                Query common = new TermQuery(new Term("rare", "no"));
                for (String[] forms : FORMS) {
                    Query stemQuery = stems.query(BytesRef.deepCopyOf(stemmer.stem(new BytesRef(forms[0]))));
                    assertThat(stemQuery).isInstanceOf(StemQuery.class);
                    assertThat(terms(stemQuery)).containsExactlyInAnyOrder(forms);
                    BooleanQuery.Builder or = new BooleanQuery.Builder();
                    SynonymQuery.Builder synonym = new SynonymQuery.Builder(IndexSchema.TEXT);
                    for (String f : forms) {
                        or.add(new TermQuery(new Term(IndexSchema.TEXT, f)), BooleanClause.Occur.SHOULD);
                        synonym.addTerm(new Term(IndexSchema.TEXT, f));
                    }
                    Query reference = or.build();
                    // unscored, alone (the words' doc-id set) and behind a selective clause (the words' heap)
                    assertThat(searcher.count(stemQuery)).isEqualTo(searcher.count(reference)).isPositive();
                    assertThat(searcher.count(and(stemQuery, rare))).isEqualTo(searcher.count(and(reference, rare))).isPositive();
                    assertThat(searcher.count(and(stemQuery, common))).isEqualTo(searcher.count(and(reference, common)));
                    assertThat(searcher.count(not(common, stemQuery))).isEqualTo(searcher.count(not(common, reference)));
                    // scored: exactly the synonym query's BM25
                    TopDocs mine = searcher.search(stemQuery, 50);
                    TopDocs theirs = searcher.search(synonym.build(), 50);
                    assertThat(mine.scoreDocs).hasSameSizeAs(theirs.scoreDocs);
                    for (int i = 0; i < mine.scoreDocs.length; i++) {
                        assertThat(mine.scoreDocs[i].doc).isEqualTo(theirs.scoreDocs[i].doc);
                        assertThat(mine.scoreDocs[i].score).isEqualTo(theirs.scoreDocs[i].score);
                    }
                    // matches (what the highlighter reads) name the positions of the words, unscored too
                    Weight unscored = searcher.createWeight(searcher.rewrite(stemQuery), ScoreMode.COMPLETE_NO_SCORES, 1f);
                    ScoreDoc top = mine.scoreDocs[0];
                    LeafReaderContext leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(top.doc, reader.leaves()));
                    Matches matches = unscored.matches(leaf, top.doc - leaf.docBase);
                    assertThat(matches).isNotNull();
                    MatchesIterator it = matches.getMatches(IndexSchema.TEXT);
                    assertThat(it.next()).isTrue();
                    assertThat(it.startPosition()).isGreaterThanOrEqualTo(0);
                }
                assertThat(stems.query(new BytesRef("embargo"))).isNotInstanceOf(StemQuery.class);
                assertThat(searcher.count(stems.query(new BytesRef("embargo")))).isZero();
            }
        }
    }

    private static Query and(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.FILTER).build();
    }

    private static Query not(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.MUST_NOT).build();
    }

    private static List<String> terms(Query q) {
        List<String> out = new ArrayList<>();
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) out.add(t.text());
            }
        });
        return out;
    }
}
