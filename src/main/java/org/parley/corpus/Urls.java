package org.parley.corpus;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Article URLs: only absolute http(s) addresses are kept, relative ones resolved against a base. */
final class Urls {
    private static final int MAX_URL_CHARS = 2048;

    private Urls() {
    }

    /** {@code s} when it is an absolute http(s) URL, else null. */
    static String absoluteOrNull(String s) {
        return resolve(null, s);
    }

    /** {@code s} resolved against {@code base} (which may be null) when the result is an absolute http(s) URL, else null. */
    static String resolve(String base, String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty() || t.length() > MAX_URL_CHARS) return null;
        try {
            URI uri = new URI(t.replace(" ", "%20"));
            if (!uri.isAbsolute()) {
                if (base == null) return null;
                String b = absoluteOrNull(base);
                if (b == null) return null;
                uri = new URI(b).resolve(uri);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return null;
            if (uri.getHost() == null || uri.getHost().isEmpty()) return null;
            return uri.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
