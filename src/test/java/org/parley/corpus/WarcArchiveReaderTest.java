package org.parley.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.corpus.Fixtures.allText;
import static org.parley.corpus.Fixtures.bytes;
import static org.parley.corpus.Fixtures.enriched;
import static org.parley.corpus.Fixtures.texts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcArchiveReaderTest {
    @TempDir
    Path dir;

    private static final String SMALL_PAGE = "<!doctype html><html><head><title>Moldova and Romania Open Bridge</title></head><body>"
            + "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Moldova and Romania Open Bridge</h1>"
            + "<p>Moldova and Romania opened a new bridge over the Prut on Sunday, the two governments said, a project first agreed in 2021.</p>"
            + "<p>Café owners in Ungheni welcomed the crossing.</p></article><footer>© 2020 Example Local News</footer></body></html>";

    /** One WARC record: header lines, a blank line, the block, two CRLFs. */
    static byte[] record(String type, String uri, String id, String contentType, byte[] block) {
        String header = "WARC/1.1\r\nWARC-Type: " + type + "\r\n" + (uri == null ? "" : "WARC-Target-URI: " + uri + "\r\n")
                + "WARC-Date: 2025-02-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + block.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(block);
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] http(String statusAndHeaders, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((statusAndHeaders + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] gzipEach(byte[]... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) out.writeBytes(FormatDetectionTest.gzip(r)); // one gzip member per record
        return out.toByteArray();
    }

    private static byte[] archive() throws IOException {
        byte[] page = bytes("news-page.html");
        byte[] latin = SMALL_PAGE.getBytes(Charset.forName("windows-1252")); // charset only in the HTTP header
        return gzipEach(
                record("warcinfo", null, "00000000-0000-0000-0000-000000000001", "application/warc-fields",
                        "software: hand-written test\r\nformat: WARC File Format 1.1\r\n".getBytes(StandardCharsets.US_ASCII)),
                record("request", "https://harbour-times.example/2025/03/14/ports-deal", "00000000-0000-0000-0000-000000000002",
                        "application/http; msgtype=request",
                        "GET /2025/03/14/ports-deal HTTP/1.1\r\nHost: harbour-times.example\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                record("response", "https://harbour-times.example/2025/03/14/ports-deal?utm_source=feed", "00000000-0000-0000-0000-000000000003",
                        "application/http; msgtype=response", http("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8", page)),
                record("response", "https://harbour-times.example/img/port.jpg", "00000000-0000-0000-0000-000000000004",
                        "application/http; msgtype=response", http("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg",
                                new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2})),
                record("response", "https://local.example/old", "00000000-0000-0000-0000-000000000005",
                        "application/http; msgtype=response", http("HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\nContent-Type: text/html",
                                "<a href=/new>moved</a>".getBytes(StandardCharsets.US_ASCII))),
                record("metadata", "https://harbour-times.example/2025/03/14/ports-deal", "00000000-0000-0000-0000-000000000006",
                        "application/warc-fields", "outlinks: https://harbour-times.example/\r\n".getBytes(StandardCharsets.US_ASCII)),
                record("response", "https://local.example/2025/02/01/bridge", "00000000-0000-0000-0000-000000000007",
                        "application/http; msgtype=response", http("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252", latin)),
                record("response", "https://local.example/menu", "00000000-0000-0000-0000-000000000008",
                        "application/http; msgtype=response", http("HTTP/1.1 200 OK\r\nContent-Type: text/html",
                                "<html><body><nav><a href=/a>A</a></nav></body></html>".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void everyHtmlResponseRecordIsAnArticleAtItsTargetUri() throws Exception {
        Path f = dir.resolve("crawl.warc.gz");
        Files.write(f, archive());
        FileArticles r = new CorpusReader().readAll(f);
        assertThat(r.format()).isEqualTo(InputFormat.WARC);
        assertThat(r.articles()).hasSize(2);

        Article ports = r.articles().get(0);
        assertThat(ports.format()).isEqualTo(InputFormat.WARC);
        assertThat(ports.fileName()).isEqualTo("crawl.warc.gz");
        assertThat(ports.id()).isEqualTo("crawl.warc-" + ArticleIds.hash("urn:uuid:00000000-0000-0000-0000-000000000003"));
        assertThat(ports.url()).isEqualTo("https://harbour-times.example/2025/03/14/ports-deal?utm_source=feed"); // the record's URI
        assertThat(ports.title()).isEqualTo("Kenya and Norway Sign Ports Deal in Mombasa");
        assertThat(ports.published()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(ports.author()).isEqualTo("Mira Okafor, Lars Eng");
        assertThat(texts(ports, ParagraphKind.BODY)).contains(
                "Critics in Nairobi have questioned the cost of the loan, and opposition lawmakers asked for the full text to be published.");
        assertThat(enriched(ports, "modernise the port").metadata().countries()).contains("KE", "NO");

        Article bridge = r.articles().get(1);
        assertThat(bridge.url()).isEqualTo("https://local.example/2025/02/01/bridge");
        assertThat(bridge.title()).isEqualTo("Moldova and Romania Open Bridge");
        assertThat(bridge.published()).isNull(); // the page states no date
        assertThat(texts(bridge, ParagraphKind.BODY)).containsExactly(
                "Moldova and Romania opened a new bridge over the Prut on Sunday, the two governments said, a project first agreed in 2021.",
                "Café owners in Ungheni welcomed the crossing."); // decoded with the HTTP header's charset
        assertThat(allText(bridge)).doesNotContain("©").doesNotContain("Home");
        assertThat(enriched(bridge, "Prut").metadata().countries()).contains("MD", "RO");
        assertThat(enriched(bridge, "Prut").metadata().years()).contains(2021);

        assertThat(r.skipped()).extracting(SkippedInput::describe).containsExactly(
                "crawl.warc.gz (record https://local.example/menu): empty after extraction: no text",
                "crawl.warc.gz (5 of 8 records): not HTML pages: 1 HTTP 3xx response, 1 metadata record, 1 request record, "
                        + "1 response of type image/jpeg, 1 warcinfo record");
    }

    @Test
    void aTruncatedArchiveKeepsTheRecordsBeforeTheBreak() throws Exception {
        byte[] whole = archive();
        byte[] tail = gzipEach(record("response", "https://local.example/late", "00000000-0000-0000-0000-00000000000a",
                "application/http; msgtype=response", http("HTTP/1.1 200 OK\r\nContent-Type: text/html",
                        SMALL_PAGE.getBytes(StandardCharsets.UTF_8))));
        byte[] cut = new byte[whole.length + tail.length / 2];
        System.arraycopy(whole, 0, cut, 0, whole.length);
        System.arraycopy(tail, 0, cut, whole.length, tail.length / 2);
        Path f = dir.resolve("cut.warc.gz");
        Files.write(f, cut);
        FileArticles r = new CorpusReader().readAll(f);
        assertThat(r.articles()).hasSize(2);
        assertThat(r.skipped()).anySatisfy(s -> {
            assertThat(s.where()).isEqualTo("after record 8");
            assertThat(s.reason()).startsWith("parse error").contains("not read");
        });
    }

    @Test
    void uncompressedArchivesAndRecordLimits() throws Exception {
        byte[] plain = record("response", "https://local.example/2025/02/01/bridge", "00000000-0000-0000-0000-000000000009",
                "application/http; msgtype=response", http("HTTP/1.1 200 OK\r\nContent-Type: text/html", SMALL_PAGE.getBytes(StandardCharsets.UTF_8)));
        Path f = dir.resolve("one.warc");
        Files.write(f, plain);
        assertThat(new CorpusReader().readAll(f).articles()).singleElement().satisfies(a -> assertThat(a.title()).isEqualTo("Moldova and Romania Open Bridge"));

        assertThatThrownBy(() -> new CorpusReader(CorpusLimits.defaults().withWarcRecordBytes(100)).readAll(f))
                .isInstanceOf(CorpusException.class).hasMessageContaining("record too large").hasMessageContaining("limit 100");

        Path notWarc = dir.resolve("x.warc");
        Files.writeString(notWarc, "hello");
        assertThatThrownBy(() -> new CorpusReader().readAll(notWarc)).hasMessageContaining("not a WARC");
    }

    @Test
    void arcArchivesFromOldCrawlsAreReadLikeWarc() throws Exception {
        // ARC, the format before WARC (old crawls, the early web archives): it was refused as 'unsupported type: .arc'
        // (and a gzipped one as 'a gzip file that is not a WARC archive'); jwarc reads its records as WARC responses.
        byte[] desc = "1 0 Parley test\nURL IP-address Archive-date Content-type Archive-length\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = ("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + SMALL_PAGE).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream first = new ByteArrayOutputStream(), second = new ByteArrayOutputStream();
        first.writeBytes(("filedesc://old-crawl.arc 0.0.0.0 20010203040506 text/plain " + desc.length + "\n").getBytes(StandardCharsets.US_ASCII));
        first.writeBytes(desc);
        first.write('\n');
        second.writeBytes(("https://local.example/2001/bridge 192.0.2.7 20010203040506 text/html " + body.length + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        second.writeBytes(body);
        second.write('\n');
        Path plain = dir.resolve("old-crawl.arc");
        Files.write(plain, concat(first.toByteArray(), second.toByteArray()));
        Path gz = dir.resolve("old-crawl2.arc.gz");
        Files.write(gz, gzipEach(first.toByteArray(), second.toByteArray()));
        for (Path f : new Path[]{plain, gz}) {
            assertThat(CorpusReader.list(dir).skipped()).as(f.toString()).isEmpty();
            FileArticles r = new CorpusReader().readAll(f);
            assertThat(r.format()).isEqualTo(InputFormat.WARC);
            assertThat(r.articles()).as(f.toString()).singleElement().satisfies(a -> {
                assertThat(a.url()).isEqualTo("https://local.example/2001/bridge");
                assertThat(a.title()).isEqualTo("Moldova and Romania Open Bridge");
                assertThat(texts(a, ParagraphKind.BODY)).contains("Café owners in Ungheni welcomed the crossing.");
            });
        }
        Path notArc = dir.resolve("notes.arc");
        Files.writeString(notArc, "an arc of notes, not an archive");
        assertThatThrownBy(() -> new CorpusReader().readAll(notArc)).hasMessageContaining("not an ARC archive");
    }

    @Test
    void aResponseWithoutContentTypeIsAPageWhenItsBodyStartsLikeOne() throws Exception {
        // Old servers sent no Content-Type: the page was counted as 'response of type application/octet-stream' and lost.
        byte[] warc = gzipEach(
                record("response", "https://local.example/untyped", "00000000-0000-0000-0000-0000000000b1",
                        "application/http; msgtype=response", http("HTTP/1.1 200 OK", SMALL_PAGE.getBytes(StandardCharsets.UTF_8))),
                record("response", "https://local.example/untyped.bin", "00000000-0000-0000-0000-0000000000b2",
                        "application/http; msgtype=response", http("HTTP/1.1 200 OK", new byte[]{0, 1, 2, 3, 4, 5})));
        Path f = dir.resolve("untyped.warc.gz");
        Files.write(f, warc);
        FileArticles r = new CorpusReader().readAll(f);
        assertThat(r.articles()).singleElement().satisfies(a -> {
            assertThat(a.url()).isEqualTo("https://local.example/untyped");
            assertThat(texts(a, ParagraphKind.BODY)).contains("Café owners in Ungheni welcomed the crossing.");
        });
        assertThat(r.skipped()).extracting(SkippedInput::describe).containsExactly(
                "untyped.warc.gz (1 of 2 records): not HTML pages: 1 response without a Content-Type that is not HTML");
    }

    @Test
    void aUtf8PageServedAsIso88591IsReadAsUtf8() throws Exception {
        // A server whose default is "charset=ISO-8859-1" serving UTF-8 pages: "Genève" was indexed as "GenÃ¨ve".
        // A page that really is Windows-1252 under that header is still read as declared (the archive() test).
        String page = "<html><head><meta charset=\"utf-8\"><title>Genève talks</title></head><body><article><h1>Genève talks</h1>"
                + "<p>Les négociations ont repris à Genève lundi, a déclaré le ministère des affaires étrangères.</p></article></body></html>";
        Path f = dir.resolve("mislabelled.warc");
        Files.write(f, record("response", "https://geneve.example/a", "00000000-0000-0000-0000-0000000000c1",
                "application/http; msgtype=response", http("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1",
                        page.getBytes(StandardCharsets.UTF_8))));
        assertThat(new CorpusReader().readAll(f).articles()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Genève talks");
            assertThat(texts(a, ParagraphKind.BODY)).containsExactly(
                    "Les négociations ont repris à Genève lundi, a déclaré le ministère des affaires étrangères.");
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
