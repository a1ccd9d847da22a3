package org.parley.index;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * What the last build indexed: corpus-relative path to size, modification time and content hash. Kept as a file of
 * the generation it describes, written and synced before that generation's commit, so it is exactly as durable as
 * the index. (It used to be in the commit's user data, which every reader of the index holds in memory for as long as
 * it is open: 83 MB in a server of a 10M-paragraph index, for nothing a search uses.)
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
    private static final String CODEC = "ParleyCorpusManifest";
    private static final int VERSION = 1;

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

    /**
     * Writes the manifest as the file {@code name} of {@code dir}, streamed (a corpus of 444,000 files makes 83 MB of
     * JSON), between a Lucene codec header and a checksum footer, and syncs it, so that it is on disk before the commit
     * that it belongs to.
     */
    void write(Directory dir, String name) throws IOException {
        try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
            CodecUtil.writeHeader(out, CODEC, VERSION);
            OutputStream body = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    out.writeByte((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.writeBytes(b, off, len);
                }

                @Override
                public void close() {
                    // the footer follows; the directory closes the file
                }
            };
            JSON.writerFor(TYPE).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(body, entries);
            CodecUtil.writeFooter(out);
        }
        dir.sync(List.of(name));
    }

    /**
     * The manifest {@link #write} left in {@code dir}, or null when there is none or it cannot be trusted (unreadable,
     * or its checksum fails): the build then re-processes everything.
     */
    static CorpusManifest read(Directory dir, String name) throws IOException {
        if (!List.of(dir.listAll()).contains(name)) return null;
        try (ChecksumIndexInput in = dir.openChecksumInput(name)) {
            CodecUtil.checkHeader(in, CODEC, VERSION, VERSION);
            long length = in.length() - CodecUtil.headerLength(CODEC) - CodecUtil.footerLength();
            if (length < 0) throw new CorruptIndexException("manifest too short", in);
            InputStream body = new InputStream() {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) return -1;
                    left--;
                    return in.readByte() & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) return -1;
                    int n = (int) Math.min(len, left);
                    in.readBytes(b, off, n);
                    left -= n;
                    return n;
                }
            };
            TreeMap<String, Entry> entries = JSON.readerFor(TYPE).without(JsonParser.Feature.AUTO_CLOSE_SOURCE).readValue(body);
            CodecUtil.checkFooter(in);
            return new CorpusManifest(entries);
        } catch (IOException | RuntimeException e) {
            return null;
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
