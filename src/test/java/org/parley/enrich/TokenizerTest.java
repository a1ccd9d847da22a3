package org.parley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer's ASCII fast path and the word filter change no token: the tokenizer is compared with
 * {@link ReferenceTokenizer}, the same rules code point by code point, on random text and on text built from the
 * pieces its rules treat specially.
 */
class TokenizerTest {

    @Property(tries = 2000)
    void sameTokensAsTheReferenceOnRandomUnicode(@ForAll @StringLength(max = 400) String text) {
        assertThat(Tokenizer.tokenize(text)).isEqualTo(ReferenceTokenizer.tokenize(text));
    }

    @Property(tries = 3000)
    void sameTokensAsTheReferenceOnNewsLikeText(@ForAll("newsLike") String text) {
        assertThat(Tokenizer.tokenize(text)).isEqualTo(ReferenceTokenizer.tokenize(text));
    }

    @Provide
    Arbitrary<String> newsLike() {
        // ASCII and non-ASCII letters, marks, surrogate pairs, the apostrophes and hyphens inside words, dotted
        // abbreviations, initials, "Sen.", German quotes, listed words (titles, function words) and their cases
        var pieces = Arbitraries.of("Prime", "Minister", "minister", "Minster", "PRIME", "the", "The", "of", "said", " ", " ",
                "  ", "\t", "\n", "\u00a0", "\u2028", "\u3000", "U.S.", "U.", "S. ", "E.U", "H.E.", "Sen.", "Sen", "Hun ", "Jr.",
                "Mr.", "Dr", "-", "--", "'", "’", "ʼ", "'s", "’s", "s", "al-", "el-Sisi", "Obeidi", "vice-", "president",
                "foreign", "ministry", "Sister", "Mary", "„", "“", "”", "\"", ",", ".", ":", "(", ")", "2021", "1990s", "A", "a",
                "é", "É", "Ⅰ", "Ⓐ", "\u0301", "\u0915\u093f", "\ud835\udc00", "\ud83d\ude00", "\ud800", "Ñ", "ß", "İ", "ǅ", "ﬁ",
                "Россия", "中国", "x", "Z9", "0", "_", "#", "'t", "don", "rock-'n'-roll");
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Test
    void theWordFilterKeepsEveryListedWord() {
        assertThat(NameWords.listedWords()).isNotEmpty();
        for (String w : NameWords.listedWords()) {
            assertThat(NameWords.flagsOf(w)).as(w).isEqualTo(NameWords.listedFlagsOf(w)).isNotZero();
        }
    }

    @Test
    void splitsWordsPunctuationAndPossessives() {
        List<Token> t = Tokenizer.tokenize("Cambodia’s PM, Hun Sen, said: \"U.S. ties\u00a0matter\".");
        assertThat(t).extracting(Token::text).containsExactly("Cambodia", "'s", "PM", ",", "Hun", "Sen", ",", "said", ":",
                "\"", "U.S.", "ties", "matter", "\"", ".");
        assertThat(t.get(2).allCaps()).isTrue();
        assertThat(t.get(7).lowercase()).isTrue();
        assertThat(t.get(10).start()).isEqualTo(31);
    }
}
