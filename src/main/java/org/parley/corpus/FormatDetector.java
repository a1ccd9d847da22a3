package org.parley.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Tells a corpus file's format from its name and its first bytes. The extension proposes, the content decides
 * where it is unambiguous: an extension-less or {@code .txt} file that starts like an HTML page, a feed or a WARC
 * archive is read as that; a {@code .html} file is HTML; a {@code .xml} file must be a feed. Files with another
 * extension are taken when their content is recognisable, else refused as an unsupported type.
 */
public final class FormatDetector {
    /** How many leading bytes {@link #detect} looks at. */
    public static final int HEAD_BYTES = 8192;

    private static final Set<String> HTML_EXT = Set.of("html", "htm", "xhtml", "shtml", "mhtml", "mht");
    private static final Set<String> FEED_EXT = Set.of("xml", "rss", "atom", "rdf");
    private static final Set<String> JSONL_EXT = Set.of("jsonl", "ndjson", "json");
    private static final Set<String> MARKDOWN_EXT = Set.of("md", "markdown", "mdown", "mkd");
    private static final Set<String> TEXT_EXT = Set.of("txt", "text");
    /** WARC archives and their predecessor ARC (jwarc reads both, plain or gzip per record). */
    private static final Set<String> WARC_EXT = Set.of("warc", "warc.gz", "arc", "arc.gz");

    /** The verdict: a format, or null with the reason the file is refused. */
    public record Detection(InputFormat format, String reason) {
        static Detection of(InputFormat f) {
            return new Detection(f, null);
        }

        static Detection refuse(String reason) {
            return new Detection(null, reason);
        }

        public boolean supported() {
            return format != null;
        }
    }

    private FormatDetector() {
    }

    /** The lower-case extension of a file name ({@code warc.gz} for {@code a.warc.gz}), or "" when it has none. */
    public static String extension(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".warc.gz")) return "warc.gz";
        if (n.endsWith(".arc.gz")) return "arc.gz";
        int dot = n.lastIndexOf('.');
        return dot <= 0 || dot == n.length() - 1 ? "" : n.substring(dot + 1);
    }

    /** Whether a file's name alone makes it worth reading (the listing sniffs the others' content). */
    static boolean knownByName(String fileName) {
        String ext = extension(fileName);
        return ext.isEmpty() || TEXT_EXT.contains(ext) || MARKDOWN_EXT.contains(ext) || HTML_EXT.contains(ext)
                || FEED_EXT.contains(ext) || JSONL_EXT.contains(ext) || WARC_EXT.contains(ext);
    }

    /** Detects the format of a file named {@code fileName} whose content starts with {@code head}. */
    public static Detection detect(String fileName, byte[] head) {
        String ext = extension(fileName);
        Sniffed s = sniff(head);
        switch (ext) {
            case "warc", "warc.gz" -> {
                return s == Sniffed.WARC ? Detection.of(InputFormat.WARC)
                        : Detection.refuse("parse error: not a WARC archive (no WARC/1.x record header)");
            }
            case "arc", "arc.gz" -> {
                return s == Sniffed.WARC ? Detection.of(InputFormat.WARC)
                        : Detection.refuse("parse error: not an ARC archive (no filedesc:// header)");
            }
            case "gz" -> {
                return s == Sniffed.WARC ? Detection.of(InputFormat.WARC)
                        : Detection.refuse("unsupported type: gzip file that is not a WARC archive");
            }
            default -> { }
        }
        if (s == Sniffed.WARC) return Detection.of(InputFormat.WARC);
        if (s == Sniffed.GZIP) return Detection.refuse("unsupported type: gzip file that is not a WARC archive");
        if (FEED_EXT.contains(ext)) {
            if (s == Sniffed.FEED) return Detection.of(InputFormat.FEED);
            if (s == Sniffed.HTML) return Detection.of(InputFormat.HTML);
            return Detection.refuse(s == Sniffed.XML ? "unsupported type: XML that is not an RSS or Atom feed"
                    : "parse error: not an RSS or Atom feed");
        }
        if (HTML_EXT.contains(ext)) {
            return s == Sniffed.FEED ? Detection.of(InputFormat.FEED) : Detection.of(InputFormat.HTML);
        }
        if (JSONL_EXT.contains(ext)) {
            // a JSON array of articles (an export.json) is read element by element, like the lines of JSON Lines
            if (s == Sniffed.JSON_OBJECT || s == Sniffed.JSON_ARRAY || s == Sniffed.EMPTY) return Detection.of(InputFormat.JSONL);
            return Detection.refuse("parse error: not JSON Lines (the first line is not a JSON object)");
        }
        if (MARKDOWN_EXT.contains(ext)) return Detection.of(s == Sniffed.HTML_DOCUMENT ? InputFormat.HTML : InputFormat.MARKDOWN);
        if (ext.isEmpty() || TEXT_EXT.contains(ext)) {
            // The original corpus format, unless the content is unmistakably something else.
            return switch (s) {
                case HTML_DOCUMENT -> Detection.of(InputFormat.HTML);
                case FEED -> Detection.of(InputFormat.FEED);
                case JSON_OBJECT -> ext.isEmpty() ? Detection.of(InputFormat.JSONL) : Detection.of(InputFormat.TEXT);
                default -> Detection.of(InputFormat.TEXT);
            };
        }
        return switch (s) {
            case HTML_DOCUMENT, HTML -> Detection.of(InputFormat.HTML);
            case FEED -> Detection.of(InputFormat.FEED);
            case JSON_OBJECT -> Detection.of(InputFormat.JSONL);
            default -> Detection.refuse("unsupported type: ." + ext + (s == Sniffed.BINARY ? " (binary)" : ""));
        };
    }

    /** Whether bytes with no declared type start like an HTML page or fragment (a WARC response with no Content-Type). */
    static boolean looksLikeHtml(byte[] head) {
        Sniffed s = sniff(head);
        return s == Sniffed.HTML_DOCUMENT || s == Sniffed.HTML;
    }

    private enum Sniffed { EMPTY, BINARY, GZIP, WARC, FEED, XML, HTML_DOCUMENT, HTML, JSON_OBJECT, JSON_ARRAY, OTHER }

    private static Sniffed sniff(byte[] head) {
        if (head.length == 0) return Sniffed.EMPTY;
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            byte[] inner = gunzipHead(head);
            return startsWith(inner, "WARC/") || startsWith(inner, "filedesc://") ? Sniffed.WARC : Sniffed.GZIP;
        }
        if (startsWith(head, "WARC/") || startsWith(head, "filedesc://")) return Sniffed.WARC; // ARC: jwarc reads it as WARC
        String text = asciiHead(head);
        int i = skipSpaceAndBom(text, 0);
        if (i >= text.length()) return Sniffed.EMPTY;
        // Lower-casing keeps '{', '[' and '<' and makes no other character one of them: only markup needs the copy
        // (every file of a build is sniffed, most are plain text).
        char first = text.charAt(i);
        if (first == '{') return Sniffed.JSON_OBJECT;
        if (first == '[') return Sniffed.JSON_ARRAY;
        if (first == '<') {
            String rest = text.substring(i).toLowerCase(Locale.ROOT);
            String root = rootElement(rest);
            if (root.equals("rss") || root.equals("feed") || root.equals("rdf:rdf")) return Sniffed.FEED;
            if (root.equals("html") || rest.startsWith("<!doctype html")) return Sniffed.HTML_DOCUMENT;
            if (rest.startsWith("<?xml")) return Sniffed.XML;
            if (root.equals("head") || root.equals("body") || root.equals("meta") || root.equals("title")
                    || root.equals("article") || root.equals("div") || root.equals("p") || root.equals("h1")) {
                return Sniffed.HTML;
            }
        }
        return looksBinary(head) ? Sniffed.BINARY : Sniffed.OTHER;
    }

    /** The first element name after the XML declaration, doctype, comments and processing instructions. */
    private static String rootElement(String s) {
        int i = 0;
        while (i < s.length()) {
            i = skipSpaceAndBom(s, i);
            if (s.startsWith("<?", i)) {
                int end = s.indexOf("?>", i);
                if (end < 0) return "";
                i = end + 2;
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i);
                if (end < 0) return "";
                i = end + 3;
            } else if (s.startsWith("<!doctype", i)) {
                // the doctype names the root element (and may hold an internal subset with '>' in it)
                int j = skipSpaceAndBom(s, i + 9), k = j;
                while (k < s.length() && !Character.isWhitespace(s.charAt(k)) && s.charAt(k) != '>' && s.charAt(k) != '[') k++;
                return s.substring(j, k);
            } else if (s.startsWith("<!", i)) {
                int end = s.indexOf('>', i);
                if (end < 0) return "";
                i = end + 1;
            } else if (s.startsWith("<", i)) {
                int j = i + 1;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '>' && s.charAt(j) != '/') j++;
                return s.substring(i + 1, j);
            } else {
                return "";
            }
        }
        return "";
    }

    private static int skipSpaceAndBom(String s, int i) {
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) i++;
        return i;
    }

    /** The head as text: UTF-16 when it has that BOM, else bytes as Latin-1 (markup names are ASCII). */
    private static String asciiHead(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16LE);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new String(head, 2, head.length - 2, StandardCharsets.UTF_16BE);
        }
        int from = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        return new String(head, from, head.length - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] b, String prefix) {
        if (b.length < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (b[i] != prefix.charAt(i)) return false;
        return true;
    }

    private static byte[] gunzipHead(byte[] head) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
            return in.readNBytes(16);
        } catch (IOException e) {
            return new byte[0]; // a truncated head still yields its first bytes in practice; else not a WARC
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, HEAD_BYTES), control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) return true;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) control++;
        }
        return control * 20 > n;
    }
}
