package org.parley.enrich;

/**
 * One token of a paragraph: a word (letters and digits, with inner hyphens and apostrophes, or a dotted
 * abbreviation like "U.S."), or a single punctuation character. {@code text} has curly apostrophes
 * replaced by straight ones; {@code start}/{@code end} index the original text.
 */
record Token(String text, int start, int end, boolean word) {
    boolean is(String s) {
        return text.equals(s);
    }

    boolean capitalised() {
        return word && Character.isUpperCase(text.codePointAt(0));
    }

    boolean lowercase() {
        return word && Character.isLowerCase(text.codePointAt(0));
    }

    boolean allCaps() {
        if (!word || text.length() < 2) return false;
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) return false;
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
