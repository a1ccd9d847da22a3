package org.parley.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {
    @TempDir
    Path dir;

    private final CorpusReader reader = new CorpusReader();

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void readsUtf8() throws Exception {
        Article a = reader.read(write("a.txt", "Title Of Story\n“Café” talks in Hà Nội.".getBytes(StandardCharsets.UTF_8)));
        assertThat(a.paragraphs().get(1).text()).isEqualTo("“Café” talks in Hà Nội.");
    }

    @Test
    void fallsBackToWindows1252ForLegacyFiles() throws Exception {
        byte[] bytes = "Title Of Story\n“Café” talks resumed.".getBytes(Charset.forName("windows-1252"));
        Article a = reader.read(write("b.txt", bytes));
        assertThat(a.paragraphs().get(1).text()).isEqualTo("“Café” talks resumed.");
    }

    @Test
    void readsUtf16WithByteOrderMark() throws Exception {
        byte[] body = "Title Of Story\nTalks resumed in Kyiv.".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertThat(reader.read(write("c.txt", bytes)).paragraphs().get(1).text()).isEqualTo("Talks resumed in Kyiv.");
        assertThat(reader.read(write("c2.txt", ("\uFEFFTitle Of Story\nText.").getBytes(StandardCharsets.UTF_16BE)))
                .paragraphs()).hasSize(2);
    }

    @Test
    void refusesEmptyBlankAndBinaryFiles() throws Exception {
        assertThatThrownBy(() -> reader.read(write("e.txt", new byte[0]))).isInstanceOf(CorpusException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.read(write("w.txt", " \n\n \t\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CorpusException.class).hasMessageContaining("empty");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> reader.read(write("i.txt", png))).isInstanceOf(CorpusException.class).hasMessageContaining("binary");
    }

    @Test
    void refusesFilesOverTheSizeLimitAndMissingFiles() throws Exception {
        CorpusReader small = new CorpusReader(10);
        assertThatThrownBy(() -> small.read(write("big.txt", "0123456789ABC".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CorpusException.class).hasMessageContaining("too large");
        assertThatThrownBy(() -> reader.read(dir.resolve("gone.txt"))).isInstanceOf(CorpusException.class).hasMessageContaining("disappeared");
    }

    @Test
    void handlesAOneMegabyteLineAndAFiftyMegabyteFile() throws Exception {
        String longLine = "word ".repeat(200_000) + "end.";
        Article one = reader.read(write("long.txt", ("Long One Title\n" + longLine).getBytes(StandardCharsets.UTF_8)));
        assertThat(one.paragraphs().get(1).text()).hasSize(longLine.length());

        StringBuilder big = new StringBuilder("A Very Big File\n");
        String para = "The delegation discussed trade, investment and security cooperation at length today.\n";
        while (big.length() < 50 * 1024 * 1024) big.append(para);
        Article huge = reader.read(write("huge.txt", big.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(huge.paragraphs().size()).isGreaterThan(500_000);
    }

    @Test
    void listsTextFilesSortedSkippingHiddenOnes() throws Exception {
        write("b.txt", "x".getBytes(StandardCharsets.UTF_8));
        write("a.txt", "x".getBytes(StandardCharsets.UTF_8));
        write(".hidden.txt", "x".getBytes(StandardCharsets.UTF_8));
        write("photo.jpg", "x".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir.resolve("sub"));
        write("sub/c.txt", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(CorpusReader.listFiles(dir)).extracting(p -> dir.relativize(p).toString())
                .containsExactly("a.txt", "b.txt", "sub/c.txt");
        assertThat(CorpusReader.listFiles(List.of(dir.resolve("a.txt")))).hasSize(1);
    }

    @Test
    void aPageSavedCompleteIsOneArticleAtItsAddressAndItsFilesFolderIsNotRead() throws Exception {
        // "Save as: Web page, complete" writes Talks.html and Talks_files/ (frames, scripts, styles, images): the
        // folder's ad frame and saved_resource.html were indexed as articles, its .css/.js/.jpg each reported as an
        // unsupported type, and the page's address (only in the browser's "saved from url" comment) was lost.
        String page = "<!DOCTYPE html>\n<!-- saved from url=(0058)https://frontier-times.example/world/ceasefire-holds -->\n"
                + "<html><head><title>Ceasefire holds for a second week</title>"
                + "<link rel=\"stylesheet\" href=\"./Talks_files/main.css\"></head><body><div class=\"story\">"
                + "<h1>Ceasefire holds for a second week</h1><p>The ceasefire along the northern front held for a second week "
                + "on Sunday, monitors said, although both sides reported shooting near the river.</p></div></body></html>";
        write("Talks.html", page.getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir.resolve("Talks_files"));
        write("Talks_files/ad_frame.html", "<html><body><div>Advertisement placeholder for the frame on the right side</div></body></html>"
                .getBytes(StandardCharsets.UTF_8));
        write("Talks_files/saved_resource.html", "body{font-family:serif}".getBytes(StandardCharsets.UTF_8));
        write("Talks_files/main.css", "body{font-family:serif}".getBytes(StandardCharsets.UTF_8));
        write("Talks_files/photo.jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, 0, 1});
        // a folder that merely ends in _files, with no page of its name beside it, is read as any folder
        Files.createDirectories(dir.resolve("press_files"));
        write("press_files/statement.txt", "Statement on the ceasefire\n\nThe ministry welcomed the ceasefire on Sunday.\n"
                .getBytes(StandardCharsets.UTF_8));

        CorpusReader.Listing l = CorpusReader.list(dir);
        assertThat(l.files()).extracting(p -> dir.relativize(p).toString()).containsExactly("Talks.html", "press_files/statement.txt");
        assertThat(l.skipped()).extracting(SkippedInput::describe)
                .containsExactly("Talks_files/: resources of the saved page Talks.html (not read)");
        Article a = reader.read(dir.resolve("Talks.html"));
        assertThat(a.url()).isEqualTo("https://frontier-times.example/world/ceasefire-holds");
        assertThat(a.title()).isEqualTo("Ceasefire holds for a second week");
        // a canonical link, when the page has one, is still trusted over the comment
        Article c = reader.parse("c.html", page.replace("<title>", "<link rel=\"canonical\" href=\"https://frontier-times.example/c\"><title>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(c.url()).isEqualTo("https://frontier-times.example/c");
    }

    @Test
    void bundledCorpusParsesIntoTitledArticles() throws Exception {
        List<Path> files = CorpusReader.listFiles(Path.of("corpus"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path f : files) {
            Article a = reader.read(f);
            assertThat(a.title()).isNotBlank();
            assertThat(a.searchableParagraphs()).isNotEmpty();
        }
    }

    @Test
    void oneBadByteInUtf8TextIsReplacedAndReportedNotTheWholeFileReadAsWindows1252() throws Exception {
        byte[] good = "Café talks\n\nThe ministers of Côte d’Ivoire and Ghana met in Abidjan.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 1];
        int cut = good.length - 10;
        System.arraycopy(good, 0, bad, 0, cut);
        bad[cut] = (byte) 0xFF; // not UTF-8 anywhere
        System.arraycopy(good, cut, bad, cut + 1, good.length - cut);
        var read = new CorpusReader().parseAll("bad.txt", bad);
        String text = read.articles().getFirst().paragraphs().stream().map(Paragraph::text).reduce("", String::concat);
        assertThat(text).contains("Côte d’Ivoire").contains("\uFFFD");
        assertThat(read.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("1 invalid UTF-8 byte"));

        byte[] latin = "Caf\u00e9 talks\n\nThe ministers met in Abidjan.\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        var legacy = new CorpusReader().parseAll("old.txt", latin);
        assertThat(legacy.articles().getFirst().title()).isEqualTo("Café talks");
        assertThat(legacy.skipped()).isEmpty();
    }
}
