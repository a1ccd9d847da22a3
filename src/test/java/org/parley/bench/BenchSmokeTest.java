package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark, small: a 5k-paragraph corpus, a short query mix, every stage run in-process. Asserts that it
 * completes and reports figures; never asserts timings.
 */
class BenchSmokeTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void runsTheWholeBenchmarkOnASmallCorpus() throws Exception {
        Path corpus = tmp.resolve("corpus");
        CorpusGenerator.Summary s = new CorpusGenerator(7, Path.of("corpus")).generate(5000, corpus);
        assertThat(s.paragraphs()).isEqualTo(5000);

        ParleyBackend parley = ParleyBackends.lucene();
        BenchRunner.Options o = new BenchRunner.Options(corpus, 30, List.of(1, 2), 5, 0, 1, 42, false, false,
                parley == null, tmp.resolve("out"), "1g", List.of(), 2, true, false, "jdk", 1, false, 2, false);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                log.write(b);
                System.out.write(b);
            }
        }, true, StandardCharsets.UTF_8);
        Map<String, Object> report = new BenchRunner(o, parley, both).run();

        Map<String, Object> corpusInfo = (Map<String, Object>) report.get("corpus");
        assertThat(((Number) corpusInfo.get("paragraphs")).longValue()).isGreaterThan(4900);
        Map<String, Object> indexing = (Map<String, Object>) report.get("indexing");
        for (String k : List.of("readParse", "enrichAlone", "sqlitePlain", "sqliteEnriched")) {
            assertThat(((Number) ((Map<String, Object>) indexing.get(k)).get("paragraphsPerSec")).longValue()).as(k).isPositive();
        }
        for (String k : List.of("sqlitePlain", "sqliteEnriched")) {
            // two timed runs each; the reported figures are one of them (the median by wall time)
            Map<String, Object> figures = (Map<String, Object>) indexing.get(k);
            assertThat((List<Object>) figures.get("runsSeconds")).as(k).hasSize(2).contains(figures.get("seconds"));
        }
        Map<String, Object> queries = (Map<String, Object>) report.get("queries");
        List<LatencyStats> sqlite = (List<LatencyStats>) queries.get("sqlite");
        assertThat(sqlite).hasSize(2);
        for (LatencyStats st : sqlite) {
            assertThat(st.queries()).isEqualTo(30);
            assertThat(st.errors()).isZero();
            assertThat(st.p50()).isPositive();
            assertThat(st.qps()).isPositive();
            assertThat(st.totalHits()).isPositive();
        }
        if (parley != null) {
            assertThat(((Number) ((Map<String, Object>) indexing.get("parley")).get("paragraphsPerSec")).longValue()).isPositive();
            // where the build's time went, phase by phase, and what its background merges cost
            Map<String, Object> phases = (Map<String, Object>) ((Map<String, Object>) indexing.get("parley")).get("phases");
            assertThat(phases).containsKeys("scanSeconds", "indexSeconds", "flushSeconds", "commitSeconds", "closeSeconds",
                    "verifySeconds", "merges", "mergedMb", "mergeCpuSeconds", "mergeStallSeconds");
            assertThat(((Number) phases.get("indexSeconds")).doubleValue()).isPositive();
            List<LatencyStats> in = (List<LatencyStats>) queries.get("parleyInProcess");
            assertThat(in).hasSize(2).allSatisfy(st -> {
                assertThat(st.errors()).isZero();
                assertThat(st.qps()).isPositive();
            });
            List<LatencyStats> http = (List<LatencyStats>) queries.get("parleyHttp");
            assertThat(http).hasSize(2).allSatisfy(st -> assertThat(st.errors()).isZero());
            assertThat((List<?>) queries.get("ratios")).hasSize(4);

            // `bench queries`: CPU per query of the same mix on the index the run left behind
            ByteArrayOutputStream profile = new ByteArrayOutputStream();
            try (org.parley.index.LuceneSearchService service = org.parley.index.LuceneSearchService.open(tmp.resolve("out/work/index"))) {
                // warmed up for at least one round and one second: as many rounds as a second takes
                QueryCpuProfile.run(service, () -> 0, QueryMix.read(tmp.resolve("out/queries.json")), new QueryCpuProfile.Warmup(1, 1),
                        1, 8, new PrintStream(profile, true, StandardCharsets.UTF_8));
            }
            assertThat(profile.toString(StandardCharsets.UTF_8)).contains("CPU ms per query", "30 queries x 1 rounds",
                    "filters 0", "slowest:").containsPattern("after \\d+ warm-up rounds, [1-9]\\d* s\\)");

            // `bench compare`: this build against itself, each in its own class loader, query by query
            ByteArrayOutputStream compared = new ByteArrayOutputStream();
            String self = System.getProperty("java.class.path");
            BuildComparison.run(tmp.resolve("out/work/index"), tmp.resolve("out/queries.json"), self, self, 1, 2, 3,
                    new PrintStream(compared, true, StandardCharsets.UTF_8));
            assertThat(compared.toString(StandardCharsets.UTF_8)).contains("30 queries x 2 rounds", "dearest queries")
                    .containsPattern("all +30 queries  A \\d+\\.\\d+ ms  B \\d+\\.\\d+ ms  B/A \\d")
                    .containsPattern("kind \\S+ +\\d+ queries").containsPattern("filters 0 +\\d+ queries");
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Queries", "sqlite-fts5");
        assertThat(tmp.resolve("out/latest.json")).isNotEmptyFile();
        assertThat(tmp.resolve("out/queries.json")).isNotEmptyFile();
    }

    @Test
    void theGeneratorIsReproducibleAndWritesTheCorpusFormat() throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        new CorpusGenerator(11, Path.of("corpus")).generate(300, a);
        new CorpusGenerator(11, Path.of("corpus")).generate(300, b);
        Path first = a.resolve("d0000/a0000000.txt");
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(b.resolve("d0000/a0000000.txt")));
        String text = Files.readString(first);
        assertThat(text).startsWith("---\ntitle: ").contains("\ndate: ");
        int paragraphs = (int) text.substring(text.indexOf("\n---\n") + 5).lines().count();
        assertThat(paragraphs).isBetween(5, 40);
        // Without the bundled corpus the generator falls back to the word list alone.
        assertThat(new CorpusGenerator(11, tmp.resolve("missing")).generate(50, tmp.resolve("c")).paragraphs()).isEqualTo(50);
    }

    @Test
    void extractionTimesEnrichmentApartWhenAsked() throws Exception {
        Path corpus = tmp.resolve("e");
        new CorpusGenerator(5, Path.of("corpus")).generate(400, corpus);
        BenchCorpus.Extraction read = BenchCorpus.extract(corpus, false);
        BenchCorpus.Extraction enriched = BenchCorpus.extract(corpus, true);
        assertThat(read.paragraphs()).isEqualTo(400);
        assertThat(enriched.paragraphs()).isEqualTo(read.paragraphs());
        assertThat(enriched.articles()).isEqualTo(read.articles()).isPositive();
        assertThat(read.enrichCpuSeconds()).isZero();
        assertThat(enriched.enrichCpuSeconds()).isPositive();
        assertThat(enriched.cpuSeconds()).isPositive();
    }

    @Test
    void theQueryMixCoversEveryKindAndIsSeeded() throws Exception {
        Path corpus = tmp.resolve("mix");
        new CorpusGenerator(3, Path.of("corpus")).generate(1000, corpus);
        List<BenchQuery> mix = QueryMix.build(corpus, 200, 42, 500);
        assertThat(mix).hasSize(200);
        assertThat(mix).extracting(BenchQuery::kind)
                .contains("term-high", "term-medium", "term-low", "phrase", "and", "or", "not");
        assertThat(mix.stream().anyMatch(q -> q.filterCount() > 0)).isTrue();
        assertThat(QueryMix.build(corpus, 200, 42, 500)).isEqualTo(mix);
    }

    @Test
    void percentilesUseNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) nanos[i] = (i + 1) * 1_000_000L;
        LatencyStats s = LatencyStats.of("x", 1, nanos, 0, 1_000_000_000L, 0);
        assertThat(s.p50()).isEqualTo(50.0);
        assertThat(s.p95()).isEqualTo(95.0);
        assertThat(s.p99()).isEqualTo(99.0);
        assertThat(s.qps()).isEqualTo(100.0);
    }
}
