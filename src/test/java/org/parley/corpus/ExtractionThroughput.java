package org.parley.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;

/**
 * Measures extraction speed on one thread (its CPU time) over generated pages (not a test: run its main with the test class
 * path). Prints MB/s and pages/s for: jsoup's parse alone, the whole HTML path (decode, parse, metadata, main
 * content, paragraphs), and plain text of the same article through the original text path.
 */
public final class ExtractionThroughput {
    private ExtractionThroughput() {
    }

    static String page(Random r, int paragraphs) {
        String[] words = ("the minister said talks with officials from several countries would resume next week in the capital "
                + "while trade investment security cooperation agreement delegation border ports energy climate fisheries").split(" ");
        StringBuilder p = new StringBuilder("<!DOCTYPE html><html><head><meta charset=utf-8><title>Story | Site</title>");
        p.append("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Generated story\",")
                .append("\"datePublished\":\"2024-05-01T10:00:00Z\",\"author\":{\"name\":\"A Writer\"}}</script>");
        p.append("<script>").append("var x = 1; function f(a){return a*2;} ".repeat(600)).append("</script>");
        p.append("<style>").append(".c{color:red} ".repeat(300)).append("</style></head><body>");
        p.append("<header class=site-header><nav><ul>");
        for (int i = 0; i < 80; i++) p.append("<li><a href=/s").append(i).append(">Section ").append(i).append("</a></li>");
        p.append("</ul></nav></header><div class=layout><main><article><h1>Generated story</h1><p class=byline>By A Writer</p>");
        for (int i = 0; i < paragraphs; i++) {
            p.append("<p>");
            int n = 30 + r.nextInt(40);
            for (int w = 0; w < n; w++) {
                if (w > 0) p.append(w % 9 == 0 ? ", " : " ");
                p.append(w == 5 && i % 4 == 0 ? "<a href=/x>" + words[r.nextInt(words.length)] + "</a>" : words[r.nextInt(words.length)]);
            }
            p.append(".</p>");
            if (i % 7 == 6) p.append("<h2>Sub heading ").append(i).append("</h2>");
        }
        p.append("</article></main><aside class=sidebar><ol>");
        for (int i = 0; i < 40; i++) p.append("<li><a href=/r").append(i).append(">Related headline number ").append(i).append(" here</a></li>");
        p.append("</ol></aside></div><footer class=site-footer>");
        for (int i = 0; i < 60; i++) p.append("<a href=/f").append(i).append(">Footer link ").append(i).append("</a> ");
        p.append("</footer></body></html>");
        return p.toString();
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Random r = new Random(42);
        List<byte[]> html = new ArrayList<>();
        List<byte[]> text = new ArrayList<>();
        long htmlBytes = 0, textBytes = 0;
        CorpusReader reader = new CorpusReader();
        for (int i = 0; i < pages; i++) {
            byte[] b = page(r, 20 + r.nextInt(20)).getBytes(StandardCharsets.UTF_8);
            html.add(b);
            htmlBytes += b.length;
            Article a = reader.parse("p" + i + ".html", b);
            StringBuilder t = new StringBuilder();
            for (Paragraph p : a.paragraphs()) t.append(p.text()).append('\n');
            byte[] tb = t.toString().getBytes(StandardCharsets.UTF_8);
            text.add(tb);
            textBytes += tb.length;
        }
        // Rounds interleave the three so that a busy machine slows them alike; the best round of each counts.
        long bestParse = Long.MAX_VALUE, bestHtml = Long.MAX_VALUE, bestText = Long.MAX_VALUE;
        int n = 0;
        for (int round = 0; round < 8; round++) { // the first rounds also warm the JIT up
            long t0 = cpu();
            for (byte[] b : html) n += Jsoup.parse(new String(b, StandardCharsets.UTF_8)).childNodeSize();
            long t1 = cpu();
            for (int i = 0; i < html.size(); i++) n += reader.parse("p" + i + ".html", html.get(i)).paragraphs().size();
            long t2 = cpu();
            for (int i = 0; i < text.size(); i++) n += reader.parse("p" + i + ".txt", text.get(i)).paragraphs().size();
            long t3 = cpu();
            if (round >= 2) {
                bestParse = Math.min(bestParse, t1 - t0);
                bestHtml = Math.min(bestHtml, t2 - t1);
                bestText = Math.min(bestText, t3 - t2);
            }
        }
        // The same pages as containers: a gzip WARC (one member per record), JSON Lines of the texts, an RSS feed.
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("parley-throughput");
        java.io.ByteArrayOutputStream warc = new java.io.ByteArrayOutputStream();
        StringBuilder jsonl = new StringBuilder();
        StringBuilder feed = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title>");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < pages; i++) {
            byte[] http = WarcArchiveReaderTest.http("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8", html.get(i));
            warc.writeBytes(FormatDetectionTest.gzip(WarcArchiveReaderTest.record("response", "https://x.example/" + i,
                    java.util.UUID.randomUUID().toString(), "application/http; msgtype=response", http)));
            jsonl.append(json.writeValueAsString(java.util.Map.of("id", "a" + i, "title", "Generated story",
                    "text", new String(text.get(i), StandardCharsets.UTF_8)))).append('\n');
            String body = new String(html.get(i), StandardCharsets.UTF_8);
            body = body.substring(body.indexOf("<article>"), body.indexOf("</article>") + 10);
            feed.append("<item><title>Generated story</title><guid>g").append(i).append("</guid><description><![CDATA[")
                    .append(body).append("]]></description></item>");
        }
        feed.append("</channel></rss>");
        java.nio.file.Path warcFile = java.nio.file.Files.write(tmp.resolve("pages.warc.gz"), warc.toByteArray());
        java.nio.file.Path jsonlFile = java.nio.file.Files.writeString(tmp.resolve("texts.jsonl"), jsonl);
        java.nio.file.Path feedFile = java.nio.file.Files.writeString(tmp.resolve("feed.xml"), feed);
        long bestWarc = Long.MAX_VALUE, bestJsonl = Long.MAX_VALUE, bestFeed = Long.MAX_VALUE;
        for (int round = 0; round < 6; round++) {
            long t0 = cpu();
            n += reader.readAll(warcFile).articles().size();
            long t1 = cpu();
            n += reader.readAll(jsonlFile).articles().size();
            long t2 = cpu();
            n += reader.readAll(feedFile).articles().size();
            long t3 = cpu();
            if (round >= 2) {
                bestWarc = Math.min(bestWarc, t1 - t0);
                bestJsonl = Math.min(bestJsonl, t2 - t1);
                bestFeed = Math.min(bestFeed, t3 - t2);
            }
        }
        report("jsoup parse only", htmlBytes, pages, bestParse);
        report("HTML extraction (whole path)", htmlBytes, pages, bestHtml);
        report("plain text, same articles", textBytes, pages, bestText);
        report("WARC, gzip (file bytes)", java.nio.file.Files.size(warcFile), pages, bestWarc);
        report("WARC, gzip (HTML bytes)", htmlBytes, pages, bestWarc);
        report("JSON Lines", java.nio.file.Files.size(jsonlFile), pages, bestJsonl);
        report("RSS feed (item HTML)", java.nio.file.Files.size(feedFile), pages, bestFeed);
        System.out.printf("html %.1f KB/page, text %.1f KB/page (checksum %d)%n", htmlBytes / 1024.0 / pages, textBytes / 1024.0 / pages, n);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** This thread's CPU time: on a busy machine wall time measures the neighbours as much as the code. */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static void report(String what, long bytes, int pages, long nanos) {
        double s = nanos / 1e9;
        System.out.printf("%-32s %8.1f MB/s %8.0f pages/s%n", what, bytes / 1e6 / s, pages / s);
    }
}
