package org.parley.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.corpus.Article;
import org.parley.corpus.Paragraph;
import org.parley.corpus.ParagraphKind;

class SpeakerExtractorTest {
    private static final Enricher ENRICHER = new Enricher();

    private static List<ParagraphMetadata> enrich(Object... paragraphs) {
        List<Paragraph> ps = new ArrayList<>();
        ParagraphKind kind = ParagraphKind.BODY;
        for (Object o : paragraphs) {
            if (o instanceof ParagraphKind k) {
                kind = k;
                continue;
            }
            ps.add(new Paragraph(ps.size() + 1, (String) o, kind));
            kind = ParagraphKind.BODY;
        }
        Article a = new Article("t", "t.txt", "t", null, null, null, ps);
        return ENRICHER.enrich(a).paragraphs().stream().map(EnrichedParagraph::metadata).toList();
    }

    private static List<List<String>> speakers(Object... paragraphs) {
        return enrich(paragraphs).stream().map(ParagraphMetadata::speakers).toList();
    }

    @Test
    void subjectBeforeTheVerbWithTitlesStripped() {
        assertThat(speakers("Prime Minister Samdech Akka Moha Sena Padei Techo Hun Sen reaffirmed Cambodia’s stance."))
                .containsExactly(List.of("Hun Sen"));
        assertThat(speakers("Cambodian foreign ministry secretary of state Chem Widhya said the talks went well."))
                .containsExactly(List.of("Chem Widhya"));
        assertThat(speakers("Ms. Retno Marsudi told reporters the code must be effective."))
                .containsExactly(List.of("Retno Marsudi"));
        assertThat(speakers("European Commission President Ursula von der Leyen said the deal was historic."))
                .containsExactly(List.of("Ursula von der Leyen"));
        assertThat(speakers("Deputy Prime Minister Hor Namhong on Tuesday (Oct. 13) requested support from Russia."))
                .containsExactly(List.of("Hor Namhong"));
    }

    @Test
    void subjectAfterTheVerbAndAfterAccordingTo() {
        assertThat(speakers("\"We are ready to work together,\" said Chinese Foreign Minister Wang Yi."))
                .containsExactly(List.of("Wang Yi"));
        assertThat(speakers("Russian Foreign Minister Sergei Lavrov arrived on Monday.",
                "According to Lavrov, the talks were useful."))
                .containsExactly(List.of(), List.of("Sergei Lavrov"));
    }

    @Test
    void appositivesRelativeClausesAndPassives() {
        assertThat(speakers("Kin Phea, director of the Royal Academy of Cambodia’s International Relations Institute, said trade could grow."))
                .containsExactly(List.of("Kin Phea"));
        assertThat(speakers("A spokeswoman for the ministry, Hikariko Ono, said Tokyo would send a delegation."))
                .containsExactly(List.of("Hikariko Ono"));
        assertThat(speakers("These have been explicitly underlined by Prime Minister Hun Sen, who stated on March 28 that Cambodia is against invasion."))
                .containsExactly(List.of("Hun Sen"));
        assertThat(speakers("Prime Minister Hun Sen, in a letter addressed to his counterpart Mikhail Mishustin, said ties were strong."))
                .containsExactly(List.of("Hun Sen"));
    }

    @Test
    void titleAppositivesAndSharedSubjects() {
        assertThat(speakers("Lok Chumteav Cham Nimul, Minister of Commerce, added that exports would grow."))
                .containsExactly(List.of("Cham Nimul"));
        assertThat(speakers("Samdech Moha Bovor Thipadei Hun Manet received the Chinese minister.",
                "Samdech Thipadei welcomed the guest and highlighted the excellent relations."))
                .containsExactly(List.of(), List.of("Hun Manet"));
    }

    @Test
    void transcriptLinesNameTheirSpeaker() {
        assertThat(speakers("Foreign Minister Vivian Balakrishnan spoke to us.", "Q: Will ASEAN choose sides?",
                "Balakrishnan: We do not want to choose sides.", "Note: the interview was edited."))
                .containsExactly(List.of(), List.of(), List.of("Vivian Balakrishnan"), List.of());
    }

    @Test
    void joinedSubjectsBothSpeak() {
        assertThat(speakers("New Zealand Prime Minister Christopher Luxon and Australian Foreign Minister Penny Wong said aid would grow."))
                .containsExactly(List.of("Christopher Luxon", "Penny Wong"));
    }

    @Test
    void aComplementIsNotTheSubject() {
        List<ParagraphMetadata> m = enrich("Australian Foreign Minister Penny Wong arrived.",
                "The office of the Tongan prime minister said 1,800 delegates had registered.");
        assertThat(m.get(1).speakers()).isEmpty();
        assertThat(m.get(1).sources()).containsExactly("office");
    }

    @Test
    void participlesTakeTheSubjectOfTheirClause() {
        assertThat(speakers("To mark the anniversary, King Norodom Sihamoni exchanged letters with President Vladimir Putin, saying the friendship was cordial."))
                .containsExactly(List.of("Norodom Sihamoni"));
    }

    @Test
    void pronounsTitlesAndShortFormsResolveToTheFullName() {
        assertThat(speakers(
                "To mark the anniversary, King Norodom Sihamoni wrote to Russian President Vladimir Putin.",
                "“It is my earnest wish that cooperation grows,” the King wrote.",
                "In his letter to King Norodom Sihamoni, Russian President Putin said ties had deepened.",
                "“This approach serves both nations,” he said.",
                "Namhong is absent; Putin wrote again."))
                .containsExactly(List.of(), List.of("Norodom Sihamoni"), List.of("Vladimir Putin"), List.of("Vladimir Putin"),
                        List.of("Vladimir Putin"));
        assertThat(speakers("Ms. Nguyen Thi Thanh met Mr. Tran Van Minh.", "She said the visit was a success."))
                .containsExactly(List.of(), List.of("Nguyen Thi Thanh"));
    }

    @Test
    void aQuoteSpanningParagraphsBelongsToItsSpeaker() {
        assertThat(speakers(
                "With this basis, Samdech Techo Hun Sen also shared a few thoughts on cooperation:",
                "“First, we need to fight the pandemic.",
                "Second, we have to promote a resilient recovery.",
                "Third, we must support multilateralism.” AKP",
                "The meeting ended at noon."))
                .containsExactly(List.of("Hun Sen"), List.of("Hun Sen"), List.of("Hun Sen"), List.of("Hun Sen"), List.of());
    }

    @Test
    void strayQuoteMarksDoNotCarrySpeakersAcrossParagraphs() {
        assertThat(speakers(
                "Hun Sen said the new bridge is 6'5\" wide.",
                "The bridge opened in May.",
                "“We are proud of it, Prime Minister Hun Sen told guests.",
                "Russian Foreign Minister Sergei Lavrov said Moscow would send aid."))
                .containsExactly(List.of("Hun Sen"), List.of(), List.of("Hun Sen"), List.of("Sergei Lavrov"));
    }

    @Test
    void aBareQuoteAfterItsIntroductionBelongsToThatSpeaker() {
        assertThat(speakers(
                "Prime Minister Hun Sen stated on March 28 that Cambodia opposes invasions.",
                "“Russia is a friend of Cambodia. However, the Kingdom does not support invasions.”",
                "“Another quote with no speaker before it.”"))
                .containsExactly(List.of("Hun Sen"), List.of("Hun Sen"), List.of("Hun Sen"));
        assertThat(speakers("The weather was fine.", "“A quote nobody introduced.”"))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void organisationsDocumentsAndCountriesAreSourcesNotSpeakers() {
        List<ParagraphMetadata> m = enrich(
                "“Cambodia asked Russia for support,” the statement read.",
                "The Chinese foreign ministry said in a statement that both sides would meet.",
                "Russia said it would respond. Reuters reported the talks.",
                "The ministry decided to organise an online photo exhibition.");
        assertThat(m).extracting(ParagraphMetadata::speakers).containsOnly(List.of());
        assertThat(m.get(0).sources()).contains("statement");
        assertThat(m.get(1).sources()).containsExactly("Chinese foreign ministry");
        assertThat(m.get(2).sources()).contains("Russia");
    }

    @Test
    void mentionedPeopleAreNotSpeakers() {
        assertThat(speakers(
                "In 1991, the late King Norodom Sihanouk also recognized the Russian Federation.",
                "Cambodian Prime Minister Hun Sen and Russian Prime Minister Dmitry Medvedev agreed to convert the debt.",
                "Both sides affirmed that relations have developed positively.",
                "Similarly, Mishustin said in his letter to Hun Sen that work would continue."))
                // A lone surname never introduced in full may be an agency ("Reuters said"): not taken as a person.
                .containsExactly(List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void unnamedPeopleAreNobody() {
        assertThat(speakers("Brazilian President Luiz Inacio Lula da Silva arrived.", "Lula said Brazil would not comply.",
                "A senior official, who asked not to be named, said the talks failed.", "Analysts said the visit mattered."))
                .containsExactly(List.of(), List.of("Luiz Inacio Lula da Silva"), List.of(), List.of());
    }

    @Test
    void callingForSomethingIsSpeech() {
        assertThat(speakers("Chinese President Xi Jinping arrived.", "In his speech, Xi called for restraint."))
                .containsExactly(List.of(), List.of("Xi Jinping"));
    }

    @Test
    void captionsBylinesAndDatelinesCarryNoSpeakers() {
        assertThat(speakers(
                ParagraphKind.CAPTION, "Prime Minister Pham Minh Chinh (R) meets with Minister Hout Hak, who said hello.",
                ParagraphKind.BYLINE, "By staff writers – Translated by Thuy Doan",
                ParagraphKind.DATELINE, "October 14, 2020 1:28 PM"))
                .containsExactly(List.of(), List.of(), List.of());
    }

    @Test
    void curlyAndStraightQuotesAndNoBreakSpaces() {
        assertThat(speakers("\"Indonesia wants an effective code,\" Foreign Minister Retno\u00a0Marsudi said."))
                .containsExactly(List.of("Retno Marsudi"));
        assertThat(speakers("“The West wants to defeat Russia,” Sergei Lavrov said. “They will not succeed.”"))
                .containsExactly(List.of("Sergei Lavrov"));
    }
}
