package org.parley.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleParserTest {
    private final ArticleParser parser = new ArticleParser();

    private static List<ParagraphKind> kinds(Article a) {
        return a.paragraphs().stream().map(Paragraph::kind).toList();
    }

    @Test
    void oneParagraphPerNonBlankLineNumberedFromOne() {
        Article a = parser.parse("x.txt", "Leaders Meet in Jakarta\n\nThe talks began on Monday.\n\n\nThey ended on Tuesday.\n");
        assertThat(a.paragraphs()).extracting(Paragraph::ordinal).containsExactly(1, 2, 3);
        assertThat(a.paragraphs()).extracting(Paragraph::text)
                .containsExactly("Leaders Meet in Jakarta", "The talks began on Monday.", "They ended on Tuesday.");
        assertThat(a.title()).isEqualTo("Leaders Meet in Jakarta");
        assertThat(kinds(a)).containsExactly(ParagraphKind.TITLE, ParagraphKind.BODY, ParagraphKind.BODY);
        assertThat(a.id()).isEqualTo("x");
    }

    @Test
    void linesWithoutBlankLinesAreStillSeparateParagraphs() {
        Article a = parser.parse("x.txt", "Ministers Agree on Trade\nThe ministers met in Hanoi.\nThey signed two accords.");
        assertThat(a.paragraphs()).hasSize(3);
    }

    @Test
    void hardWrappedLinesAreJoined() {
        String text = "Ministers Agree on Trade\n\nThe ministers met in Hanoi on Monday and\nagreed to expand trade between the two\ncountries.\n\nA second meeting is planned.\n";
        Article a = parser.parse("x.txt", text);
        assertThat(a.paragraphs()).extracting(Paragraph::text).containsExactly("Ministers Agree on Trade",
                "The ministers met in Hanoi on Monday and agreed to expand trade between the two countries.",
                "A second meeting is planned.");
    }

    @Test
    void whitespaceIsNormalisedButQuotesKept() {
        Article a = parser.parse("x.txt", "Title Here\n“We agree,”\u00A0she\u2009said.\u200B\r\n");
        assertThat(a.paragraphs().get(1).text()).isEqualTo("“We agree,” she said.");
    }

    @Test
    void frontMatterHeaderSetsMetadataAndIsNotAParagraph() {
        String text = "---\ntitle: Summit Opens\ndate: 2023-09-05\nauthor: Jane Roe\nsource: Example Times\n---\nThe summit opened today.\n";
        Article a = parser.parse("y.txt", text);
        assertThat(a.title()).isEqualTo("Summit Opens");
        assertThat(a.published()).isEqualTo(LocalDate.of(2023, 9, 5));
        assertThat(a.author()).isEqualTo("Jane Roe");
        assertThat(a.source()).isEqualTo("Example Times");
        assertThat(a.paragraphs()).singleElement().extracting(Paragraph::kind).isEqualTo(ParagraphKind.BODY);
    }

    @Test
    void leadingDateMarkerIsPublicationDateAndRemovedFromText() {
        Article a = parser.parse("z.txt", " date 2021-03-04 March 5, 2021, marks the anniversary of the treaty.\n\nMore text follows here.");
        assertThat(a.published()).isEqualTo(LocalDate.of(2021, 3, 4));
        assertThat(a.paragraphs().getFirst().text()).startsWith("March 5, 2021, marks");
        assertThat(a.paragraphs().getFirst().original()).startsWith("date 2021-03-04 March 5, 2021, marks");
        // A long first sentence is no headline: the title is derived from it and the paragraph stays body text.
        assertThat(a.paragraphs().getFirst().kind()).isEqualTo(ParagraphKind.BODY);
        assertThat(a.title()).isEqualTo("March 5, 2021, marks the anniversary of the treaty.");
    }

    @Test
    void datelinesAndBulletBylinesAreRecognised() {
        String text = "Envoys Discuss Debt Relief\n  • Maria Lopez Garcia\n  • October 2, 2019 4:05 PM\nThe envoys met for two hours.\n";
        Article a = parser.parse("d.txt", text);
        assertThat(kinds(a)).containsExactly(ParagraphKind.TITLE, ParagraphKind.BYLINE, ParagraphKind.DATELINE, ParagraphKind.BODY);
        assertThat(a.published()).isEqualTo(LocalDate.of(2019, 10, 2));
        assertThat(a.author()).isEqualTo("Maria Lopez Garcia");
    }

    @Test
    void byLinesCreditsBiosAndBoilerplate() {
        String text = "Ports Reopen After Storm\nBy Ahmed Karimi\nThe ports reopened on Friday.\n"
                + "Li Wei is a researcher at an institute in Singapore. The views expressed are solely his own.\n"
                + "Related Articles\n";
        Article a = parser.parse("b.txt", text);
        assertThat(kinds(a)).containsExactly(ParagraphKind.TITLE, ParagraphKind.BYLINE, ParagraphKind.BODY,
                ParagraphKind.BYLINE, ParagraphKind.BOILERPLATE);
        assertThat(a.author()).isEqualTo("Ahmed Karimi");
        assertThat(parser.parse("c.txt", "Some Headline Here\nText of the story.\nBy staff writers – Translated by Sam Poe")
                .paragraphs().get(2).kind()).isEqualTo(ParagraphKind.BYLINE);
    }

    @Test
    void anInterviewsLastShortAnswerIsNoAuthorBio() {
        // "No. It is ..." matched the bio's "Two Capitalised words is a ...": a pronoun after the first word is a
        // second sentence, not a name
        Article a = parser.parse("qa.txt", "Talking Trade\nQ: Is this the end of the alliance?\nA: It has changed.\n"
                + "No. It is a normal evolution.\n");
        assertThat(a.paragraphs().getLast().kind()).isEqualTo(ParagraphKind.BODY);
        // still bios: a name, and a surname that is also a pronoun when it comes first
        assertThat(parser.parse("b.txt", "Ports Reopen\nThe ports reopened.\nAda Berg is a fellow at an institute in Oslo.\n")
                .paragraphs().getLast().kind()).isEqualTo(ParagraphKind.BYLINE);
        assertThat(parser.parse("c.txt", "Ports Reopen\nThe ports reopened.\nHe Yafei is a former vice foreign minister.\n")
                .paragraphs().getLast().kind()).isEqualTo(ParagraphKind.BYLINE);
    }

    @Test
    void captionsAreToldApartFromBodyText() {
        String text = "Ministers Meet\n"
                + "Image - Example Daily\n"
                + "Foreign Minister Ana Silva shakes hands with her counterpart in Lima in 2019. AFP\n"
                + "President Tomas Berg (L) meets with the delegation in the capital.\n"
                + "The Friendship Bridge over the river at dusk\n"
                + "The ministers discussed trade and security during talks with officials.\n"
                + "Talks Resume on Border Dispute\n"
                + "The delegation said it would return next year.\n";
        Article a = parser.parse("c.txt", text);
        assertThat(kinds(a)).containsExactly(ParagraphKind.TITLE, ParagraphKind.CAPTION, ParagraphKind.CAPTION,
                ParagraphKind.CAPTION, ParagraphKind.CAPTION, ParagraphKind.BODY, ParagraphKind.HEADING, ParagraphKind.BODY);
        assertThat(a.source()).isEqualTo("Example Daily");
    }

    @Test
    void unpunctuatedSentenceWithAVerbIsBodyNotCaption() {
        Article a = parser.parse("c.txt", "Headline For Story\nThe country became a partner in 2015 during the summit held in the south");
        assertThat(a.paragraphs().get(1).kind()).isEqualTo(ParagraphKind.BODY);
    }

    @Test
    void headlinesUnderARelatedArticlesMarkerAreFurnitureUntilRunningTextResumes() {
        String text = "Ports Reopen After Storm\n"
                + "The ports reopened on Friday.\n"
                + "Read more:\n"
                + "• Australia signs lithium deal with Chile\n"
                + "June 5, 2023\n"
                + "Floods Hit Coastal Towns Again\n"
                + "Officials said the harbour would be dredged before the monsoon season begins next month.\n"
                + "A New Chapter for Regional Shipping\n"
                + "Related Articles\n"
                + "Vietnam and Japan upgrade ties\n"
                + "Ministers meet in Jakarta as talks stall";
        Article a = parser.parse("r.txt", text);
        assertThat(kinds(a)).containsExactly(ParagraphKind.TITLE, ParagraphKind.BODY, ParagraphKind.BOILERPLATE,
                ParagraphKind.BOILERPLATE, ParagraphKind.DATELINE, ParagraphKind.BOILERPLATE, ParagraphKind.BODY,
                ParagraphKind.HEADING, ParagraphKind.BOILERPLATE, ParagraphKind.BOILERPLATE, ParagraphKind.BOILERPLATE);
        assertThat(a.searchableParagraphs()).extracting(Paragraph::text).doesNotContain(
                "• Australia signs lithium deal with Chile", "Vietnam and Japan upgrade ties");
        // the linked story's date is not this article's date
        assertThat(a.published()).isNull();
    }

    @Test
    void searchableParagraphsExcludeFurniture() {
        Article a = parser.parse("s.txt", "A Title For It\nBody one.\nRelated Articles");
        assertThat(a.searchableParagraphs()).extracting(Paragraph::text).containsExactly("Body one.");
    }

    @Test
    void trailingAgencyCreditBecomesSourceWithoutTouchingText() {
        Article a = parser.parse("t.txt", "Leaders Pledge Cooperation\n“We will work together,” the leader said. XNA");
        assertThat(a.source()).isEqualTo("XNA");
        assertThat(a.paragraphs().get(1).kind()).isEqualTo(ParagraphKind.BODY);
    }

    @Test
    void aBylineWithADateGivesTheAuthorAloneAndThePublicationDate() {
        Article a = parser.parse("b.txt", "Port Strike Ends\n\nBy Jo Hart | 15 September 2021\n\nDock workers ended their strike on Friday.");
        assertThat(kinds(a)).containsExactly(ParagraphKind.TITLE, ParagraphKind.BYLINE, ParagraphKind.BODY);
        assertThat(a.author()).isEqualTo("Jo Hart");
        assertThat(a.published()).isEqualTo(LocalDate.of(2021, 9, 15));
    }

    @Test
    void copyrightNoticesAndCookieNoticesAreBoilerplateNotBody() {
        Article a = parser.parse("c.txt", String.join("\n",
                "Port Strike Ends",
                "Dock workers ended their strike on Friday.",
                "Copyright holders welcomed the ruling on Monday.", // running text that starts with the word
                "We use cookies to give you the best experience. By continuing you agree to our cookie policy.",
                "Copyright 2021 Metro Post. All rights reserved.",
                "© 2024 The Valley Gazette",
                "Copyright © 2019 Harbour Media Ltd",
                "This material may not be published, broadcast, rewritten or redistributed."));
        assertThat(kinds(a)).containsExactly(ParagraphKind.TITLE, ParagraphKind.BODY, ParagraphKind.BODY,
                ParagraphKind.BOILERPLATE, ParagraphKind.BOILERPLATE, ParagraphKind.BOILERPLATE, ParagraphKind.BOILERPLATE,
                ParagraphKind.BOILERPLATE);
    }

    @Test
    void articleIdsAreSafe() {
        assertThat(ArticleParser.articleId("../../etc/passwd.txt")).doesNotContain("/");
        assertThat(ArticleParser.articleId("001_abc.txt")).isEqualTo("001_abc");
    }

    @Test
    void articleIdsOfNonLatinFileNamesKeepTheirLettersAndDoNotCollide() {
        // Every letter used to become '_': 新闻.txt and 体育.txt were both '__', and the indexer skipped one of them
        // as a duplicate article id.
        assertThat(ArticleParser.articleId("新闻.txt")).isEqualTo("新闻");
        assertThat(ArticleParser.articleId("体育.txt")).isNotEqualTo(ArticleParser.articleId("新闻.txt"));
        assertThat(ArticleParser.articleId("Погода.txt")).isNotEqualTo(ArticleParser.articleId("Третий.txt"));
        assertThat(ArticleParser.articleId("समाचार.html")).isEqualTo("समाचार"); // vowel signs are marks, not letters
        // a name as macOS stores it (decomposed) gives the same id as the composed name
        assertThat(ArticleParser.articleId("cafe\u0301 noir.md")).isEqualTo(ArticleParser.articleId("caf\u00e9 noir.md"))
                .isEqualTo("caf\u00e9_noir");
        assertThat(ArticleParser.articleId("a b/c\\d:e.txt")).isEqualTo("a_b_c_d_e");
    }

    @Test
    void anIsoDateTimeOrAnUnambiguousNumberDateLineDatesTheArticle() {
        // "2026-12-07T10:00:00+07:00" on a line of its own was a caption and the article had no date.
        Article a = parser.parse("t.txt", "Envoys meet a third time\n2026-12-07T10:00:00+07:00\nThe envoys met again on Monday to review the agreement.\n");
        assertThat(a.published()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(a.paragraphs().get(1).kind()).isEqualTo(ParagraphKind.DATELINE);
        Article b = parser.parse("u.txt", "Envoys meet a fourth time\n17/12/2026\nThe envoys met again on Thursday to review the agreement.\n");
        assertThat(b.published()).isEqualTo(LocalDate.of(2026, 12, 17));
        Article c = parser.parse("v.txt", "Envoys meet a fifth time\n07/12/2026\nThe envoys met again on Monday to review the agreement.\n");
        assertThat(c.published()).isNull(); // July or December: not guessed
        assertThat(c.paragraphs().get(1).kind()).isEqualTo(ParagraphKind.DATELINE);
    }

    @Test
    void aDateLineThatGoesOnWithItsAuthorIsABylineNamingOnlyTheAuthor() {
        Article a = parser.parse("p.txt", "Border talks stall\nPosted on December 7, 2026 by Mira Tansek\n"
                + "Negotiators ended a third day of talks without agreeing how the river's water should be shared.\n"
                + "Posted on the door of the ministry by protesters, the notice was taken down within an hour.\n");
        assertThat(a.author()).isEqualTo("Mira Tansek");
        assertThat(a.published()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(a.paragraphs()).extracting(Paragraph::kind).containsExactly(
                ParagraphKind.TITLE, ParagraphKind.BYLINE, ParagraphKind.BODY, ParagraphKind.BODY);
    }

    @Test
    void aSentenceWhoseSubjectIsAPronounIsNoPhotoCaption() {
        // "They meet again in March." read as a caption ("X meets Y", the subject a capitalised word) and was not
        // searchable; a caption names the people in the picture.
        Article a = parser.parse("m.txt", "Ministers end talks\nThe foreign ministers met in the capital on Monday.\n"
                + "They meet again in March.\nWe attend every round, a delegate said.\n"
                + "Foreign Minister Jane Doe meets her counterpart Ali Khan in Hanoi\n");
        assertThat(a.paragraphs()).extracting(Paragraph::kind).containsExactly(
                ParagraphKind.TITLE, ParagraphKind.BODY, ParagraphKind.BODY, ParagraphKind.BODY, ParagraphKind.CAPTION);
    }

    @Test
    void aRoleNounBeforeOfIsNoCaptionVerb() {
        // "chair" read as the caption verb "chairs" ("X chairs a meeting"), and the sentence was no body text
        Article a = parser.parse("r.txt", "Committee warns on aid\nMira Tansek, chair of the budget committee, warned the cuts would hurt.\n"
                + "Foreign Minister Jane Doe chairs the meeting in Hanoi\n");
        assertThat(a.paragraphs()).extracting(Paragraph::kind).containsExactly(
                ParagraphKind.TITLE, ParagraphKind.BODY, ParagraphKind.CAPTION);
    }
}
