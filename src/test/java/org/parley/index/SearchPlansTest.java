package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.bench.BenchQuery;
import org.parley.bench.CorpusGenerator;
import org.parley.bench.QueryMix;
import org.parley.bench.SearchServiceEngine;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;
import org.parley.search.Hit;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SortOrder;

/**
 * The service's search plans (one pass for few matches; counts from a frequent stem's, with exclusions, alternatives
 * and under a filter; two conjunctions through a selective filter; first hits from a stem's ranked hits, or from a
 * top-N pass led by the matches its counting pass kept) against one plain Lucene search of the same query, on a
 * generated corpus large enough for every plan: the same hits in the same order with the same scores, the same
 * total, the same next page (by cursor and by number), and the same count for every facet value listed (Lucene's
 * {@link DrillSideways} as the oracle).
 */
class SearchPlansTest {
    private static final int PARAGRAPHS = 80_000;
    private static Path dir;
    private static LuceneSearchService service;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;
    private static StemVariants stems;
    private static final FacetsConfig CONFIG = IndexSchema.newFacetsConfig();
    private static DefaultSortedSetDocValuesReaderState state;

    @BeforeAll
    static void build() throws Exception {
        dir = Files.createTempDirectory("parley-plans-");
        new CorpusGenerator(11, Path.of("corpus")).generate(PARAGRAPHS, dir.resolve("corpus"));
        Path index = dir.resolve("index");
        new IndexBuilder(new IndexLocation(index)).build(dir.resolve("corpus"));
        service = LuceneSearchService.open(index);
        assertThat(service.awaitBackgroundWork(Duration.ofMinutes(2))).as("frequent stems counted").isTrue();
        reader = DirectoryReader.open(FSDirectory.open(new IndexLocation(index).current().orElseThrow()));
        searcher = new IndexSearcher(reader);
        stems = StemVariants.load(reader, IndexSchema.TEXT);
        state = new DefaultSortedSetDocValuesReaderState(reader, CONFIG);
    }

    @AfterAll
    static void close() throws IOException {
        if (service != null) service.close();
        if (reader != null) reader.close();
        if (dir != null) IndexLocation.deleteRecursively(dir);
    }

    @Test
    void everyPlanGivesTheHitsTotalsAndCountsOfOnePlainSearch() throws Exception {
        List<SearchRequest> requests = new ArrayList<>();
        for (BenchQuery q : QueryMix.build(dir.resolve("corpus"), 120, 5, 200)) requests.add(SearchServiceEngine.request(q));
        requests.addAll(frequentWordRequests(new Random(3)));
        int wide = 0;
        for (SearchRequest r : requests) {
            SearchResult ours = service.search(r);
            Reference theirs = reference(r);
            String what = r.query() + " " + r.filters() + " " + r.yearFrom() + "-" + r.yearTo() + " " + r.sort();
            assertThat(ours.total()).as("total of %s", what).isEqualTo(theirs.total);
            assertThat(ours.hits().stream().map(Hit::id).toList()).as("hits of %s", what).isEqualTo(theirs.ids);
            for (int i = 0; i < ours.hits().size() && r.sort() == SortOrder.RELEVANCE; i++) {
                assertThat(ours.hits().get(i).score()).as("score of hit %d of %s", i, what).isEqualTo(theirs.scores.get(i));
            }
            for (Facet f : ours.facets()) {
                String dim = f.dim().param();
                for (FacetValue v : f.values()) {
                    Number expected = theirs.facets.getSpecificValue(dim, v.value());
                    assertThat(v.count()).as("%s=%s under %s", dim, v.value(), what).isEqualTo(expected.longValue());
                }
            }
            // the next page by its cursor, and by its number: the reference's next ten
            if (ours.nextCursor() != null) {
                List<String> next = reference(r.withPage(1, 2 * r.size(), null)).ids;
                next = next.subList(r.size(), next.size());
                assertThat(service.search(r.withPage(1, r.size(), ours.nextCursor())).hits().stream().map(Hit::id).toList())
                        .as("page 2 by cursor, %s", what).isEqualTo(next);
                assertThat(service.search(r.withPage(2, r.size(), null)).hits().stream().map(Hit::id).toList())
                        .as("page 2, %s", what).isEqualTo(next);
            }
            // without facets: the same hits and total (the counts may come along, and then must be right)
            SearchResult lean = service.searchWithoutFacets(r);
            assertThat(lean.total()).as("total without facets, %s", what).isEqualTo(theirs.total);
            assertThat(lean.hits().stream().map(Hit::id).toList()).as("hits without facets, %s", what).isEqualTo(theirs.ids);
            if (theirs.baseMatches > LuceneSearchService.ONE_PASS_MATCHES) wide++;
        }
        assertThat(wide).as("searches whose query alone is past the one-pass bound").isGreaterThan(40);
    }

    /**
     * The most frequent words, alone and excluding or OR-ing each other, unfiltered and under filters of every kind:
     * the counted stems' plans.
     */
    private static List<SearchRequest> frequentWordRequests(Random random) throws IOException {
        List<String> words = frequentWords(12);
        List<String> countries = topValues(IndexSchema.COUNTRY, 6);
        List<String> speakers = topValues(IndexSchema.SPEAKER, 6);
        List<SearchRequest> out = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String a = words.get(random.nextInt(words.size())), b = words.get(random.nextInt(words.size()));
            String q = switch (i % 4) {
                case 0 -> a;
                case 1 -> a + " NOT " + b;
                case 2 -> a + " OR " + b;
                default -> a + " AND " + b;
            };
            Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
            int kinds = random.nextInt(8);
            if ((kinds & 1) != 0) filters.put(Dimension.COUNTRY, List.of(countries.get(random.nextInt(countries.size()))));
            if ((kinds & 2) != 0) filters.put(Dimension.SPEAKER, List.of(speakers.get(random.nextInt(speakers.size()))));
            Integer from = (kinds & 4) != 0 ? 1990 + random.nextInt(30) : null;
            Integer to = from == null ? null : from + random.nextInt(20);
            SortOrder sort = random.nextInt(4) == 0 ? SortOrder.DATE_DESC : SortOrder.RELEVANCE;
            out.add(new SearchRequest(q, filters, from, to, sort, 1, 10, null, false, SearchRequest.DEFAULT_FACET_SIZE));
        }
        return out;
    }

    /** The words in the most paragraphs. */
    private static List<String> frequentWords(int n) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, IndexSchema.TEXT);
        List<Map.Entry<String, Integer>> all = new ArrayList<>();
        TermsEnum it = terms.iterator();
        for (BytesRef t = it.next(); t != null; t = it.next()) {
            String w = t.utf8ToString();
            if (w.chars().allMatch(Character::isLetter) && w.length() > 2) all.add(Map.entry(w, it.docFreq()));
        }
        all.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> out = new ArrayList<>();
        for (var e : all) {
            if (out.size() == n) break;
            try {
                new QueryParserFactory().parse(e.getKey(), s -> s, stems);
                out.add(e.getKey());
            } catch (InvalidQueryException common) {
                // a common word ("the"), kept for phrases only
            }
        }
        return out;
    }

    private static List<String> topValues(String dim, int n) throws IOException {
        Facets all = new org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts(state);
        var top = all.getTopChildren(n, dim);
        List<String> out = new ArrayList<>();
        for (var lv : top.labelValues) out.add(lv.label);
        return out;
    }

    private record Reference(long total, List<String> ids, List<Float> scores, Facets facets, long baseMatches) {
    }

    /** The request as one plain Lucene search: its drill-down query, sorted, and Lucene's drill-sideways counts. */
    private static Reference reference(SearchRequest r) throws Exception {
        Query base = r.query().isBlank() ? IndexSchema.allParagraphs()
                : new QueryParserFactory().parse(r.query(), s -> s, stems);
        DrillDownQuery query = new DrillDownQuery(CONFIG, base);
        for (String v : r.filter(Dimension.COUNTRY)) query.add(IndexSchema.COUNTRY, v);
        for (String v : r.filter(Dimension.SPEAKER)) query.add(IndexSchema.SPEAKER, v);
        int from = r.yearFrom() == null ? Integer.MIN_VALUE : r.yearFrom(), to = r.yearTo() == null ? Integer.MAX_VALUE : r.yearTo();
        if (r.yearFrom() == null && r.yearTo() == null) {
            for (String v : r.filter(Dimension.YEAR)) query.add(IndexSchema.YEAR, v);
        } else if (!r.filter(Dimension.YEAR).isEmpty()) { // a selected year within the range
            BooleanQuery.Builder years = new BooleanQuery.Builder();
            for (String y : r.filter(Dimension.YEAR)) {
                if (Integer.parseInt(y) >= from && Integer.parseInt(y) <= to) {
                    years.add(new TermQuery(DrillDownQuery.term(CONFIG.getDimConfig(IndexSchema.YEAR).indexFieldName, IndexSchema.YEAR, y)),
                            BooleanClause.Occur.SHOULD);
                }
            }
            query.add(IndexSchema.YEAR, years.build());
        } else {
            query.add(IndexSchema.YEAR, IndexSchema.yearRange(from, to));
        }
        Sort sort = LuceneSearchService.sort(r.sort());
        TopDocs top = searcher.search(query, new TopFieldCollectorManager(sort, r.size(), null, Integer.MAX_VALUE));
        List<String> ids = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        for (ScoreDoc d : top.scoreDocs) {
            var doc = searcher.storedFields().document(d.doc);
            ids.add(IndexSchema.paragraphId(doc.get(IndexSchema.ARTICLE_ID), doc.getField(IndexSchema.ORDINAL).numericValue().intValue()));
            if (r.sort() == SortOrder.RELEVANCE) scores.add((Float) ((FieldDoc) d).fields[0]);
        }
        DrillSideways.ConcurrentDrillSidewaysResult<org.apache.lucene.search.TopFieldDocs> sideways = new DrillSideways(searcher, CONFIG, state)
                .search(query, new TopFieldCollectorManager(sort, 1, null, Integer.MAX_VALUE));
        return new Reference(top.totalHits.value(), ids, scores, sideways.facets, searcher.count(base));
    }
}
