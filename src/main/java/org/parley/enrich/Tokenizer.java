package org.parley.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into {@link Token}s in one pass without regular expressions (the enrichment runs over
 * millions of paragraphs). Stateless and thread-safe.
 */
final class Tokenizer {
    private static final byte SPACE = 0;
    private static final byte LETTER_OR_DIGIT = 1;
    private static final byte OTHER = 2;
    /** {@link #classOf} of every ASCII character, computed from the same {@link Character} rules. */
    private static final byte[] ASCII_CLASS = new byte[128];
    /** One-character strings of ASCII, shared by the punctuation tokens. */
    private static final String[] ASCII_STRINGS = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_CLASS[c] = classOf(c);
            ASCII_STRINGS[c] = String.valueOf(c);
        }
    }

    private Tokenizer() {
    }

    /** Whether a code point separates tokens, starts a word, or is a token by itself. */
    private static byte classOf(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return SPACE;
        return Character.isLetterOrDigit(cp) ? LETTER_OR_DIGIT : OTHER;
    }

    static List<Token> tokenize(String text) {
        int n = text.length();
        List<Token> out = new ArrayList<>(Math.max(8, n / 5));
        int i = 0;
        while (i < n) {
            // ASCII through a table, the rest through Character: most of the corpus is ASCII, and these
            // checks run on every character of it
            char ch = text.charAt(i);
            int cp = ch < 128 ? ch : text.codePointAt(i);
            int len = ch < 128 ? 1 : Character.charCount(cp);
            byte kind = ch < 128 ? ASCII_CLASS[ch] : classOf(cp);
            if (kind == SPACE) {
                i += len;
                continue;
            }
            if (kind == OTHER) {
                out.add(ch < 128 ? new Token(ASCII_STRINGS[ch], ASCII_STRINGS[ch], i, i + 1, false, 0)
                        : token(text.substring(i, i + len), i, i + len, false));
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
            boolean ascii = ch < 128;
            while (j < n) {
                char c = text.charAt(j);
                if (c < 128) {
                    if (ASCII_CLASS[c] == LETTER_OR_DIGIT) {
                        j++;
                    } else if ((c == '-' || c == '\'') && j + 1 < n && Character.isLetterOrDigit(text.codePointAt(j + 1))) {
                        j++;
                    } else {
                        break;
                    }
                    continue;
                }
                ascii = false;
                int cc = text.codePointAt(j);
                if (Character.isLetterOrDigit(cc) || isMark(cc)) {
                    j += Character.charCount(cc);
                } else if ((cc == '’' || cc == 'ʼ') && j + 1 < n && Character.isLetterOrDigit(text.codePointAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            String w = text.substring(i, j);
            if (!ascii && (w.indexOf('’') >= 0 || w.indexOf('ʼ') >= 0)) w = w.replace('’', '\'').replace('ʼ', '\'');
            // "Cambodia's" -> "Cambodia" + "'s": the possessive is not part of the name.
            if (w.length() > 2 && w.endsWith("'s")) {
                out.add(token(w.substring(0, w.length() - 2), i, j - 2, true));
                out.add(token("'s", j - 2, j, false));
            } else if (initial(text, w, j)) {
                // "S. Raghunathan", "John F. Kennedy": an initial is part of the name, with its period
                Token x = token(w, i, j, true);
                out.add(new Token(w + ".", x.lower() + ".", i, j + 1, true, x.flags()));
                j++;
            } else if (j < n && text.charAt(j) == '.' && w.equals("Sen") && senatorTitle(out)) {
                // "Sen. Paul Jordan" (a senator), not the end of "Hun Sen."
                Token x = token(w, i, j, true);
                out.add(new Token(x.text(), x.lower(), x.start(), x.end(), true, x.flags() | Token.TITLE | Token.DOTTED_TITLE));
            } else {
                out.add(token(w, i, j, true));
            }
            i = j;
        }
        if (text.indexOf('„') >= 0) closeGermanQuotes(out);
        markCapitalisedTitles(out);
        return out;
    }

    /**
     * Marks the words that are titles only capitalised before a name ("Sister Mercedes Olmos", "Metropolitan Onufriy")
     * as titles there: not before an organisation's word ("the Metropolitan Police") nor after an article ("the
     * Metropolitan Museum", "the Sister Cities programme").
     */
    static void markCapitalisedTitles(List<Token> out) {
        for (int k = 0; k + 1 < out.size(); k++) {
            Token x = out.get(k);
            if (!x.has(Token.CAPITALISED_TITLE) || !x.capitalised()) continue;
            Token next = out.get(k + 1);
            if (!next.capitalised() || next.has(Token.ORGANISATION) || k > 0 && out.get(k - 1).lower().equals("the")) continue;
            out.set(k, new Token(x.text(), x.lower(), x.start(), x.end(), true, x.flags() | Token.TITLE));
        }
    }

    /** End of "U.S." or "H.E." (two or more capital letters each followed by a period) at {@code i}, or {@code i}. */
    private static int dottedAbbreviationEnd(String text, int i) {
        int j = i;
        int n = text.length();
        while (j + 1 < n && text.charAt(j + 1) == '.' && Character.isUpperCase(text.charAt(j))) j += 2;
        return j - i >= 4 ? j : i;
    }

    static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    private static Token token(String text, int start, int end, boolean word) {
        String lower = text.toLowerCase(Locale.ROOT);
        int flags = 0;
        if (word) {
            int first = text.codePointAt(0);
            if (Character.isUpperCase(first) || (first == 'a' || first == 'e') && arabicArticleName(text)) flags |= Token.CAPITALISED;
            else if (Character.isLowerCase(first)) flags |= Token.LOWERCASE;
            else if (Character.isDigit(first)) flags |= Token.DIGIT;
            if (text.length() >= 2 && !hasLowerCase(text) && hasUpperCase(text)) flags |= Token.ALL_CAPS;
            flags |= NameWords.flagsOf(lower);
        }
        return new Token(text, lower, start, end, word, flags);
    }

    /** German quotation marks: „ opens and “ (elsewhere an opening mark) closes; the rules see ” there. */
    static void closeGermanQuotes(List<Token> out) {
        boolean lowOpen = false;
        for (int k = 0; k < out.size(); k++) {
            Token x = out.get(k);
            if (x.word()) continue;
            if (x.is("„")) {
                lowOpen = true;
            } else if (x.is("“") && lowOpen) {
                out.set(k, new Token("”", "”", x.start(), x.end(), false, x.flags()));
                lowOpen = false;
            }
        }
    }

    /** Whether the word {@code w} ending at {@code j} is an initial: one capital letter, a period, a space and a capitalised word. */
    static boolean initial(String text, String w, int j) {
        return w.length() == 1 && Character.isUpperCase(w.charAt(0)) && j + 2 < text.length() && text.charAt(j) == '.'
                && text.charAt(j + 1) == ' ' && Character.isUpperCase(text.charAt(j + 2));
    }

    /** Whether "Sen." after these tokens is a senator's title: not after a name word ("Hun Sen."). */
    static boolean senatorTitle(List<Token> out) {
        if (out.isEmpty()) return true;
        Token prev = out.getLast();
        if (!prev.capitalised() || (prev.flags() & (Token.TITLE | Token.ORGANISATION | Token.FUNCTION)) != 0) return true;
        return prev.lower().equals("republican") || prev.lower().equals("democrat") || prev.lower().equals("independent");
    }

    /** "al-Obeidi", "el-Sisi", "ad-Darwish": an Arabic article glued to a capitalised name is a name word. */
    static boolean arabicArticleName(String w) {
        int h = w.indexOf('-');
        if (h < 2 || h > 3 || h + 1 >= w.length() || !Character.isUpperCase(w.charAt(h + 1))) return false;
        char a = w.charAt(0);
        return a == 'a' || a == 'e';
    }

    static boolean hasLowerCase(String s) {
        for (int k = 0; k < s.length(); k++) if (Character.isLowerCase(s.charAt(k))) return true;
        return false;
    }

    static boolean hasUpperCase(String s) {
        for (int k = 0; k < s.length(); k++) if (Character.isUpperCase(s.charAt(k))) return true;
        return false;
    }
}
