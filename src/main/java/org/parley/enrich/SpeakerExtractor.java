package org.parley.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.corpus.ParagraphKind;

/**
 * Finds, paragraph by paragraph, the people whose words an article carries, and the organisations and
 * documents it quotes. Rules, not a list of people:
 * <ul>
 *   <li>a speech verb ("said", "told", "reiterated", "expressed", ...) and its subject: the name before it
 *       ("Putin said", "Kin Phea, director of ..., said", "X, who stated"), after it ("said Foreign Minister
 *       Wang Yi"), after "by" ("underlined by X") or after "according to";</li>
 *   <li>participles ("..., saying") and a second verb ("X welcomed ... and highlighted") take the subject
 *       of their clause; joined subjects ("X and Y said") both speak; "quoted X as saying"; transcript
 *       lines ("Balakrishnan: ...");</li>
 *   <li>pronouns ("he said") and title references ("the King wrote") resolve to the person in focus or
 *       the last person named with that title; short forms ("Putin") to the longest form in the article;</li>
 *   <li>a quotation that runs over several paragraphs, or a paragraph that is only a quote, belongs to
 *       the speaker who introduced it;</li>
 *   <li>captions, bylines and datelines carry nobody's words.</li>
 * </ul>
 * Stateless between calls and thread-safe.
 */
final class SpeakerExtractor {
    /** Speakers (normalised names) and sources (organisations, documents) of one paragraph. */
    record Attribution(List<String> speakers, List<String> sources) {
        static final Attribution NONE = new Attribution(List.of(), List.of());
    }

    /**
     * The attributions of an article's paragraphs, and the country words it uses as its people's surnames
     * ("Jordan" after "Rep. Dale Jordan"), which then mention no country.
     */
    record Result(List<Attribution> attributions, Set<String> personAliases) {
    }

    private final PhraseReader phrases;
    private final CountryGazetteer gazetteer;

    SpeakerExtractor(CountryGazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.phrases = new PhraseReader(gazetteer);
    }

    /** A person named in the article, for short forms, title references and pronouns. */
    private record Mention(List<String> name, Set<String> titles, char gender, int order) {
    }

    // ---- the article ----------------------------------------------------------------------------------

    /** Prefix of {@code qualifierOwners} keys that are a country's code rather than a word. */
    private static final String COUNTRY_KEY = "@";

    /** Mutable state of one pass over one article (never shared between threads). */
    private final class Pass {
        final List<List<Token>> paragraphs;
        final List<ParagraphKind> kinds;
        /** Distinct person names of the article by their lower-case form (first mention, with a known gender). */
        final Map<String, Mention> byName = new HashMap<>();
        /** Lower-case alias -> the full name it was given for ("known as Jokowi"). */
        final Map<String, List<String>> knownAs = new HashMap<>();
        /** Lower-case word -> keys of the distinct names containing it, for short forms. */
        final Map<String, List<String>> byWord = new HashMap<>();
        /** Title word -> mentions with that title, in article order, for "the King wrote". */
        final Map<String, List<Mention>> byTitle = new HashMap<>();
        /** Lower-case capitalised words before a name ("NATO", "Kremlin" in "Kremlin spokesman X") -> name keys. */
        final Map<String, Set<String>> qualifierOwners = new HashMap<>();
        /** Name key -> the countries its qualifiers named ("Turkish" in "Turkish President X"). */
        final Map<String, Set<String>> countriesOf = new HashMap<>();
        /** Keys of names that were seen with a title at least once. */
        final Set<String> titled = new HashSet<>();
        final List<Mention> focus = new ArrayList<>(); // recent subjects and speakers, most recent last
        final int[][] sentenceStarts;
        /** Genders learnt from pronouns that resolved to a person ("Taras Bondar ... he says"), by name key. */
        final Map<String, Character> learntGender = new HashMap<>();
        /** The phrase reader of this article: it knows which country words are the article's surnames. */
        PhraseReader phrases = SpeakerExtractor.this.phrases;
        Set<String> personAliases = Set.of();
        Mention lastSpeaker; // the subject of the last attribution
        Mention interviewee; // the last person named by a transcript label
        final Set<String> labelled = new HashSet<>(2); // everyone named by a transcript label
        final List<Mention> mentionOrder = new ArrayList<>(); // distinct names in article order
        /** Lower-case last word and last two words run together of every full name, built on first use. */
        List<String[]> surnames;
        final List<List<String>> surnameOwners = new ArrayList<>();
        final List<long[]> mentionsAt = new ArrayList<>(); // {paragraph, token} of every full mention, in order
        final List<String> mentionKeys = new ArrayList<>(); // the name key of each of mentionsAt
        boolean titleCase; // the paragraph being attributed is a headline in title case
        int lastSpeakerParagraph = -1;
        boolean unnamedSpokeLast; // the last words were someone unnamed's ("a teacher ... said")
        int unnamedParagraph = -1;
        int paragraph; // the paragraph being attributed
        boolean[] quoted = new boolean[0]; // per token of the paragraph being attributed: inside a quotation

        Pass(List<List<Token>> paragraphs, List<ParagraphKind> kinds) {
            this.paragraphs = paragraphs.stream().map(SpeechRules::afterTimestamp).map(SpeechRules::withoutInlineAcronyms).toList();
            this.kinds = kinds;
            this.sentenceStarts = new int[paragraphs.size()][];
            for (int i = 0; i < paragraphs.size(); i++) {
                int[] s = PhraseReader.sentences(this.paragraphs.get(i));
                int d = SpeechRules.datelineEnd(this.paragraphs.get(i));
                if (d > 0) s = SpeechRules.startAt(s, d); // "MOSCOW, Feb 20, 2025 (Reuters) - The Kremlin said": the sentence starts after the dash
                sentenceStarts[i] = s;
            }
        }

        char genderOf(Mention m) {
            return m.gender() != 0 ? m.gender() : learntGender.getOrDefault(key(m.name()), (char) 0);
        }

        void spoke(Mention m) {
            lastSpeaker = m;
            lastSpeakerParagraph = paragraph;
            unnamedSpokeLast = false;
        }

        /** Someone unnamed spoke ("an official said"): a pronoun right after is theirs, not the named speaker's before. */
        void unnamedSpoke() {
            unnamedSpokeLast = true;
            unnamedParagraph = paragraph;
        }

        void collectMentions() {
            for (int pi = 0; pi < paragraphs.size(); pi++) {
                List<Token> t = paragraphs.get(pi);
                // A headline in title case ("Kosovo Serbs Mark Anniversary ...") introduces nobody: its capitals are style.
                if (kinds.get(pi) != ParagraphKind.BODY && SpeechRules.titleCased(t)) continue;
                int[] s = sentenceStarts[pi];
                for (int si = 0; si + 1 < s.length; si++) {
                    int from = s[si], to = s[si + 1];
                    for (int k = from; k < to; k++) {
                        if (!phrases.runToken(t, k, from, to) || phrases.runToken(t, k - 1, from, to)) continue;
                        int b = k;
                        while (phrases.runToken(t, b + 1, from, to)) b++;
                        Phrase p = phrases.classify(t, k, b, from, false);
                        if (p != null && p.kind() == Phrase.Kind.PERSON && (!p.titles().isEmpty() || p.name().size() >= 2)) {
                            Set<String> titles = appositiveTitles(t, k, b, from, to, p.name(), p.titles());
                            remember(new Mention(p.name(), titles, p.gender(), pi));
                            List<String> alias = SpeechRules.knownAs(t, b, to); // "Joko Widodo, popularly known as Jokowi,"
                            if (alias != null) knownAs.putIfAbsent(key(alias), p.name());
                            mentionsAt.add(new long[] {pi, k});
                            mentionKeys.add(key(p.name()));
                            // "Nepal's Prime Minister X", "X, North Korea's leader,": the possessor names X's country
                            String owner = k >= from + 2 && t.get(k - 1).is("'s") ? possessorCountry(t, k - 1, from) : null;
                            int apostrophe = owner == null && b + 3 < to && t.get(b + 1).is(",") ? possessiveEnd(t, b + 2, to) : -1;
                            if (apostrophe >= 0) owner = possessorCountry(t, apostrophe, b + 2);
                            if (owner != null) countryQualifies(p.name(), owner);
                            // "FU CONG (China) said", "Ms. X (United States) said": the UN's way to give a delegate's country
                            if (b + 2 < to && t.get(b + 1).is("(") && t.get(b + 2).capitalised()) {
                                List<String> words = new ArrayList<>(3);
                                int q = b + 2;
                                while (q < to && q < b + 6 && t.get(q).word()) words.add(t.get(q++).text());
                                String country = q < to && t.get(q).is(")") ? countryOfWords(words) : null;
                                if (country != null) countryQualifies(p.name(), country);
                            }
                            for (int q = k; q <= b; q++) {
                                Token x = t.get(q);
                                if (x.word() && x.capitalised() && !x.has(Token.TITLE) && !x.has(Token.FUNCTION) && !p.name().contains(x.text())) {
                                    qualifierOwners.computeIfAbsent(NameWords.lower(x.text()), w -> new HashSet<>(2)).add(key(p.name()));
                                    // "Turkish President X" and "the Turkey leader", "the Kremlin chief" and "Russian
                                    // President Y": the country a qualifier names, whichever word names it
                                    String country = gazetteer.countryOf(x.text());
                                    if (country != null) countryQualifies(p.name(), country);
                                }
                            }
                        }
                        k = b;
                    }
                }
            }
            // "Rep. Dale Jordan ... Jordan wrote": a country word that ends a person's full name is that person.
            Set<String> aliases = new HashSet<>();
            for (Mention m : byName.values()) {
                String last = m.name().getLast();
                if (m.name().size() >= 2 && gazetteer.isPersonLikeAlias(last)) aliases.add(last);
            }
            if (!aliases.isEmpty()) {
                personAliases = Set.copyOf(aliases);
                phrases = phrases.withPersonAliases(personAliases);
            }
        }

        /** Records that {@code name} was named with a word of {@code country}, for "the Russian leader". */
        private void countryQualifies(List<String> name, String country) {
            qualifierOwners.computeIfAbsent(COUNTRY_KEY + country, w -> new HashSet<>(2)).add(key(name));
            countriesOf.computeIfAbsent(key(name), w -> new HashSet<>(2)).add(country);
        }

        /** The country of the one to three capitalised words before the possessive at {@code s} ("North Korea's"), or null. */
        private String possessorCountry(List<Token> t, int s, int from) {
            int a = s;
            while (a - 1 >= from && s - a < 3 && t.get(a - 1).word() && t.get(a - 1).capitalised()) a--;
            for (; a < s; a++) { // the longest name first: "North Korea" before "Korea"
                String words = t.get(a).text();
                for (int q = a + 1; q < s; q++) words += " " + t.get(q).text();
                String country = gazetteer.countryOf(words);
                if (country != null) return country;
            }
            return null;
        }

        /**
         * The titles of a person named with an appositive role: "The Coordinating Minister of Health, Dr. Musa
         * Bello Adamu" or "Joseph Kariuki, Kenya's foreign secretary,": a later "the minister" is that person.
         */
        private Set<String> appositiveTitles(List<Token> t, int a, int b, int from, int to, List<String> name, Set<String> titles) {
            Phrase role = null;
            if (a - 2 >= from && t.get(a - 1).is(",") && t.get(a - 2).word()) {
                int s = phrases.runStart(t, a - 2, from);
                if (s <= a - 2) role = phrases.classify(t, s, a - 2, from, s > from && PhraseReader.isDeterminer(t.get(s - 1).lower()));
                // "China's representative, Fu X,": the possessor names the role's country
                String owner = role != null && role.kind() == Phrase.Kind.TITLE_REF && s >= from + 2 && t.get(s - 1).is("'s")
                        ? possessorCountry(t, s - 1, from) : null;
                if (owner != null) countryQualifies(name, owner);
                if (role == null || role.kind() != Phrase.Kind.TITLE_REF) {
                    // "The European Union's envoy for the Western Balkans, Miroslav X,": the role's word further back
                    Set<String> found = new LinkedHashSet<>();
                    for (int k = a - 2; k >= Math.max(from, a - 10); k--) {
                        Token x = t.get(k);
                        if (x.is(",") || x.lowercase() && (SpeechRules.SPEECH_VERBS.contains(x.lower()) || SpeechRules.PARTICIPLES.contains(x.lower()))) break;
                        if (x.word() && x.has(Token.TITLE) && !NameWords.ROLELESS.contains(x.lower())) found.add(x.lower());
                    }
                    if (!found.isEmpty()) {
                        found.addAll(titles);
                        return found;
                    }
                }
            }
            if ((role == null || role.kind() != Phrase.Kind.TITLE_REF) && b + 2 < to && t.get(b + 1).is(",")) {
                int s = b + 2;
                if (PhraseReader.isDeterminer(t.get(s).lower()) && s + 1 < to) s++;
                if (phrases.runToken(t, s, s, to) && t.get(s).has(Token.TITLE) || t.get(s).lowercase() && t.get(s).has(Token.TITLE)) {
                    int e = s;
                    while (phrases.runToken(t, e + 1, s, to)) e++;
                    role = phrases.classify(t, s, e, from, true);
                } else if (s > b + 2 && t.get(s).capitalised() && phrases.runToken(t, s, s, to)) {
                    // "X, the U.S. ambassador to the UN,", "Y, the Russian envoy,": a country's word before the role
                    int e = s;
                    while (phrases.runToken(t, e + 1, s, to)) e++;
                    boolean titled = false;
                    for (int q = s + 1; q <= e && !titled; q++) titled = t.get(q).has(Token.TITLE) && !NameWords.ROLELESS.contains(t.get(q).lower());
                    if (titled && countryOfWords(List.of(t.get(s).text())) != null) role = phrases.classify(t, s, e, from, true);
                }
            }
            if (role == null || role.kind() != Phrase.Kind.TITLE_REF || role.titles().isEmpty()) return titles;
            // "The Permanent Representative of Sudan, X,": the role's country is X's, so "the representative of
            // Guyana" later is someone else
            String country = countryOfWords(role.name());
            if (country != null) countryQualifies(name, country);
            Set<String> all = new LinkedHashSet<>(role.titles());
            all.addAll(titles);
            return all;
        }

        private void remember(Mention m) {
            String key = key(m.name());
            Mention known = byName.get(key);
            if (known == null) {
                byName.put(key, m);
                mentionOrder.add(m);
                for (String w : m.name()) {
                    List<String> keys = byWord.computeIfAbsent(NameWords.lower(w), x -> new ArrayList<>(2));
                    if (!keys.contains(key)) keys.add(key);
                }
            } else if (known.gender() == 0 && m.gender() != 0) {
                byName.put(key, new Mention(known.name(), known.titles(), m.gender(), known.order()));
            }
            if (!m.titles().isEmpty()) titled.add(key);
            for (String title : m.titles()) byTitle.computeIfAbsent(title, x -> new ArrayList<>()).add(m);
        }

        private static String key(List<String> name) {
            return NameWords.lower(String.join(" ", name));
        }

        /** Whether the only mentions of {@code name} in the article are the phrase itself (no title, no other form). */
        boolean mentionedOnlyHere(List<String> name) {
            for (String k : byWord.getOrDefault(NameWords.lower(name.getFirst()), List.of())) {
                Mention m = byName.get(k);
                if (SpeechRules.containsRun(m.name(), name) && (titled.contains(k) || m.name().size() > name.size())) return false;
            }
            return true;
        }

        /** The longest name in the article that contains {@code name} as a run of words, or null if none supports it. */
        List<String> longestForm(List<String> name) {
            List<String> best = null;
            for (String k : byWord.getOrDefault(NameWords.lower(name.getFirst()), List.of())) {
                Mention m = byName.get(k);
                if (SpeechRules.containsRun(m.name(), name) && (best == null || m.name().size() > best.size())) best = m.name();
            }
            return best;
        }

        Mention resolve(Phrase p) {
            return switch (p.kind()) {
                case PERSON -> {
                    List<String> longest = longestForm(p.name());
                    if (longest == null) longest = knownAs.get(key(p.name()));
                    if ((longest == null || longest.size() == 1) && p.name().size() == 1) {
                        List<String> similar = similarForm(p.name().getFirst());
                        if (similar != null) longest = similar;
                    }
                    if (longest == null && p.name().size() == 1 && p.titles().isEmpty()) yield null; // "Reuters said"
                    if (longest == null && titleCase) yield null; // "Erdogan Rival Says ...": a headline's capitals name nobody new
                    List<String> name = longest == null ? p.name() : longest;
                    Mention known = byName.get(key(name));
                    char g = p.gender() != 0 || known == null ? p.gender() : known.gender();
                    Set<String> titles = p.titles();
                    if (known != null && !known.titles().isEmpty()) {
                        titles = new LinkedHashSet<>(known.titles());
                        titles.addAll(p.titles());
                    }
                    yield new Mention(name, titles, g, paragraph);
                }
                case PRONOUN -> {
                    // Someone who became the subject earlier in this paragraph, else the subject of the last
                    // attribution, else the person last in focus.
                    Mention found = null;
                    for (int i = focus.size() - 1; i >= 0 && found == null; i--) {
                        Mention m = focus.get(i);
                        if (m.order() == paragraph && agrees(m, p.gender())) found = m;
                    }
                    // "A teacher, who asked not to be named, said ... / “...,” she said": the last to speak was unnamed
                    if (found == null && unnamedSpokeLast && unnamedParagraph >= paragraph - 1) yield null;
                    // "The driver of the convoy, Abebe Tola, walks on. / “...,” he says.": the subject the paragraph
                    // before introduced, after the last attribution, comes before that attribution's speaker.
                    Mention previous = focus.isEmpty() ? null : focus.getLast();
                    // So does one the paragraph before made its subject, when this one opens with the pronoun: "Naledi
                    // Pandor ... later spoke with X. / In the call, she told X ...".
                    if (found == null && previous != null && previous.order() == paragraph - 1 && lastSpeakerParagraph < paragraph - 1
                            && (SpeechRules.startsWithQuote(paragraphs.get(paragraph)) || pronounOpens(paragraphs.get(paragraph)))
                            && agrees(previous, p.gender())) {
                        found = previous;
                    }
                    if (found == null && lastSpeaker != null && lastSpeakerParagraph >= paragraph - 3 && agrees(lastSpeaker, p.gender())) {
                        found = lastSpeaker;
                    }
                    for (int i = focus.size() - 1; i >= 0 && found == null; i--) {
                        if (agrees(focus.get(i), p.gender())) found = focus.get(i);
                    }
                    if (found != null && genderOf(found) == 0 && p.gender() != 0) learntGender.put(key(found.name()), p.gender());
                    yield found;
                }
                case TITLE_REF -> {
                    if (SpeechRules.DESCRIPTION.equals(p.head())) {
                        // "Hayashi, 63, is seen as a contender to succeed X, who ... / The 63-year-old added": the one
                        // the article gave that age, when one was
                        Mention aged = p.name().isEmpty() ? null : agedPerson(p.name().getFirst());
                        if (aged != null) yield aged;
                        // "the 67-year-old retired mechanic said": a description of the person just in focus.
                        Mention recent = focus.isEmpty() ? null : focus.getLast();
                        yield recent != null && recent.order() >= paragraph - 1 ? recent : null;
                    }
                    if (p.head() == null) yield null;
                    Mention qualified = qualified(p, true);
                    if (qualified != null) yield qualified;
                    // The person in focus with the role or a synonym of it, else the last one the article gave it; "the
                    // Indian leader" is never someone named as Nepal's.
                    List<String> heads = SpeechRules.TITLE_SYNONYMS.getOrDefault(p.head(), List.of(p.head()));
                    for (int i = focus.size() - 1; i >= 0; i--) {
                        Mention m = focus.get(i);
                        if (heads.stream().anyMatch(m.titles()::contains) && !ofOtherCountry(m, p) && !formerOnly(m, p)) yield m;
                    }
                    Mention latest = null;
                    for (String head : heads) {
                        List<Mention> withTitle = byTitle.getOrDefault(head, List.of());
                        for (int i = withTitle.size() - 1; i >= 0; i--) {
                            Mention m = withTitle.get(i);
                            if (m.order() > paragraph || ofOtherCountry(m, p) || formerOnly(m, p)) continue;
                            if (latest == null || m.order() > latest.order()) latest = m;
                            break;
                        }
                    }
                    if (latest != null) yield inLongestForm(latest);
                    // "the NATO chief said" after "NATO Secretary General Henrik Aasland": the one person named with it.
                    qualified = qualified(p, false);
                    if (qualified != null) yield qualified;
                    // "Prime Minister X said India ... / the Indian leader said"
                    Mention leader = leaderOf(p);
                    if (leader != null) yield leader;
                    // "the former Norwegian prime minister, who ..., added": a past role of the person speaking.
                    // Not one who holds it now: "President X said ... / The former president said" is someone else.
                    if (p.titles().contains("former") && lastSpeaker != null && lastSpeakerParagraph >= paragraph - 1
                            && (!lastSpeaker.titles().contains(p.head()) || lastSpeaker.titles().contains("former"))) yield lastSpeaker;
                    // "Jaishankar struck a cautious note. ... the Indian minister said": the person just in focus,
                    // unless the article gave that person other roles.
                    Mention recent = focus.isEmpty() ? null : focus.getLast();
                    if (recent != null && untitled(recent) && recent.order() >= paragraph - 1 && !otherThan(recent, p)) yield recent;
                    // "Lavrov accused Kyiv ..., a claim Ukraine's Kuleba dismissed. / The Russian minister did not respond":
                    // when the person in focus is of another country, the one other untitled person just named
                    Mention other = recent != null && ofOtherCountry(recent, p) ? soleUntitledOfNoCountry(p) : null;
                    if (other != null) yield other;
                    // "Brazil's president on Monday urged ... / Luiz Inácio Lula da Silva, speaking in Belém, said": a
                    // wire lede that gives a country's role and the name only at the next paragraph's start
                    Mention delayed = namedNext(p);
                    if (delayed != null) yield delayed;
                    // "“We will respond,” the minister said. / The minister, Agnieszka Wrona, later ...": a lede that
                    // quotes first and names the person in the next paragraph, when nobody held the role before. Only
                    // for a quotation in a sentence: a headline's role, or a summary's ("the envoy warned"), stays unnamed.
                    if (kinds.get(paragraph) != ParagraphKind.BODY || !anyQuoted() || !SpeechRules.endsSentence(paragraphs.get(paragraph))) yield null;
                    for (String head : SpeechRules.TITLE_SYNONYMS.getOrDefault(p.head(), List.of(p.head()))) {
                        for (Mention m : byTitle.getOrDefault(head, List.of())) {
                            // not "Chinese leader X" of the next paragraph for "the Russian leader"
                            if (m.order() != paragraph + 1 || ofOtherCountry(m, p)) continue;
                            yield inLongestForm(m);
                        }
                    }
                    yield null;
                }
                case SOURCE -> null;
            };
        }

        /**
         * The person a body paragraph's role of a country ("Brazil's president", "the Kenyan leader") refers to when
         * nobody is named before it and the next paragraph opens with a name: that person, if the article gives them
         * no other role and no other country; else null.
         */
        Mention namedNext(Phrase p) {
            if (kinds.get(paragraph) != ParagraphKind.BODY || mentionsAt.isEmpty()) return null;
            long[] at = mentionsAt.getFirst();
            if (at[0] != paragraph + 1 || at[1] != 0) return null; // someone named before, or not at the next paragraph's start
            String country = countryNamed(p);
            if (country == null) return null;
            String key = mentionKeys.getFirst();
            Mention m = byName.get(key);
            if (m == null || !untitled(m) && !m.titles().contains(p.head())) return null;
            // "Raila X, the opposition leader, called for calm": a name given another role there is someone else
            List<Token> next = paragraphs.get(paragraph + 1);
            int b = 0;
            while (phrases.runToken(next, b + 1, 0, next.size())) b++;
            if (b + 2 < next.size() && next.get(b + 1).is(",") && (PhraseReader.isDeterminer(next.get(b + 2).lower())
                    || b + 3 < next.size() && next.get(b + 3).is("'s"))) {
                boolean role = false;
                for (int k = b + 2; k < Math.min(next.size(), b + 9) && !next.get(k).is(",") && !role; k++) role = next.get(k).lower().equals(p.head());
                if (!role) return null;
            }
            // "The Russian foreign minister accused ... / Annalena X said Berlin would ...": another country's voice
            int end = sentenceStarts[paragraph + 1].length > 1 ? sentenceStarts[paragraph + 1][1] : next.size();
            for (int k = b + 1; k < end; k++) {
                if (!next.get(k).capitalised()) continue;
                String other = gazetteer.countryOf(next.get(k).text());
                if (other != null && !other.equals(country)) return null;
            }
            Set<String> known = countriesOf.getOrDefault(key, Set.of());
            return known.isEmpty() || known.contains(country) ? inLongestForm(m) : null;
        }

        /**
         * Whether the paragraph's first "he" or "she" comes in its first sentence, before any full name: the
         * pronoun then continues the paragraph before ("In the call, she told ...").
         */
        boolean pronounOpens(List<Token> t) {
            int end = sentenceStarts[paragraph].length > 1 ? sentenceStarts[paragraph][1] : t.size();
            for (int k = 0; k < end; k++) {
                Token x = t.get(k);
                if (!x.is("he") && !x.is("she") && !x.is("He") && !x.is("She")) continue;
                for (long[] at : mentionsAt) if (at[0] == paragraph && at[1] < k) return false;
                return true;
            }
            return false;
        }

        /**
         * Whether the role reference {@code p} may be someone other than {@code recent}: its country is not one
         * {@code recent} was named with ("Turkish President X ... the Russian leader said"), or, when it names a
         * country, someone else was named after {@code recent}'s last mention ("X met Y. The Russian leader said").
         */
        boolean otherThan(Mention recent, Phrase p) {
            String country = countryNamed(p);
            if (country == null) return false;
            String key = key(recent.name());
            Set<String> known = countriesOf.getOrDefault(key, Set.of());
            if (!known.isEmpty()) return !known.contains(country);
            // back from this paragraph to recent's last mention: anyone else named on the way
            for (int i = mentionKeys.size() - 1; i >= 0; i--) {
                long[] at = mentionsAt.get(i);
                if (at[0] > paragraph) continue;
                if (mentionKeys.get(i).equals(key)) return false;
                if (at[0] >= recent.order()) return true;
            }
            return false;
        }

        /** The country a word of the role reference {@code p} names ("Indian" in "the Indian leader"), or null. */
        String countryNamed(Phrase p) {
            return countryOfWords(p.name());
        }

        /** The first country that one word of {@code words}, or two or three in a row ("South Africa"), name; or null. */
        String countryOfWords(List<String> words) {
            for (int i = 0; i < words.size(); i++) {
                String country = gazetteer.countryOf(words.get(i));
                if (country != null) return country;
                String joined = words.get(i);
                for (int j = i + 1; j < Math.min(words.size(), i + 3); j++) {
                    joined += " " + words.get(j);
                    country = gazetteer.countryOf(joined);
                    if (country != null) return country;
                }
            }
            return null;
        }

        /**
         * The one person in focus from the last two paragraphs who has no title and no country, for a role reference
         * {@code p} that names a country; null for none or several.
         */
        Mention soleUntitledOfNoCountry(Phrase p) {
            Mention found = null;
            for (Mention m : focus) {
                if (m.order() < paragraph - 2 || countriesOf.containsKey(key(m.name())) || !untitled(m)) continue;
                if (found != null && !found.name().equals(m.name())) return null;
                found = m;
            }
            return found;
        }

        /** Whether the article gave {@code m} no role: only honorifics ("Mr") or a description ("Abdullah, 34,"). */
        static boolean untitled(Mention m) {
            return m.titles().stream().allMatch(x -> NameWords.ROLELESS.contains(x) || x.equals(SpeechRules.DESCRIBED));
        }

        /** Whether {@code p} is "the former president" and {@code m} holds the role now ("President X"). */
        static boolean formerOnly(Mention m, Phrase p) {
            return p.titles().contains("former") && !m.titles().contains("former");
        }

        /** Whether the role reference {@code p} names a country and {@code m} was named with others only. */
        boolean ofOtherCountry(Mention m, Phrase p) {
            Set<String> known = countriesOf.getOrDefault(key(m.name()), Set.of());
            String country = known.isEmpty() ? null : countryNamed(p);
            return country != null && !known.contains(country);
        }

        /**
         * "Prime Minister X said India ... / the Indian leader said": the person in focus, when titled head of state or
         * government ({@link SpeechRules#LEADER_TITLES}), named with no country and in a paragraph that names the
         * reference's; null otherwise (another person may be meant: no guess).
         */
        Mention leaderOf(Phrase p) {
            String country = "leader".equals(p.head()) ? countryNamed(p) : null;
            Mention recent = focus.isEmpty() ? null : focus.getLast();
            if (country == null || recent == null || recent.order() < paragraph - 1 || countriesOf.containsKey(key(recent.name()))
                    || recent.titles().stream().noneMatch(SpeechRules.LEADER_TITLES::contains)) return null;
            return namedBeside(recent, country) ? inLongestForm(recent) : null;
        }

        /** Whether a paragraph up to this one names {@code m} and a word of {@code country}. */
        boolean namedBeside(Mention m, String country) {
            String key = key(m.name());
            for (int i = 0; i < mentionKeys.size(); i++) {
                int pi = (int) mentionsAt.get(i)[0];
                if (pi > paragraph || !mentionKeys.get(i).equals(key)) continue;
                for (Token x : paragraphs.get(pi)) {
                    if (x.word() && x.capitalised() && country.equals(gazetteer.countryOf(x.text()))) return true;
                }
            }
            return false;
        }

        /**
         * The one person named with a qualifier of the role reference ("NATO" in "the NATO chief"), holding that
         * role too if {@code withRole}; null when none or several.
         */
        Mention qualified(Phrase p, boolean withRole) {
            if (p.name().isEmpty()) return null;
            String found = null;
            for (String q : p.name()) {
                String country = gazetteer.countryOf(q);
                Set<String> owners = qualifierOwners.getOrDefault(NameWords.lower(q), Set.of());
                if (country != null) {
                    owners = new HashSet<>(owners);
                    owners.addAll(qualifierOwners.getOrDefault(COUNTRY_KEY + country, Set.of()));
                }
                for (String k : owners) {
                    Mention m = byName.get(k);
                    if (m == null || m.order() > paragraph) continue;
                    if (withRole && SpeechRules.TITLE_SYNONYMS.getOrDefault(p.head(), List.of(p.head())).stream().noneMatch(m.titles()::contains)) continue;
                    if (found != null && !found.equals(k)) return null;
                    found = k;
                }
            }
            if (found == null) return null;
            return inLongestForm(byName.get(found));
        }

        /** The person named with the age {@code age} between commas ("Hayashi, 63,") in this paragraph or the five before. */
        Mention agedPerson(String age) {
            for (int i = paragraph; i >= 0 && i >= paragraph - 5; i--) {
                List<Token> t = paragraphs.get(i);
                for (int k = 2; k + 1 < t.size(); k++) {
                    if (!t.get(k).is(age) || !t.get(k - 1).is(",") || !t.get(k + 1).is(",")) continue;
                    Phrase p = phrases.phraseEndingAt(t, k - 2, 0);
                    Mention m = p != null && p.kind() == Phrase.Kind.PERSON ? resolve(p) : null;
                    if (m != null) return inLongestForm(m);
                }
            }
            return null;
        }

        /** Whether the paragraph being attributed holds a quotation. */
        boolean anyQuoted() {
            for (boolean q : quoted) if (q) return true;
            return false;
        }

        boolean agrees(Mention m, char gender) {
            char g = genderOf(m);
            return g == 0 || g == gender;
        }

        /**
         * The full name a misspelt or run-together repeat stands for ("Mr Maertans" after "Charles Maertens",
         * "MacGiolla" after "Ciarán Mac Giolla"), when exactly one name of the article is that close.
         */
        List<String> similarForm(String word) {
            if (word.length() < 5) return null;
            if (surnames == null) {
                surnames = new ArrayList<>();
                for (Mention m : byName.values()) {
                    List<String> name = m.name();
                    if (name.size() < 2) continue;
                    String last = NameWords.lower(name.getLast());
                    surnames.add(new String[] {last, NameWords.lower(name.get(name.size() - 2)) + last});
                    surnameOwners.add(name);
                }
            }
            String w = NameWords.lower(word);
            List<String> found = null;
            for (int i = 0; i < surnames.size(); i++) {
                String last = surnames.get(i)[0], lastTwo = surnames.get(i)[1];
                if (last.charAt(0) != w.charAt(0) && lastTwo.charAt(0) != w.charAt(0)) continue;
                List<String> name = surnameOwners.get(i);
                if (SpeechRules.close(w, last) || w.equals(lastTwo) || SpeechRules.close(w, lastTwo)) {
                    if (found != null && !found.equals(name)) return null;
                    found = name;
                }
            }
            return found;
        }

        void attend(Mention named) {
            // in focus from this paragraph on, however it was referred to ("the Russian minister" as much as "Lavrov")
            Mention m = named.order() == paragraph ? named : new Mention(named.name(), named.titles(), named.gender(), paragraph);
            focus.removeIf(f -> f.name().equals(m.name()));
            focus.add(m);
            if (focus.size() > 8) focus.removeFirst();
        }

        List<Attribution> run() {
            collectMentions();
            int n = paragraphs.size();
            List<LinkedHashSet<String>> speakers = new ArrayList<>();
            List<LinkedHashSet<String>> sources = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                speakers.add(new LinkedHashSet<>());
                sources.add(new LinkedHashSet<>());
            }
            boolean inQuote = false;
            int quoteStart = -1;
            List<String> quoteSpeaker = null;
            boolean statementFollows = false; // the paragraph before ended "issued the following statement:"
            String speechBy = null; // "The following is the text of President X's address": the rest is X's
            for (int i = 0; i < n; i++) {
                paragraph = i;
                List<Token> t = paragraphs.get(i);
                ParagraphKind kind = kinds.get(i);
                boolean introduced = statementFollows;
                statementFollows = false;
                int dash = SpeechRules.signatureDash(t);
                if (dash >= 0) {
                    // "— Jane Doe (@janedoe) May 2, 2024": a signed post; its words are the line before, or
                    // the text before the signature in the same paragraph.
                    String signer = signer(t, dash);
                    if (signer != null) {
                        if (dash > 0) speakers.get(i).add(signer);
                        else if (i > 0 && kinds.get(i - 1) == ParagraphKind.BODY && speakers.get(i - 1).isEmpty()) speakers.get(i - 1).add(signer);
                    }
                    if (dash == 0) continue;
                }
                // Furniture is read too: a linked headline under "Related Articles" ("Minister X says ...") still
                // names who said what, and "Share"/"Tags:" lines have no speech verb to match.
                boolean speaking = kind == ParagraphKind.BODY || kind == ParagraphKind.TITLE || kind == ParagraphKind.HEADING
                        || kind == ParagraphKind.BOILERPLATE;
                if (!speaking) continue; // captions describe photos; bylines and datelines quote nobody
                boolean continues = inQuote;
                LinkedHashSet<String> own = new LinkedHashSet<>();
                boolean othersSpoke = attribute(t, own, sources.get(i));
                speakers.get(i).addAll(own);
                Mention by = textOfSpeech(t);
                if (by != null) speechBy = String.join(" ", by.name()); // the announcement itself is not the speech
                else if (speechBy != null && kind == ParagraphKind.BODY && own.isEmpty() && !othersSpoke) speakers.get(i).add(speechBy);
                SpeechRules.QuoteShape shape = SpeechRules.quoteShape(t, continues);
                if (continues && !shape.startsWithQuote() && !own.isEmpty() && !shape.closes()) {
                    continues = false; // an attributed paragraph of its own: the open quote was a typo
                    inQuote = false;
                }
                if (continues) {
                    if (quoteSpeaker != null) speakers.get(i).addAll(quoteSpeaker);
                    if (!shape.endsInside()) {
                        // The closing paragraph may name the speaker ("...,” he said): it owns the whole span.
                        if (quoteSpeaker == null && !own.isEmpty()) {
                            for (int k = quoteStart; k < i; k++) if (kinds.get(k) == ParagraphKind.BODY) speakers.get(k).add(own.getFirst());
                        }
                        inQuote = false;
                    } else if (i - quoteStart >= SpeechRules.MAX_QUOTE_SPAN) {
                        inQuote = false; // an unbalanced quote mark: stop carrying it
                    }
                    continue;
                }
                if (own.isEmpty() && !othersSpoke && kind == ParagraphKind.BODY && !shape.startsWithQuote() && answersUnlabelledQuestion(i)) {
                    // "How worried are you about tariffs? / Very worried. ...": an unlabelled interview's answer
                    Mention m = answerer();
                    if (m != null) speakers.get(i).add(String.join(" ", m.name()));
                }
                if (own.isEmpty() && !othersSpoke && (shape.startsWithQuote() || introduced) && i > 0 && !speakers.get(i - 1).isEmpty()
                        && kinds.get(i - 1) == ParagraphKind.BODY) {
                    // A quote with no attribution right after a paragraph whose speaker introduced it; after a colon
                    // ("The foreign ministers ... issued the following joint statement:"), everyone who introduced it.
                    List<Token> prev = paragraphs.get(i - 1);
                    if (!prev.isEmpty() && prev.getLast().is(":")) speakers.get(i).addAll(speakers.get(i - 1));
                    else speakers.get(i).add(SpeechRules.lastOf(speakers.get(i - 1)));
                }
                // A stray straight quote (inches, a typo) opens nothing unless the next paragraph continues the
                // quotation: it starts with a quote mark or closes one.
                if (shape.endsInside() && (!shape.straight() || i + 1 < n && SpeechRules.continuesStraightQuote(paragraphs.get(i + 1)))) {
                    inQuote = true;
                    quoteStart = i;
                    quoteSpeaker = speakers.get(i).isEmpty() ? null
                            : own.isEmpty() && (shape.startsWithQuote() || introduced) ? List.copyOf(speakers.get(i)) : List.of(SpeechRules.lastOf(speakers.get(i)));
                }
                if (!inQuote && shape.endsWithColon() && i + 1 < n && SpeechRules.startsWithQuote(paragraphs.get(i + 1)) && speakers.get(i).isEmpty()) {
                    Mention m = clauseSubjectOfLastSentence(t);
                    if (m != null) speakers.get(i).add(String.join(" ", m.name()));
                }
                // "Gov. Jane Roe issued the following statement:" and a statement without quote marks after it.
                statementFollows = !inQuote && shape.endsWithColon() && !speakers.get(i).isEmpty() && SpeechRules.announcesStatement(t);
            }
            List<Attribution> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(speakers.get(i).isEmpty() && sources.get(i).isEmpty() ? Attribution.NONE
                        : new Attribution(List.copyOf(speakers.get(i)), List.copyOf(sources.get(i))));
            }
            return out;
        }

        Mention clauseSubjectOfLastSentence(List<Token> t) {
            int[] s = sentenceStarts[paragraph];
            Phrase p = clauseSubject(t, s[s.length - 2], t.size());
            return p == null ? null : resolve(p);
        }

        /**
         * Finds the speech acts of one paragraph; adds person names to {@code out}. True if someone spoke whom the
         * article does not name as a person: a source, or a role of a country nobody was named with.
         */
        boolean attribute(List<Token> t, Set<String> out, Set<String> sources) {
            boolean sourceSpoke = false;
            Mention interviewee = transcriptSpeaker(t);
            int signature = interviewee == null ? signature(t) : -1;
            if (signature >= 0) {
                interviewee = quoteSigner(t, signature);
                // "“...” — Reuters", "“Never again” — a slogan on the wall": signed, but by no one the article names
                if (interviewee == null) sourceSpoke = true;
            }
            if (interviewee != null) {
                out.add(String.join(" ", interviewee.name()));
                spoke(interviewee);
            }
            // A quotation left open is one only when the next paragraph goes on with it; else a mark is missing
            // ("“We are proud of it, Prime Minister X told guests.").
            boolean continued = paragraph + 1 < paragraphs.size() && SpeechRules.startsWithQuote(paragraphs.get(paragraph + 1));
            quoted = SpeechRules.quoteMask(t, continued);
            ParagraphKind kind = kinds.get(paragraph);
            titleCase = kind != ParagraphKind.BODY && SpeechRules.titleCased(t);
            int[] s = sentenceStarts[paragraph];
            Mention subjectBefore = null; // the person an earlier sentence of this paragraph made its subject
            int subjectFrom = 0, subjectTo = 0; // that sentence
            for (int si = 0; si + 1 < s.length; si++) {
                int from = s[si], to = s[si + 1];
                int first = from;
                while (first < to && !t.get(first).word()) first++;
                // A sentence inside a quotation names people the speaker talks about, not the article's subjects.
                Phrase subject = first < to && quoted[first] ? null : clauseSubject(t, from, to);
                // "When Mia X took the podium, she ...": the person an opening clause is about is in focus first, while
                // nobody is ("President Y met reporters. After Z left, she said" is still about Y)
                Phrase opening = focus.isEmpty() && first < to && !quoted[first] ? openingClauseSubject(t, first, to) : null;
                if (opening != null) {
                    Mention m = resolve(opening);
                    if (m != null) attend(m);
                }
                // "Her name is Lolwah X, and ...": a feature introduces the person its pronouns will be about
                if (first + 3 < to && (t.get(first).is("Her") || t.get(first).is("His")) && t.get(first + 1).is("name")
                        && (t.get(first + 2).is("is") || t.get(first + 2).is("was"))) {
                    Phrase named = phrases.phraseStartingAt(t, first + 3, to);
                    Mention m = named != null && named.kind() == Phrase.Kind.PERSON ? resolve(named) : null;
                    if (m != null) attend(m);
                }
                // "The Russian minister did not respond. Instead, he said": a role that names someone puts them in focus too
                if (subject != null && (subject.kind() == Phrase.Kind.PERSON || subject.kind() == Phrase.Kind.TITLE_REF)) {
                    Mention m = resolve(subject);
                    if (m != null) attend(m);
                    subjectBefore = m;
                    subjectFrom = from;
                    subjectTo = to;
                } else if (subject != null) {
                    subjectBefore = null; // "The crowd chanted. “Down with the war!”" quotes no person
                }
                int said = out.size();
                boolean sourceBefore = sourceSpoke;
                // "Has Washington asked Panama to leave?", "Did the minister say so?": a question reports nobody's words
                boolean askedWhether = first < to && SpeechRules.QUESTION_AUXILIARIES.contains(t.get(first).text())
                        && SpeechRules.endsInQuestionMark(t, from, to);
                for (int v = askedWhether ? to : from; v < to; v++) {
                    Token x = t.get(v);
                    if (!x.word() || quoted[v]) continue; // "President Smith says ..." inside a quote is still the quote's
                    String lw = x.lower();
                    if (!SpeechRules.mayReport(lw)) continue; // every rule below starts from one of these words
                    if (lw.equals("named")) {
                        // "Her neighbour, a retired engineer named Petro, disagrees.": a person named after a description
                        // is in focus (a lone name, which no title makes a person's); no words of theirs yet
                        if (v > from && v + 1 < to && SpeechRules.personNoun(t.get(v - 1)) && t.get(v + 1).capitalised()) {
                            Phrase named = phrases.phraseStartingAt(t, v + 1, to);
                            Mention m = named != null && named.kind() == Phrase.Kind.PERSON ? resolve(described(named)) : null;
                            if (m != null) attend(m);
                        }
                        continue;
                    }
                    // "Per Castro-Reyes, the leaders agreed ...", "..., per Foreign Minister X,": "according to" in few words
                    boolean per = lw.equals("per") && v + 1 < to && t.get(v + 1).capitalised() && (v == first || t.get(v - 1).is(","))
                            && SpeechRules.commaAfterName(t, v + 1, to, phrases); // not "Per Olsen said" (a given name)
                    boolean according = per || lw.equals("according") && v + 1 < to && t.get(v + 1).is("to");
                    int after = per ? v + 1 : v + 2; // where the person after "according to" or "per" starts
                    // not "Speaking of trade, ...", which only names a topic
                    boolean speakingFirst = v == first && lw.equals("speaking") && v + 1 < to && !t.get(v + 1).is("of");
                    if (!x.lowercase() && !according && !speakingFirst
                            && !(titleCase && SpeechRules.SPEECH_VERBS.contains(lw) && v > from)) continue;
                    Phrase p = null;
                    int verb = SpeechRules.verbKind(lw); // one lookup for every verb list
                    // "was cited by Interfax as saying": the person cited, as after "quoted" (below), not the outlet
                    boolean citedAs = lw.equals("cited") && asSaying(t, v, to);
                    if (verb == SpeechRules.SPEECH && !citedAs && !(lw.startsWith("wr") && SpeechRules.letterWithoutWords(t, v, to))
                            && !SpeechRules.hearsay(t, v, from, to) && !SpeechRules.declaresAnAct(t, v, to)
                            || lw.equals("shared") && SpeechRules.sharedWords(t, v, to)
                            || lw.equals("called") && v + 1 < to && (t.get(v + 1).is("for") || t.get(v + 1).is("on") || SpeechRules.quoteWithin(t, v, to, 6))
                            || (lw.equals("pressed") || lw.equals("pushed")) && v + 1 < to && t.get(v + 1).is("for") // "pressed for a seat"
                            || SpeechRules.pressedSomeoneTo(t, v, to) // "pressed Putin to revive the deal"
                            || SpeechRules.speechWithParticle(t, v, to) // "hit out at", "lashed out at", "spoke of"
                            || SpeechRules.speechWithObject(t, v, to) // "welcomed the decision", "defended the plan"
                            || SpeechRules.thatFollows(t, v, to) && !SpeechRules.hearsay(t, v, from, to) // "maintained that ..."
                            || SpeechRules.calledObjectA(t, v, to) && !SpeechRules.hearsay(t, v, from, to) // "called the vote a farce"
                            || SpeechRules.repeatsWords(t, v, to) // "renewed his appeal for a truce"
                            || SpeechRules.putIt(t, v, from, to) // "As X put it in his speech, ..."
                            || verb == SpeechRules.NAMING && (SpeechRules.quoteWithin(t, v, to, 8) // "described it as “reckless”"
                                    || SpeechRules.namesObjectAs(t, v, from, to)) // "described the loan as unsustainable"
                            || verb == SpeechRules.BASE && SpeechRules.afterNarrativeWould(t, v, from)
                            || verb == SpeechRules.DOCUMENT && SpeechRules.documentFollows(t, v, to)) {
                        p = speechSubject(t, v, from, to);
                    } else if (v > from && (t.get(v - 1).is(",") || t.get(v - 1).is("heard")) && SpeechRules.PARTICIPLES.contains(lw)) {
                        p = clauseSubject(t, from, v); // "..., saying", "X could be heard saying"
                    } else if (v > from && t.get(v - 1).is(",") && lw.equals("speaking") && v + 1 < to && !t.get(v + 1).is("of")) {
                        // "X, speaking at the alliance's headquarters, welcomed ...": a named subject only ("a senior
                        // official, speaking on condition of anonymity, said" names nobody), and not "speaking of trade"
                        p = clauseSubject(t, from, v);
                        if (p != null && p.kind() != Phrase.Kind.PERSON) p = null;
                    } else if (v > from && t.get(v - 1).capitalised() && SpeechRules.PARTICIPLES.contains(lw)) {
                        // "..., with Prime Minister Arben Krasniqi vowing to press on": the name right before.
                        int a = phrases.runStart(t, v - 1, from);
                        p = phrases.classify(t, a, v - 1, from, false);
                        if (p != null && p.kind() != Phrase.Kind.PERSON) p = null;
                    } else if (speakingFirst) {
                        // "Speaking to reporters in Ottawa, Prime Minister X defended ...": the sentence's subject, which
                        // clauseSubject found past the opening phrase
                        p = subject != null && subject.kind() != Phrase.Kind.SOURCE ? subject : null;
                    } else if ((lw.equals("quoted") || citedAs) && v + 1 < to) {
                        p = passiveQuoted(t, v, from, to); // "Wang was quoted by Xinhua as saying ..."
                        if (p == null) p = quotedAsSaying(t, v, to); // "Xinhua quoted Wang as saying ..."
                        if (p == null) p = ownOfficeQuoted(t, v, from, to); // "Macron's office quoted him as saying ..."
                    } else if (SpeechRules.ofTheView(t, v, from, to)) {
                        p = speechSubject(t, v - 2, from, to); // "X was of the view that ...": the subject before "was"
                    } else if ((lw.equals("words") || lw.equals("view")) && v >= from + 2 && t.get(v - 1).is("the") && t.get(v - 2).lower().equals("in")
                            && v + 2 < to && t.get(v + 1).is("of")) {
                        // "In the words of Foreign Minister X, the deal is dead"; "In the view of Y, a fellow at ..., ..."
                        p = phrases.phraseStartingAt(t, v + 2, to);
                        if (p != null && p.kind() == Phrase.Kind.PERSON && p.titles().isEmpty() && longestForm(p.name()) == null
                                && !roleAfter(t, v + 2, to)) p = null;
                    } else if (according) {
                        p = phrases.phraseStartingAt(t, after, to);
                        // "According to him, over 100 companies operate here": the person the pronoun resolves to
                        if (p == null && after < to && (t.get(after).is("him") || t.get(after).is("her"))) {
                            p = new Phrase(Phrase.Kind.PRONOUN, List.of(), Set.of(), t.get(after).is("him") ? "he" : "she",
                                    t.get(after).is("him") ? 'M' : 'F');
                        }
                        // "according to Coordinating Minister for Political, Legal and Security Affairs X": a role
                        // without "the" is a title before a name, not whoever held the role before
                        if (p != null && p.kind() == Phrase.Kind.TITLE_REF && !PhraseReader.isDeterminer(t.get(after).lower())) p = null;
                        // Media and documents are quoted this way too: a person needs a title, an earlier full mention
                        // or a role after the name ("according to X, a researcher at ...").
                        if (p != null && p.kind() == Phrase.Kind.PERSON && p.titles().isEmpty()
                                && (longestForm(p.name()) == null || mentionedOnlyHere(p.name())) && !roleAfter(t, after, to)) {
                            p = new Phrase(Phrase.Kind.SOURCE, List.of(), Set.of(), String.join(" ", p.name()), (char) 0);
                        }
                    }
                    if (p == null) {
                        // "“…,” an official said": someone unnamed spoke; the quote is not the speaker before's
                        if (SpeechRules.SPEECH_VERBS.contains(lw) && !SpeechRules.hearsay(t, v, from, to)
                                && SpeechRules.unnamedSubject(t, v, from, to)) {
                            sourceSpoke = true;
                            unnamedSpoke();
                        }
                        continue;
                    }
                    // "X and Y said", "X and Y on Monday called for ...": both speak
                    boolean callsFor = lw.equals("called") && v + 1 < to && (t.get(v + 1).is("for") || t.get(v + 1).is("on"));
                    Phrase partner = p.kind() == Phrase.Kind.PERSON && (SpeechRules.SPEECH_VERBS.contains(lw) || SpeechRules.DOCUMENT_VERBS.contains(lw) || callsFor)
                            ? conjoined(t, v, from) : null;
                    if (partner != null) {
                        Mention m = resolve(partner);
                        if (m != null) out.add(String.join(" ", m.name()));
                    }
                    // "“...,” said Foreign Ministers X and Y": the second of a pair after the verb
                    Phrase second = p.kind() == Phrase.Kind.PERSON && SpeechRules.SPEECH_VERBS.contains(lw) ? conjoinedAfter(t, v, from, to) : null;
                    if (p.kind() == Phrase.Kind.SOURCE) {
                        if (!p.head().isEmpty()) sources.add(SpeechRules.cleanSource(p.head())); // not SpeechRules.UNNAMED
                        sourceSpoke = true;
                        continue;
                    }
                    if (SpeechRules.PAIR.equals(p.head())) {
                        // "The two leaders said in a joint statement": the last two people named before it
                        // "the two ambassadors", "both generals": two who hold that role
                        List<String> roles = p.name().isEmpty() ? null : SpeechRules.PAIR_ROLES.get(p.name().getFirst());
                        for (Mention m : lastTwoNamed(v, roles)) {
                            out.add(String.join(" ", m.name()));
                            spoke(m);
                        }
                        continue;
                    }
                    if (SpeechRules.SOURCE_ONLY_VERBS.contains(lw) && p.kind() != Phrase.Kind.PERSON) continue;
                    if (SpeechRules.SOURCE_ONLY_VERBS.contains(lw) && p.kind() == Phrase.Kind.PERSON && p.titles().isEmpty() && !titledName(p.name())) {
                        sources.add(String.join(" ", p.name())); // "Novaya Gazeta reported": media report, people say
                        sourceSpoke = true;
                        continue;
                    }
                    if (p.kind() == Phrase.Kind.PERSON && p.titles().isEmpty() && !titledName(p.name())
                            && SpeechRules.itsFollows(t, v, to)) {
                        // "Médecins Sans Frontières said its clinic had been hit": a name the article never gave a
                        // person's title or role, that speaks of "its" own, is a body's
                        sources.add(String.join(" ", p.name()));
                        sourceSpoke = true;
                        continue;
                    }
                    Mention m = resolve(p);
                    if (m == null) {
                        // A lone capitalised word never introduced as a person: an agency or outlet ("Reuters reported").
                        // It spoke: a quote it closes is not the words of the paragraph before's speaker, and neither
                        // is one that "the Thai leader" closes when that speaker was named with another country, or
                        // never beside Thailand.
                        String country = p.kind() == Phrase.Kind.TITLE_REF && lastSpeaker != null ? countryNamed(p) : null;
                        if (p.kind() == Phrase.Kind.PERSON) {
                            sources.add(String.join(" ", p.name()));
                            sourceSpoke = true;
                        } else if (country != null && (ofOtherCountry(lastSpeaker, p) || !namedBeside(lastSpeaker, country))) {
                            sourceSpoke = true;
                        } else if (p.kind() == Phrase.Kind.TITLE_REF && p.head() != null && SpeechRules.DISTINCT_ROLES.contains(p.head())) {
                            // "Foreign Minister X said ... / “...,” the spokesman said": a role nobody in the article
                            // holds is someone else's, not the speaker before's
                            sourceSpoke = true;
                        }
                        continue;
                    }
                    attend(m);
                    spoke(m);
                    String name = String.join(" ", m.name());
                    out.add(name);
                    Mention m2 = second == null ? null : resolve(second);
                    if (m2 != null) {
                        spoke(m2);
                        out.add(String.join(" ", m2.name()));
                    }
                }
                // "For now, Nurova keeps baking. “What else can I do?”": a sentence that is all quotation, unattributed,
                // after one whose subject is a person, is that person's.
                // not after a passive: "X was arrested. “Free him!”" quotes others about X
                if (si > 0 && out.size() == said && sourceSpoke == sourceBefore && subjectBefore != null && SpeechRules.allQuoted(t, quoted, from, to)
                        && !SpeechRules.passive(t, subjectFrom, subjectTo)) {
                    out.add(String.join(" ", subjectBefore.name()));
                    spoke(subjectBefore);
                }
                // "She put it simply: “Without the cooperative ...”": the subject of a clause that a colon ends
                // introduces the quote after it.
                int colon = colonBeforeQuote(t, from, to);
                if (colon > from) {
                    Phrase cs = clauseSubject(t, from, colon);
                    // "Minister X's message was clear: “...”": the one whose words the subject is
                    if (cs == null) cs = wordsOwner(t, first, colon);
                    Mention m = cs == null || cs.kind() == Phrase.Kind.SOURCE ? null : resolve(cs);
                    if (m != null) {
                        attend(m);
                        spoke(m);
                        out.add(String.join(" ", m.name()));
                    }
                }
            }
            return sourceSpoke;
        }

        /**
         * The person whose words open the sentence at {@code a}, before the colon at {@code colon}: "Minister X's message
         * was clear:", "Her reply was blunt:" is not read (a pronoun's words are no name); null otherwise.
         */
        Phrase wordsOwner(List<Token> t, int a, int colon) {
            if (a >= colon || !phrases.runToken(t, a, a, colon)) return null;
            int b = a;
            while (phrases.runToken(t, b + 1, a, colon)) b++;
            if (b + 3 >= colon || !t.get(b + 1).is("'s") || !SpeechRules.WORDS_NOUNS.contains(t.get(b + 2).lower())) return null;
            if (!t.get(b + 3).is("was") && !t.get(b + 3).is("is")) return null;
            Phrase p = phrases.classify(t, a, b, a, false);
            return p != null && p.kind() == Phrase.Kind.PERSON ? p : null;
        }

        /** Who answers an interview's questions: the last one named by a label, else the first person the article introduced. */
        Mention answerer() {
            return interviewee != null || mentionOrder.isEmpty() ? interviewee : inLongestForm(mentionOrder.getFirst());
        }

        /** The mention under the longest name the article gives it ("Putin" as "Vladimir Putin"). */
        Mention inLongestForm(Mention m) {
            List<String> longest = longestForm(m.name());
            return longest == null ? m : new Mention(longest, m.titles(), m.gender(), m.order());
        }

        /**
         * Whether paragraph {@code i} answers an unlabelled question of an interview: "interview" in the article's
         * first three paragraphs, a question right before it ("Will ASEAN hold together?"), and one put to someone
         * ("How worried are you ...?") there or earlier.
         */
        boolean answersUnlabelledQuestion(int i) {
            if (i == 0 || !SpeechRules.question(paragraphs.get(i - 1)) || SpeechRules.question(paragraphs.get(i))) return false;
            boolean interview = false;
            for (int k = 0; k < Math.min(3, paragraphs.size()) && !interview; k++) interview = SpeechRules.announcesInterview(paragraphs.get(k));
            if (!interview) return false;
            for (int k = i - 1; k >= 0; k--) if (SpeechRules.askedOfSomeone(paragraphs.get(k))) return true;
            return false;
        }

        /** "Balakrishnan: We do not want to choose sides." A transcript line starts with its speaker and a colon. */
        Mention transcriptSpeaker(List<Token> t) {
            if (t.size() > 2 && SpeechRules.label(t, "A", "Answer") && afterQuestion()) {
                // "Q: ... / A: ...": the answer is the interviewee's; not when labels gave the floor to several people
                // (a joint press conference's "A." may be either's)
                if (labelled.size() > 1) return null;
                Mention m = answerer();
                if (m != null) attend(m);
                return m;
            }
            // "• UN Secretary-General X: “...”": a list of reactions puts a bullet first
            int start = !t.isEmpty() && !t.get(0).word() && SpeechRules.BULLETS.contains(t.get(0).text()) ? 1 : 0;
            int b = start;
            while (phrases.runToken(t, b, start, t.size())) b++;
            if (b == start || b - start > 6 || b >= t.size() || !t.get(b).is(":")) return null;
            // "Said Lavrov: “...”": the verb put first, when the rest is a person the article has named
            int a = (t.get(start).is("Said") || t.get(start).is("Says")) && b > start + 1 && longestForm(List.of(t.get(b - 1).text())) != null
                    ? start + 1 : start;
            Phrase p = phrases.classify(t, a, b - 1, a, false);
            if (p == null || p.kind() != Phrase.Kind.PERSON) return null;
            Mention m = resolve(p);
            if (m != null) {
                attend(m);
                interviewee = m;
                labelled.add(key(m.name()));
            }
            return m;
        }

        /**
         * Where the signature of a quotation starts in "“The door remains open.” — Foreign Minister X, on talks with
         * Iran": a paragraph that opens with a quotation and signs it after a dash, as pull quotes and quote boxes do;
         * or -1.
         */
        static int signature(List<Token> t) {
            if (t.size() < 4 || !SpeechRules.startsWithQuote(t)) return -1;
            for (int k = 1; k + 2 < t.size(); k++) {
                if (!PhraseReader.CLOSE_QUOTES.contains(t.get(k).text()) && !t.get(k).is("\"")) continue;
                return t.get(k + 1).is("—") || t.get(k + 1).is("–") ? k + 2 : -1;
            }
            return -1;
        }

        /**
         * The person who signs a quotation at {@code a}: one titled, of two words or more, or named before in the
         * article, or the one a role ("— the foreign minister") refers to; null for an outlet or anything else.
         */
        Mention quoteSigner(List<Token> t, int a) {
            boolean determiner = t.get(a).word() && PhraseReader.isDeterminer(t.get(a).lower());
            if (determiner) a++;
            int b = a;
            while (phrases.runToken(t, b, a, t.size())) b++;
            if (b == a) return null;
            Phrase p = phrases.classify(t, a, b - 1, a, determiner);
            if (p == null || p.kind() == Phrase.Kind.SOURCE || p.kind() == Phrase.Kind.PERSON && !namesAPerson(p)) return null;
            Mention m = resolve(p);
            if (m != null) attend(m);
            return m;
        }

        /**
         * Whether a person phrase surely names a person, not an outlet: titled, of two words or more, or a name the
         * article has already given in full ("Reuters" alone is none of these).
         */
        boolean namesAPerson(Phrase p) {
            return !p.titles().isEmpty() || p.name().size() >= 2 || longestForm(p.name()) != null;
        }

        /**
         * The person named right after a subordinating word that opens the sentence ("When Mia X took the podium, ...",
         * "After President Y landed, ..."), or null: titled or of two words or more, followed by a lower-case verb.
         */
        Phrase openingClauseSubject(List<Token> t, int first, int to) {
            if (first + 2 >= to || !SpeechRules.SUBORDINATORS.contains(t.get(first).text())) return null;
            int a = first + 1, b = a;
            while (phrases.runToken(t, b + 1, a, to)) b++;
            if (!phrases.runToken(t, a, a, to) || b + 1 >= to || !t.get(b + 1).lowercase()) return null;
            Phrase p = phrases.classify(t, a, b, a, false);
            return p != null && p.kind() == Phrase.Kind.PERSON && (!p.titles().isEmpty() || p.name().size() >= 2) ? p : null;
        }

        /** The index of a colon right before an opening quote mark, outside quotations, in [from, to), or -1. */
        int colonBeforeQuote(List<Token> t, int from, int to) {
            for (int k = from + 1; k + 1 < to; k++) {
                if (t.get(k).is(":") && !quoted[k] && (PhraseReader.OPEN_QUOTES.contains(t.get(k + 1).text()) || t.get(k + 1).is("\""))) return k;
            }
            return -1;
        }

        /**
         * The speaker of "The following is the text of President X's inaugural address" or "Full transcript of
         * X's remarks": the paragraphs after it are that person's words.
         */
        Mention textOfSpeech(List<Token> t) {
            boolean text = false;
            for (Token x : t) {
                char c = x.text().charAt(0);
                if ((c == 't' || c == 'd') && (x.is("text") || x.is("transcript") || x.is("delivery") || x.is("delivered"))) {
                    text = true;
                    break;
                }
            }
            if (!text) return null;
            for (int k = 1; k + 1 < t.size(); k++) {
                if (!t.get(k).is("'s") || !t.get(k - 1).word()) continue;
                boolean speech = false;
                for (int h = k + 1; h < Math.min(t.size(), k + 4); h++) speech |= SpeechRules.SPEECHES.contains(t.get(h).lower());
                if (!speech) continue;
                int a = phrases.runStart(t, k - 1, 0);
                Phrase p = phrases.classify(t, a, k - 1, 0, false);
                return p == null || p.kind() != Phrase.Kind.PERSON ? null : resolve(p);
            }
            return null;
        }

        /** Whether the article ever gives a title to the name {@code name} is part of. */
        boolean titledName(List<String> name) {
            List<String> longest = longestForm(name);
            return longest != null && titled.contains(key(longest));
        }

        /** Whether one of the two paragraphs before is a question line ("Q: ...", "Question: ..."). */
        boolean afterQuestion() {
            for (int i = paragraph - 1; i >= Math.max(0, paragraph - 2); i--) {
                List<Token> q = paragraphs.get(i);
                if (SpeechRules.label(q, "Q", "Question")) return true;
            }
            return false;
        }

        /** The name in a signature "— Jane Doe (@janedoe) ..." whose dash is at {@code dash}, or null. */
        String signer(List<Token> t, int dash) {
            int b = dash + 1;
            while (phrases.runToken(t, b, dash + 1, t.size())) b++;
            Phrase p = phrases.classify(t, dash + 1, b - 1, -1, false);
            if (p == null || p.kind() != Phrase.Kind.PERSON) return null;
            List<String> longest = longestForm(p.name());
            return String.join(" ", longest == null ? p.name() : longest);
        }

        /** The first of two joined subjects: "Christopher Luxon and Penny Wong said" -> Christopher Luxon. */
        Phrase conjoined(List<Token> t, int v, int from) {
            int j = SpeechRules.skipGap(t, v - 1, from);
            if (j > from && t.get(j).is(",")) {
                // "X and Y, the foreign ministers of Chile and Peru, said": the plural role between commas describes both
                int c = SpeechRules.pluralAppositiveStart(t, j, from);
                j = c > from ? c - 1 : j - 1; // else "Tomasz Wierzbicki and Rūta Kairienė, issued"
            }
            if (j < from || !t.get(j).word()) return null;
            int a = phrases.runStart(t, j, from);
            // "Chile's X and Uruguay's Y said": the possessor before the second name
            if (a - 2 >= from && t.get(a - 1).is("'s") && t.get(a - 2).capitalised()) a = phrases.runStart(t, a - 2, from);
            if (a - 2 >= from && t.get(a - 1).is(",")) {
                // "X and his Saudi counterpart, Y, said": the description between "and" and the name's comma
                for (int k = a - 2; k > from && a - k <= 6 && t.get(k).word(); k--) {
                    if (t.get(k).is("and")) {
                        a = k + 1;
                        break;
                    }
                }
            }
            if (a - 2 < from || !t.get(a - 1).is("and")) return null;
            Phrase first = phrases.phraseEndingAt(t, a - 2, from);
            return first != null && first.kind() == Phrase.Kind.PERSON ? first : null;
        }

        /** "“...,” said Foreign Ministers X and Y": Y, when the verb follows a quote (or opens the sentence) and a name, "and" and a name follow it. */
        Phrase conjoinedAfter(List<Token> t, int v, int from, int to) {
            int j = SpeechRules.skipGap(t, v - 1, from);
            if (!(j < from || PhraseReader.CLOSE_QUOTES.contains(t.get(j).text()) || t.get(j).is("\"")
                    || t.get(j).is(",") && j > from && (PhraseReader.CLOSE_QUOTES.contains(t.get(j - 1).text()) || t.get(j - 1).is("\"")))) return null;
            int b = v + 1;
            if (b >= to || !phrases.runToken(t, b, b, to)) return null;
            while (phrases.runToken(t, b + 1, v + 1, to)) b++;
            if (b + 2 >= to || !t.get(b + 1).is("and") || !t.get(b + 2).capitalised()) return null;
            Phrase p = phrases.phraseStartingAt(t, b + 2, to);
            return p != null && p.kind() == Phrase.Kind.PERSON ? p : null;
        }

        /** Whether a comma before {@code j} opens a relative clause ("X, whom critics call “...”, said") closed at {@code j}. */
        boolean opensAppositive(List<Token> t, int j, int from) {
            for (int c = j - 2; c > from && j - c < 16; c--) {
                if (!t.get(c).is(",")) continue;
                Token first = t.get(c + 1);
                return first.is("who") || first.is("whom") || first.is("whose") || first.is("which");
            }
            return false;
        }

        /** The subject of the speech verb at {@code v}. */
        Phrase speechSubject(List<Token> t, int v, int from, int to) {
            if (v + 1 < to && t.get(v + 1).is("by")) { // passive: "were underlined by Prime Minister Hun Sen"
                Phrase p = phrases.phraseStartingAt(t, v + 2, to);
                if (p != null) return p;
            }
            if (v > from && t.get(v - 1).is("to")) return null; // "went on to say", "wants to add"
            int j = SpeechRules.skipGap(t, v - 1, from);
            if (j < from || t.get(j).is("“") || PhraseReader.CLOSE_QUOTES.contains(t.get(j).text()) || t.get(j).is("\"") || t.get(j).is("’")
                    || t.get(j).is(",") && j > from && (PhraseReader.CLOSE_QUOTES.contains(t.get(j - 1).text()) || t.get(j - 1).is("\""))) {
                // "“...,” said Foreign Minister Wang Yi." or a sentence that starts with the verb
                Phrase after = phrases.phraseStartingAt(t, v + 1, to);
                if (after != null && (after.kind() == Phrase.Kind.TITLE_REF || after.kind() == Phrase.Kind.SOURCE)) {
                    // "said the Coordinating Minister of Health, Dr. Musa Bello Adamu."
                    int a = v + 1 < to && PhraseReader.isDeterminer(t.get(v + 1).lower()) ? v + 2 : v + 1;
                    int b = a;
                    while (phrases.runToken(t, b + 1, a, to)) b++;
                    Phrase named = b + 1 < to && t.get(b + 1).is(",") ? appositivePerson(t, b + 1, to, false) : null;
                    if (named != null) return named;
                }
                if (after == null) {
                    // "said one U.N. official, Juliette Marchand."
                    for (int c = v + 2; c < Math.min(to, v + 6); c++) {
                        if (!t.get(c).is(",")) continue;
                        Phrase named = appositivePerson(t, c, to, false);
                        if (named != null) return named;
                        break;
                    }
                }
                if (after != null && after.kind() == Phrase.Kind.PERSON) {
                    // "said Abdullah, 34, a shopkeeper"
                    int a = v + 1, b = a;
                    while (phrases.runToken(t, b + 1, a, to)) b++;
                    if (b + 1 < to && t.get(b + 1).is(",") && described(after, t, b + 1)) return described(after);
                }
                if (after != null && after.kind() != Phrase.Kind.PRONOUN) return after;
                // "Ruiz, whom critics described as “a hardliner”, said the talks failed": a quote inside the subject's
                // appositive, nobody after the verb; the subject stands before (below)
                if (!(j > from && t.get(j).is(",") && opensAppositive(t, j, from))) return null;
            }
            Token last = t.get(j);
            if (last.is("who") && j - 1 > from && t.get(j - 1).is(",")) return phrases.phraseEndingAt(t, j - 2, from);
            // "X welcomed the minister and highlighted ...", "X declined to comment but said ...": a second verb
            // shares the clause's subject.
            if ((last.is("and") || last.is("but")) && j > from && t.get(j - 1).word()) {
                Phrase shared = clauseSubject(t, from, v);
                // "The two presidents signed a declaration and said ...": both share the second verb too
                if (shared == null) {
                    for (int k = from; k < Math.min(v, from + 4); k++) {
                        if (SpeechRules.pairBefore(t, k, from)) return new Phrase(Phrase.Kind.TITLE_REF, List.of(t.get(k).lower()), Set.of(), SpeechRules.PAIR, (char) 0);
                    }
                }
                return shared == null || shared.kind() == Phrase.Kind.SOURCE ? null : shared;
            }
            if (last.is(",")) {
                // "X, who appeared before the committee, however, said": a connective between commas, after another
                // comma, stands aside ("Kindiki, however, said" is read below as it is)
                int cj = SpeechRules.connectiveBefore(t, j, from);
                if (cj > from) j = cj;
                // "Kin Phea, director of the Royal Academy ..., said": skip the appositive back to its comma.
                int c = j - 1;
                while (c > from && !t.get(c).is(",") && !PhraseReader.OPEN_QUOTES.contains(t.get(c).text())
                        && !PhraseReader.CLOSE_QUOTES.contains(t.get(c).text())) c--;
                // "A spokeswoman for the ministry, Hikariko Ono, said": the name itself stands between the commas.
                if (c >= from && c + 1 < j && t.get(c + 1).capitalised() && !SpeechRules.partyTag(t.get(c + 1))) {
                    int b = c + 1;
                    while (phrases.runToken(t, b + 1, c + 1, j)) b++;
                    if (b == j - 1) {
                        Phrase inner = phrases.classify(t, c + 1, b, from, false);
                        if (inner != null && inner.kind() == Phrase.Kind.PERSON) return inner;
                    } else if (b + 2 < j && t.get(b + 1).is("and") && phrases.runStart(t, j - 1, b + 2) == b + 2) {
                        // "The foreign ministers ..., Tomasz Wierzbicki and Rūta Kairienė, issued": both speak.
                        Phrase second = phrases.classify(t, b + 2, j - 1, from, false);
                        Phrase firstOne = phrases.classify(t, c + 1, b, from, false);
                        if (second != null && second.kind() == Phrase.Kind.PERSON && firstOne != null && firstOne.kind() == Phrase.Kind.PERSON) return second;
                    }
                }
                // "X, who chairs the Committee on Defence, Intelligence and Foreign Relations, said": the comma found
                // is a list's inside the appositive (its last item after "and"); the appositive opens further back
                if (c > from && t.get(c).is(",") && c + 1 < j && t.get(c + 1).capitalised() && !t.get(c + 1).has(Token.TITLE)
                        && SpeechRules.listEndsAt(t, c + 1, j)) {
                    int c2 = c - 1;
                    while (c2 > from && c - c2 < 20 && !t.get(c2).is(",") && !PhraseReader.OPEN_QUOTES.contains(t.get(c2).text())
                            && !PhraseReader.CLOSE_QUOTES.contains(t.get(c2).text())) c2--;
                    if (c2 > from && t.get(c2).is(",") && c2 + 1 < c && t.get(c2 + 1).word()
                            && (t.get(c2 + 1).lowercase() || t.get(c2 + 1).is("who") || t.get(c2 + 1).is("whose"))) c = c2;
                }
                // The appositive describes: lower case ("director of ..."), a relative clause ("who ..."), or a
                // title ("Minister of Commerce").
                if (c > from && t.get(c).is(",") && c + 1 < j) {
                    Token first = t.get(c + 1);
                    boolean possessive = possessiveAt(t, c + 1, j); // "X, Ukraine's (South Korea's) human rights commissioner, said"
                    if (!first.capitalised() || first.has(Token.TITLE) || first.lower().equals("who") || first.lower().equals("whose")
                            || SpeechRules.partyTag(first) || possessive) {
                        // "Rep. X, R-Texas, the chairman of ..., said": the party tag is a first appositive
                        int tag = SpeechRules.partyTagBefore(t, c, from);
                        Phrase before = phrases.phraseEndingAt(t, SpeechRules.skipGap(t, (tag >= 0 ? tag : c) - 1, from), from);
                        // "Abdullah, 34, a shopkeeper, said": a description makes a lone name a person
                        return described(before, t, c) ? described(before) : before;
                    }
                }
                // "Talks will resume next week, said Ada Kerrigan, a spokeswoman.": reported words, then the verb and
                // the speaker, without quote marks
                Phrase after = phrases.phraseStartingAt(t, v + 1, to);
                if (after != null && (after.kind() == Phrase.Kind.PERSON && namesAPerson(after) || after.kind() == Phrase.Kind.TITLE_REF)) {
                    return after;
                }
                return null;
            }
            if (SpeechRules.pairBefore(t, j, from)) return new Phrase(Phrase.Kind.TITLE_REF, List.of(t.get(j).lower()), Set.of(), SpeechRules.PAIR, (char) 0);
            if (t.get(j).word() && (!t.get(j).capitalised() && SpeechRules.ageBefore(t, j, from) || SpeechRules.descriptionBefore(t, j, from))) {
                // "the 67-year-old mechanic said", "the billionaire said", "the Republican said"
                // the age goes with it: "the 63-year-old" is whoever the article gave that age ("Hayashi, 63,")
                String age = SpeechRules.ageOf(t, j, from);
                return new Phrase(Phrase.Kind.TITLE_REF, age == null ? List.of() : List.of(age), Set.of(), SpeechRules.DESCRIPTION, (char) 0);
            }
            Phrase before = phrases.phraseEndingAt(t, j, from);
            if (before != null && before.kind() != Phrase.Kind.SOURCE && (before.kind() != Phrase.Kind.PERSON || namesAPerson(before))) return before;
            // "Minister X while speaking to newsmen in Abuja said", "X in his remarks said": the sentence's subject,
            // then an adverbial without commas up to the verb (as West African and South Asian papers write it)
            Phrase opener = SpeechRules.adverbialBefore(t, v, from) ? openingSubject(t, from, v) : null;
            return opener != null ? opener : before;
        }

        /** The titled or full name that opens the sentence at {@code from} and is followed by an adverbial opener before {@code v}. */
        Phrase openingSubject(List<Token> t, int from, int v) {
            int a = from;
            while (a < v && !t.get(a).word()) a++;
            boolean determiner = a < v && t.get(a).is("The") || a < v && t.get(a).is("the");
            if (determiner) a++; // "The minister in his remarks said"
            if (a >= v || !phrases.runToken(t, a, from, v)) return null;
            int b = a;
            while (phrases.runToken(t, b + 1, from, v)) b++;
            if (b + 1 >= v || !SpeechRules.ADVERBIAL_OPENERS.contains(t.get(b + 1).text())) return null;
            Phrase p = phrases.classify(t, a, b, from, determiner);
            if (p != null && determiner && p.kind() == Phrase.Kind.TITLE_REF) return p;
            return p != null && !determiner && p.kind() == Phrase.Kind.PERSON && namesAPerson(p) ? p : null;
        }

        /**
         * Whether a possessive name of one to three capitalised words opens the appositive at {@code a}: "Ukraine's",
         * "South Korea's", "Papua New Guinea's" (the description of the name before it, not a second person).
         */
        static boolean possessiveAt(List<Token> t, int a, int to) {
            return possessiveEnd(t, a, to) >= 0;
        }

        /** The index of the "'s" of {@link #possessiveAt}'s possessive at {@code a}, or -1 when there is none. */
        static int possessiveEnd(List<Token> t, int a, int to) {
            for (int k = a + 1; k < Math.min(to, a + 4); k++) {
                if (t.get(k).is("'s")) return k;
                if (!t.get(k).capitalised()) return -1;
            }
            return -1;
        }

        /** The last two distinct people named before token {@code v} of this paragraph or the five before, or none. */
        List<Mention> lastTwoNamed(int v, List<String> roles) {
            List<Mention> named = new ArrayList<>(2); // latest first, by full name ("Prime Minister Kerrigan" is Ada Kerrigan)
            for (int i = mentionsAt.size() - 1; i >= 0 && named.size() < 2; i--) {
                long[] at = mentionsAt.get(i);
                if (at[0] > paragraph || at[0] == paragraph && at[1] >= v) continue;
                if (at[0] < paragraph - 5) break; // "The two leaders also reaffirmed" a few paragraphs after both were named
                Mention m = inLongestForm(byName.get(mentionKeys.get(i)));
                if (roles != null && roles.stream().noneMatch(m.titles()::contains)) continue; // "the two ambassadors": not the minister
                if (named.stream().noneMatch(n -> n.name().equals(m.name()))) named.add(m);
            }
            return named.size() < 2 ? List.of() : List.of(named.get(1), named.get(0));
        }

        /** Whether the lone untitled name {@code p} is followed at {@code comma} by an age or a description of a person. */
        boolean described(Phrase p, List<Token> t, int comma) {
            if (p == null || p.kind() != Phrase.Kind.PERSON || p.name().size() != 1 || !p.titles().isEmpty() || comma + 1 >= t.size()) return false;
            Token x = t.get(comma + 1);
            if (x.word() && Character.isDigit(x.text().charAt(0))) return x.text().length() <= 3; // ", 34,"
            return (x.is("a") || x.is("an")) && comma + 2 < t.size() && t.get(comma + 2).lowercase();
        }

        /**
         * Whether the name that starts at {@code start} is followed by a comma and a description holding a person's
         * role: "Jane Roe, a maritime security researcher at ...", "Jane Roe, who teaches law" (but not "Roe Media,
         * a news site").
         */
        boolean roleAfter(List<Token> t, int start, int to) {
            int k = start;
            while (k < to && phrases.runToken(t, k, start, to)) k++;
            if (k == start || k + 1 >= to || !t.get(k).is(",")) return false;
            if (t.get(k + 1).is("who")) return true;
            for (int c = k + 1; c < Math.min(to, k + 9) && !t.get(c).is(","); c++) {
                Token x = t.get(c);
                if (x.word() && x.lowercase() && x.has(Token.TITLE) && !NameWords.ROLELESS.contains(x.lower())) return true;
            }
            return false;
        }

        /** Whether {@code p} is a lone untitled name, which only a description makes a person's. */
        boolean describable(Phrase p) {
            return p.kind() == Phrase.Kind.PERSON && p.name().size() == 1 && p.titles().isEmpty();
        }

        /**
         * Whether the description after the comma at {@code comma} ends in a person's role before its closing comma or
         * what the role is of: ", the former president,", ", Prabowo's predecessor,", ", a senior adviser to X,". Not ",
         * the official news agency," (the role word is not the head).
         */
        boolean roleEndsDescription(List<Token> t, int comma, int to) {
            int c = comma + 1;
            for (; c < Math.min(to, comma + 8); c++) {
                Token x = t.get(c);
                if (x.is(",") || x.lowercase() && SpeechRules.ROLE_PREPOSITIONS.contains(x.lower())) break;
                if (!x.word() && !x.is("'s")) return false;
            }
            if (c >= to || c - 1 <= comma || !t.get(c).is(",") && !SpeechRules.ROLE_PREPOSITIONS.contains(t.get(c).lower())) return false;
            if (!t.get(c).is(",")) { // "a senior adviser to the king,": the comma must close it soon
                int e = c;
                while (e < Math.min(to, c + 6) && !t.get(e).is(",")) e++;
                if (e >= to || !t.get(e).is(",")) return false;
            }
            Token head = t.get(c - 1);
            return head.word() && head.lowercase() && head.has(Token.TITLE) && !NameWords.ROLELESS.contains(head.lower());
        }

        /** The same person, marked as one (a lone name with no title would be taken for an outlet). */
        Phrase described(Phrase p) {
            return new Phrase(Phrase.Kind.PERSON, p.name(), Set.of(SpeechRules.DESCRIBED), null, p.gender());
        }

        /** "His neighbour, Valentina Ciobanu, disagreed": a short description, then the name between commas. */
        Phrase leadingAppositive(List<Token> t, int from, int to) {
            int k = from;
            while (k < to && !t.get(k).word()) k++;
            if (k >= to || !SpeechRules.LEADS.contains(t.get(k).lower())) return null;
            for (int c = k + 1; c < Math.min(to, k + 7); c++) {
                Token x = t.get(c);
                if (x.is(",")) return c > k + 1 ? appositivePerson(t, c, to, true) : null;
                if (!x.word() && !x.is("'s") || SpeechRules.SPEECH_VERBS.contains(x.lower()) || SpeechRules.PARTICIPLES.contains(x.lower())) return null;
            }
            return null;
        }

        /** A person's name right after the comma at {@code comma}, closed by a comma (or, if not {@code closed}, the sentence's end). */
        Phrase appositivePerson(List<Token> t, int comma, int to, boolean closed) {
            int c = comma + 1;
            if (c >= to || !t.get(c).capitalised() || !phrases.runToken(t, c, c, to)) return null;
            int b = c;
            while (phrases.runToken(t, b + 1, c, to)) b++;
            Token after = b + 1 < to ? t.get(b + 1) : null;
            boolean ends = after != null && (after.is(",") || after.is("and") || after.is("("))
                    || !closed && (after == null || after.is(".") || after.is(";"));
            if (!ends) return null;
            Phrase p = phrases.classify(t, c, b, -1, false);
            return p != null && p.kind() == Phrase.Kind.PERSON ? p : null;
        }

        /** Whether the run of name and title words at {@code a} ends in a lower-case role: "(the) Russian minister". */
        boolean endsInRole(List<Token> t, int a, int from, int to) {
            int b = a;
            while (phrases.runToken(t, b + 1, from, to)) b++;
            return b > a && t.get(b).lowercase() && t.get(b).has(Token.TITLE);
        }

        /** The subject at the start of a sentence's main clause, after introductory phrases ("In his letter to X, "). */
        Phrase clauseSubject(List<Token> t, int from, int to) {
            to = Math.min(to, from + SpeechRules.MAX_CLAUSE_TOKENS); // a subject stands near the start: bounded work on run-on text
            Phrase lead = leadingAppositive(t, from, to);
            if (lead != null) return lead;
            int k = from;
            for (int guard = 0; guard < 6 && k < to; guard++) {
                while (k < to && !t.get(k).word()) k++;
                if (k >= to) return null;
                Token x = t.get(k);
                String lw = x.lower();
                if (lw.equals("he") || lw.equals("she")) return new Phrase(Phrase.Kind.PRONOUN, List.of(), Set.of(), lw, lw.equals("she") ? 'F' : 'M');
                int a = k;
                if (PhraseReader.isDeterminer(lw) && k + 1 < to) a = k + 1;
                if (phrases.runToken(t, a, from, to) && (a == k || !t.get(a).capitalised() || t.get(a).has(Token.TITLE) || endsInRole(t, a, from, to))) {
                    int b = a;
                    while (phrases.runToken(t, b + 1, from, to)) b++;
                    // "Malaysia's Foreign Minister Mohamad Hasan agreed": the possessor is not the subject.
                    while (b + 2 < to && t.get(b + 1).is("'s") && phrases.runToken(t, b + 2, from, to)) {
                        a = b + 2;
                        b = a;
                        while (phrases.runToken(t, b + 1, from, to)) b++;
                    }
                    Token next = b + 1 < to ? t.get(b + 1) : null;
                    if (next != null && (next.lowercase() || next.is(",") || next.is("("))) {
                        Phrase p = phrases.classify(t, a, b, from, a != k);
                        // "An Egyptian diplomat was blunter: “...”": someone unnamed, no reference to anyone named before
                        if (p != null && p.kind() == Phrase.Kind.TITLE_REF && a != k && (lw.equals("a") || lw.equals("an"))) return SpeechRules.UNNAMED;
                        // "The Emir of Qatar, Sheikh Khalid ..., opened": the name between the commas is the subject.
                        if (p != null && p.kind() != Phrase.Kind.PERSON && next.is(",")) {
                            Phrase named = appositivePerson(t, b + 1, to, true);
                            if (named != null) return named;
                        }
                        // "The head of the mission, Lars Eng, arrived", "The minister in charge of the dam, X, walks":
                        // a role, what it is of, then the name between commas.
                        if (p != null && p.kind() == Phrase.Kind.TITLE_REF && SpeechRules.ROLE_PREPOSITIONS.contains(next.lower())) {
                            int c = b + 1;
                            while (c < to && !t.get(c).is(",") && !SpeechRules.SPEECH_VERBS.contains(t.get(c).lower())) c++;
                            Phrase named = c < to && t.get(c).is(",") ? appositivePerson(t, c, to, true) : null;
                            if (named != null) return named;
                        }
                        // "Jokowi, Prabowo's predecessor, did not attend", "Abdi, the former president, ...": a lone
                        // name that a role between commas describes is a person's (not "Interfax, the official news agency,")
                        if (p != null && a == k && next.is(",") && roleEndsDescription(t, b + 1, to) && describable(p)) return described(p);
                        // A run of lower-case role words alone ("education, ...") is a list item, not a subject.
                        if (p != null && (p.kind() != Phrase.Kind.SOURCE || t.get(a).capitalised())) return p;
                    }
                }
                // An introductory phrase: go on after its comma.
                int c = k;
                while (c < to && !t.get(c).is(",")) c++;
                k = c + 1;
            }
            return null;
        }
    }

    /** "Wang was quoted by Xinhua as saying", "He was later quoted as saying": the subject before the auxiliary. */
    private Phrase passiveQuoted(List<Token> t, int v, int from, int to) {
        int a = SpeechRules.passiveAuxiliary(t, v, from);
        if (a <= from || !asSaying(t, v, to)) return null;
        if (t.get(a).is("been") && a - 1 > from && (t.get(a - 1).is("has") || t.get(a - 1).is("had") || t.get(a - 1).is("have"))) a--;
        return phrases.phraseEndingAt(t, a - 1, from);
    }

    /** Whether "as saying" (or another speech participle) follows the verb at {@code v} within a few words. */
    private static boolean asSaying(List<Token> t, int v, int to) {
        for (int k = v + 1; k + 1 < to && k < v + 9; k++) {
            if (t.get(k).is("as") && SpeechRules.PARTICIPLES.contains(t.get(k + 1).lower())) return true;
        }
        return false;
    }

    /**
     * The person in "X's office quoted him as saying": the one whose office, spokesman or ministry quotes "him" or
     * "her" is that pronoun; null otherwise.
     */
    private Phrase ownOfficeQuoted(List<Token> t, int v, int from, int to) {
        if (v + 1 >= to || !(t.get(v + 1).is("him") || t.get(v + 1).is("her")) || !asSaying(t, v, to)) return null;
        int k = v - 1;
        String noun = k > from ? t.get(k).lower() : "";
        if (!NameWords.SOURCE_NOUNS.contains(noun) && !noun.startsWith("spokes")) return null;
        k--;
        if (k > from && t.get(k).lowercase()) k--; // "press office", "foreign ministry"
        if (k <= from || !t.get(k).is("'s")) return null;
        Phrase owner = phrases.phraseEndingAt(t, k - 1, from);
        return owner != null && owner.kind() == Phrase.Kind.PERSON ? owner : null;
    }

    /** The person in "quoted X as saying/telling/stating", or null. */
    private Phrase quotedAsSaying(List<Token> t, int v, int to) {
        Phrase p = phrases.phraseStartingAt(t, v + 1, to);
        return p != null && asSaying(t, v, to) ? p : null;
    }

    /**
     * The tokens without a nickname quoted inside a name: "President Ferdinand “Bongbong” Marcos Jr." is Ferdinand Marcos
     * Jr., "Mohamed Hamdan “Hemedti” Dagalo" is Mohamed Hamdan Dagalo. One or two capitalised words in quote marks,
     * between two capitalised name words; {@code t} itself when there is none.
     */
    static List<Token> withoutNicknames(List<Token> t) {
        List<Token> out = null;
        int copied = 0;
        for (int k = 1; k + 3 < t.size(); k++) {
            Token q = t.get(k);
            if (q.word() || !(q.is("“") || q.is("\"") || q.is("‘"))) continue;
            int e = k + 2;
            if (!nicknameWord(t.get(k + 1))) continue;
            if (e < t.size() - 1 && nicknameWord(t.get(e))) e++;
            if (e + 1 >= t.size()) continue;
            Token close = t.get(e);
            if (!(close.is("”") || close.is("\"") || close.is("’")) || q.is("“") != close.is("”") && !q.is("\"")) continue;
            if (q.is("\"") && !close.is("\"")) continue;
            if (!nameWord(t.get(k - 1)) || !nameWord(t.get(e + 1))) continue;
            if (out == null) out = new ArrayList<>(t.size());
            out.addAll(t.subList(copied, k));
            copied = e + 1;
            k = e;
        }
        if (out == null) return t;
        out.addAll(t.subList(copied, t.size()));
        return out;
    }

    private static boolean nicknameWord(Token x) {
        return x.word() && x.capitalised() && !x.allCaps() && (x.flags() & (Token.TITLE | Token.FUNCTION)) == 0;
    }

    private static boolean nameWord(Token x) {
        return x.word() && x.capitalised() && !x.allCaps() && (x.flags() & (Token.TITLE | Token.FUNCTION | Token.ORGANISATION)) == 0;
    }

    /** Speakers and sources of every paragraph of an article, in order. */
    Result extract(List<List<Token>> paragraphs, List<ParagraphKind> kinds) {
        List<List<Token>> read = null;
        for (int i = 0; i < paragraphs.size(); i++) {
            List<Token> t = paragraphs.get(i);
            List<Token> plain = withoutNicknames(t);
            if (plain != t && read == null) read = new ArrayList<>(paragraphs);
            if (read != null) read.set(i, plain);
        }
        Pass pass = new Pass(read == null ? paragraphs : read, kinds);
        List<Attribution> attributions = pass.run();
        return new Result(attributions, pass.personAliases);
    }
}
