package org.parley.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ids of the articles inside one container file (feed, JSON Lines, WARC): the file's id, {@code -}, and a key
 * from the item itself (its own id when short and safe, else a hash of its guid, link or record id), so the id
 * stays the same when items are added, removed or reordered. A key seen twice in one file gets {@code -2},
 * {@code -3}, ... in file order.
 */
final class ArticleIds {
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private final String fileId;
    private final Map<String, Integer> seen = new HashMap<>();

    ArticleIds(String fileName) {
        this.fileId = ArticleParser.articleId(fileName);
    }

    /** The id for an item whose natural key is {@code key} (null or blank: {@code fallback}, e.g. its position). */
    String next(String key, String fallback) {
        String k = key == null || key.isBlank() ? fallback : key.strip();
        String base = fileId + "-" + (SAFE_KEY.matcher(k).matches() ? k : hash(k));
        int n = seen.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
