package org.parley.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into {@link Token}s. Stateless and thread-safe. */
final class Tokenizer {
    /**
     * Dotted abbreviations ("U.S.", "H.E."), words with inner hyphens/apostrophes, or one other visible
     * character. Each alternative consumes at least one character and its repetitions need a separator,
     * so matching is linear.
     */
    private static final Pattern TOKEN = Pattern.compile(
            "((?:\\p{Lu}\\.){2,})|([\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:[-'’ʼ][\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*)*)|([^\\s\\p{Z}])");

    private Tokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>(Math.max(8, text.length() / 5));
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            int s = m.start(), e = m.end();
            if (m.group(1) != null) {
                out.add(new Token(m.group(1), s, e, true));
            } else if (m.group(2) != null) {
                String w = m.group(2).replace('’', '\'').replace('ʼ', '\'');
                // "Cambodia's" -> "Cambodia" + "'s": the possessive is not part of the name.
                if (w.length() > 2 && w.endsWith("'s")) {
                    out.add(new Token(w.substring(0, w.length() - 2), s, e - 2, true));
                    out.add(new Token("'s", e - 2, e, false));
                } else {
                    out.add(new Token(w, s, e, true));
                }
            } else {
                out.add(new Token(m.group(3), s, e, false));
            }
        }
        return out;
    }
}
