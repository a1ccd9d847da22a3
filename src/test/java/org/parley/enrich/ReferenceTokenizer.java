package org.parley.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokenizer's rules as they were before its ASCII fast path: code point by code point through {@link Character},
 * every word looked up in the word table without its filter. The helpers that did not change are the tokenizer's
 * own. {@link TokenizerTest} holds the tokenizer to it.
 */
final class ReferenceTokenizer {
    private ReferenceTokenizer() {
    }

    static List<Token> tokenize(String text) {
        int n = text.length();
        List<Token> out = new ArrayList<>(Math.max(8, n / 5));
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += len;
                continue;
            }
            if (!Character.isLetterOrDigit(cp)) {
                out.add(token(text.substring(i, i + len), i, i + len, false));
                i += len;
                continue;
            }
            int j = dottedAbbreviationEnd(text, i);
            if (j > i) {
                out.add(token(text.substring(i, j), i, j, true));
                i = j;
                continue;
            }
            j = i + len;
            while (j < n) {
                int c = text.codePointAt(j);
                if (Character.isLetterOrDigit(c) || Tokenizer.isMark(c)) {
                    j += Character.charCount(c);
                } else if ((c == '-' || c == '\'' || c == '’' || c == 'ʼ') && j + 1 < n && Character.isLetterOrDigit(text.codePointAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            String w = text.substring(i, j);
            if (w.indexOf('’') >= 0 || w.indexOf('ʼ') >= 0) w = w.replace('’', '\'').replace('ʼ', '\'');
            // "Cambodia's" -> "Cambodia" + "'s": the possessive is not part of the name.
            if (w.length() > 2 && w.endsWith("'s")) {
                out.add(token(w.substring(0, w.length() - 2), i, j - 2, true));
                out.add(token("'s", j - 2, j, false));
            } else if (Tokenizer.initial(text, w, j)) {
                // "S. Raghunathan", "John F. Kennedy": an initial is part of the name, with its period
                Token x = token(w, i, j, true);
                out.add(new Token(w + ".", x.lower() + ".", i, j + 1, true, x.flags()));
                j++;
            } else if (j < n && text.charAt(j) == '.' && w.equals("Sen") && Tokenizer.senatorTitle(out)) {
                // "Sen. Paul Jordan" (a senator), not the end of "Hun Sen."
                Token x = token(w, i, j, true);
                out.add(new Token(x.text(), x.lower(), x.start(), x.end(), true, x.flags() | Token.TITLE | Token.DOTTED_TITLE));
            } else {
                out.add(token(w, i, j, true));
            }
            i = j;
        }
        if (text.indexOf('„') >= 0) Tokenizer.closeGermanQuotes(out);
        Tokenizer.markCapitalisedTitles(out);
        return out;
    }

    /** End of "U.S." or "H.E." (two or more capital letters each followed by a period) at {@code i}, or {@code i}. */
    private static int dottedAbbreviationEnd(String text, int i) {
        int j = i;
        int n = text.length();
        while (j + 1 < n && Character.isUpperCase(text.charAt(j)) && text.charAt(j + 1) == '.') j += 2;
        return j - i >= 4 ? j : i;
    }

    private static Token token(String text, int start, int end, boolean word) {
        String lower = text.toLowerCase(Locale.ROOT);
        int flags = 0;
        if (word) {
            int first = text.codePointAt(0);
            if (Character.isUpperCase(first) || (first == 'a' || first == 'e') && Tokenizer.arabicArticleName(text)) flags |= Token.CAPITALISED;
            else if (Character.isLowerCase(first)) flags |= Token.LOWERCASE;
            else if (Character.isDigit(first)) flags |= Token.DIGIT;
            if (text.length() >= 2 && !Tokenizer.hasLowerCase(text) && Tokenizer.hasUpperCase(text)) flags |= Token.ALL_CAPS;
            flags |= NameWords.listedFlagsOf(lower);
        }
        return new Token(text, lower, start, end, word, flags);
    }
}
