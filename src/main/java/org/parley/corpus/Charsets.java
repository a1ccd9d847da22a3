package org.parley.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes markup (HTML, XML feeds) the way browsers do: a byte order mark first, then the charset the transport
 * declares (a WARC record's HTTP {@code Content-Type}), then the one the document declares in its first 8 KB
 * ({@code <meta charset>}, {@code <meta http-equiv=Content-Type>}, {@code <?xml encoding?>}), then UTF-8 when the
 * bytes are valid UTF-8, else Windows-1252. A declared UTF-8 that the bytes are not (no valid multi-byte sequence,
 * some invalid bytes) is Windows-1252 too, and a declared Latin-1 or Windows-1252 over bytes that are all valid UTF-8
 * (with some multi-byte text) is UTF-8.
 */
final class Charsets {
    private static final int PRESCAN_BYTES = 8192;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml\\b[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private Charsets() {
    }

    /** The text of markup bytes; {@code contentType} is a transport's Content-Type header, or null. */
    static String decodeMarkup(byte[] bytes, String contentType) {
        return decodeMarkup(bytes, 0, bytes.length, contentType);
    }

    static String decodeMarkup(byte[] bytes, int off, int len, String contentType) {
        if (len >= 3 && (bytes[off] & 0xFF) == 0xEF && (bytes[off + 1] & 0xFF) == 0xBB && (bytes[off + 2] & 0xFF) == 0xBF) {
            return new String(bytes, off + 3, len - 3, StandardCharsets.UTF_8);
        }
        if (len >= 2 && (bytes[off] & 0xFF) == 0xFF && (bytes[off + 1] & 0xFF) == 0xFE) {
            return new String(bytes, off + 2, len - 2, StandardCharsets.UTF_16LE);
        }
        if (len >= 2 && (bytes[off] & 0xFF) == 0xFE && (bytes[off + 1] & 0xFF) == 0xFF) {
            return new String(bytes, off + 2, len - 2, StandardCharsets.UTF_16BE);
        }
        Charset declared = null;
        if (contentType != null) {
            Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
            if (m.find()) declared = charset(m.group(1));
        }
        if (declared == null) declared = declaredInDocument(bytes, off, len);
        if (declared != null) {
            // The mirror case, common with servers whose default is "ISO-8859-1": a page declared Latin-1 or
            // Windows-1252 whose bytes are all valid UTF-8, with some multi-byte text, is UTF-8 ("GenÃ¨ve" was read
            // for "Genève"); Latin-1 text almost never forms valid UTF-8 sequences.
            if (declared == WINDOWS_1252 && hasHighByte(bytes, off, len)) {
                String utf8 = strictUtf8(bytes, off, len);
                if (utf8 != null) return utf8; // else Windows-1252 as declared
            }
            String text = new String(bytes, off, len, declared);
            // "UTF-8" declared over Latin-1 bytes (a template's <meta charset=utf-8> on a page saved or written in a
            // legacy editor): every accented letter became U+FFFD. Bytes without one valid multi-byte sequence are
            // Windows-1252, as when nothing is declared; UTF-8 with damaged bytes stays UTF-8 (the declaration is trusted
            // while any of its text is UTF-8).
            if (declared == StandardCharsets.UTF_8 && text.indexOf('\uFFFD') >= 0
                    && CorpusReader.Utf8Check.of(java.util.Arrays.copyOfRange(bytes, off, off + len)).multiByte() == 0) {
                return new String(bytes, off, len, WINDOWS_1252);
            }
            return text;
        }
        String utf8 = strictUtf8(bytes, off, len);
        return utf8 != null ? utf8 : new String(bytes, off, len, WINDOWS_1252);
    }

    /** The bytes as UTF-8 when every sequence is well formed, else null. */
    private static String strictUtf8(byte[] bytes, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, off, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasHighByte(byte[] bytes, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) if (bytes[i] < 0) return true;
        return false;
    }

    /** The charset the document's head declares, or null. */
    static Charset declaredInDocument(byte[] bytes, int off, int len) {
        String head = new String(bytes, off, Math.min(len, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head);
        if (xml.find()) {
            Charset c = charset(xml.group(1));
            if (c != null) return c;
        }
        Matcher meta = META_CHARSET.matcher(head);
        while (meta.find()) {
            Charset c = charset(meta.group(1));
            if (c != null) return c;
        }
        return null;
    }

    /** A supported charset by name, with the web's aliases: Latin-1 and ASCII mean Windows-1252, UTF-16 in ASCII markup means UTF-8. */
    private static Charset charset(String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        switch (n) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252", "x-cp1252" -> {
                return WINDOWS_1252;
            }
            case "utf-16", "utf-16le", "utf-16be", "unicode", "utf8", "utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            default -> { }
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
