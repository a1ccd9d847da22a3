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
        // a first mention with no title speaks after "according to" when a role follows the name; an outlet does not
        assertThat(speakers("Opinions differ. According to Odile Marchetti, a trade economist at a Geneva institute, tariffs will rise."))
                .containsExactly(List.of("Odile Marchetti"));
        assertThat(speakers("According to Odile Marchetti, who teaches law in Lyon, the ruling stands."))
                .containsExactly(List.of("Odile Marchetti"));
        assertThat(speakers("According to Harbour Ledger, a weekly newspaper, tariffs will rise."))
                .containsExactly(List.of());
        assertThat(speakers("According to Odile Marchetti, tariffs will rise."))
                .as("a bare name may be an outlet").containsExactly(List.of());
    }

    @Test
    void initialsBelongToTheNameAndReligiousTitlesOnlyBeforeOne() {
        assertThat(speakers("External Affairs Minister R. Venkataraman said the talks would resume.",
                "Venkataraman later told reporters he was hopeful."))
                .containsExactly(List.of("R. Venkataraman"), List.of("R. Venkataraman"));
        assertThat(speakers("Chief Minister T.K. Ilango said the state would comply. Senator Amy R. Dunmore said so too."))
                .containsExactly(List.of("T.K. Ilango", "Amy R. Dunmore"));
        assertThat(speakers("The U.N. envoy said talks would resume. The U.S. Navy said it was ready."))
                .as("a body's abbreviation is no initial").containsExactly(List.of());
        assertThat(speakers("Sister Odile Fabre, who runs the clinic, said supplies were short.", "Father Ignace Moreau said mass."))
                .containsExactly(List.of("Odile Fabre"), List.of("Ignace Moreau"));
        assertThat(speakers("Father Ignace Moreau led the prayers.", "His father said the boy was safe."))
                .as("kinship, not the priest").containsExactly(List.of(), List.of());
    }

    @Test
    void germanQuotationMarksCloseWhereEnglishOnesWouldOpen() {
        // „…“: the “ closes; read as an opening mark it left a quotation open over the next paragraphs
        assertThat(speakers("\u201eWir bleiben an Ihrer Seite\u201c, Minister Anke Vossberg said in Berlin.",
                "Her counterpart, Ion Rusu, thanked Germany and said the aid would help.",
                "Vossberg also criticised Moscow, accusing it of using gas \"as a weapon.\""))
                .containsExactly(List.of("Anke Vossberg"), List.of("Ion Rusu"), List.of("Anke Vossberg"));
    }

    @Test
    void theSubjectOfAPassiveQuotedAsSayingSpeaks() {
        assertThat(speakers("Agriculture Minister Taras Hnatiuk signed the deal in Lublin.",
                "Hnatiuk was quoted by a news agency as saying exports could double.",
                "The deal was quoted widely in the press."))
                .containsExactly(List.of(), List.of("Taras Hnatiuk"), List.of());
    }

    @Test
    void aLiveBlogsLeadingTimeIsNoPartOfTheSentence() {
        assertThat(speakers("09:15 Secretary General Lars Ekdahl has arrived. He told reporters the talks would be long.",
                "09:40 Estonian President Mart Kivisild: \"This is the summit of unity.\"",
                "10.05am GMT - Ekdahl says the text is almost agreed."))
                .containsExactly(List.of("Lars Ekdahl"), List.of("Mart Kivisild"), List.of("Lars Ekdahl"));
    }

    @Test
    void aLedeQuotingARoleNamesItsPersonInTheNextParagraph() {
        assertThat(speakers("VILNIUS \u2014 \u201cWe will answer every provocation,\u201d the minister said on Saturday.",
                "The minister, Daina Kalnina, later summoned the envoy."))
                .containsExactly(List.of("Daina Kalnina"), List.of());
        // a summary's unnamed role, or a quote in a heading, keeps its person for the paragraph that names them
        assertThat(speakers("VILNIUS \u2014 Border violence is spreading, the minister warned on Saturday.",
                "The minister, Daina Kalnina, later summoned the envoy."))
                .containsExactly(List.of(), List.of());
        assertThat(speakers("Minister says border is \u201cthe priority\u201d",
                "The minister, Daina Kalnina, later summoned the envoy."))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void whatOthersSayOfSomeoneIsNotTheirWords() {
        assertThat(speakers("President Arvid Lund is said to have approved the plan.",
                "Lund was reported to be furious. Lund said he was calm."))
                .containsExactly(List.of(), List.of("Arvid Lund"));
        assertThat(speakers("Defence Minister Pal Kertesz was denied entry.", "Kertesz was later dismissed from his post.",
                "Kertesz has been accused of lying.", "Kertesz was praised by President Janos Feher."))
                .containsExactly(List.of(), List.of(), List.of(), List.of("Janos Feher"));
    }

    @Test
    void honorificsOfOtherCountriesAreStripped() {
        assertThat(speakers("Ratu Sefanaia Tora said the forum was united.", "Hon. Mary Achieng told parliament the bill would pass.",
                "Alhaji Bello Garba said the north was calm.", "Shri Vikram Joshi said the state would comply.",
                "Daw Thida Win told reporters the clinic was full."))
                .containsExactly(List.of("Sefanaia Tora"), List.of("Mary Achieng"), List.of("Bello Garba"), List.of("Vikram Joshi"),
                        List.of("Thida Win"));
    }

    @Test
    void aTradeBeforeANameAfterTheVerbMakesAPerson() {
        assertThat(speakers("\"Finally,\" said driver Ilario Condori, 52.", "\"We waited a month,\" said truck driver Efrain Mayta.",
                "\"It is too late,\" said local resident Rosa Huanca."))
                .containsExactly(List.of("Ilario Condori"), List.of("Efrain Mayta"), List.of("Rosa Huanca"));
    }

    @Test
    void aNewSubjectBetweenCommasAfterItsRoleIsWhomTheNextQuoteBelongsTo() {
        assertThat(speakers("The official in charge of the talks, Anna Berg, said the deal was close.",
                "The engineer in charge of the dam, Kifle Tesfaye, walks along the crest.",
                "\"Ten years ago this was a valley,\" he says.",
                "The head of the mission, Lars Eng, arrived on Monday.",
                "\"We are ready,\" he said."))
                .containsExactly(List.of("Anna Berg"), List.of(), List.of("Kifle Tesfaye"), List.of(), List.of("Lars Eng"));
        // without a new subject in between, the pronoun still goes to the last speaker
        assertThat(speakers("The official in charge of the talks, Anna Berg, said the deal was close.",
                "Talks resumed on Monday.", "\"We are ready,\" she said."))
                .containsExactly(List.of("Anna Berg"), List.of(), List.of("Anna Berg"));
    }

    @Test
    void aNarrativeWouldReportsWordsButAPlanOrARefusalDoesNot() {
        assertThat(speakers("President Joe Carter met the prime minister in 2019.",
                "Carter would later say that the relationship had \"cooled.\"",
                "Officials said Carter would tell parliament on Friday. Carter did not say whether he would attend."))
                .containsExactly(List.of(), List.of("Joe Carter"), List.of());
    }

    @Test
    void demandsAndAppealsAreWordsToo() {
        assertThat(speakers("Kenyan President Daniel Otieno pressed for the bloc to have a permanent seat.",
                "Ghana's foreign minister, Ama Owusu, demanded an apology. Otieno appealed for calm.",
                "The army pressed on with its offensive."))
                .containsExactly(List.of("Daniel Otieno"), List.of("Ama Owusu", "Daniel Otieno"), List.of());
    }

    @Test
    void aLineSigningTheQuoteAboveGivesItItsSpeaker() {
        assertThat(speakers("\u201cWe will not rest until every child is in school.\u201d", "\u2014 Halima Bako, Minister of Education",
                "\u2014 Reporting by Ada Obi"))
                .containsExactly(List.of("Halima Bako"), List.of(), List.of());
    }

    @Test
    void anUnlabelledInterviewsAnswersAreTheIntervieweesButRhetoricalQuestionsAnswerNothing() {
        assertThat(speakers("An interview with Ghana's trade minister",
                "Ghana's trade minister, Kofi Mensah, spoke with us in Accra.",
                "How worried are you about tariffs?", "Very worried. A small economy feels every shock first.",
                "Will the bloc hold together?", "It has for decades."))
                .containsExactly(List.of(), List.of(), List.of(), List.of("Kofi Mensah"), List.of(), List.of("Kofi Mensah"));
        assertThat(speakers("Why the river needs a treaty", "Minister Kofi Mensah opened the dam in May.",
                "Will the bloc hold together?", "It has for decades."))
                .as("no interview").containsExactly(List.of(), List.of(), List.of(), List.of());
        // an interview announced by "spoke to us" or "sat down with" rather than the word "interview"
        assertThat(speakers("Africa is not a battlefield", "Ama Diallo became foreign minister in April. She spoke to us in Dakar.",
                "You have said the bloc must reform. What does that mean?", "It means listening to citizens.",
                "Will the three juntas come back?", "The door is open."))
                .containsExactly(List.of(), List.of(), List.of(), List.of("Ama Diallo"), List.of(), List.of("Ama Diallo"));
        assertThat(speakers("The road to the summit", "Minister Ama Diallo sat down with us in Dakar last week.",
                "What do you expect from the summit?", "Honesty, first of all."))
                .containsExactly(List.of(), List.of(), List.of(), List.of("Ama Diallo"));
    }

    @Test
    void aNameThatCompletesAPlainNounIsNotTheSubject() {
        assertThat(speakers("The family of Ana Ruiz, a journalist held since 2023, on Monday appealed for her release.",
                "The wife of Paolo Conti told reporters he was innocent."))
                .containsExactly(List.of(), List.of());
        // titles with "of" before a name are unchanged
        assertThat(speakers("The Minister of Foreign Affairs Ana Ruiz said so.", "Speaker of the National Assembly Lina Berg said so.",
                "Governor Ivo Trenka of Nuevo León said so."))
                .containsExactly(List.of("Ana Ruiz"), List.of("Lina Berg"), List.of("Ivo Trenka"));
        // at a sentence's start the group noun is capitalised: the supporters speak, not the person
        assertThat(speakers("Supporters of Tarek Amin said the verdict was political.",
                "Lawyers of Ana Ruiz said they would appeal.", "Tarek Amin said the verdict was political.",
                "Bank of England Governor Ivo Trenka said rates would hold.", "Critics of President Tarek Amin said the tax would hurt."))
                .containsExactly(List.of(), List.of(), List.of("Tarek Amin"), List.of("Ivo Trenka"), List.of());
    }

    @Test
    void namingVerbsReportWordsWhenAQuotationFollows() {
        assertThat(speakers("Its spokesperson, Anneke de Vries, described the plan as \"reckless.\""))
                .containsExactly(List.of("Anneke de Vries"));
        assertThat(speakers("Senator Oona Kelleher branded the deal a \u201csell-out\u201d on Monday."))
                .containsExactly(List.of("Oona Kelleher"));
        assertThat(speakers("Senator Oona Kelleher described her childhood in Cork to the committee."))
                .as("no quotation: a description, not words").containsExactly(List.of());
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

    // ---- issue 13: world news ------------------------------------------------------------------------

    /** 1. A quote over several paragraphs is its introducer's, never that of a person named inside it. */
    @Test
    void multiParagraphQuotesBelongToTheirIntroducerNotToPeopleTheyName() {
        assertThat(speakers(
                "Governor Dana Whitcombe issued the following statement after the announcement:",
                "“As governor of a border state, I welcome President Hal Brennan’s plan. Families have waited too long.",
                "“We will keep working with Washington, and President Brennan says he will visit.”",
                "The White House said the money would be released in April."))
                .containsExactly(List.of("Dana Whitcombe"), List.of("Dana Whitcombe"), List.of("Dana Whitcombe"), List.of());
        // straight quotes, the speaker named only at the close
        assertThat(speakers(
                "\"Excellencies, we meet at a time of wars without end.",
                "\"I have asked the Security Council to act. It has not.",
                "\"Let us prove the cynics wrong,\" Secretary-General Amara Osei said."))
                .containsExactly(List.of("Amara Osei"), List.of("Amara Osei"), List.of("Amara Osei"));
        // a pronoun in a feature, the quote running on, a person it mentions left out
        assertThat(speakers(
                "Lt. Col. Taras Bondar keeps a notebook of every drone his unit has lost.",
                "\"When I started, we had twelve,\" he says. \"Now we build thirty a week.",
                "\"President Ostap Hrytsenko says we are winning; some days I believe him.\""))
                .containsExactly(List.of(), List.of("Taras Bondar"), List.of("Taras Bondar"));
    }

    /** 2. People named like countries are people; once introduced, their surname is theirs, not the country's. */
    @Test
    void peopleNamedLikeCountriesAreSpeakersAndTheirSurnameIsNoCountry() {
        List<ParagraphMetadata> m = enrich(
                "Rep. Dale Jordan, who chairs the committee, accused the Pentagon of hiding costs.",
                "In a letter, Jordan wrote that the department had failed.",
                "Jordan said he would call the secretary to testify.");
        assertThat(m.stream().map(ParagraphMetadata::speakers).toList())
                .containsExactly(List.of("Dale Jordan"), List.of("Dale Jordan"), List.of("Dale Jordan"));
        assertThat(m.stream().map(ParagraphMetadata::countries).toList()).containsExactly(List.of(), List.of(), List.of());
        assertThat(speakers("Chad Morrow, a former acting secretary, defended the rule, arguing it was lawful."))
                .containsExactly(List.of("Chad Morrow"));
        assertThat(speakers("Georgia Lindqvist questioned that reading.", "“Nobody imagined this,” Lindqvist said."))
                .containsExactly(List.of("Georgia Lindqvist"), List.of("Georgia Lindqvist"));
        assertThat(speakers("Brazilian President Israel Fontana said his government would wait."))
                .containsExactly(List.of("Israel Fontana"));
        // negatives: the countries themselves speak through their governments, and stay countries
        List<ParagraphMetadata> c = enrich("The government of Chad said it had closed its border with Sudan.",
                "Jordan and Egypt said they would send aid.");
        assertThat(c.stream().map(ParagraphMetadata::speakers).toList()).containsExactly(List.of(), List.of());
        assertThat(c.get(0).countries()).containsExactly("TD", "SD");
        assertThat(c.get(1).countries()).containsExactly("JO", "EG");
    }

    /** 3. Reported speech beyond say and tell, and the present tense. */
    @Test
    void moreSpeechVerbsAndThePresentTense() {
        assertThat(speakers("Kim Yo-sun, a senior party official, blasted the drills as rehearsals for invasion."))
                .containsExactly(List.of("Kim Yo-sun"));
        assertThat(speakers("Energy Minister Prince Turki bin Fahd announced the cut.",
                "The prince justified the decision by questioning the strength of demand."))
                .containsExactly(List.of("Turki bin Fahd"), List.of("Turki bin Fahd"));
        assertThat(speakers("President Rodrigo Salcedo ordered the council to publish the results in a message on television."))
                .containsExactly(List.of("Rodrigo Salcedo"));
        assertThat(speakers("Opposition leader Mariela Quintero rejected the results, claiming that her tally showed a victory."))
                .containsExactly(List.of("Mariela Quintero"));
        assertThat(speakers("Kosovo marked the day, with Prime Minister Arben Krasniqi vowing to press on."))
                .containsExactly(List.of("Arben Krasniqi"));
        assertThat(speakers("\"It is a defensive move,\" says Laila Haddad, an energy analyst at a consultancy.",
                "Haddad says prices could still fall."))
                .containsExactly(List.of("Laila Haddad"), List.of("Laila Haddad"));
        assertThat(speakers("Government spokesman Basim al-Obeidi called the strikes \"a flagrant violation.\""))
                .containsExactly(List.of("Basim al-Obeidi"));
        // negatives: ordering troops, issuing visas and calling people names carry nobody's words
        assertThat(speakers("President Rodrigo Salcedo ordered troops to the border.", "The embassy issued 300 visas.",
                "Kin Phea called the minister a friend.")).containsExactly(List.of(), List.of(), List.of());
    }

    /** 4. Pronouns prefer the last speaker; roles go to who holds them; genders are learnt from pronouns. */
    @Test
    void pronounsAndRolesResolveToTheRightPerson() {
        assertThat(speakers("“There is nothing to discuss,” Kremlin spokesman Dmitri Volkhov told reporters. "
                + "He said President Arkady Sorin had received no proposals."))
                .containsExactly(List.of("Dmitri Volkhov"));
        assertThat(speakers("“No child should die of measles,” said the Coordinating Minister of Health, Dr. Musa Bello Adamu.",
                "The World Health Organization welcomed the campaign.", "The minister said it would run until May."))
                .containsExactly(List.of("Musa Bello Adamu"), List.of(), List.of("Musa Bello Adamu"));
        assertThat(speakers("NATO Secretary General Henrik Aasland said allies must spend more.",
                "Asked about Hungary, the NATO chief said a compromise would be found."))
                .containsExactly(List.of("Henrik Aasland"), List.of("Henrik Aasland"));
        assertThat(speakers("“Two percent was the floor,” Henrik Aasland said.",
                "The 58-year-old former Norwegian prime minister, who took office in October, added that allies asked for time."))
                .containsExactly(List.of("Henrik Aasland"), List.of("Henrik Aasland"));
        assertThat(speakers("Lt. Col. Taras Bondar counts drones.", "“We had twelve,” he says.",
                "His deputy, Maj. Iryna Kovalchuk, is less hopeful.", "“We need shells,” she says."))
                .containsExactly(List.of(), List.of("Taras Bondar"), List.of(), List.of("Iryna Kovalchuk"));
        assertThat(speakers("Ion Rusu was the first to vote.", "“I voted for Europe,” the 67-year-old retired mechanic said."))
                .containsExactly(List.of(), List.of("Ion Rusu"));
    }

    /** 5. Titles of other countries and trades are stripped; multi-part names stay whole; misspelt repeats merge. */
    @Test
    void unknownTitlesMultiPartNamesAndMisspeltRepeats() {
        assertThat(speakers("Taoiseach Seán Ó Murchú urged his colleagues to keep farm subsidies."))
                .containsExactly(List.of("Seán Ó Murchú"));
        assertThat(speakers("Somali President Abdi Sheikh Warsame vowed to defeat the insurgents.", "“They have nowhere to hide,” Warsame said."))
                .containsExactly(List.of("Abdi Sheikh Warsame"), List.of("Abdi Sheikh Warsame"));
        assertThat(speakers("The Emir of Qatar, Sheikh Khalid bin Rashid Al Mansour, opened the meeting, stressing that peace was near."))
                .containsExactly(List.of("Khalid bin Rashid Al Mansour"));
        assertThat(speakers("Speaker of the National Assembly Milica Radović dismissed the criticism.", "The speaker added that talks would go on."))
                .containsExactly(List.of("Milica Radović"), List.of("Milica Radović"));
        assertThat(speakers("Chancellor of the Exchequer Priya Ramdas said the money existed."))
                .containsExactly(List.of("Priya Ramdas"));
        assertThat(speakers("Governor Alfonso Ibarra of Nuevo León said in a statement that his state would sue."))
                .containsExactly(List.of("Alfonso Ibarra"));
        assertThat(speakers("Agronomist Ibrahim Garba says the techniques work."))
                .containsExactly(List.of("Ibrahim Garba"));
        assertThat(speakers("European Council President Charles Maertens said a deal was close.", "Mr Maertans said talks would go on."))
                .containsExactly(List.of("Charles Maertens"), List.of("Charles Maertens"));
        assertThat(speakers("Taoiseach Ciarán Mac Giolla spoke first.", "Mr MacGiolla said the fund showed what friends can do."))
                .containsExactly(List.of(), List.of("Ciarán Mac Giolla"));
        assertThat(speakers("Nguyen Van Thanh, General Director of PetroViet Power, said the project was vital."))
                .containsExactly(List.of("Nguyen Van Thanh"));
        // negative: two different people with one surname stay apart, and short names are not stretched
        assertThat(speakers("Finance Minister Lee Ha-eun spoke.", "Analyst Park Min-ho said growth would slow.", "Mr Parks said no."))
                .containsExactly(List.of(), List.of("Park Min-ho"), List.of("Parks"));
    }

    /** 6. Organisations, places and headline fragments never speak. */
    @Test
    void organisationsPlacesAndHeadlineFragmentsAreNoSpeakers() {
        assertThat(speakers("The Kremlin said there were no plans for talks.", "The White House said it would respond.",
                "Ohio and eleven other states sued, arguing that the cuts broke the law.", "Texas argued in a filing that the rule was void.",
                "Al Jazeera reported that the rally was banned.", "The defence ministry said 23 targets were hit."))
                .containsExactly(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(speakers(ParagraphKind.TITLE, "Kosovo Mark Anniversary As Serbia Protests, Officials Say"))
                .containsExactly(List.of());
        assertThat(speakers(ParagraphKind.TITLE, "Karaca Says Turkey Will Rejoin Talks",
                "Istanbul Mayor Selim Karaca said the talks would restart."))
                .containsExactly(List.of("Selim Karaca"), List.of("Selim Karaca"));
    }

    /** 7. Colon introductions, signed posts, interview transcripts and "in a statement". */
    @Test
    void colonIntroductionsSignedPostsTranscriptsAndStatements() {
        assertThat(speakers(
                "The foreign ministers of Poland and Lithuania, Tomasz Wierzbicki and Rūta Kairienė, issued the following joint statement:",
                "\"We condemn the incursion of drones into our airspace.\"",
                "Belarus denied any involvement."))
                .containsExactly(List.of("Tomasz Wierzbicki", "Rūta Kairienė"), List.of("Tomasz Wierzbicki", "Rūta Kairienė"), List.of());
        assertThat(speakers("Gov. Rebecca Thornbury issued the following statement:",
                "Our children are not a line item. We will not stand by.", "The bill passed on Tuesday."))
                .containsExactly(List.of("Rebecca Thornbury"), List.of("Rebecca Thornbury"), List.of());
        assertThat(speakers("Lines are still long. If you are in line, stay in line!",
                ParagraphKind.BYLINE, "— Marcy Ellison (@marcyellison) Nov. 5, 2024",
                "Turnout looks high."))
                .containsExactly(List.of("Marcy Ellison"), List.of(), List.of());
        assertThat(speakers("Deputy Foreign Minister Sergey Malenkov met us in Moscow.",
                "Question: Is Russia ready to negotiate?", "Sergey Malenkov: We have always been ready.",
                "Q: And sanctions?", "A: Our economy grew despite everything."))
                .containsExactly(List.of(), List.of(), List.of("Sergey Malenkov"), List.of(), List.of("Sergey Malenkov"));
        assertThat(speakers("In a statement, Minister Choi Jae-won said the project would create jobs."))
                .containsExactly(List.of("Choi Jae-won"));
        assertThat(speakers("Ospina's wife, Marta Lucía Peña, keeps the books. She put it simply: “Without the cooperative we would have nothing.”"))
                .containsExactly(List.of("Marta Lucía Peña"));
        // negatives: an "A:" without a question before it, a colon before a list
        assertThat(speakers("Minister Choi Jae-won visited.", "A: the plant; B: the port.", "Choi listed the sites: ports and roads."))
                .containsExactly(List.of(), List.of(), List.of());
    }

    /** 7. The text of a speech is its speaker's; "Minister for ..." titles; a live blog's clock times. */
    @Test
    void speechTextsTitlesWithForAndLiveBlogs() {
        assertThat(speakers(ParagraphKind.TITLE, "Full text: President Ana Ferreira's inaugural address",
                "The following is the text of President Ana Ferreira's inaugural address, as prepared for delivery.",
                "Fellow citizens, fifty years ago our parents chose democracy.", "Long live the Republic."))
                .containsExactly(List.of(), List.of(), List.of("Ana Ferreira"), List.of("Ana Ferreira"));
        assertThat(speakers("Commissioner for the Internal Market Thierry Baudin said: \"We take our destiny into our hands.\"",
                "Minister for Foreign Affairs Penny Wong said the talks were useful."))
                .containsExactly(List.of("Thierry Baudin"), List.of("Penny Wong"));
        List<ParagraphMetadata> m = enrich("1930 GMT — U.S. Secretary of State Ben Okafor urged both sides to \"seize this moment.\"");
        assertThat(m.getFirst().speakers()).containsExactly("Ben Okafor");
        assertThat(m.getFirst().years()).isEmpty();
        // negative: a speech announced by someone else's text is not the announcer's
        assertThat(speakers("The text of the resolution was published on Monday.", "It calls for a ceasefire."))
                .containsExactly(List.of(), List.of());
    }

    /** 4/5. A lone name described as a person, a possessive role between commas, "said one official, X". */
    @Test
    void describedNamesPossessiveRolesAndUnnamedThenNamed() {
        assertThat(speakers("\"We are not going anywhere,\" said Abdullah, 34, a shopkeeper who gave only his first name."))
                .containsExactly(List.of("Abdullah"));
        assertThat(speakers("Dmytro Lubinets, Ukraine's human rights commissioner, said 3,500 people had been freed."))
                .containsExactly(List.of("Dmytro Lubinets"));
        assertThat(speakers("\"The scale is unlike anything,\" said one U.N. official, Juliette Marchand."))
                .containsExactly(List.of("Juliette Marchand"));
        // negatives: an outlet with a number after it, an unnamed official
        assertThat(speakers("Reuters, citing two sources, said the deal was close.", "\"It is over,\" said one official."))
                .containsExactly(List.of(), List.of());
    }

    /** 4. "The two leaders said": the last two people named. */
    @Test
    void theTwoLeadersAreTheLastTwoNamed() {
        assertThat(speakers("Prime Minister Li Qiang and Chancellor Olaf Brandt met in Berlin.",
                "The two leaders said in a joint statement that trade should grow."))
                .containsExactly(List.of(), List.of("Li Qiang", "Olaf Brandt"));
        // negative: nobody named before
        assertThat(speakers("The talks ended on Monday.", "Both leaders said they would meet again."))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void phrasalSpeechVerbsAndAnOpeningSpeakingPhrase() {
        assertThat(speakers("Premier Talia Vorsk hit out at the tariff decision on Monday.")).containsExactly(List.of("Talia Vorsk"));
        assertThat(speakers("President Oren Malvado lashed out at the court's ruling.")).containsExactly(List.of("Oren Malvado"));
        assertThat(speakers("Minister Ada Kerrigan spoke of a \"new chapter\" in relations.")).containsExactly(List.of("Ada Kerrigan"));
        assertThat(speakers("Senator Ilse Marou echoed those concerns in parliament.")).containsExactly(List.of("Ilse Marou"));
        assertThat(speakers("Speaking to reporters in the capital, Prime Minister Juno Castell defended the budget."))
                .containsExactly(List.of("Juno Castell"));
        // reporting no words: a call, a topic, a crowd, a storm
        assertThat(speakers("President Oren Malvado spoke by phone with Premier Talia Vorsk on Tuesday.")).containsExactly(List.of());
        assertThat(speakers("Speaking of trade, President Oren Malvado's tariffs remain in place.")).containsExactly(List.of());
        assertThat(speakers("Angry protesters lashed out at police, and the storm hit the coast.")).containsExactly(List.of());
    }

    @Test
    void aRegnalNumberEndsAMonarchsName() {
        assertThat(speakers("King Aldric IV said the treaty would stand.")).containsExactly(List.of("Aldric IV"));
        assertThat(speakers("Pope Severin XIV called for a ceasefire.")).containsExactly(List.of("Severin XIV"));
        assertThat(speakers("Queen Mirela II addressed the nation.", "The Queen said the country would recover.",
                "Mirela added that she was proud of its people."))
                .containsExactly(List.of(), List.of("Mirela II"), List.of("Mirela II"));
        // numbered things are no people
        assertThat(speakers("Chapter XI said nothing about refugees.")).containsExactly(List.of());
        assertThat(speakers("The World War II veteran said he was proud.")).containsExactly(List.of());
    }

    @Test
    void aCapitalisedFunctionWordInsideASentenceBeforeANameIsASurname() {
        assertThat(speakers("Vice Premier He Wenlan said the talks would continue.", "He Wenlan added that tariffs would fall.",
                "He said the date was not fixed."))
                .containsExactly(List.of("He Wenlan"), List.of("He Wenlan"), List.of("He Wenlan"));
        // the pronoun opening a sentence stays the pronoun
        assertThat(speakers("Minister Oren Malvado arrived on Monday. He said the talks would continue."))
                .containsExactly(List.of("Oren Malvado"));
        assertThat(speakers("Vietnam's To Van Minh said the port would open.", "General Secretary An Ji-ho told the congress it would.",
                "The Plan To Boost Exports, officials said, was approved."))
                .containsExactly(List.of("To Van Minh"), List.of("An Ji-ho"), List.of());
    }

    @Test
    void saidPutBeforeALabelNamesThePersonTheArticleKnows() {
        assertThat(speakers("Foreign Minister Darius Kovel met his counterpart on Monday.", "Said Kovel: “We are ready.”"))
                .containsExactly(List.of(), List.of("Darius Kovel"));
        // "Said" is also a given name: a label of someone the article has not named stays whole
        assertThat(speakers("Said Barrani: “We are ready.”")).containsExactly(List.of("Said Barrani"));
    }

    @Test
    void aSecondVerbAfterButSharesTheSubject() {
        assertThat(speakers("Spokesman Ivo Trenka said the talks were useful.",
                "Asked about the sanctions, Trenka declined to comment but said the government would study them."))
                .containsExactly(List.of("Ivo Trenka"), List.of("Ivo Trenka"));
        assertThat(speakers("The ministry declined to comment but said it would study the report.")).containsExactly(List.of());
    }

    @Test
    void aPossessiveOfSeveralWordsOpensADescription() {
        assertThat(speakers("Mara Veltri, South Korea's trade envoy, said the talks would resume.",
                "Oskar Lind, New Zealand's foreign minister, later said Wellington agreed.",
                "Ines Farrow, Papua New Guinea's high commissioner, warned of delays."))
                .containsExactly(List.of("Mara Veltri"), List.of("Oskar Lind"), List.of("Ines Farrow"));
        // a second person between the commas is still the speaker
        assertThat(speakers("A spokeswoman for the ministry, Hana Okubo, said the plan was ready."))
                .containsExactly(List.of("Hana Okubo"));
    }

    @Test
    void madeTheRemarksReportsWords() {
        assertThat(speakers("Emir Tariq Al Saberi, who is also defence minister, made the remarks at a news conference."))
                .containsExactly(List.of("Tariq Al Saberi"));
        assertThat(speakers("Minister Lina Hadrami made the comments during a visit to Amman."))
                .containsExactly(List.of("Lina Hadrami"));
        // deeds are no words
        assertThat(speakers("Minister Lina Hadrami made the trip to Amman on Monday.", "President Oren Malvado made a decision."))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void welcomingOrDefendingADecisionAndSpeakingBetweenCommasReportWords() {
        assertThat(speakers("Premier Talia Vorsk welcomed the court's ruling on Monday.",
                "Minister Ada Kerrigan has defended the cost of the programme.",
                "Secretary General Ivo Trenka, speaking at the alliance's headquarters, greeted the new member."))
                .containsExactly(List.of("Talia Vorsk"), List.of("Ada Kerrigan"), List.of("Ivo Trenka"));
        // hosting a guest, holding a city, a topic: no words reported
        assertThat(speakers("President Oren Malvado welcomed the delegation at the airport.",
                "General Juno Castell defended the city for three months.",
                "The envoy, speaking of trade, was brief."))
                .containsExactly(List.of(), List.of(), List.of());
    }

    @Test
    void aDemandPutToSomeoneReportsWords() {
        assertThat(speakers("President Oren Malvado pressed Talia Vorsk on Monday to reopen the border.",
                "Chancellor Ivo Trenka pressed his counterpart to act.",
                "Minister Ada Kerrigan pushed the car to the garage."))
                .containsExactly(List.of("Oren Malvado"), List.of("Ivo Trenka"), List.of());
    }

    @Test
    void aRoleWithACountryNamesThePersonNamedWithThatCountry() {
        assertThat(speakers("Turkish President Aydin Korkmaz met Russian President Pavel Orlanov in Sochi.",
                "The Russian leader said the deal could return.", "The Turkish leader said he was hopeful.",
                "The Kremlin chief said little else."))
                .containsExactly(List.of(), List.of("Pavel Orlanov"), List.of("Aydin Korkmaz"), List.of("Pavel Orlanov"));
        // the subject in focus is not the one a country names when someone else was named after him
        assertThat(speakers("Korkmaz met Pavel Orlanov in Sochi on Monday.", "The Russian leader said the deal could return."))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void aPronounOpeningAParagraphContinuesThePersonTheParagraphBeforeMadeItsSubject() {
        assertThat(speakers("Ambassador Oren Malvado said on Thursday that the claim was accurate.",
                "Talia Vorsk, the foreign minister, later spoke with the ambassador by phone.",
                "In the call, she told him that trust had been damaged."))
                .containsExactly(List.of("Oren Malvado"), List.of(), List.of("Talia Vorsk"));
        // a full name before the pronoun is what the pronoun follows, as before
        assertThat(speakers("Ambassador Oren Malvado said on Thursday that the claim was accurate.",
                "Talia Vorsk, the foreign minister, later spoke with him by phone.",
                "Minister Ada Kerrigan arrived as she left, and she said the talks were over."))
                .containsExactly(List.of("Oren Malvado"), List.of(), List.of("Ada Kerrigan"));
    }

    @Test
    void malaysianHonorificsAreTitles() {
        assertThat(speakers("Prime Minister Datuk Seri Amran Yusof said the deal was timely.",
                "Foreign Minister Datuk Seri Utama Halim Noor told reporters the talks would go on."))
                .containsExactly(List.of("Amran Yusof"), List.of("Halim Noor"));
    }

    @Test
    void aRoleBeforeANameTheReaderCannotReadIsNobodyElse() {
        // the minister named first is not the minister whose name is unread ("Mahfud MD")
        assertThat(speakers("Foreign Minister Ratna Wulan called for restraint.",
                "The summit will be next week, according to Coordinating Minister Budi KS.",
                "The summit will be next week, according to Coordinating Minister for Political, Legal and Security Affairs Budi KS."))
                .containsExactly(List.of("Ratna Wulan"), List.of(), List.of());
        // a role with "the" still names whoever holds it
        assertThat(speakers("Foreign Minister Ratna Wulan called for restraint.", "The summit will be next week, according to the minister."))
                .containsExactly(List.of("Ratna Wulan"), List.of("Ratna Wulan"));
    }

    @Test
    void citedAsSayingAndAnOfficeQuotingItsPrincipal() {
        assertThat(speakers("Deputy Minister Pavel Orlanov was cited by a news agency as saying that talks were off.",
                "The agency cited Deputy Minister Pavel Orlanov as saying the same.",
                "President Oren Malvado's press office quoted him as saying the talks were useful."))
                .containsExactly(List.of("Pavel Orlanov"), List.of("Pavel Orlanov"), List.of("Oren Malvado"));
        // a reason cited is the subject's own words; a ministry quoting "him" names nobody it can tell
        assertThat(speakers("Minister Ada Kerrigan cited the drought as the reason.", "The ministry quoted him as saying nothing had changed."))
                .containsExactly(List.of("Ada Kerrigan"), List.of());
    }

    @Test
    void aTitleWithItsComplementAfterTo() {
        assertThat(speakers("U.S. ambassador to Japan Oren Malvado said the alliance was strong.",
                "Former ambassador to NATO Ivo Trenka said the alliance was divided.",
                "Special envoy to the Middle East Talia Vorsk said a ceasefire was near."))
                .containsExactly(List.of("Oren Malvado"), List.of("Ivo Trenka"), List.of("Talia Vorsk"));
        // the role alone is a reference to whoever holds it; a posting is no speech
        assertThat(speakers("U.S. ambassador to Japan Oren Malvado arrived on Monday.", "The ambassador to Japan said the alliance was strong.",
                "Talia Vorsk was appointed envoy to Brazil in 2021."))
                .containsExactly(List.of(), List.of("Oren Malvado"), List.of());
    }

    @Test
    void partyTagsWithPeriodsAndASecondAppositive() {
        assertThat(speakers("Sen. Dana Kowalczyk (R-S.C.) said she would back the bill.",
                "Rep. Ivo Trenka, D-Calif., said the bill was flawed.",
                "Rep. Mara Veltri (D-Calif.) said the vote would wait.",
                "Rep. Oren Malvado, R-Texas, the chairman of the committee, said the package could not wait."))
                .containsExactly(List.of("Dana Kowalczyk"), List.of("Ivo Trenka"), List.of("Mara Veltri"), List.of("Oren Malvado"));
    }

    @Test
    void aQuoteAnOutletClosesIsNotThePreviousSpeakers() {
        assertThat(speakers("Minister Ada Kerrigan said the stockpiles were thin.", "“It is a mistake,” Vostokgaz said.",
                "“It is a mistake,” she said."))
                .containsExactly(List.of("Ada Kerrigan"), List.of(), List.of("Ada Kerrigan"));
    }

    @Test
    void aCountrysLeaderIsNeverSomeoneNamedAsAnotherCountrys() {
        assertThat(speakers("Prime Minister Oren Malvado said India and Australia shared a deep trust.",
                "Nepal's Prime Minister Ivo Trenka said the border would be settled through talks.",
                "“This was a productive visit,” the Indian leader told reporters.",
                "“We are pleased,” the Nepali leader said."))
                .containsExactly(List.of("Oren Malvado"), List.of("Ivo Trenka"), List.of(), List.of("Ivo Trenka"));
        // right after the person in focus, titled head of government in a paragraph naming India: that person
        assertThat(speakers("Prime Minister Oren Malvado said India and Australia shared a deep trust.", "The Indian leader said the talks were useful.",
                "“This was a productive visit,” the Thai leader said."))
                .containsExactly(List.of("Oren Malvado"), List.of("Oren Malvado"), List.of());
    }

    @Test
    void anAliasGivenWithKnownAsIsTheSamePerson() {
        assertThat(speakers("President Bagus Santoso Wirawan, popularly known as Bawi, said the bloc must stay united.",
                "Bawi added that aid would follow.", "Premier Tamar Lekishvili (also known as Tamo) spoke first.", "“We will talk,” Tamo said."))
                .containsExactly(List.of("Bagus Santoso Wirawan"), List.of("Bagus Santoso Wirawan"), List.of(), List.of("Tamar Lekishvili"));
    }

    @Test
    void defendingOrWelcomingAPactReportsWords() {
        assertThat(speakers("Prime Minister Ivo Trenka defended his government's security pact with Beijing.",
                "President Mara Veltri welcomed the peace accord.", "President Mara Veltri defended the city walls."))
                .containsExactly(List.of("Ivo Trenka"), List.of("Mara Veltri"), List.of());
    }

    @Test
    void anUnattributedQuoteAfterASentenceAboutAPersonIsThatPersons() {
        assertThat(speakers("Farida Noor, 54, sells bread near the crossing.", "For now, Noor keeps baking. “What else can I do?”",
                "President Ivo Trenka met the envoy on Monday. “It was a good meeting.”"))
                .containsExactly(List.of(), List.of("Farida Noor"), List.of("Ivo Trenka"));
        // what is done to a person, and what a crowd chants, are others' words
        assertThat(speakers("Ivo Trenka was arrested on Monday. “Free him now!”", "The crowd chanted outside the embassy. “Down with the war!”"))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void aNameAndADescribedCounterpartBothSpeak() {
        assertThat(speakers("Foreign Minister Ada Kerrigan and her Saudi counterpart, Prince Ivo bin Trenka, said in a joint statement that they had met.",
                "Minister Ada Kerrigan met the press and her aides, Mara Veltri, said nothing."))
                .containsExactly(List.of("Ada Kerrigan", "Ivo bin Trenka"), List.of("Mara Veltri"));
    }

    @Test
    void theFormerHolderOfARoleIsNotItsHolderNow() {
        assertThat(speakers("President Ivo Trenka said the plan had support.", "The former president, who left office in 2022, said he had no plans to return."))
                .containsExactly(List.of("Ivo Trenka"), List.of());
        assertThat(speakers("Former President Ivo Trenka arrived on Monday.", "The former president said he had no plans to return."))
                .containsExactly(List.of(), List.of("Ivo Trenka"));
    }

    @Test
    void aCountrysRoleAfterAnotherCountrysSpeakerIsTheOtherPersonJustNamed() {
        assertThat(speakers("Pavel Orlanov accused Kyiv of smuggling weapons, a claim Ukraine's Taras Bondar dismissed as fantasy.",
                "“Nobody believes this,” Bondar told reporters.",
                "The Russian minister did not respond. Instead, he said the conditions had been clear."))
                .containsExactly(List.of("Pavel Orlanov", "Taras Bondar"), List.of("Taras Bondar"), List.of("Pavel Orlanov"));
    }

    @Test
    void aSurnameThatIsAFunctionWordAtASentencesStartOrAfterALowerCaseWord() {
        assertThat(speakers("President Bo Jinhai held talks with To Van Hai, the party chief, in Hanoi.",
                "To Van Hai said that the two countries were close.", "Bo pointed out that the border was calm.",
                "To Moscow, the move was a provocation.", "He Lifang told reporters the talks were useful."))
                .containsExactly(List.of(), List.of("To Van Hai"), List.of("Bo Jinhai"), List.of(), List.of("He Lifang"));
        assertThat(speakers("An Israeli official said the talks had stalled.", "The guide pointed out the window."))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void aLawmakerOrLegislatorIsTheOneInFocusWithALegislativeTitle() {
        assertThat(speakers("National Assembly (NA) Chairman Tran Van Hai received a delegation led by its Chairman Oren Malvado.",
                "Welcoming the delegation, the top legislator affirmed that the partnership was strong."))
                .containsExactly(List.of(), List.of("Tran Van Hai"));
        assertThat(speakers("Senator Mara Veltri visited Kyiv.", "The lawmaker told reporters Ukraine needed air defence.",
                "Sen. Ivo Trenka spoke next.", "The senator said the bill would pass."))
                .containsExactly(List.of(), List.of("Mara Veltri"), List.of(), List.of("Ivo Trenka"));
    }

    @Test
    void presentTenseVerbsOfHeadlinesAndFeatures() {
        assertThat(speakers("Minister Ada Kerrigan slams the new tariffs.", "President Ivo Trenka rejects the criticism, saying the plan works.",
                "The agency reports that Ivo Trenka left."))
                .containsExactly(List.of("Ada Kerrigan"), List.of("Ivo Trenka"), List.of());
    }

    @Test
    void theHeadOfStateAndTheHeadOfGovernment() {
        assertThat(speakers("The Cuban president, Ivo Trenka, affirmed that the blockade was a crime.", "The head of state said Cuba would not give up.",
                "Prime Minister Ada Kerrigan arrived later.", "The head of government told reporters the deal was close.",
                "The head of the delegation said little."))
                .containsExactly(List.of("Ivo Trenka"), List.of("Ivo Trenka"), List.of(), List.of("Ada Kerrigan"), List.of());
    }

    @Test
    void rolesNamedByAnotherWordOrTheirAbbreviation() {
        assertThat(speakers("Pope Linus called for a ceasefire during his Sunday blessing.", "The pontiff said the suffering was unbearable.",
                "Acme CEO Ada Kerrigan said the company would invest in Peru.", "The tech chief added that supply chains were changing.",
                "Col. Gen. Ivo Trenka told reporters the offensive had stalled.", "The general said reinforcements were coming."))
                .containsExactly(List.of("Linus"), List.of("Linus"), List.of("Ada Kerrigan"), List.of("Ada Kerrigan"), List.of("Ivo Trenka"),
                        List.of("Ivo Trenka"));
    }

    @Test
    void aDescriptionOfThePersonInFocus() {
        assertThat(speakers("Oren Malvado criticised the subsidy plan on Tuesday.", "The billionaire said the plan would waste money.",
                "Sen. Ada Kerrigan (R-Ohio) voted against the bill.", "The Republican said the bill was too expensive.",
                "Former President Ivo Trenka is running again.", "The ex-president told supporters he would win."))
                .containsExactly(List.of("Oren Malvado"), List.of("Oren Malvado"), List.of(), List.of("Ada Kerrigan"), List.of(),
                        List.of("Ivo Trenka"));
        // nobody in focus from the paragraph before: no guess
        assertThat(speakers("Oren Malvado criticised the plan.", "The weather was cold.", "Markets fell.", "The billionaire said little."))
                .containsExactly(List.of("Oren Malvado"), List.of(), List.of(), List.of());
    }

    @Test
    void theTwoLeadersOfAReadoutAreTheTwoNamedAtItsStart() {
        assertThat(speakers("President Oren Malvado spoke today with Prime Minister Ada Kerrigan of Norland.",
                "The President underscored his commitment to the alliance.", "The leaders discussed the situation in the region.",
                "Prime Minister Kerrigan thanked the President for his leadership.",
                "The two leaders also reaffirmed their support for open sea lanes."))
                .containsExactly(List.of(), List.of("Oren Malvado"), List.of(), List.of("Ada Kerrigan"), List.of("Oren Malvado", "Ada Kerrigan"));
    }

    @Test
    void inTheWordsOfAndHeardSaying() {
        assertThat(speakers("In the words of Foreign Minister Ada Kerrigan, the deal is “dead”.",
                "President Ivo Trenka could be heard saying the talks were over.", "In the words of the report, the deal is dead.",
                "The crowd could be heard chanting slogans."))
                .containsExactly(List.of("Ada Kerrigan"), List.of("Ivo Trenka"), List.of(), List.of());
    }

    @Test
    void aBulletedListOfReactionsGivesEachItemToItsLabel() {
        assertThat(speakers("Here is what leaders said about the ruling:", "• Secretary-General Ada Kerrigan: “The decisions are binding.”",
                "- Prime Minister Ivo Trenka: “We will defend ourselves.”", "- Note: the ruling is final."))
                .containsExactly(List.of(), List.of("Ada Kerrigan"), List.of("Ivo Trenka"), List.of());
    }

    @Test
    void reportedWordsThenTheVerbAndTheSpeakerWithoutQuoteMarks() {
        assertThat(speakers("Talks will resume next week, said Ada Kerrigan, a spokeswoman.", "We will not give in, said the defence minister, Ivo Trenka.",
                "Russia, said the agency, had moved troops.", "The plan, said to cost billions, was dropped."))
                .containsExactly(List.of("Ada Kerrigan"), List.of("Ivo Trenka"), List.of(), List.of());
        assertThat(speakers("Minister Ada Kerrigan arrived in Oslo.", "The border is safe, added Kerrigan."))
                .containsExactly(List.of(), List.of("Ada Kerrigan"));
    }

    @Test
    void verbsOfCondemningRegrettingAndCorrectingReportWords() {
        assertThat(speakers("The head of the agency, Ada Kerrigan, deplored the shelling of the plant.",
                "Foreign Minister Ivo Trenka denounced the vote as “a farce”.", "Senator Lena Ostrova clarified that the bill would pass.",
                "President Oren Malvado informed his counterpart that the border would reopen.",
                "The chairperson, Tomas Reyl, welcomed the extension.",
                // not a person's words: a passive with no agent, and someone "informed" by others
                "Ada Kerrigan was denounced on state television.", "Ivo Trenka was informed of the decision."))
                .containsExactly(List.of("Ada Kerrigan"), List.of("Ivo Trenka"), List.of("Lena Ostrova"), List.of("Oren Malvado"),
                        List.of("Tomas Reyl"), List.of(), List.of());
    }

    @Test
    void aGivenNameListedAsACountrysFalseFriendStartsAName() {
        assertThat(speakers("Dominique Morel said the embassy would reopen.", "Victoria Lindqvist told reporters the deal was off.",
                "Heavy rains flooded villages around Lake Victoria, officials said."))
                .containsExactly(List.of("Dominique Morel"), List.of("Victoria Lindqvist"), List.of());
    }

    @Test
    void aGivenNameEndingInLyOpensASentence() {
        assertThat(speakers("Anatoly Verenko said the talks had failed.", "Vitaly Orlan told the council the vote was rigged.",
                "Emily Hartwell said the embassy was closed.", "Kelly Brannagh warned that the ceasefire would collapse.",
                // an adverb before a lone surname is no given name
                "Separately Trenka said the border was open.", "Reportedly Malvado said the plan was dead."))
                .containsExactly(List.of("Anatoly Verenko"), List.of("Vitaly Orlan"), List.of("Emily Hartwell"), List.of("Kelly Brannagh"),
                        List.of(), List.of());
    }

    @Test
    void aTitleWordAfterAGivenNameIsItsSurname() {
        assertThat(speakers("Julia Bishop said Canberra would send observers.", "“It is a shift,” said Lucien Grand, a fellow at an institute.",
                "Tomas Major told reporters the vote was close."))
                .containsExactly(List.of("Julia Bishop"), List.of("Lucien Grand"), List.of("Tomas Major"));
        // a title after an article, or before a name, is a title
        assertThat(speakers("The Anglican Bishop said the war must end.", "Bishop Ana Ruiz said the church would help."))
                .containsExactly(List.of(), List.of("Ana Ruiz"));
    }

    @Test
    void aPersonOfAnEmployerWithAPossessiveInItsName() {
        assertThat(speakers("Professor Ines Vallo of Queen's College London notes that the strait is contested.",
                "Marek Dunn of Harvard's Kennedy School said sanctions rarely work."))
                .containsExactly(List.of("Ines Vallo"), List.of("Marek Dunn"));
        // an institution's possessive before a body that speaks names no person
        assertThat(speakers("The Bank of England's monetary policy committee said rates would stay.", "Russia's Foreign Ministry said the talks were over."))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void anOrthodoxMetropolitanAndPeersRanksAreTitles() {
        assertThat(speakers("Metropolitan Ilarion of Odesa said the church would stay neutral.", "Baroness Wendell told peers the cut was temporary."))
                .containsExactly(List.of("Ilarion"), List.of("Wendell"));
        // the English word before an institution, or after an article, is no title
        assertThat(speakers("The Metropolitan Police said two men had been arrested.", "The Metropolitan Museum said the loan would go ahead.",
                "The Kestrel Gallery said the loan would go ahead."))
                .containsExactly(List.of(), List.of(), List.of());
    }

    @Test
    void aRoleOfACountryIsNotTheDelegateOfAnother() {
        // each delegate's country comes with the role: "of Sudan", "China's", "the U.S. ambassador"
        assertThat(speakers("The Permanent Representative of Moldova, Ada Kerrigan, welcomed the vote.",
                "The representative of Guyana expressed regret that the Council had failed."))
                .containsExactly(List.of("Ada Kerrigan"), List.of());
        assertThat(speakers("China's representative, Ivo Trenka, said Beijing had abstained.",
                "The representative of Guyana expressed regret that the Council had failed."))
                .containsExactly(List.of("Ivo Trenka"), List.of());
        assertThat(speakers("Lena Ostrova, the U.S. ambassador to the UN, accused Moscow of blocking peace.",
                "The representative of Guyana expressed regret that the Council had failed."))
                .containsExactly(List.of("Lena Ostrova"), List.of());
        // the same country's role is still the person named with it
        assertThat(speakers("The Permanent Representative of Guyana, Ada Kerrigan, arrived late.",
                "The representative of Guyana expressed regret that the Council had failed."))
                .containsExactly(List.of(), List.of("Ada Kerrigan"));
    }

    @Test
    void theTwoLeadersShareASecondVerb() {
        assertThat(speakers("President Ada Kerrigan hosted her counterpart, Ivo Trenka, in Astana.",
                "The two presidents signed a declaration on water and said the sea must be saved.",
                "The two presidents signed a declaration and left for the airport."))
                .containsExactly(List.of(), List.of("Ada Kerrigan", "Ivo Trenka"), List.of());
    }

    @Test
    void aPlaceOfSeveralWordsOrAForeignTitleIsNoSpeaker() {
        assertThat(speakers("Costa Rica said it would host the talks.", "Sri Lanka said the debt deal was signed.",
                "Buenos Aires said the decree would stand.", "Casa Rosada said the decree would stand.",
                "Der Spiegel said the army lacked ammunition.", "El Diario said the deal was close."))
                .containsExactly(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        // people still: a name after the place's adjective, a Vietnamese two-word name, a surname with its particle
        assertThat(speakers("Costa Rican President Ada Kerrigan said San José would host.", "Le Duan said the war would go on.",
                "Lucas van Dijk said the port was closed."))
                .containsExactly(List.of("Ada Kerrigan"), List.of("Le Duan"), List.of("Lucas van Dijk"));
    }

    @Test
    void aNamingVerbWithItsObjectAndAsReportsWords() {
        assertThat(speakers("Senator Ada Kerrigan described the loan as unsustainable.",
                "Foreign Minister Ivo Trenka described Chile's ties with Peru as stable.", "Kerrigan has termed the deal as a trap."))
                .containsExactly(List.of("Ada Kerrigan"), List.of("Ivo Trenka"), List.of("Ada Kerrigan"));
        // what others call someone, a participle about the subject, an object cut by a comma: nobody speaks
        assertThat(speakers("Ada Kerrigan arrived.", "Kerrigan was described as a hard bargainer.",
                "Kerrigan, widely described as a hawk, left early.", "Kerrigan was described by state media as a genius.",
                "Kerrigan described the talks, held in Lima, as fruitful."))
                .containsExactly(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aQuotationSignedAfterADashIsTheSigners() {
        assertThat(speakers("Chilean Foreign Minister Ivo Trenka said the ambassador would be summoned.",
                "“The door remains open.” — Peruvian Foreign Minister Ada Kerrigan, on talks with Chile",
                "“Peace is near.” — the foreign minister"))
                .containsExactly(List.of("Ivo Trenka"), List.of("Ada Kerrigan"), List.of("Ada Kerrigan"));
        // signed by an outlet, a role nobody holds here, or a thing: not the last speaker's words either
        assertThat(speakers("Chilean Foreign Minister Ivo Trenka said the ambassador would be summoned.",
                "“Peace is near.” — Reuters", "“We will win.” — the Ukrainian president",
                "“Never again” — a slogan painted on the wall."))
                .containsExactly(List.of("Ivo Trenka"), List.of(), List.of(), List.of());
    }

    @Test
    void aNameThatSpeaksOfItsOwnIsABody() {
        assertThat(speakers("Trenka Kerrigan said its clinic in Lima had been hit.", "Nova Brava told its clients to sell."))
                .containsExactly(List.of(), List.of());
        // a person given a role or title before still speaks of a country's or a firm's "its"
        assertThat(speakers("Ivo Trenka, a farmer, grows rice near Hue.", "Trenka said its price had fallen.",
                "Finance Minister Ada Kerrigan said its economy would recover."))
                .containsExactly(List.of(), List.of("Ivo Trenka"), List.of("Ada Kerrigan"));
    }

    @Test
    void thePersonOfAnOpeningClauseIsInFocusWhenNobodyElseIs() {
        assertThat(speakers("When Ada Kerrigan took the podium in Lima, she did not read from her notes.",
                "“We want justice,” she told the delegates."))
                .containsExactly(List.of(), List.of("Ada Kerrigan"));
        // someone already in focus keeps it: the opening clause's person is not the pronoun's
        assertThat(speakers("President Ada Kerrigan met reporters.", "After Ivo Trenka left the room, she said the deal was done."))
                .containsExactly(List.of(), List.of("Ada Kerrigan"));
    }

    @Test
    void aLedesRoleOfACountryIsTheNameThatOpensTheNextParagraph() {
        assertThat(speakers("The Peruvian president on Monday urged rich nations to act.",
                "Ada Kerrigan, speaking at the summit in Lima, said the forest could not wait."))
                .containsExactly(List.of("Ada Kerrigan"), List.of("Ada Kerrigan"));
        // someone given another role there, or speaking for another country, is someone else
        assertThat(speakers("The Peruvian president warned protesters on Monday.", "Ivo Trenka, the opposition leader, called for calm."))
                .containsExactly(List.of(), List.of("Ivo Trenka"));
        assertThat(speakers("The Peruvian president accused Chile of lying.", "Ivo Trenka said Santiago would not be intimidated."))
                .containsExactly(List.of(), List.of("Ivo Trenka"));
    }

    @Test
    void opinionsBlameAndVerbsThatReportWordsBeforeThat() {
        assertThat(speakers("Opposition lawmaker Ines Marquez Tello opined that the plan ignored the south.",
                "Patriarch Onisim of Varna, in a sermon, blamed the West for the war.",
                "Central bank governor Tomas Rendell signalled that rates would stay high.",
                "Ivo Trenka maintained that the vote was fair.",
                "President Ada Kerrigan, the host, agreed that \"the dollar cannot be the only option\"."))
                .containsExactly(List.of("Ines Marquez Tello"), List.of("Onisim"), List.of("Tomas Rendell"),
                        List.of("Ivo Trenka"), List.of("Ada Kerrigan"));
        // without "that" these verbs report no words; a passive blames nobody
        assertThat(speakers("Ivo Trenka maintained a small office in Lima.", "Governor Tomas Rendell signalled a turn to the left.",
                "Ada Kerrigan agreed to the deal.", "Ivo Trenka was blamed for the defeat."))
                .containsExactly(List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void viewsCallsAndRenewedAppealsAreWords() {
        assertThat(speakers("Former foreign secretary Kavin Mehrotra was of the view that the remarks showed confidence.",
                "Others disagree. In the view of Lena Sorvik, a fellow at a Oslo institute, the jets were always going to be sold.",
                "In a post on Telegram, former president Oleg Varin called the referendum a farce.",
                "Bishop Tomas Ruiz on Friday renewed his appeal for a truce.",
                "Ivo Trenka, the foreign minister, has long argued that the concerns were ignored."))
                .containsExactly(List.of("Kavin Mehrotra"), List.of("Lena Sorvik"), List.of("Oleg Varin"), List.of("Tomas Ruiz"),
                        List.of("Ivo Trenka"));
        // a phone call, a convened vote, a renewed treaty and a view from a window are no words
        assertThat(speakers("President Ada Kerrigan called her counterpart a day later.", "Prime Minister Ivo Trenka called a snap election.",
                "Minister Ada Kerrigan renewed the agreement for five years.", "Ivo Trenka enjoyed the view of the harbour."))
                .containsExactly(List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aDeclaredStateOfEmergencyIsAnActNotWords() {
        assertThat(speakers("President Ada Kerrigan declared three days of national mourning.",
                "Prime Minister Ivo Trenka declared a state of emergency in the north."))
                .containsExactly(List.of(), List.of());
        assertThat(speakers("\"No one will intimidate us,\" Ivo Trenka declared.", "Ada Kerrigan declared that the war was over."))
                .containsExactly(List.of("Ivo Trenka"), List.of("Ada Kerrigan"));
    }

    @Test
    void europeanFormsOfAddressAreTitles() {
        assertThat(speakers("Mme Odile Marchetti met her counterpart in Paris.", "Mme Marchetti said France would not accept the deal.",
                "Frau Henning, the German minister, warned that Europe could not wait.", "Señora Ines Marquez said the border was calm."))
                .containsExactly(List.of(), List.of("Odile Marchetti"), List.of("Henning"), List.of("Ines Marquez"));
    }

    @Test
    void aLoneNameThatARoleDescribesIsAPerson() {
        // the pronoun after it is that person, not the one in focus before
        assertThat(speakers("Prime Minister Ivo Trenka also attended.",
                "Moravec, Trenka's predecessor, did not attend. He had said in 2023 that the country would never choose sides.",
                "Abdi, a senior adviser to the president, said the talks failed."))
                .containsExactly(List.of(), List.of("Moravec"), List.of("Abdi"));
        // an outlet or a body described by what it is speaks as a source, not a person
        assertThat(speakers("Interfax, the official news agency, said the talks failed.", "Novarex, the chipmaker, said sales fell."))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void twoNamesWithTheirCountriesBothSpeak() {
        assertThat(speakers("Chile's Ada Kerrigan and Uruguay's Ivo Trenka said they would attend.",
                "Ada Kerrigan and Peru's President Ivo Trenka said they would attend."))
                .containsExactly(List.of("Ada Kerrigan", "Ivo Trenka"), List.of("Ada Kerrigan", "Ivo Trenka"));
        // a country alone before "and" is no speaker
        assertThat(speakers("Chile and Uruguay's Ivo Trenka said they would attend."))
                .containsExactly(List.of("Ivo Trenka"));
    }

    @Test
    void concernsVoicedAndRaisedAndVerbsWithTheirParticle() {
        assertThat(speakers("Senator Ana Ruiz voiced concern about the deal.", "Minister Paolo Conti raised serious concerns about the plan.",
                "Governor Lina Berg sounded the alarm over debt.", "Minister Paolo Conti weighed in on the row.",
                "Minister Ana Ruiz shot back that the claims were false.", "Minister Lina Berg pushed back against the claim.",
                "Minister Paolo Conti boasted that exports had doubled."))
                .containsExactly(List.of("Ana Ruiz"), List.of("Paolo Conti"), List.of("Lina Berg"), List.of("Paolo Conti"),
                        List.of("Ana Ruiz"), List.of("Lina Berg"), List.of("Paolo Conti"));
        // deeds with the same verbs report nothing
        assertThat(speakers("Governor Ana Ruiz raised interest rates and raised funds.", "Sgt. Paolo Conti shot back at the gunmen.",
                "Minister Lina Berg pushed back the date.", "Minister Paolo Conti weighed the options.",
                "Minister Ana Ruiz raised the flag and sounded the horn."))
                .containsExactly(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aYesNoQuestionReportsNobodysWords() {
        assertThat(speakers("Question: Has Washington asked Panama to leave the initiative?",
                "Did President Ana Ruiz tell you that the deal was dead?", "Has Minister Paolo Conti said anything?"))
                .containsExactly(List.of(), List.of(), List.of());
        // names that look like auxiliaries, and a quoted question with its attribution, still speak
        assertThat(speakers("Will Tarrant said he was happy.", "Do Hung Viet said the talks went well.",
                "\"Is this fair?\" Minister Paolo Conti asked."))
                .containsExactly(List.of("Will Tarrant"), List.of("Do Hung Viet"), List.of("Paolo Conti"));
    }

    @Test
    void aQuoteAnUnnamedPersonCloses() {
        // an unnamed speaker's quote is not the words of the one named in the paragraph before
        assertThat(speakers("Foreign Minister Paolo Conti warned that Rome would veto the measures.",
                "\"We will read the text carefully,\" a spokesperson for the Hungarian government said.",
                "\"We will read it,\" an official said.", "\"We will read it,\" said a spokeswoman for the ministry.",
                "\"We will read it,\" one minister told reporters.", "\"We will read it,\" officials said.",
                "Not everyone agrees. A diplomat in Rome was blunter: \"He never listens.\""))
                .containsExactly(List.of("Paolo Conti"), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        // named, titled or pronoun speakers of such quotes stay
        assertThat(speakers("Foreign Minister Paolo Conti warned that Rome would veto the measures.",
                "\"We will read the text carefully,\" he said.", "\"We will read it,\" the minister said.",
                "\"We will read it.\" The text is long."))
                .containsExactly(List.of("Paolo Conti"), List.of("Paolo Conti"), List.of("Paolo Conti"), List.of("Paolo Conti"));
    }

    @Test
    void subjectBehindAConnectiveOrAListInItsAppositive() {
        assertThat(speakers("Interior Secretary Lina Berg, who appeared before the committee, however, said the cost was met.",
                "Lina Berg, a member of the Committee on Defence, Intelligence and Foreign Relations, said the cost was met.",
                "Minister Paolo Conti, the host, for his part, said the talks went well."))
                .containsExactly(List.of("Lina Berg"), List.of("Lina Berg"), List.of("Paolo Conti"));
        // unchanged: a connective right after the name, and a list of places before the verb
        assertThat(speakers("Minister Paolo Conti arrived.", "Conti, however, said the cost was met.",
                "Officials from Kenya, Uganda and Tanzania said the cost was met."))
                .containsExactly(List.of(), List.of("Paolo Conti"), List.of());
    }

    @Test
    void theHeadOfStateCapitalised() {
        assertThat(speakers("President Ana Ruiz has visited the troops.",
                "Speaking in Kericho on Sunday, the Head of State said the officers were well equipped."))
                .containsExactly(List.of(), List.of("Ana Ruiz"));
    }

    @Test
    void praiseBlameRemindersAndGreetingsConveyed() {
        assertThat(speakers("Undersecretary Ana Ruiz lauded the contributions of the workers.",
                "Minority Leader Paolo Conti faulted the government for failing to table the cost.",
                "Prime Minister Lina Berg reminded her counterparts that the code was overdue.",
                "Ambassador Ivo Trenka conveyed the greetings of the King to the people.",
                "Ambassador Ivo Trenka conveyed Japan's appreciation to the Korean side.",
                "Minister Ana Ruiz extended her condolences to the families."))
                .containsExactly(List.of("Ana Ruiz"), List.of("Paolo Conti"), List.of("Lina Berg"), List.of("Ivo Trenka"),
                        List.of("Ivo Trenka"), List.of("Ana Ruiz"));
        // deeds and memories with the same verbs report nothing
        assertThat(speakers("Minister Ana Ruiz extended the deadline by a week.", "The smell reminded Paolo Conti of home.",
                "Minister Lina Berg reminded reporters of the deadline.", "Minister Ivo Trenka conveyed the goods to the port."))
                .containsExactly(List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void namesWithoutTheirAdjectivesAndNicknamesWithTheirInitials() {
        // a capitalised hyphenated adjective before a name is no part of it
        assertThat(speakers("Marxist-leaning Ana Maria Ruiz told supporters that corruption was over.",
                "Kremlin-backed Governor Ivo Trenka said the vote was fair.", "Oxford-educated Lina Berg said the deal was fair."))
                .containsExactly(List.of("Ana Maria Ruiz"), List.of("Ivo Trenka"), List.of("Lina Berg"));
        // a nickname quoted inside a name is dropped; both of a pair that calls for something speak
        assertThat(speakers("President Ferdinand \"Bongbong\" Kalaw Jr. and Prime Minister Ana Ruiz on Monday called for a code of conduct.",
                "Kalaw stressed that the bloc must speak with one voice.", "RSF leader Mohamed Hamdan “Hemedti” Dagalo said the army refused talks."))
                .containsExactly(List.of("Ferdinand Kalaw Jr", "Ana Ruiz"), List.of("Ferdinand Kalaw Jr"), List.of("Mohamed Hamdan Dagalo"));
        // four initials stay with the name; hyphenated names stay whole
        assertThat(speakers("Election commission chairman R.M.A.L. Perera said turnout was high.",
                "Minister Saif-ud-din Rahman said turnout was high.", "Minister Kwaku Asante-Boateng said turnout was high."))
                .containsExactly(List.of("R.M.A.L. Perera"), List.of("Saif-ud-din Rahman"), List.of("Kwaku Asante-Boateng"));
    }

    @Test
    void perNameIsAccordingTo() {
        assertThat(speakers("Press Officer Claire Ruiz-Reyes said the leaders met.", "Per Ruiz-Reyes, the leaders agreed to meet again.",
                "The leaders agreed, per Foreign Minister Ana Ruiz, to meet again."))
                .containsExactly(List.of("Claire Ruiz-Reyes"), List.of("Claire Ruiz-Reyes"), List.of("Ana Ruiz"));
        // "Per" the given name, an outlet after "per", and amounts are unchanged
        assertThat(speakers("Per Olsen said the talks went well.", "Per Reuters, the talks failed.", "Output rose 5 per cent, Minister Ana Ruiz said."))
                .containsExactly(List.of("Per Olsen"), List.of(), List.of("Ana Ruiz"));
    }

    @Test
    void putItAccordingToHimHostsAndSpeechParticiples() {
        assertThat(speakers("As Paolo Conti put it in his speech, Europe \"could die\".", "Minister Ana Ruiz put it bluntly: the deal is dead.",
                "Ambassador Ivo Trenka commended the government.", "According to him, over 100 firms operate here.",
                "India signed the pact, with Prime Minister Lina Berg asserting that Delhi would help.",
                "President Ana Ruiz defended the deployment, terming it a noble assignment."))
                .containsExactly(List.of("Paolo Conti"), List.of("Ana Ruiz"), List.of("Ivo Trenka"), List.of("Ivo Trenka"),
                        List.of("Lina Berg"), List.of("Ana Ruiz"));
        assertThat(speakers("Minister Ana Ruiz put it on the table."))
                .containsExactly(List.of());
        // "Host" is stripped and is no role: "the Russian leader" is still the host in focus
        assertThat(speakers("Host Ivo Trenka hailed the summit as a sign that efforts to isolate Russia had failed.",
                "\"The world is changing,\" the Russian leader declared.", "Chinese leader Paolo Conti held talks."))
                .containsExactly(List.of("Ivo Trenka"), List.of("Ivo Trenka"), List.of());
        // a role of one country is never the person of another country named in the next paragraph
        assertThat(speakers("Minister Ana Ruiz hailed the summit.", "\"The world is changing,\" the Russian leader declared.",
                "Chinese leader Paolo Conti held talks."))
                .containsExactly(List.of("Ana Ruiz"), List.of(), List.of());
    }

    @Test
    void aSurnameInCapitalsAfterATitle() {
        assertThat(speakers("Mr. TAKADA Hiroshi, Minister for Foreign Affairs, held a meeting with H.E. Mr. PARK Min-jae in Tokyo.",
                "Minister Takada stated that relations were good.", "Minister Park stated that cooperation mattered.",
                "Mr KANG said the talks went well."))
                .containsExactly(List.of(), List.of("Takada Hiroshi"), List.of("Park Min-jae"), List.of("Kang"));
        // acronyms before names stay out of them
        assertThat(speakers("NATO Secretary General Ana Ruiz said the alliance was strong.", "US President Paolo Conti said so.",
                "EU Trade Commissioner Lina Berg said so."))
                .containsExactly(List.of("Ana Ruiz"), List.of("Paolo Conti"), List.of("Lina Berg"));
    }

    @Test
    void herNameIsIntroducesTheFeaturesSubject() {
        assertThat(speakers("The room smells of coffee. It is past midnight.", "Her name is Ana Ruiz, and for two years she has run the talks.",
                "\"You learn to listen,\" she tells me later."))
                .containsExactly(List.of(), List.of(), List.of("Ana Ruiz"));
        assertThat(speakers("His name was on the list.", "\"You learn to listen,\" she tells me later."))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void anAgeDescriptionIsWhoeverTheArticleGaveThatAge() {
        assertThat(speakers("Minister Lina Berg told reporters the policy was defensive.",
                "Berg, 63, is seen as a contender to succeed Prime Minister Paolo Conti, who has said he will not run again.",
                "The 63-year-old added that dialogue would continue."))
                .containsExactly(List.of("Lina Berg"), List.of("Paolo Conti"), List.of("Lina Berg"));
        // with no age given, the person in focus as before
        assertThat(speakers("Minister Lina Berg arrived.", "The 63-year-old added that dialogue would continue."))
                .containsExactly(List.of(), List.of("Lina Berg"));
    }

    @Test
    void pairsDescribedTogetherOrNamedAfterTheVerb() {
        assertThat(speakers("Ana Ruiz and Paolo Conti, the foreign ministers of Chile and Peru, said they would meet again.",
                "Lina Berg and Ivo Trenka, both former ministers, said they would run.",
                "Tomas Lund and Eva Holm, who met on Monday, said they would run.",
                "\"We are ready,\" said Foreign Ministers Lina Berg and Ivo Trenka."))
                .containsExactly(List.of("Ana Ruiz", "Paolo Conti"), List.of("Lina Berg", "Ivo Trenka"), List.of("Tomas Lund", "Eva Holm"),
                        List.of("Lina Berg", "Ivo Trenka"));
        // one person and a description of others stays one
        assertThat(speakers("\"We are ready,\" said Lina Berg and her aides.", "Officials from Chile and Peru, the two neighbours, said so.",
                "Minister Ana Ruiz, a member of the party, said so."))
                .containsExactly(List.of("Lina Berg"), List.of(), List.of("Ana Ruiz"));
    }

    @Test
    void aQuoteInsideTheSubjectsRelativeClause() {
        assertThat(speakers("Minister Ana Ruiz, whom critics described as \"a hardliner\", said the talks failed.",
                "Paolo Conti, who called the deal “a betrayal”, told reporters he would vote against it."))
                .containsExactly(List.of("Ana Ruiz"), List.of("Paolo Conti"));
        // a quote before the verb that nobody follows is still nobody's
        assertThat(speakers("\"The talks failed,\" said the report.")).containsExactly(List.of());
    }

    @Test
    void aRoleNobodyHoldsIsNotTheSpeakerBefore() {
        assertThat(speakers("Foreign Minister Ana Ruiz said the border would stay closed.", "\"We will not reopen it,\" the spokesman said."))
                .containsExactly(List.of("Ana Ruiz"), List.of());
        assertThat(speakers("Foreign Minister Ana Ruiz said the border would stay closed.", "\"We will not reopen it,\" the general said."))
                .containsExactly(List.of("Ana Ruiz"), List.of());
        // a role the speaker holds, or a general one, stays hers
        assertThat(speakers("Foreign Minister Ana Ruiz said the border would stay closed.", "\"We will not reopen it,\" the minister said."))
                .containsExactly(List.of("Ana Ruiz"), List.of("Ana Ruiz"));
        assertThat(speakers("Foreign Minister Ana Ruiz said the border would stay closed.", "\"We will not reopen it,\" the diplomat said."))
                .containsExactly(List.of("Ana Ruiz"), List.of("Ana Ruiz"));
    }

    @Test
    void theTwoAmbassadorsAreTwoWhoHoldThatRole() {
        assertThat(speakers("Ambassador Ana Ruiz of Chile and Ambassador Paolo Conti of Peru met on Monday.",
                "Foreign Minister Lina Berg met Commissioner Ivo Trenka.",
                "The two ambassadors later told reporters that they would seek guarantees."))
                .containsExactly(List.of(), List.of(), List.of("Ana Ruiz", "Paolo Conti"));
        // nobody with the role: nobody
        assertThat(speakers("Foreign Minister Lina Berg met Commissioner Ivo Trenka.",
                "The two ambassadors later told reporters that they would seek guarantees."))
                .containsExactly(List.of(), List.of());
        // "the two leaders" are still the last two named
        assertThat(speakers("Foreign Minister Lina Berg met Commissioner Ivo Trenka.", "The two leaders later told reporters they would meet again."))
                .containsExactly(List.of(), List.of("Lina Berg", "Ivo Trenka"));
    }

    @Test
    void unMeetingCoverageGivesTheDelegatesCountryInParentheses() {
        assertThat(speakers("IVO TRENKA (Russian Federation) said the draft was unbalanced.", "LI WEN (China) said his delegation would abstain.",
                "The representative of the United Kingdom said London supported the text.", "Mr. Trenka said the vote was a farce."))
                .containsExactly(List.of("Ivo Trenka"), List.of("Li Wen"), List.of(), List.of("Ivo Trenka"));
        // a role of the delegate's own country is still the delegate's
        assertThat(speakers("LI WEN (China) said his delegation would abstain.", "The Chinese representative added that the text was flawed."))
                .containsExactly(List.of("Li Wen"), List.of("Li Wen"));
    }

    @Test
    void aPronounAfterAnUnnamedSpeakerIsNotTheNamedOneBefore() {
        assertThat(speakers("Governor Paolo Conti told reporters the children had been evacuated.",
                "Not everyone trusts the numbers. A teacher at School No. 9, who asked not to be named, said many families had returned.",
                "\"The government says one thing,\" she said."))
                .containsExactly(List.of("Paolo Conti"), List.of(), List.of());
        // a named speaker after the unnamed one takes the pronoun again
        assertThat(speakers("A teacher said many families had returned.", "Governor Paolo Conti disagreed, saying the numbers were right.",
                "\"They are right,\" he said."))
                .containsExactly(List.of(), List.of("Paolo Conti"), List.of("Paolo Conti"));
    }

    @Test
    void aPersonNamedAfterADescriptionIsInFocus() {
        assertThat(speakers("Her neighbour, a retired engineer named Petro, disagrees. He has packed a bag.", "\"I am 71,\" he says."))
                .containsExactly(List.of(), List.of("Petro"));
        // an appointment names nobody into focus
        assertThat(speakers("Kyiv named Ana Ruiz ambassador.", "\"We are glad,\" she said."))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void aSubjectBeforeAnAdverbialWithoutCommasAndWordsMadeKnownOrClear() {
        assertThat(speakers("Minister Ana Ruiz while speaking to newsmen in Abuja said the ports would reopen.",
                "Minister Paolo Conti in his remarks said the ports would reopen.",
                "President Lina Berg in Abuja on Monday said the ports would reopen."))
                .containsExactly(List.of("Ana Ruiz"), List.of("Paolo Conti"), List.of("Lina Berg"));
        assertThat(speakers("Minister Lina Berg made this known in a statement on Sunday.", "Minister Ana Ruiz made it known that she would run.",
                "Minister Paolo Conti made it clear that he would run.", "Minister Ivo Trenka made clear that he would run."))
                .containsExactly(List.of("Lina Berg"), List.of("Ana Ruiz"), List.of("Paolo Conti"), List.of("Ivo Trenka"));
        // bodies and outlets before an adverbial, and things made clear, stay nobody's
        assertThat(speakers("The embassy in Abuja said the ports would reopen.", "Officials in Abuja said the ports would reopen.",
                "Reuters in London said the ports would reopen.", "The ruling made it clear that the law applied."))
                .containsExactly(List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void someonesMessageBeforeAColonIsTheirs() {
        assertThat(speakers("Minister Paolo Conti's message was clear: \"We will stay.\"", "Ana Ruiz's reply was blunt: \"No.\""))
                .containsExactly(List.of("Paolo Conti"), List.of("Ana Ruiz"));
        // a country's reply, or someone's plan, names no speaker
        assertThat(speakers("Russia's reply was blunt: \"No.\"", "Minister Ana Ruiz's plan was simple: \"We will stay.\""))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void aRoleOrAKnownSurnameBeforeAnAdverbialWithoutCommas() {
        assertThat(speakers("Minister of Foreign Affairs Ana Ruiz arrived in Abuja.",
                "The minister in her remarks said the government had engaged the authorities.",
                "Hon. Lina Berg-Okafor spoke first.", "Berg-Okafor while speaking to journalists after the briefing urged citizens to register."))
                .containsExactly(List.of(), List.of("Ana Ruiz"), List.of(), List.of("Lina Berg-Okafor"));
        // a lone name never introduced, and a body, stay nobody's
        assertThat(speakers("Novarex in Lagos said the plant would reopen.", "The embassy in Abuja said so."))
                .containsExactly(List.of(), List.of());
    }

    @Test
    void interviewLabelsWithAPeriodOrADash() {
        assertThat(speakers("We spoke with Foreign Minister Ana Ruiz in Lima.", "Q. How worried are you about tariffs?",
                "A. Very worried. A small economy feels every shock.", "Q — What about Europe?", "A — Europe is a friend."))
                .containsExactly(List.of(), List.of(), List.of("Ana Ruiz"), List.of(), List.of("Ana Ruiz"));
        // "We spoke with" announces an interview's unlabelled answers too
        assertThat(speakers("We spoke with Foreign Minister Ana Ruiz in Lima.", "How worried are you about tariffs?", "Very worried."))
                .containsExactly(List.of(), List.of(), List.of("Ana Ruiz"));
        // after labels that gave the floor to two people, an "A." answer is either's: nobody's
        assertThat(speakers("The following is a transcript of remarks by Minister Ana Ruiz and Minister Ivo Trenka.",
                "MINISTER RUIZ: Good afternoon.", "MINISTER TRENKA: Thank you.", "Q. What about the Arctic?", "A. It must stay calm."))
                .containsExactly(List.of(), List.of("Ana Ruiz"), List.of("Ivo Trenka"), List.of(), List.of());
        // with no question before it, "A." is no answer of the person named before
        assertThat(speakers("Minister Ana Ruiz arrived.", "A. Kumar said the talks went well."))
                .containsExactly(List.of(), List.of());
    }
}
