package org.parley.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads corpus files into articles. Detects the encoding (UTF-8, UTF-16 with BOM, else Windows-1252),
 * refuses binary and empty files with a reason, and bounds the size of what it reads.
 */
public final class CorpusReader {
    /** Files larger than this are refused: a news article is a few kilobytes. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final ArticleParser parser = new ArticleParser();
    private final long maxBytes;

    public CorpusReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public CorpusReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The corpus files under {@code dir} (recursively), sorted by path; hidden files are ignored. */
    public static List<Path> listFiles(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) return List.of(dir);
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".txt") || n.endsWith(".md") || !n.contains(".");
                    })
                    .sorted()
                    .toList();
        }
    }

    /** The corpus files of several paths (files or folders), in order. */
    public static List<Path> listFiles(List<Path> paths) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path p : paths) all.addAll(listFiles(p));
        return all;
    }

    /** Reads and parses one file. */
    public Article read(Path file) throws CorpusException {
        return parse(file.getFileName().toString(), readBytes(file));
    }

    /** The bytes of one file, refusing files over the size limit. */
    public byte[] readBytes(Path file) throws CorpusException {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new CorpusException("file too large: " + size + " bytes (limit " + maxBytes + ")");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CorpusException("file disappeared while indexing", e);
        } catch (IOException e) {
            throw new CorpusException("cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses the bytes of a file named {@code fileName} (for callers that also need the bytes, e.g. to hash them). */
    public Article parse(String fileName, byte[] bytes) throws CorpusException {
        String text = decode(bytes);
        if (text.isBlank()) throw new CorpusException("empty file");
        Article article = parser.parse(fileName, text);
        if (article.paragraphs().isEmpty()) throw new CorpusException("no paragraphs");
        return article;
    }

    /** Decodes file bytes, refusing binary content. */
    public static String decode(byte[] bytes) throws CorpusException {
        if (bytes.length == 0) throw new CorpusException("empty file");
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (looksBinary(bytes)) throw new CorpusException("binary file (not text)");
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Not UTF-8: legacy Western text is almost always Windows-1252 (a superset of Latin-1).
            return new String(bytes, WINDOWS_1252);
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192), control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) return true;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) control++;
        }
        return control * 20 > n; // more than 5% control characters
    }
}
