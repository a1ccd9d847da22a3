package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.search.Json;

class IndexSearchCommandsTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = ParleyCommand.commandLine().execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void indexReportsASummaryAndIsIncremental() throws Exception {
        String index = tmp.resolve("index").toString();
        Run first = run("index", "--corpus", "corpus", "--index", index);
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("indexed 5 articles").contains("full build");
        assertThat(first.err()).contains("5/5 files");
        Run second = run("index", "--corpus", "corpus", "--index", index);
        assertThat(second.out()).contains("up to date");
    }

    @Test
    void indexReportsSkippedFiles() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("good.txt"), "Cambodia and Russia held talks in 2021.\n");
        Files.write(corpus.resolve("bad.txt"), new byte[0]);
        Run r = run("index", "--corpus", corpus.toString(), "--index", tmp.resolve("index").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("skipped 1 file(s)").contains("bad.txt: empty file");
    }

    @Test
    void missingCorpusFailsWithAMessage() {
        Run r = run("index", "--corpus", tmp.resolve("nope").toString(), "--index", tmp.resolve("index").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("corpus folder not found");
    }

    @Test
    void searchPrintsRankedHitsAndFacetsAndBuildsTheIndexWhenMissing() throws Exception {
        String index = tmp.resolve("index").toString();
        Run text = run("search", "Russia", "--index", index, "--corpus", "corpus");
        assertThat(text.exit()).isZero();
        assertThat(text.err()).contains("no index");
        assertThat(text.out()).containsPattern("\\d+ paragraph\\(s\\)").contains(" 1. ").contains("year:");

        Run json = run("search", "Russia", "--index", index, "--json", "--size", "3");
        JsonNode body = Json.mapper().readTree(json.out());
        assertThat(body.get("total").asInt()).isPositive();
        assertThat(body.get("hits")).hasSizeLessThanOrEqualTo(3);
        JsonNode first = body.get("hits").get(0);
        JsonNode span = first.get("highlights").get(0);
        assertThat(first.get("text").asText().substring(span.get("start").asInt(), span.get("end").asInt()))
                .isEqualToIgnoringCase("russia");
        assertThat(text.out()).containsIgnoringCase("[russia]"); // emphasis on a terminal, not HTML

        // years as the countries are listed, not as a Java list; no facet lines without values
        assertThat(text.out()).containsPattern("years: \\d{4}").doesNotContain("years: [");
        Run none = run("search", "zzqxqz", "--index", index);
        assertThat(none.exit()).isZero();
        assertThat(none.out()).startsWith("0 paragraph(s)").doesNotContain("country:", "year:", "speaker:");

        Run bad = run("search", "\"unclosed", "--index", index);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("close the quote");
    }

    @Test
    void searchRefusesANamedIndexFolderThatHoldsNoIndex() {
        Path missing = tmp.resolve("no-index-here");
        Run r = run("search", "Russia", "--index", missing.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no parley index there").doesNotContain("indexing");
        assertThat(missing).doesNotExist(); // nothing was built from ./corpus behind the user's back
    }

    @Test
    void searchPagesByPageAndByCursorLikeTheApi() throws Exception {
        String index = tmp.resolve("index").toString();
        assertThat(run("index", "--corpus", "corpus", "--index", index).exit()).isZero();
        JsonNode all = json(run("search", "--index", index, "--format", "json", "--size", "6"));
        long total = all.get("total").asLong();
        assertThat(total).isGreaterThan(6);
        JsonNode page2 = json(run("search", "--index", index, "--format", "json", "--size", "3", "--page", "2"));
        assertThat(ids(page2)).containsExactlyElementsOf(ids(all).subList(3, 6));

        JsonNode first = json(run("search", "--index", index, "--format", "json", "--size", "3"));
        String cursor = first.get("next_cursor").asText();
        JsonNode next = json(run("search", "--index", index, "--format", "json", "--size", "3", "--cursor", cursor));
        assertThat(ids(next)).containsExactlyElementsOf(ids(all).subList(3, 6));

        Run text = run("search", "--index", index, "--size", "3", "--page", "2");
        assertThat(text.out()).contains("page 2: 4-6").containsPattern("next page: --cursor \\S+");
        Run deep = run("search", "--index", index, "--page", "2000", "--size", "10");
        assertThat(deep.exit()).isEqualTo(2);
        assertThat(deep.err()).contains("use the cursor");
    }

    @Test
    void searchTakesAYearRangeAndGroupsByArticle() throws Exception {
        String index = tmp.resolve("index").toString();
        assertThat(run("index", "--corpus", "corpus", "--index", index).exit()).isZero();
        JsonNode ranged = json(run("search", "--index", index, "--format", "json", "--size", "100",
                "--year-from", "2000", "--year-to", "2015"));
        assertThat(ranged.get("total").asLong()).isPositive();
        for (JsonNode hit : ranged.get("hits")) {
            assertThat(hit.get("years")).anySatisfy(y -> assertThat(y.asInt()).isBetween(2000, 2015));
        }
        JsonNode grouped = json(run("search", "--index", index, "--format", "json", "--size", "100", "--group"));
        List<String> articles = new ArrayList<>();
        grouped.get("hits").forEach(h -> articles.add(h.get("article_id").asText()));
        assertThat(articles).doesNotHaveDuplicates().hasSize(5);

        Run backwards = run("search", "--index", index, "--year-from", "2020", "--year-to", "2010");
        assertThat(backwards.exit()).isEqualTo(2);
        assertThat(backwards.err()).contains("is after");
        Run notAYear = run("search", "--index", index, "--year-from", "soon");
        assertThat(notAYear.exit()).isEqualTo(2);
        assertThat(notAYear.err()).contains("--year-from must be a year");
    }

    @Test
    void searchWritesCsvLikeThePageDownload() throws Exception {
        String index = tmp.resolve("index").toString();
        assertThat(run("index", "--corpus", "corpus", "--index", index).exit()).isZero();
        Run csv = run("search", "Russia", "--index", index, "--format", "csv", "--size", "4");
        assertThat(csv.exit()).isZero();
        String[] lines = csv.out().split("\r\n");
        assertThat(lines[0]).startsWith("\"id\",\"article_id\",\"title\"");
        assertThat(lines).hasSize(5);
        JsonNode same = json(run("search", "Russia", "--index", index, "--format", "json", "--size", "4"));
        for (int i = 0; i < 4; i++) {
            assertThat(lines[i + 1]).startsWith("\"" + same.get("hits").get(i).get("id").asText() + "\",");
        }
    }

    @Test
    void helpListsTheTestCommandAndExtractExplainsItsFieldNames() {
        assertThat(run("--help").out()).containsPattern("(?m)^\\s+test\\s+Run every test");
        assertThat(run("extract", "--help").out()).contains("file_name").contains("ordinal");
    }

    @Test
    void buildProgressShowsRateElapsedAndWhatIsLeftAsPlainLinesOffATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        BuildProgress progress = new BuildProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> now[0]);
        progress.started(4, 0, 0);
        now[0] = 1_000_000_000L; // a file a second, each of 500 paragraphs
        progress.fileDone(1, 4, "a.txt", 500);
        now[0] = 6_000_000_000L;
        progress.fileDone(2, 4, "b.txt", 500);
        now[0] = 7_000_000_000L;
        progress.fileDone(3, 4, "c.txt", 500); // within 5 s of the last line: not printed
        now[0] = 8_000_000_000L;
        progress.fileDone(4, 4, "d.txt", 500);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("\r");
        assertThat(out.lines()).containsExactly(
                "parley: indexing 4 file(s) (0 unchanged, 0 removed)",
                "parley: 2/4 files 50%, 1,000 paragraphs (167/s), 6s elapsed, about 6s left",
                "parley: 4/4 files 100%, 2,000 paragraphs (250/s), 8s elapsed");
    }

    private static JsonNode json(Run r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }
}
