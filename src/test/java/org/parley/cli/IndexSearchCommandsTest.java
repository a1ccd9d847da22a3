package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

        Run bad = run("search", "\"unclosed", "--index", index);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("close the quote");
    }
}
