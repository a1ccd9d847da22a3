package org.parley.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectionTest {
    @TempDir
    Path dir;

    private static FormatDetector.Detection detect(String name, String content) {
        return FormatDetector.detect(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static InputFormat format(String name, String content) {
        FormatDetector.Detection d = detect(name, content);
        assertThat(d.supported()).as(name + ": " + d.reason()).isTrue();
        return d.format();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void plainTextStaysText() {
        assertThat(format("a.txt", "Leaders Meet in Jakarta\nThe talks began.")).isEqualTo(InputFormat.TEXT);
        assertThat(format("noext", "Leaders Meet in Jakarta\nThe talks began.")).isEqualTo(InputFormat.TEXT);
        assertThat(format("a.txt", "<b>not a page</b> but text")).isEqualTo(InputFormat.TEXT);
        assertThat(format("a.txt", "{ braces in text }")).isEqualTo(InputFormat.TEXT);
        assertThat(format("a.txt", "")).isEqualTo(InputFormat.TEXT); // refused later as "empty file"
    }

    @Test
    void contentDecidesForExtensionlessAndTextFiles() {
        assertThat(format("page", "\uFEFF  <!DOCTYPE html><html><p>x</p>")).isEqualTo(InputFormat.HTML);
        assertThat(format("page.txt", "<!-- saved --><html lang=en><body>x")).isEqualTo(InputFormat.HTML);
        assertThat(format("feed", "<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\"><channel>")).isEqualTo(InputFormat.FEED);
        assertThat(format("atom", "<?xml version='1.0'?><feed xmlns=\"http://www.w3.org/2005/Atom\">")).isEqualTo(InputFormat.FEED);
        assertThat(format("export", "{\"title\":\"x\"}\n{\"title\":\"y\"}")).isEqualTo(InputFormat.JSONL);
        assertThat(format("crawl", "WARC/1.1\r\nWARC-Type: warcinfo\r\n")).isEqualTo(InputFormat.WARC);
    }

    @Test
    void extensionsProposeAndContentConfirms() throws Exception {
        assertThat(format("a.html", "<div>fragment</div>")).isEqualTo(InputFormat.HTML);
        assertThat(format("a.htm", "no markup at all")).isEqualTo(InputFormat.HTML);
        assertThat(format("a.xml", "<rdf:RDF xmlns:rdf=\"x\">")).isEqualTo(InputFormat.FEED);
        assertThat(format("a.md", "# Title\n\ntext")).isEqualTo(InputFormat.MARKDOWN);
        assertThat(format("a.jsonl", "{\"a\":1}")).isEqualTo(InputFormat.JSONL);
        assertThat(format("a.ndjson", "  {\"a\":1}")).isEqualTo(InputFormat.JSONL);
        assertThat(format("saved.php", "<!doctype html><title>x</title>")).isEqualTo(InputFormat.HTML);
        byte[] warc = "WARC/1.0\r\nWARC-Type: response\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(FormatDetector.detect("c.warc.gz", gzip(warc)).format()).isEqualTo(InputFormat.WARC);
        assertThat(FormatDetector.detect("c.gz", gzip(warc)).format()).isEqualTo(InputFormat.WARC);
        assertThat(FormatDetector.detect("noext", gzip(warc)).format()).isEqualTo(InputFormat.WARC);
    }

    @Test
    void refusalsSayWhy() throws Exception {
        assertThat(detect("a.xml", "<?xml version=\"1.0\"?><svg/>").reason()).contains("unsupported type").contains("not an RSS or Atom");
        assertThat(detect("a.json", "[{\"a\":1}]").format()).isEqualTo(InputFormat.JSONL); // an array of articles is read
        assertThat(detect("a.jsonl", "not json").reason()).contains("parse error");
        assertThat(detect("a.warc", "hello").reason()).contains("not a WARC");
        assertThat(detect("photo.jpg", "x").reason()).isEqualTo("unsupported type: .jpg");
        assertThat(FormatDetector.detect("a.gz", gzip("hello".getBytes(StandardCharsets.US_ASCII))).reason()).contains("gzip file that is not a WARC");
        assertThat(FormatDetector.detect("a.bin", new byte[]{0, 1, 2, 3}).reason()).contains("binary");
    }

    @Test
    void aLinkThatLeavesTheCorpusIsNotFollowedButOneInsideIs(@org.junit.jupiter.api.io.TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(dir.resolve("passwd"), secret);
        Files.createSymbolicLink(dir.resolve("passwd.txt"), secret);
        Files.createDirectories(dir.resolve("sub"));
        Path inside = Files.writeString(dir.resolve("sub/real.txt"), "A title\n\nLaos and Thailand met.\n");
        Files.createSymbolicLink(dir.resolve("alias.txt"), inside);

        CorpusReader.Listing l = CorpusReader.list(dir);
        assertThat(l.files()).extracting(p -> dir.relativize(p).toString()).containsExactly("alias.txt", "sub/real.txt");
        assertThat(l.skipped()).extracting(SkippedInput::describe).contains(
                "passwd: symbolic link leaving the corpus folder (not followed)",
                "passwd.txt: symbolic link leaving the corpus folder (not followed)");
    }

    @Test
    void aCorpusFolderGivenAsALinkToAFolderIsListedWhereItPoints(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        // --corpus corpus where corpus -> /mnt/news (data on another disk, or "ln -sfn releases/v2 corpus"): the folder
        // itself was reported as a "symbolic link to a folder (not followed)" and nothing was indexed
        Files.createDirectories(data.resolve("news/2026"));
        Files.writeString(data.resolve("news/a.txt"), "A title\n\nLaos and Thailand met.\n");
        Files.writeString(data.resolve("news/2026/b.txt"), "B title\n\nPeru and Chile met.\n");
        Files.createSymbolicLink(data.resolve("news/loop"), data.resolve("news/2026"));
        Path link = Files.createSymbolicLink(dir.resolve("corpus"), data.resolve("news"));

        CorpusReader.Listing l = CorpusReader.list(link);
        assertThat(l.files()).containsExactly(link.resolve("2026/b.txt"), link.resolve("a.txt"));
        assertThat(l.skipped()).extracting(SkippedInput::describe).containsExactly("loop: symbolic link to a folder (not followed)");
    }

    @Test
    void listingReportsEverythingItDoesNotTake() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Title Here\nBody text.");
        Files.writeString(dir.resolve("page.html"), "<html><p>x</p></html>");
        Files.writeString(dir.resolve("feed.xml"), "<rss><channel></channel></rss>");
        Files.writeString(dir.resolve("export.jsonl"), "{}");
        Files.writeString(dir.resolve("saved.aspx"), "<!DOCTYPE html><p>x</p>");
        Files.writeString(dir.resolve("photo.jpg"), "x");
        Files.writeString(dir.resolve(".DS_Store"), "x");
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/objects/ab"), "x");
        Files.createSymbolicLink(dir.resolve("gone.txt"), dir.resolve("nowhere.txt"));
        Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("loop"), dir.resolve("sub"));
        Path fifo = dir.resolve("pipe.txt");
        boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;

        CorpusReader.Listing l = CorpusReader.list(dir);
        assertThat(l.files()).extracting(p -> dir.relativize(p).toString())
                .containsExactly("a.txt", "export.jsonl", "feed.xml", "page.html", "saved.aspx");
        assertThat(l.skipped()).extracting(SkippedInput::describe).contains(
                ".DS_Store: hidden file (not read)", ".git/: hidden folder (not read)", "gone.txt: dangling symbolic link",
                "loop: symbolic link to a folder (not followed)", "photo.jpg: unsupported type: .jpg");
        if (haveFifo) {
            assertThat(l.skipped()).extracting(SkippedInput::describe).contains("pipe.txt: not a regular file: FIFO (named pipe)");
            // read directly, a FIFO is refused at once instead of blocking on it
            assertThatThrownBy(() -> new CorpusReader().read(fifo)).isInstanceOf(CorpusException.class).hasMessageContaining("FIFO");
        }
        assertThat(CorpusReader.listFiles(dir)).isEqualTo(l.files());
    }

    @Test
    void containersAreRefusedBySingleArticleReadsWithTheReason() throws Exception {
        Path feed = dir.resolve("feed.xml");
        Files.writeString(feed, "<rss version=\"2.0\"><channel><item><title>x</title></item></channel></rss>");
        assertThatThrownBy(() -> new CorpusReader().read(feed)).isInstanceOf(CorpusException.class)
                .hasMessageContaining("holds many articles");
        Path jpg = dir.resolve("photo.jpg");
        Files.writeString(jpg, "x");
        assertThatThrownBy(() -> new CorpusReader().read(jpg)).hasMessage("unsupported type: .jpg");
    }
}
