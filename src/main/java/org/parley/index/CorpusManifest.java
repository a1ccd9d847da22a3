package org.parley.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last build indexed: corpus-relative path to size, modification time and content hash. Kept in the
 * Lucene commit's user data, so it is exactly as durable as the index it describes.
 *
 * <p>A file is unchanged when its size and mtime match (no read needed), or, when they do not, when its
 * SHA-256 still matches (a {@code touch} or a fresh checkout does not force re-processing).
 */
final class CorpusManifest {
    /**
     * @param articleId the article id the file was indexed under, or null when it was skipped
     * @param skipped   why the file was skipped, or null when it was indexed
     */
    record Entry(long size, long mtime, String sha256, String articleId, String skipped, int paragraphs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Entry>> TYPE = new TypeReference<>() { };

    private final TreeMap<String, Entry> entries;

    CorpusManifest() {
        this(new TreeMap<>());
    }

    private CorpusManifest(TreeMap<String, Entry> entries) {
        this.entries = entries;
    }

    static CorpusManifest fromJson(String json) {
        if (json == null || json.isBlank()) return new CorpusManifest();
        try {
            return new CorpusManifest(JSON.readValue(json, TYPE));
        } catch (IOException e) {
            return new CorpusManifest(); // unreadable manifest: rebuild everything rather than fail
        }
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Entry> entries() {
        return entries;
    }

    Entry get(String path) {
        return entries.get(path);
    }

    void put(String path, Entry entry) {
        entries.put(path, entry);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) digest.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The same hash as {@link #sha256(Path)}, of bytes already read. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** A SHA-256 digest (always present in the JDK). */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
