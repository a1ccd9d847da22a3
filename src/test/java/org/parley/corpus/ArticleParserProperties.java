package org.parley.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** The parser reads anything a corpus folder may hold without throwing, and numbers what it finds. */
class ArticleParserProperties {
    private final ArticleParser parser = new ArticleParser();

    @Property(tries = 500)
    void anyTextParsesIntoConsecutivelyNumberedNonBlankParagraphs(@ForAll @StringLength(max = 2000) String text) {
        Article a = parser.parse("any.txt", text);
        assertThat(a.title()).isNotNull();
        for (int i = 0; i < a.paragraphs().size(); i++) {
            Paragraph p = a.paragraphs().get(i);
            assertThat(p.ordinal()).isEqualTo(i + 1);
            assertThat(p.text()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void linesOfWordsKeepEveryNonBlankLine(@ForAll("newsLikeLines") java.util.List<String> lines) {
        Article a = parser.parse("lines.txt", String.join("\n", lines));
        long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
        assertThat(a.paragraphs().size()).isLessThanOrEqualTo((int) nonBlank);
        assertThat(a.paragraphs()).allSatisfy(p -> assertThat(p.text()).doesNotContain("\n"));
    }

    /** The straightforward regex form of the rule, as an oracle for the hand-written one-pass version. */
    private static String normaliseSpaceByRegex(String s) {
        return s.replaceAll("[\\u200B\\u200C\\u200D\\u2060\\uFEFF]", "")
                .replaceAll("[\\p{javaWhitespace}\\p{Zs}]+", " ")
                .strip();
    }

    @Property(tries = 1000)
    void whitespaceNormalisationMatchesTheRegexRule(@ForAll("spacey") String text) {
        assertThat(ArticleParser.normaliseSpace(text)).isEqualTo(normaliseSpaceByRegex(text));
    }

    /** The caption verbs without the first-letter lookahead, as an oracle for the pattern that has it. */
    private static final java.util.regex.Pattern CAPTION_VERB_PLAIN = java.util.regex.Pattern.compile(
            ParagraphClassifier.CAPTION_VERB.pattern().replace("(?=[acdghilmprstw])", ""));

    @Property(tries = 1500)
    void captionVerbsMatchAsWithoutTheLookahead(@ForAll("captiony") String text) {
        assertThat(CAPTION_VERB_PLAIN.pattern()).isNotEqualTo(ParagraphClassifier.CAPTION_VERB.pattern());
        assertThat(matches(ParagraphClassifier.CAPTION_VERB, text)).as(text).isEqualTo(matches(CAPTION_VERB_PLAIN, text));
    }

    private static java.util.List<String> matches(java.util.regex.Pattern p, String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = p.matcher(text);
        while (m.find()) out.add(m.start() + "-" + m.end());
        return out;
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> captiony() {
        // every alternative's words, their neighbours, capitals and glue
        return net.jqwik.api.Arbitraries.of("meet", "meets", "shake", "shakes", "hands", "hand", "hold", "holds", "bilateral",
                "official", "talks", "talk", "a", "meeting", "deliver", "delivers", "his", "her", "speech", "remarks", "address",
                "attend", "attends", "pose", "poses", "greet", "greets", "sign", "signs", "wave", "waves", "gesture", "gestures",
                "inspect", "inspects", "receive", "receives", "conduct", "conducts", "chair", "chairs", "preside", "presides",
                "look", "looks", "on", "listen", "listens", "arrive", "arrives", "speak", "speaks", "to", "with", "during", "at",
                "over", "cut", "cuts", "the", "ribbon", "inaugurate", "inaugurates", "Meets", "Talks", "x", "é", " ", " ", " ",
                "-", ".", ",", "(L)", "Jane", "Doe").list().ofMaxSize(16).map(parts -> String.join("", parts));
    }

    /** The boilerplate pattern as it was, one alternation with "all rights reserved" in it: the oracle for the split. */
    private static final java.util.regex.Pattern BOILERPLATE_AS_ONE = java.util.regex.Pattern.compile(
            ParagraphClassifier.BOILERPLATE.pattern().replace("|this material may not be published",
                    "|.{0,200}\\ball rights reserved\\b.{0,100}|this material may not be published"),
            java.util.regex.Pattern.CASE_INSENSITIVE);

    @Property(tries = 3000)
    void boilerplateMatchesAsTheSinglePattern(@ForAll("boilerplatey") String text) {
        assertThat(BOILERPLATE_AS_ONE.pattern()).contains("all rights reserved").hasSizeGreaterThan(ParagraphClassifier.BOILERPLATE.pattern().length());
        boolean expected = BOILERPLATE_AS_ONE.matcher(text).matches();
        net.jqwik.api.statistics.Statistics.label("boilerplate").collect(expected);
        assertThat(ParagraphClassifier.boilerplate(text)).as(text).isEqualTo(expected);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> boilerplatey() {
        // the pattern's words in any case, line breaks, letters whose Unicode case folds onto ASCII ones (Kelvin sign,
        // long s, dotted I) and long fillers that cross the 200- and 100-character bounds
        return net.jqwik.api.Arbitraries.of("all", "ALL", "All", "rights", "RIGHTS", "Rights", "reserved", "Reserved", "ſ", "\u212A",
                "\u0130", "riGhts", " ", " ", "\n", ".", "!", ":", "©", "(c)", "2026", "Reuters", "copyright", "Copyright", "share",
                "Related", "tags:", "all rights reserved", "All Rights Reserved.", "ALL RIGHTS RESERVED", "all rights\u00A0reserved", "x".repeat(90), "y".repeat(120), "Ltd", ",", "allrights", "reservedly").list().ofMaxSize(14)
                .map(parts -> String.join("", parts));
    }

    @Property(tries = 3000)
    void containsIgnoringCaseIsTheCaseInsensitivePattern(@ForAll("casey") String text,
                                                        @ForAll("caseWords") String word) {
        boolean byRegex = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(word), java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(text).find();
        assertThat(ParagraphClassifier.containsIgnoringCase(text, word)).as(text + " / " + word).isEqualTo(byRegex);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> caseWords() {
        return net.jqwik.api.Arbitraries.of("photo", "image", "picture", "rights reserved");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> casey() {
        // the words' pieces in both cases, letters whose Unicode case folds onto ASCII ones (long s, Kelvin sign, dotted
        // and dotless i), characters one bit away from a letter ('@', '`', '{') and spaces of other kinds
        return net.jqwik.api.Arbitraries.of("ph", "PH", "oto", "OTO", "im", "IM", "age", "AGE", "pic", "PIC", "ture", "rights",
                "RIGHTS", " ", "\u00A0", "\u0000", "re", "RE", "served", "SERVED", "ſ", "\u212A", "\u0130", "\u0131", "@", "`", "{",
                "P", "p", "o", "O").list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Property(tries = 1000)
    void singleSentenceMatchesTheRegexRule(@ForAll("sentencey") String text) {
        boolean byRegex = text.split("(?<!\\b\\p{Lu}\\p{Ll}{0,2}\\.)(?<=[.!?])\\s+(?=\\p{Lu})").length == 1;
        assertThat(ParagraphClassifier.singleSentence(text)).as(text).isEqualTo(byRegex);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> sentencey() {
        return net.jqwik.api.Arbitraries.of("Ms", "Dr", "U", "S", "the", "talks", "Abc", "x1", ".", "!", "?", " ", "  ", "\n", "”", "A", "b")
                .list().ofMaxSize(14).map(parts -> String.join("", parts));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> spacey() {
        return net.jqwik.api.Arbitraries.of("a", "bc", " ", "  ", "\t", "\u00A0", "\u2007", "\u202F", "\u3000", "\u2003",
                "\u200B", "\uFEFF", "\u2060", "é", ".", "\u000B", "\u001F").list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<java.util.List<String>> newsLikeLines() {
        net.jqwik.api.Arbitrary<String> word = net.jqwik.api.Arbitraries.of("The", "minister", "said", "“We", "agree,”", "Russia",
                "in", "2021.", "By", "Related", "Articles", "•", "October", "14,", "AFP", "(R)", "meets", "\u00A0", "");
        return word.list().ofMaxSize(30).map(ws -> String.join(" ", ws)).list().ofMaxSize(20);
    }
}
