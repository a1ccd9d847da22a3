package org.parley.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Unwraps a page a browser saved as a single file ("Web page, single file": {@code .mhtml}, {@code .mht}): a MIME
 * {@code multipart/related} message whose first {@code text/html} part is the page, usually quoted-printable, with
 * the images and style sheets as the other parts. Read as it was, the MIME text was taken for the page ("Wedn=
 * esday", "=E2=80=9C"). No MIME library is on the class path; this reads only what a saved page needs: headers
 * (folded lines joined), the boundary, and the quoted-printable, base64, 7bit, 8bit and binary encodings.
 */
final class Mhtml {
    /** The page inside: its bytes as the transport sent them, its Content-Type (charset), and where it was saved from. */
    record Page(byte[] html, String contentType, String url) {
    }

    private Mhtml() {
    }

    /**
     * Whether a file's bytes are a MIME message rather than markup: it starts with a header line (not '<') and its
     * header block names a MIME version or a multipart type. Cheap: an HTML file fails at its first byte.
     */
    static boolean isMime(byte[] b) {
        int i = 0;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) i = 3;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) i++;
        if (i >= b.length || !(b[i] >= 'A' && b[i] <= 'Z' || b[i] >= 'a' && b[i] <= 'z')) return false;
        int end = headerEnd(b, i, Math.min(b.length, i + FormatDetector.HEAD_BYTES));
        String head = new String(b, i, (end < 0 ? Math.min(b.length, i + FormatDetector.HEAD_BYTES) : end) - i,
                StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.startsWith("mime-version:") || head.contains("\nmime-version:") || head.contains("multipart/related");
    }

    /** The page of a MIME message ({@link #isMime} said so). */
    static Page page(byte[] b) throws CorpusException {
        int start = 0;
        while (start < b.length && (b[start] == '\r' || b[start] == '\n' || b[start] == ' ' || b[start] == '\t' || (b[start] & 0xFF) == 0xEF
                || (b[start] & 0xFF) == 0xBB || (b[start] & 0xFF) == 0xBF)) start++;
        int end = headerEnd(b, start, b.length);
        if (end < 0) throw new CorpusException("parse error: MHTML without the blank line that ends its headers");
        Map<String, String> headers = headers(b, start, end);
        String type = headers.getOrDefault("content-type", "text/html");
        String location = first(headers.get("snapshot-content-location"), headers.get("content-location"));
        int body = bodyStart(b, end);
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            if (!type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
                throw new CorpusException("unsupported type: MHTML whose content is " + baseType(type) + ", not a page");
            }
            return new Page(decode(b, body, b.length, headers.get("content-transfer-encoding")), type, Urls.absoluteOrNull(location));
        }
        String boundary = param(type, "boundary");
        if (boundary == null || boundary.isEmpty()) throw new CorpusException("parse error: MHTML multipart without a boundary");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(b, delimiter, body);
        while (at >= 0) {
            int partStart = lineEnd(b, at + delimiter.length);
            if (partStart < 0 || b.length > at + delimiter.length + 1 && b[at + delimiter.length] == '-'
                    && b[at + delimiter.length + 1] == '-') {
                break; // the closing delimiter
            }
            int next = indexOf(b, delimiter, partStart);
            int partEnd = next < 0 ? b.length : next;
            int hEnd = headerEnd(b, partStart, partEnd);
            Map<String, String> ph = hEnd < 0 ? Map.of() : headers(b, partStart, hEnd);
            String pt = ph.getOrDefault("content-type", "text/plain");
            if (pt.toLowerCase(Locale.ROOT).startsWith("text/html") && hEnd >= 0) {
                int from = bodyStart(b, hEnd), to = partEnd;
                // the line break before the next delimiter belongs to the delimiter
                if (to > from && b[to - 1] == '\n') to--;
                if (to > from && b[to - 1] == '\r') to--;
                String url = Urls.absoluteOrNull(first(ph.get("content-location"), location));
                return new Page(decode(b, from, to, ph.get("content-transfer-encoding")), pt, url);
            }
            at = next;
        }
        throw new CorpusException("empty after extraction: MHTML with no text/html part");
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b == null || b.isBlank() ? null : b.strip();
    }

    private static String baseType(String type) {
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** A parameter of a header value ({@code boundary="----abc"}), unquoted, or null. */
    static String param(String value, String name) {
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0 || !part.substring(0, eq).strip().equalsIgnoreCase(name)) continue;
            String v = part.substring(eq + 1).strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
            return v;
        }
        return null;
    }

    /** The index of the blank line that ends a header block starting at {@code from} (its first byte), or -1. */
    private static int headerEnd(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != '\n') continue;
            int j = i + 1;
            if (j < to && b[j] == '\r') j++;
            if (j < to && b[j] == '\n') return i + 1;
            if (j >= to) return -1;
        }
        return -1;
    }

    /** Past the blank line at {@code end}. */
    private static int bodyStart(byte[] b, int end) {
        int i = end;
        if (i < b.length && b[i] == '\r') i++;
        if (i < b.length && b[i] == '\n') i++;
        return i;
    }

    private static int lineEnd(byte[] b, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == '\n') return i + 1;
        return -1;
    }

    /** Header names (lower case) to values, folded lines joined. */
    private static Map<String, String> headers(byte[] b, int from, int to) {
        Map<String, String> out = new LinkedHashMap<>();
        String last = null;
        for (String line : new String(b, from, to - from, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            if (line.isEmpty()) continue;
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                out.put(last, out.get(last) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            out.putIfAbsent(last, line.substring(colon + 1).strip());
        }
        return out;
    }

    private static byte[] decode(byte[] b, int from, int to, String encoding) throws CorpusException {
        String e = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "quoted-printable" -> quotedPrintable(b, from, to);
            case "base64" -> {
                try {
                    yield Base64.getMimeDecoder().decode(java.util.Arrays.copyOfRange(b, from, to));
                } catch (IllegalArgumentException ex) {
                    throw new CorpusException("parse error: MHTML page part is not valid base64");
                }
            }
            default -> java.util.Arrays.copyOfRange(b, from, to); // 7bit, 8bit, binary
        };
    }

    /** RFC 2045 quoted-printable: "=XX" is a byte, "=" at a line's end joins it to the next; a stray "=" stays. */
    static byte[] quotedPrintable(byte[] b, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != '=') {
                out.write(c);
                continue;
            }
            int j = i + 1;
            while (j < to && (b[j] == ' ' || b[j] == '\t')) j++; // transport padding before a soft break
            if (j < to && (b[j] == '\r' || b[j] == '\n')) {
                if (b[j] == '\r' && j + 1 < to && b[j + 1] == '\n') j++;
                i = j;
                continue;
            }
            int hi = i + 2 < to ? Character.digit(b[i + 1], 16) : -1, lo = i + 2 < to ? Character.digit(b[i + 2], 16) : -1;
            if (hi >= 0 && lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= b.length; i++) {
            if (b[i] != needle[0] || i > 0 && b[i - 1] != '\n') continue; // a delimiter starts a line
            for (int k = 1; k < needle.length; k++) if (b[i + k] != needle[k]) continue outer;
            return i;
        }
        return -1;
    }
}
