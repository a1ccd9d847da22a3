package org.parley.enrich;

/**
 * One token of a paragraph: a word (letters and digits, with inner hyphens and apostrophes, or a dotted
 * abbreviation like "U.S."), or a single punctuation character. {@code text} has curly apostrophes
 * replaced by straight ones, {@code lower} is its lower case; {@code start}/{@code end} index the original
 * text. {@code flags} are the word classes of {@link NameWords}, computed once by the {@link Tokenizer}
 * because the rules ask for them many times.
 */
record Token(String text, String lower, int start, int end, boolean word, int flags) {
    static final int CAPITALISED = 1;
    static final int LOWERCASE = 1 << 1;
    static final int ALL_CAPS = 1 << 2;
    static final int TITLE = 1 << 3;
    static final int TITLE_GLUE = 1 << 4;
    static final int ORGANISATION = 1 << 5;
    static final int FUNCTION = 1 << 6;
    static final int PARTICLE = 1 << 7;
    static final int DOTTED_TITLE = 1 << 8;
    static final int DIGIT = 1 << 9;
    /** A word that is a title only capitalised before a name ({@link NameWords#CAPITALISED_TITLES}). */
    static final int CAPITALISED_TITLE = 1 << 10;

    boolean is(String s) {
        return text.equals(s);
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    boolean capitalised() {
        return (flags & CAPITALISED) != 0;
    }

    boolean lowercase() {
        return (flags & LOWERCASE) != 0;
    }

    boolean allCaps() {
        return (flags & ALL_CAPS) != 0;
    }
}
