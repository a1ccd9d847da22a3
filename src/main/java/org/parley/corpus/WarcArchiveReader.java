package org.parley.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads WARC archives (plain or gzip per record) with jwarc, as a stream (ARC files too: jwarc reads their records
 * as WARC responses): every HTML response record with a 2xx status (and every HTML resource record; a response
 * without a {@code Content-Type} whose body starts like an HTML page) is an article whose URL is the record's {@code WARC-Target-URI};
 * its HTTP body is decoded (chunked, gzip, deflate, brotli) and its charset taken from the HTTP
 * {@code Content-Type} before the page's own declaration. Records that are not HTML pages (requests, metadata,
 * images, redirects, errors) are counted in one line of the report; an HTML record that is too large or yields no
 * text is reported on its own, with its URI. Ids: file id + a hash of the record's {@code WARC-Record-ID}.
 */
final class WarcArchiveReader {
    private final CorpusReader reader;
    private final long maxRecordBytes;

    WarcArchiveReader(CorpusReader reader, long maxRecordBytes) {
        this.reader = reader;
        this.maxRecordBytes = maxRecordBytes;
    }

    void read(String fileName, InputStream in, Consumer<Article> articles, Consumer<SkippedInput> skipped) throws IOException, CorpusException {
        ArticleIds ids = new ArticleIds(fileName);
        Map<String, Integer> notPages = new TreeMap<>();
        int records = 0;
        try (WarcReader warc = new WarcReader(in)) {
            warc.setLenient(true);
            while (true) {
                WarcRecord record;
                try {
                    var next = warc.next();
                    if (next.isEmpty()) break;
                    record = next.get();
                } catch (IOException | RuntimeException e) {
                    // A truncated or corrupt archive (an interrupted crawl): keep what was read, report the rest.
                    if (records == 0) throw new CorpusException("parse error: not a readable WARC archive: " + e.getMessage(), e);
                    skipped.accept(new SkippedInput(fileName, "after record " + records,
                            "parse error: " + e.getMessage() + " (the rest of the archive is not read)"));
                    break;
                }
                records++;
                String target;
                String contentType;
                InputStream body;
                if (record instanceof WarcResponse response) {
                    target = response.target();
                    HttpResponse http;
                    try {
                        http = response.http();
                    } catch (IOException | RuntimeException e) {
                        notPages.merge("response without a readable HTTP header", 1, Integer::sum);
                        continue;
                    }
                    if (http.status() < 200 || http.status() >= 300) {
                        notPages.merge("HTTP " + (http.status() / 100) + "xx response", 1, Integer::sum);
                        continue;
                    }
                    contentType = http.headers().first("Content-Type").orElse(null);
                    body = http.bodyDecoded().stream();
                    if (contentType == null || contentType.isBlank()) {
                        // No Content-Type at all (old servers, some ARC captures): sniffed like a file with no extension
                        body = new java.io.BufferedInputStream(body, FormatDetector.HEAD_BYTES);
                        body.mark(FormatDetector.HEAD_BYTES);
                        byte[] head;
                        try {
                            head = body.readNBytes(FormatDetector.HEAD_BYTES);
                            body.reset();
                        } catch (IOException e) {
                            skipped.accept(new SkippedInput(fileName, "record " + target, "cannot read the record's body: " + e.getMessage()));
                            continue;
                        }
                        if (!FormatDetector.looksLikeHtml(head)) {
                            notPages.merge("response without a Content-Type that is not HTML", 1, Integer::sum);
                            continue;
                        }
                        contentType = null;
                    } else if (!isHtml(http.contentType())) {
                        notPages.merge("response of type " + baseType(http.contentType()), 1, Integer::sum);
                        continue;
                    }
                } else if (record instanceof WarcResource resource) {
                    target = resource.target();
                    if (!isHtml(resource.contentType())) {
                        notPages.merge("resource of type " + baseType(resource.contentType()), 1, Integer::sum);
                        continue;
                    }
                    contentType = resource.headers().first("Content-Type").orElse(null);
                    body = resource.body().stream();
                } else {
                    notPages.merge(record.type() + " record", 1, Integer::sum);
                    continue;
                }
                String where = "record " + target;
                byte[] page;
                try {
                    page = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxRecordBytes + 1));
                } catch (IOException e) {
                    skipped.accept(new SkippedInput(fileName, where, "cannot read the record's body: " + e.getMessage()));
                    continue;
                }
                if (page.length > maxRecordBytes) {
                    skipped.accept(new SkippedInput(fileName, where, "record too large: over " + maxRecordBytes
                            + " bytes (limit " + maxRecordBytes + ")"));
                    continue;
                }
                // ARC records (and a WARC record written without one) have no WARC-Record-ID: the capture's URI and
                // time key them instead (record.id() throws there)
                String recordId = record.headers().first("WARC-Record-ID").map(v -> v.strip().replaceAll("^<|>$", ""))
                        .orElse(target + " " + record.headers().first("WARC-Date").orElse(""));
                String id = ids.next(recordId, "record" + records);
                try {
                    articles.accept(reader.parseHtml(fileName, id, page, 0, page.length, Urls.absoluteOrNull(target), contentType,
                            InputFormat.WARC));
                } catch (CorpusException e) {
                    skipped.accept(new SkippedInput(fileName, where, e.getMessage()));
                }
            }
        }
        if (records == 0) throw new CorpusException("parse error: no WARC records");
        if (!notPages.isEmpty()) {
            int n = notPages.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder why = new StringBuilder("not HTML pages: ");
            notPages.forEach((k, v) -> why.append(v).append(' ').append(k).append(", "));
            why.setLength(why.length() - 2);
            skipped.accept(new SkippedInput(fileName, n + " of " + records + " records", why.toString()));
        }
    }

    private static boolean isHtml(MediaType type) {
        if (type == null) return false;
        String base = baseType(type);
        return base.equals("text/html") || base.equals("application/xhtml+xml");
    }

    private static String baseType(MediaType type) {
        if (type == null) return "unknown";
        return (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
    }
}
