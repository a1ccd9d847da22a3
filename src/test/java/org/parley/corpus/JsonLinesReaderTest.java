package org.parley.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.corpus.Fixtures.bytes;
import static org.parley.corpus.Fixtures.enriched;
import static org.parley.corpus.Fixtures.texts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {
    @TempDir
    Path dir;

    private final CorpusReader reader = new CorpusReader();

    @Test
    void oneArticlePerLineAndEveryBadLineReportedWithItsNumber() throws Exception {
        Path f = dir.resolve("export.jsonl");
        Files.write(f, bytes("export.jsonl"));
        FileArticles r = reader.readAll(f);
        assertThat(r.format()).isEqualTo(InputFormat.JSONL);
        assertThat(r.articles()).extracting(Article::id).containsExactly("export-a-101", "export-a-102",
                "export-" + ArticleIds.hash("https://wire.example/2024/09/14/benin"), "export-a-101-2");
        assertThat(r.skipped()).extracting(SkippedInput::where).containsExactly("line 3", "line 4", "line 6", "line 9");
        assertThat(r.skipped().get(0).reason()).startsWith("parse error");
        assertThat(r.skipped().get(1).reason()).isEqualTo("parse error: not a JSON object");
        assertThat(r.skipped().get(2).reason()).contains("empty after extraction");
        assertThat(r.skipped().get(3).reason()).startsWith("parse error");

        Article ghana = r.articles().get(0);
        assertThat(ghana.format()).isEqualTo(InputFormat.JSONL);
        assertThat(ghana.fileName()).isEqualTo("export.jsonl");
        assertThat(ghana.title()).isEqualTo("Ghana and Togo Reopen Border Crossing");
        assertThat(ghana.published()).isEqualTo(LocalDate.of(2024, 9, 12));
        assertThat(ghana.author()).isEqualTo("Kofi Mensah");
        assertThat(ghana.source()).isEqualTo("West Africa Wire");
        assertThat(ghana.url()).isEqualTo("https://wire.example/2024/09/12/ghana-togo");
        assertThat(texts(ghana, ParagraphKind.BODY)).containsExactly(
                "Ghana and Togo reopened the Aflao crossing on Thursday, closed since 2020, the interior ministries said.",
                "\"Trade will resume from Monday,\" said Interior Minister Ama Boateng.");
        assertThat(texts(ghana, ParagraphKind.BYLINE)).containsExactly("By Kofi Mensah");
        assertThat(enriched(ghana, "Aflao").metadata().countries()).contains("GH", "TG");
        assertThat(enriched(ghana, "Aflao").metadata().years()).contains(2020);
        assertThat(enriched(ghana, "Trade will resume").metadata().speakers()).isNotEmpty();

        Article senegal = r.articles().get(1);
        assertThat(senegal.author()).isEqualTo("Awa Diop, Jean Faye");
        assertThat(senegal.published()).isEqualTo(LocalDate.of(2024, 9, 13));
        assertThat(texts(senegal, ParagraphKind.BODY)).containsExactly(
                "Senegal hosted talks with Mauritania on fishing rights in Dakar on Friday.",
                "The two countries last signed a fisheries accord in 2018, officials said.");
        assertThat(enriched(senegal, "fisheries accord").metadata().years()).contains(2018);

        Article benin = r.articles().get(2);
        assertThat(benin.published()).isEqualTo(LocalDate.of(2024, 9, 14)); // epoch seconds, UTC
        assertThat(benin.author()).isNull();
        assertThat(texts(benin, ParagraphKind.BODY)).containsExactly(
                "Benin signed a power supply deal with Nigeria on Saturday, the energy ministry said.");
        assertThat(enriched(benin, "power supply").metadata().countries()).contains("BJ", "NG");
    }

    @Test
    void aLineOverTheLimitIsReportedAndTheRestRead() throws Exception {
        String big = "{\"id\":\"big\",\"text\":\"" + "word ".repeat(2000) + "\"}";
        String ok = "{\"id\":\"ok\",\"title\":\"Fine\",\"text\":\"Short text about Fiji and Tonga.\"}";
        Path f = dir.resolve("big.jsonl");
        Files.writeString(f, ok + "\n" + big + "\n" + ok.replace("\"ok\"", "\"ok2\"") + "\n");
        FileArticles r = new CorpusReader(CorpusLimits.defaults().withJsonLineBytes(1000)).readAll(f);
        assertThat(r.articles()).extracting(Article::id).containsExactly("big-ok", "big-ok2");
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.where()).isEqualTo("line 2");
            assertThat(s.reason()).contains("too large").contains("limit 1000");
        });
    }

    @Test
    void textAsAListOfParagraphsIsReadAndAFieldOfTheWrongTypeIsNamedInTheReport() throws Exception {
        Path f = dir.resolve("types.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"id\":\"list\",\"title\":\"Port reopens\",\"text\":[\"The port reopened on Monday.\",\"Ships queued outside.\"]}",
                "{\"id\":\"obj\",\"text\":{\"en\":\"An object is no text.\"}}",
                "{\"id\":\"cut\",\"title\":\"Cut short\",\"text\":\"The line ends before its close",
                "{\"id\":\"ok\",\"body\":\"A body field is text too, and this one is fine.\"}"));
        FileArticles r = reader.readAll(f);
        // a list of strings under "text" (a common export shape) was refused: 'no "text", "paragraphs" or "html"'
        assertThat(r.articles()).extracting(Article::id).containsExactly("types-list", "types-ok");
        assertThat(texts(r.articles().get(0), ParagraphKind.BODY)).containsExactly("The port reopened on Monday.", "Ships queued outside.");
        assertThat(r.skipped()).extracting(SkippedInput::where).containsExactly("line 2", "line 3");
        assertThat(r.skipped().get(0).reason()).isEqualTo("parse error: \"text\" is an object, not a string or a list of strings");
        // Jackson's parser location ("[Source: REDACTED (`StreamReadFeature...` disabled); line: 1, column: 1]") says
        // nothing to the reader of the report: the line number is the report's own
        assertThat(r.skipped().get(1).reason()).startsWith("parse error: the line ends inside its JSON (cut off?): Unexpected end-of-input")
                .doesNotContain("Source")
                .doesNotContain("REDACTED").doesNotContain("column");
    }

    @Test
    void aFileWithNoGoodLineFailsWithTheReasons() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{oops\n{\"title\":\"x\"}\n");
        assertThatThrownBy(() -> reader.readAll(f)).isInstanceOf(CorpusException.class)
                .hasMessageContaining("no articles").hasMessageContaining("line 1: parse error").hasMessageContaining("line 2: empty");
        // and bytes already read give the same articles as the stream
        Files.write(f, bytes("export.jsonl"));
        assertThat(reader.parseAll("bad.jsonl", Files.readAllBytes(f)).articles()).isEqualTo(reader.readAll(f).articles());
        assertThatThrownBy(() -> reader.parse("export.jsonl", "{}".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("readAll");
    }

    @Test
    void datesAsExportersWriteThem() throws Exception {
        // MongoDB's {"$date": ...} and Unix time as a string were no date at all.
        String[][] cases = {
                {"{\"$date\": \"2026-12-07T10:00:00Z\"}", "2026-12-07"},
                {"{\"$date\": 1796637600000}", "2026-12-07"},
                {"{\"$date\": {\"$numberLong\": \"1796637600000\"}}", "2026-12-07"},
                {"\"1796637600\"", "2026-12-07"},
                {"1796637600", "2026-12-07"},
                {"\"Dec. 7, 2026\"", "2026-12-07"},
                {"\"07/12/2026\"", null}, // day or month first: nothing says which
                {"\"2026\"", null},
        };
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < cases.length; i++) {
            lines.append("{\"id\": \"d").append(i).append("\", \"published\": ").append(cases[i][0])
                    .append(", \"text\": \"The envoys met on Monday to review the agreement.\"}\n");
        }
        Path f = dir.resolve("dates.jsonl");
        Files.writeString(f, lines.toString());
        FileArticles r = reader.readAll(f);
        assertThat(r.skipped()).isEmpty();
        for (int i = 0; i < cases.length; i++) {
            assertThat(r.articles().get(i).published()).as(cases[i][0]).isEqualTo(cases[i][1] == null ? null : LocalDate.parse(cases[i][1]));
        }
    }

    @Test
    void wordPressRestExportsAndMarkupOrEntitiesInTheTextAreRead() throws Exception {
        // WordPress's REST export ({"title": {"rendered": ...}, "content": {"rendered": "<p>..."}}) was refused line by
        // line ('"content" is an object'); markup in "text" was indexed with its tags ("<p>The minister ...</p>"), and
        // entities as written ("Talks &amp; trade").
        String lines = "{\"id\": 101, \"date\": \"2026-12-07T10:00:00\", \"link\": \"https://blog.example/2026/12/07/talks/\", "
                + "\"title\": {\"rendered\": \"Talks &#8211; day two\"}, \"content\": {\"rendered\": \"<p>Delegates met for a second day "
                + "of talks on Monday.</p>\\n<p>&#8220;We made progress,&#8221; one said.</p>\\n\", \"protected\": false}}\n"
                + "{\"id\": \"h1\", \"title\": \"Minister visits\", \"text\": \"<p>The minister arrived on Monday for talks on trade.</p><p>She leaves on Wednesday.</p>\"}\n"
                + "{\"id\": \"e1\", \"title\": \"Visit\", \"text\": \"Talks &amp; trade: the minister&#8217;s visit went well, AT&T and R&D; staff said.\"}\n"
                + "{\"id\": \"p1\", \"title\": \"Maths\", \"text\": \"Officials said 3 < 5 and 7 > 2, and that the vote passed.\"}\n";
        Path f = dir.resolve("wp.jsonl");
        Files.writeString(f, lines);
        FileArticles r = reader.readAll(f);
        assertThat(r.skipped()).isEmpty();
        Article wp = r.articles().get(0);
        assertThat(wp.title()).isEqualTo("Talks – day two");
        assertThat(wp.url()).isEqualTo("https://blog.example/2026/12/07/talks/");
        assertThat(wp.published()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(texts(wp, ParagraphKind.BODY)).containsExactly("Delegates met for a second day of talks on Monday.", "“We made progress,” one said.");
        assertThat(texts(r.articles().get(1), ParagraphKind.BODY)).containsExactly(
                "The minister arrived on Monday for talks on trade.", "She leaves on Wednesday.");
        assertThat(texts(r.articles().get(2), ParagraphKind.BODY)).containsExactly(
                "Talks & trade: the minister’s visit went well, AT&T and R&D; staff said.");
        assertThat(texts(r.articles().get(3), ParagraphKind.BODY)).containsExactly( // no tags: text as written
                "Officials said 3 < 5 and 7 > 2, and that the vote passed.");
    }

    @Test
    void aCutOffLastLineIsReportedAsCutOffAndTheRestKept() throws Exception {
        // A byte-order mark, CRLF line ends, and the last line cut off mid-string: the report said only
        // 'Unexpected end-of-input in VALUE_STRING'.
        String lines = "\uFEFF{\"id\": \"a1\", \"text\": \"Ports reopened on Monday after a three-day strike.\"}\r\n"
                + "{\"id\": \"a2\", \"text\": \"The foreign ministers met in the capital.\"}\r\n"
                + "{\"id\": \"a3\", \"text\": \"This line was cut o";
        Path f = dir.resolve("cut.jsonl");
        Files.writeString(f, lines);
        FileArticles r = reader.readAll(f);
        assertThat(r.articles()).extracting(Article::id).containsExactly("cut-a1", "cut-a2");
        assertThat(r.skipped()).extracting(SkippedInput::describe).containsExactly(
                "cut.jsonl (line 3): parse error: the line ends inside its JSON (cut off?): Unexpected end-of-input in VALUE_STRING");
    }

    @Test
    void aJsonArrayOfArticlesAndPrettyPrintedObjectsAreRead() throws Exception {
        // export.json as most tools write it, an array of objects: refused whole ('unsupported type: a JSON array');
        // a pretty-printed object: every line a parse error, no articles.
        String array = "[\n  {\"id\": \"a1\", \"title\": \"Ports reopen\", \"published\": \"2026-12-07\",\n"
                + "   \"text\": \"Ports reopened on Monday after a three-day strike.\"},\n"
                + "  {\"id\": \"a2\", \"title\": \"No text\"},\n"
                + "  {\"id\": \"a3\", \"paragraphs\": [\"The foreign ministers met in the capital.\", \"Talks resume in March, officials said.\"]}\n]\n";
        Path f = dir.resolve("export.json");
        Files.writeString(f, array);
        FileArticles r = reader.readAll(f);
        assertThat(r.articles()).extracting(Article::id).containsExactly("export-a1", "export-a3");
        assertThat(r.articles().get(0).published()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(texts(r.articles().get(1), ParagraphKind.BODY)).containsExactly(
                "The foreign ministers met in the capital.", "Talks resume in March, officials said.");
        assertThat(r.skipped()).extracting(SkippedInput::where).containsExactly("item 2");

        Path pretty = dir.resolve("one.json");
        Files.writeString(pretty, "{\n  \"title\": \"Envoys meet\",\n  \"text\": \"The envoys met again on Monday.\"\n}\n");
        assertThat(reader.readAll(pretty).articles()).singleElement().satisfies(a -> assertThat(a.title()).isEqualTo("Envoys meet"));

        // cut off inside the third element: the first two are kept, the break reported
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, array.substring(0, array.indexOf("Talks resume")));
        FileArticles c = reader.readAll(cut);
        assertThat(c.articles()).extracting(Article::id).containsExactly("cut-a1");
        assertThat(c.skipped()).extracting(SkippedInput::where).containsExactly("item 2", "after item 3");
        assertThat(c.skipped().get(1).reason()).startsWith("parse error").endsWith("(the rest of the file is not read)");
    }
}
