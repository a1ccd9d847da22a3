package org.parley.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads noun phrases out of tokens: runs of capitalised words and titles ("Russian President Vladimir
 * Putin"), split into a person's name and the titles before it, or recognised as a pronoun, a title
 * reference ("the King") or a source ("the statement", "the foreign ministry"); and sentence boundaries.
 * Immutable and thread-safe.
 */
final class PhraseReader {
    static final Set<String> TIME_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "morning", "afternoon", "evening", "night", "week", "month", "weekend");
    /** Title words that qualify a role rather than name it ("Deputy", "former"). */
    private static final Set<String> TITLE_MODIFIERS = Set.of("former", "late", "then", "current", "deputy", "vice",
            "acting", "his", "her", "first", "senior", "prime", "crown", "incumbent", "outgoing");
    static final Set<String> OPEN_QUOTES = Set.of("“", "«", "„");
    static final Set<String> CLOSE_QUOTES = Set.of("”", "»");

    /** Title words that may stand inside a name, between two of its words ("Hassan Sheikh Mohamud"). */
    private static final Set<String> INNER_TITLES = Set.of("sheikh", "shaikh", "sheik");

    private final CountryGazetteer gazetteer;
    /** Country words that the article uses as a person's surname ("Rep. Dale Jordan ... Jordan said"). */
    private final Set<String> personAliases;

    PhraseReader(CountryGazetteer gazetteer) {
        this(gazetteer, Set.of());
    }

    private PhraseReader(CountryGazetteer gazetteer, Set<String> personAliases) {
        this.gazetteer = gazetteer;
        this.personAliases = personAliases;
    }

    /** This reader, reading {@code aliases} (country words that are an article's surnames) as names. */
    PhraseReader withPersonAliases(Set<String> aliases) {
        return aliases.isEmpty() ? this : new PhraseReader(gazetteer, Set.copyOf(aliases));
    }

    private boolean countryWord(String w) {
        return gazetteer.isAlias(w);
    }

    boolean runToken(List<Token> t, int k, int from, int to) {
        if (k < from || k >= to) return false;
        Token x = t.get(k);
        if (!x.word()) {
            return x.is(".") && k > from && t.get(k - 1).has(Token.DOTTED_TITLE);
        }
        if (x.has(Token.TITLE)) return true;
        if (x.lowercase()) {
            if (x.has(Token.TITLE_GLUE)) return true;
            boolean between = k > from && k + 1 < to && t.get(k - 1).word() && t.get(k + 1).word();
            if (x.is("of")) {
                if (!between) return false;
                Token next = t.get(k + 1);
                if (next.capitalised() || next.has(Token.TITLE_GLUE)) return true;
                // "Speaker of the National Assembly Milica Radović", "Chancellor of the Exchequer"
                return next.is("the") && k + 2 < to && t.get(k + 2).capitalised() && !t.get(k + 2).has(Token.FUNCTION)
                        && (k + 3 >= to || !t.get(k + 3).is("'s")) && (t.get(k - 1).capitalised() || t.get(k - 1).has(Token.TITLE));
            }
            if (x.is("for") || x.is("to")) {
                // "Minister for Foreign Affairs Penny Wong", "Commissioner for the Internal Market Thierry Baudin",
                // "U.S. ambassador to Japan Rahm Emanuel", "special envoy to the Middle East Zhai Jun"
                if (!between || !complementsTitle(x, t.get(k - 1))) return false;
                Token next = t.get(k + 1);
                return next.capitalised() && !next.has(Token.FUNCTION) || next.is("the") && k + 2 < to && t.get(k + 2).capitalised()
                        && !t.get(k + 2).has(Token.FUNCTION);
            }
            if (x.is("the")) {
                if (k - 2 >= from && k + 1 < to && complementsTitle(t.get(k - 1), t.get(k - 2))
                        && t.get(k + 1).capitalised() && !t.get(k + 1).has(Token.FUNCTION)) return true;
                return k - 2 >= from && k + 1 < to && t.get(k - 1).is("of") && t.get(k + 1).capitalised()
                        && !t.get(k + 1).has(Token.FUNCTION) && (k + 2 >= to || !t.get(k + 2).is("'s"))
                        && (t.get(k - 2).capitalised() || t.get(k - 2).has(Token.TITLE));
            }
            return x.has(Token.PARTICLE) && between && nameLike(t.get(k - 1)) && nameLike(t.get(k + 1));
        }
        if (!x.capitalised()) return false;
        if (TIME_WORDS.contains(x.lower())) return !dateContext(t, k, 0, t.size());
        return !x.has(Token.FUNCTION) || x.has(Token.ORGANISATION) || functionWordSurname(t, k, from, to);
    }

    /** Function words that are also East Asian surnames when capitalised before a name: "To Lam", "An Cheol-soo". */
    private static final Set<String> FUNCTION_WORD_SURNAMES = Set.of("To", "An", "Do");

    /**
     * "Vice Premier He Lifeng", "Vietnam's To Lam": a capitalised function word inside a sentence, before a name
     * word, is a surname, not the pronoun or preposition (which would be lower case there). "He" may follow a title
     * or a name word; "To", "An" and "Do" a title or a possessive, since a title-cased phrase ("Plans To Boost")
     * puts them between capitalised words too.
     */
    private static boolean functionWordSurname(List<Token> t, int k, int from, int to) {
        if (k < from || k + 1 >= to) return false;
        String w = t.get(k).text();
        boolean he = w.equals("He");
        if (!he && !FUNCTION_WORD_SURNAMES.contains(w)) return false;
        Token after = t.get(k + 1);
        if (!nameAfterSurname(after)) return false;
        Token before = k > from ? t.get(k - 1) : null;
        if (before != null && before.word()) {
            // "talks with To Lam": inside a sentence the pronoun and the preposition are lower case
            if (before.lowercase()) return true;
            return he ? before.has(Token.TITLE) || before.capitalised() && !before.has(Token.FUNCTION)
                    : before.has(Token.TITLE) || before.is("'s");
        }
        // At a sentence's start, "To Lam said", "He Lifeng told": the name, then a lower-case word that is no function
        // word ("To Moscow, ...", "To Beijing the message was clear" are the preposition).
        int e = k + 1;
        while (e + 1 < to && nameAfterSurname(t.get(e + 1))) e++;
        Token next = e + 1 < to ? t.get(e + 1) : null;
        return next != null && next.word() && next.lowercase() && !next.has(Token.FUNCTION);
    }

    private static boolean nameAfterSurname(Token x) {
        return x.word() && x.capitalised() && !x.allCaps() && (x.flags() & (Token.TITLE | Token.FUNCTION | Token.ORGANISATION)) == 0;
    }

    static boolean nameLike(Token x) {
        return x.capitalised() || x.has(Token.PARTICLE);
    }

    /**
     * Whether a month or weekday word is used as a date ("in May 2016", "on Tuesday", "Oct. 13") rather than
     * as a name ("Theresa May", "Zhang Jun", "Sun Weidong").
     */
    private static boolean dateContext(List<Token> t, int k, int from, int to) {
        if (k + 1 < to) {
            Token next = t.get(k + 1);
            if (next.is(".") || next.word() && Character.isDigit(next.text().charAt(0))) return true;
        }
        if (k - 1 >= from) {
            Token prev = t.get(k - 1);
            if (prev.word() && (Character.isDigit(prev.text().charAt(0)) || DATE_PREPOSITIONS.contains(prev.lower()))) return true;
            if (prev.is(",") || prev.is("(")) return true;
        }
        return k == from || k + 1 >= to || !t.get(k + 1).capitalised() && (k - 1 < from || !t.get(k - 1).capitalised());
    }

    private static final Set<String> DATE_PREPOSITIONS = Set.of("in", "on", "since", "by", "until", "till", "from", "to",
            "last", "next", "this", "early", "late", "mid", "of", "before", "after", "during", "every", "each", "through");

    private boolean nameToken(List<Token> t, int k, boolean allCapsRun) {
        Token x = t.get(k);
        if (!x.capitalised()) return false;
        if (TIME_WORDS.contains(x.lower())) return !dateContext(t, k, 0, t.size());
        if ((x.flags() & (Token.TITLE | Token.ORGANISATION | Token.FUNCTION)) != 0) {
            return x.has(Token.FUNCTION) && functionWordSurname(t, k, 0, t.size());
        }
        if (x.allCaps() && !allCapsRun) return initials(t, k) || capitalsSurname(t, k); // ASEAN, AKP, UN: acronyms of organisations
        if (countryWord(x.text())) return personAliases.contains(x.text()) || personLikeCountry(t, k, allCapsRun);
        return endsAName(x.text()) && !compoundAdjective(x.text());
    }

    /** Lower-case last parts of a hyphenated adjective that are no participle: "US-born", "Gulf-based". */
    private static final Set<String> ADJECTIVE_TAILS = Set.of("born", "based", "run", "made", "style", "era", "wide",
            "friendly", "funded", "minded", "wing", "owned", "led", "backed", "bred", "built", "trained", "educated");

    /**
     * "Marxist-leaning", "Kremlin-backed", "Oxford-educated", "US-born": a capitalised word whose last hyphenated part is
     * a lower-case participle or adjective describes the name after it and is no part of it ("Saif-ud-din" is).
     */
    static boolean compoundAdjective(String w) {
        int h = w.lastIndexOf('-');
        if (h <= 0 || h + 3 > w.length()) return false;
        for (int k = h + 1; k < w.length(); k++) if (!Character.isLowerCase(w.charAt(k))) return false;
        if (w.endsWith("ing") && w.length() - h > 4 || w.endsWith("ed") && w.length() - h > 3) return true;
        return ADJECTIVE_TAILS.contains(w.substring(h + 1));
    }

    /**
     * "Mr. IWAYA Takeshi", "H.E. Mr. CHO Tae-yul", "Minister KIM Sun-hee": a surname in capitals, as the readouts of
     * East Asian governments write it before the given name, right after a title and before a plain name word. Not an
     * acronym of a country or body ("Minister UN Ana" does not occur; "EU Trade" has no title before it).
     */
    private boolean capitalsSurname(List<Token> t, int k) {
        if (k == 0 || k + 1 >= t.size()) return false;
        Token x = t.get(k);
        if (x.text().length() < 2 || x.text().indexOf('.') >= 0 || countryWord(x.text()) || x.has(Token.ORGANISATION)) return false;
        int p = k - 1;
        if (t.get(p).is(".") && p > 0) p--;
        Token before = t.get(p);
        if (!before.word() || !before.has(Token.TITLE) || before.allCaps() && !before.has(Token.DOTTED_TITLE) && !before.lower().equals("h.e.")) return false;
        Token next = t.get(k + 1);
        // "Mr. KIM said": the surname alone after an honorific
        if (HONORIFICS.contains(before.lower().replace(".", "")) && (next.lowercase() || next.is(","))) return true;
        return next.word() && next.capitalised() && !next.allCaps() && (next.flags() & (Token.TITLE | Token.ORGANISATION | Token.FUNCTION)) == 0
                && !countryWord(next.text()) && endsAName(next.text());
    }

    private static final Set<String> HONORIFICS = Set.of("mr", "ms", "mrs", "dr", "madam", "mme");

    /** "IWAYA" -> "Iwaya", "TAE-YUL" -> "Tae-Yul": the first letter of each hyphenated part kept capital. */
    static String titleCased(String w) {
        StringBuilder b = new StringBuilder(w.length());
        boolean start = true;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            b.append(start ? c : Character.toLowerCase(c));
            start = c == '-' || c == '\'';
        }
        return b.toString();
    }

    /** A name word ends in a letter, or is an initial with its period ("S. Raghunathan"). */
    private static boolean endsAName(String w) {
        return Character.isLetter(w.charAt(w.length() - 1)) || w.length() == 2 && w.charAt(1) == '.';
    }

    /** Dotted initials before a name word ("M.K. Selvan", "J.D. Ortiz"), not a place's or a body's ("U.S.", "U.N."). */
    private boolean initials(List<Token> t, int k) {
        String w = t.get(k).text();
        if (w.length() < 4 || w.length() > 10 || !INITIALS.matcher(w).matches() || countryWord(w) || DOTTED_BODIES.contains(w)) return false;
        if (k + 1 >= t.size()) return false;
        Token next = t.get(k + 1);
        return next.capitalised() && !next.allCaps() && (next.flags() & (Token.TITLE | Token.ORGANISATION | Token.FUNCTION)) == 0;
    }

    private static final java.util.regex.Pattern INITIALS = java.util.regex.Pattern.compile("(?:\\p{Lu}\\.){2,5}"); // "M.K. Selvan", "R.M.A.L. Perera"
    /** Dotted abbreviations of bodies and places that stand before names ("U.N. envoy"), not initials. */
    private static final Set<String> DOTTED_BODIES = Set.of("U.N.", "E.U.", "D.C.", "U.S.", "U.K.", "U.A.E.", "N.Y.", "L.A.");

    /**
     * "Chad Morrow", "Rep. Dale Jordan", "Georgia Lindqvist": a country word that is also a given name or surname
     * reads as a name when a plain name word stands right before or after it.
     */
    private boolean personLikeCountry(List<Token> t, int k, boolean allCapsRun) {
        if (!gazetteer.isPersonLikeAlias(t.get(k).text())) return false;
        return k > 0 && plainNameWord(t, k - 1, allCapsRun) || k + 1 < t.size() && plainNameWord(t, k + 1, allCapsRun);
    }

    private boolean plainNameWord(List<Token> t, int k, boolean allCapsRun) {
        Token x = t.get(k);
        if (!x.word() || !x.capitalised() || (x.flags() & (Token.TITLE | Token.ORGANISATION | Token.FUNCTION)) != 0) return false;
        if (x.allCaps() && !allCapsRun || countryWord(x.text()) || TIME_WORDS.contains(x.lower())) return false;
        return endsAName(x.text());
    }

    /** Classifies the run of tokens [a, b] (inclusive), {@code sentenceStart} the index of its sentence's first token. */
    Phrase classify(List<Token> t, int a, int b, int sentenceStart, boolean determiner) {
        if (b > a && t.get(b).is(".")) b--;
        // "King Mohammed VI", "Pope Leo XIV", "Louis XIV": the name is read without its regnal number, which
        // then ends it
        String regnal = null;
        if (b > a && regnalNumber(t.get(b).text()) && t.get(b - 1).capitalised() && !t.get(b - 1).allCaps()
                && !NUMBERED_NOUNS.contains(t.get(b - 1).lower())) {
            regnal = t.get(b).text();
            b--;
        }
        boolean allCaps = true;
        for (int k = a; k <= b; k++) if (t.get(k).word() && !t.get(k).allCaps()) allCaps = false;
        int n = surnameTitle(t, a, b, allCaps) ? b - 1 : b;
        while (n >= a && (nameToken(t, n, allCaps)
                || n > a && t.get(n).lowercase() && t.get(n).has(Token.PARTICLE)
                || n > a && n < b && INNER_TITLES.contains(t.get(n).lower()) && nameToken(t, n - 1, allCaps))) n--;
        int nameStart = n + 1;
        while (nameStart <= b && !t.get(nameStart).capitalised()) nameStart++;
        for (int of = a + 1; of < b && of < nameStart; of++) {
            if (!t.get(of).is("of") || !nameToken(t, of - 1, allCaps)) continue;
            // "Governor Alfonso Ibarra of Nuevo León", "analyst Choi Young-mi of Korea University": the person
            // stands before "of", the place or employer after it.
            Phrase before = classify(t, a, of - 1, sentenceStart, determiner);
            // "Georgia Mendes of the American Civil Liberties Union": a full name needs no title.
            if (before != null && before.kind() == Phrase.Kind.PERSON && (!before.titles().isEmpty() || before.name().size() >= 2)) return before;
            break;
        }
        if (nameStart > a + 1 && nameStart <= b && complementWord(t.get(nameStart - 1)) || nameStart > a + 2 && nameStart <= b
                && t.get(nameStart - 1).is("the") && complementWord(t.get(nameStart - 2))) {
            int of = complementWord(t.get(nameStart - 1)) ? nameStart - 1 : nameStart - 2;
            Phrase before = of - 1 >= a && nameToken(t, of - 1, allCaps) ? classify(t, a, of - 1, sentenceStart, determiner) : null;
            if (before != null && before.kind() == Phrase.Kind.PERSON && !before.titles().isEmpty()) return before;
            // "Chancellor of the Exchequer Priya Ramdas", "Governor of Texas Jane Roe": the first word completes the
            // title; a short name right after "of" is the title's complement ("General Director of PetroViet Power").
            if (b - nameStart >= 2) nameStart = b - 1; // the name is its last two words
            else if (hasTitle(t, a, of)) nameStart = b + 1;
        }
        if (nameStart <= b && nameStart == sentenceStart && nameStart < b && sentenceAdverb(t.get(nameStart).lower())) nameStart++;
        List<String> name = new ArrayList<>();
        for (int k = nameStart; k <= b; k++) {
            Token x = t.get(k);
            // "IWAYA Takeshi" is Iwaya Takeshi: a surname in capitals within a mixed-case name
            // and "VASSILY NEBENZIA (Russian Federation) said", as UN meeting coverage writes speakers, is Vassily Nebenzia
            name.add(x.allCaps() && x.text().indexOf('.') < 0 && x.text().length() > 1 && (!allCaps || b > nameStart) ? titleCased(x.text()) : x.text());
        }
        if (regnal != null && !name.isEmpty()) name.add(regnal);
        Set<String> titles = new LinkedHashSet<>();
        String lastTitle = null;
        boolean org = false;
        for (int k = a; k < nameStart; k++) {
            Token x = t.get(k);
            if (!x.word()) continue;
            String lw = x.lower();
            if (x.has(Token.TITLE)) {
                titles.add(lw);
                lastTitle = lw;
            } else if (x.has(Token.ORGANISATION) || x.allCaps() || countryWord(x.text())) {
                org = true;
            }
        }
        char gender = 0;
        for (String ti : titles) {
            if (NameWords.FEMALE.contains(ti)) gender = 'F';
            if (NameWords.MALE.contains(ti)) gender = 'M';
        }
        if (!name.isEmpty() && name.size() <= 5 && (!institutionAfterLastTitle(t, a, nameStart) || !titles.isEmpty() && name.size() >= 2)
                && !(titles.isEmpty() && notAPerson(name))) {
            return new Phrase(Phrase.Kind.PERSON, name, titles, null, gender);
        }
        if (lastTitle != null && unreadName(t, a, nameStart)) return null;
        if (lastTitle != null && (determiner || !org || titles.size() > 0)) {
            // The qualifiers of a role ("the NATO chief", "the Kremlin spokesman") tell whose role it is.
            List<String> qualifiers = new ArrayList<>(2);
            // up to the run's end, and organisations' words that are function words too: "the representative of the
            // United Kingdom" is qualified by "United Kingdom"
            for (int k = a; k <= b; k++) {
                Token x = t.get(k);
                if (x.word() && x.capitalised() && !x.has(Token.TITLE) && (!x.has(Token.FUNCTION) || x.has(Token.ORGANISATION))) qualifiers.add(x.text());
            }
            return new Phrase(Phrase.Kind.TITLE_REF, qualifiers, titles, headTitle(t, a, nameStart - 1), gender);
        }
        StringBuilder text = new StringBuilder();
        for (int k = a; k <= b; k++) {
            if (text.length() > 0 && t.get(k).word()) text.append(' ');
            text.append(t.get(k).text());
        }
        return text.isEmpty() ? null : new Phrase(Phrase.Kind.SOURCE, List.of(), Set.of(), text.toString(), (char) 0);
    }

    /**
     * Whether a capitalised word ending in "-ly" that opens a sentence before a name is an adverb ("Separately Putin
     * said") rather than a given name ("Anatoly", "Vitaly", "Vasily", "Emily", "Kelly", "Holly", "Beverly"): a word of six
     * letters or more ending in "-ally", "-fully" or "-arily", or in any other "-ly" than the given names' "-ily", "-lly",
     * "-oly", "-aly" and "-erly", is an adverb; a shorter one is a name (a short adverb takes a comma). General English
     * morphology, no list of names.
     */
    static boolean sentenceAdverb(String lw) {
        if (!lw.endsWith("ly")) return false;
        if (lw.endsWith("ally") || lw.endsWith("fully") || lw.endsWith("arily")) return lw.length() >= 6;
        if (lw.length() <= 5) return false; // "Emily", "Kelly", "Holly", "Sally"; short adverbs take a comma
        return !(lw.endsWith("ily") || lw.endsWith("lly") || lw.endsWith("oly") || lw.endsWith("aly") || lw.endsWith("erly"));
    }

    /**
     * Articles of other languages that open the name of a newspaper, a party or a building, never a person's given name:
     * "Der Spiegel", "El País", "La Moncloa", "Die Welt", "Il Foglio". Not "Le" (also a Vietnamese surname) nor "Al" (a
     * given name).
     */
    private static final Set<String> FOREIGN_ARTICLES = Set.of("La", "Las", "Los", "Les", "El", "Il", "Der", "Die", "Das", "Het");

    /**
     * Whether an untitled name is no person's: a place's name of several words ("Costa Rica said", "Sri Lanka said",
     * "Casa Rosada said"), or two words after a foreign article ("Der Spiegel said").
     */
    private boolean notAPerson(List<String> name) {
        if (name.size() == 2 && FOREIGN_ARTICLES.contains(name.getFirst())) return true;
        return gazetteer.isPlaceName(name);
    }

    /** Titles that are also common surnames: "Julie Bishop", "John Major", "Camille Grand", "Angus King". */
    private static final Set<String> SURNAME_TITLES = Set.of("bishop", "major", "grand", "king", "judge", "marshal");

    /**
     * Whether the title word that ends the run [a, b] is a surname after a given name ("Julie Bishop said"): a title
     * stands before a name, so one that ends a run right after a plain name word, with no article before the run, is
     * the name's own last word ("the Anglican Bishop said" and "Bishop Ana Ruiz" are titles).
     */
    private boolean surnameTitle(List<Token> t, int a, int b, boolean allCaps) {
        if (b <= a || allCaps || !t.get(b).has(Token.TITLE) || !t.get(b).capitalised() || t.get(b).allCaps()
                || !SURNAME_TITLES.contains(t.get(b).lower())) return false;
        if (a > 0 && t.get(a - 1).word() && isDeterminer(t.get(a - 1).lower())) return false;
        return nameToken(t, b - 1, false) && !t.get(b - 1).allCaps() && !countryWord(t.get(b - 1).text());
    }

    private static final java.util.regex.Pattern REGNAL = java.util.regex.Pattern.compile("X{0,3}(?:IX|IV|V?I{0,3})");

    /** Nouns that take a Roman numeral without being a person: "Title IX", "Chapter VII", "World War II". */
    private static final Set<String> NUMBERED_NOUNS = Set.of("article", "chapter", "title", "section", "part", "phase",
            "volume", "vol", "book", "annex", "protocol", "amendment", "schedule", "stage", "round", "class", "category",
            "level", "type", "grade", "war", "tier", "pillar", "act", "series", "mark", "division", "form", "unit",
            "block", "zone", "sector", "plan", "step", "option", "council", "convention", "vatican", "apollo", "gemini",
            "league", "leg", "group", "track", "window", "line", "model", "version", "generation", "episode", "rule");

    /** A Roman numeral from II to XXXIX, as monarchs and popes carry: not "I", which is the pronoun. */
    static boolean regnalNumber(String w) {
        return w.length() >= 1 && !w.equals("I") && REGNAL.matcher(w).matches();
    }

    private static boolean complementWord(Token x) {
        return x.is("of") || x.is("for") || x.is("to");
    }

    /** Titles whose complement follows "to": "ambassador to Japan", "envoy to the Middle East". */
    private static final Set<String> TO_TITLES = Set.of("ambassador", "envoy", "emissary", "representative", "delegate",
            "adviser", "advisor", "consul", "attaché", "attache");

    /**
     * Whether {@code prep} starts the complement of the title {@code title} before it: "for" after a capitalised
     * title ("Minister for Foreign Affairs"), "to" after a title that takes it ("ambassador to Japan").
     */
    private static boolean complementsTitle(Token prep, Token title) {
        if (prep.is("for")) return title.has(Token.TITLE) && title.capitalised();
        return prep.is("to") && TO_TITLES.contains(title.lower());
    }

    private static boolean hasTitle(List<Token> t, int a, int b) {
        for (int k = a; k < b; k++) if (t.get(k).has(Token.TITLE)) return true;
        return false;
    }

    /**
     * Whether an institution word stands between the last title and the name ("General Department of Vietnam
     * Customs"): the capitalised words end an organisation's name, not a person's.
     */
    private static boolean institutionAfterLastTitle(List<Token> t, int a, int nameStart) {
        boolean institution = nameStart > a && t.get(nameStart - 1).has(Token.ORGANISATION)
                && INSTITUTIONS.contains(t.get(nameStart - 1).lower());
        for (int k = nameStart - 1; k >= a && !institution; k--) {
            Token x = t.get(k);
            if (x.has(Token.TITLE)) return false;
            if (INSTITUTIONS.contains(x.lower())) institution = true;
        }
        return institution;
    }

    /** Prepositions that make a phrase the complement of a noun before it ("the office of the minister"). */
    private static final Set<String> COMPLEMENT_PREPOSITIONS = Set.of("of", "for", "to", "with", "from", "at", "in", "on",
            "about", "against", "near", "close");

    /** Head nouns of organisations' names. */
    private static final Set<String> INSTITUTIONS = Set.of("department", "ministry", "office", "agency", "bureau",
            "council", "committee", "commission", "academy", "institute", "university", "college", "bank", "fund",
            "company", "corporation", "party", "association", "organization", "organisation", "court", "embassy",
            "government", "administration", "authority", "news", "post", "times", "press", "television", "radio",
            "daily", "journal", "herald", "tribune", "network", "army", "navy", "police", "forum", "foundation",
            "centre", "center", "group", "assembly", "parliament", "senate", "congress");

    /** The role word of a title run: "Deputy Prime Minister" -> "minister", "the Russian ambassador" -> "ambassador". */
    private static String headTitle(List<Token> t, int a, int b) {
        // "the head of state", "the head of government": a role of its own, whoever holds it
        // ("the Head of State" as papers of Africa and Asia capitalise it)
        if (b - a >= 2 && t.get(b - 2).lower().equals("head") && t.get(b - 1).is("of")
                && (t.get(b).lower().equals("state") || t.get(b).lower().equals("government"))) {
            return "head of " + t.get(b).lower();
        }
        for (int k = b; k >= a; k--) {
            String lw = t.get(k).lower();
            if (t.get(k).has(Token.TITLE) && !TITLE_MODIFIERS.contains(lw)) return lw;
        }
        return null;
    }

    /** The phrase that ends at token {@code j} (inclusive), reading backwards, or null. */
    Phrase phraseEndingAt(List<Token> t, int j, int from) {
        if (j > from && t.get(j).is(".") && t.get(j - 1).has(Token.DOTTED_TITLE)) j--; // "Ferdinand Marcos Jr. said"
        if (j < from || !t.get(j).word()) return null;
        String lw = t.get(j).lower();
        if (lw.equals("he") || lw.equals("she")) {
            return new Phrase(Phrase.Kind.PRONOUN, List.of(), Set.of(), lw, lw.equals("she") ? 'F' : 'M');
        }
        int a = j;
        while (runToken(t, a - 1, from, j + 1)) a--;
        // "The family of X appealed", "supporters of X said": the name completes a plain noun, which is the subject
        // (capitalised at a sentence's start, the noun is one no name holds: "Supporters of Imran Khan said")
        if (a < j && t.get(a).is("of") && a - 1 >= from && (t.get(a - 1).lowercase() || t.get(a - 1).has(Token.FUNCTION))
                && !t.get(a - 1).has(Token.TITLE)) {
            return phraseEndingAt(t, a - 1, from);
        }
        if (!runToken(t, j, from, j + 1)) {
            // "the statement", "a joint press release", "the foreign ministry", "the minister"
            int k = j;
            while (k > from && k > j - 4 && t.get(k - 1).lowercase() && !isDeterminer(t.get(k - 1).lower())) k--;
            if (k > from && isDeterminer(t.get(k - 1).lower())) {
                if (NameWords.SOURCE_NOUNS.contains(lw)) return new Phrase(Phrase.Kind.SOURCE, List.of(), Set.of(), sourceText(t, k, j), (char) 0);
            }
            return null;
        }
        boolean determiner = a > from && isDeterminer(t.get(a - 1).lower());
        int before = determiner ? a - 2 : a - 1;
        if (before > from && t.get(before).lowercase() && COMPLEMENT_PREPOSITIONS.contains(t.get(before).lower())) {
            // "The office of the Tongan prime minister said": the subject is the head before "of".
            return phraseEndingAt(t, before - 1, from);
        }
        Phrase p = classify(t, a, j, from, determiner);
        if ((p == null || p.kind() != Phrase.Kind.PERSON) && a - 2 > from && t.get(a - 1).is("'s")) {
            // "Anna Brown of King's College said", "X of Harvard's Kennedy School said": the person before "of" an
            // employer whose name has a possessive in it
            Phrase owner = personBeforeOf(t, runStart(t, a - 2, from), a - 2, from);
            if (owner != null) return owner;
        }
        // "a senior official said": an unnamed person, not a reference to anyone named before.
        // "one minister said", "another diplomat told": one of several, not anyone named before
        if (p != null && p.kind() == Phrase.Kind.TITLE_REF && (determiner && t.get(a - 1).lower().startsWith("a")
                || a > from && (t.get(a - 1).is("one") || t.get(a - 1).is("another")))) return null;
        if (p != null && p.kind() == Phrase.Kind.SOURCE && determiner && !t.get(j).capitalised()
                && !NameWords.SOURCE_NOUNS.contains(lw) && !t.get(j).has(Token.TITLE)) return null;
        return p;
    }

    /** The person of a run [a, b] that puts "of" between a name and a place or employer ("Anna Brown of King"), or null. */
    private Phrase personBeforeOf(List<Token> t, int a, int b, int from) {
        if (a > from && isDeterminer(t.get(a - 1).lower())) return null;
        for (int o = a + 1; o < b; o++) {
            if (!t.get(o).is("of")) continue;
            Phrase p = classify(t, a, b, from, false);
            return p != null && p.kind() == Phrase.Kind.PERSON && (!p.titles().isEmpty() || p.name().size() >= 2) ? p : null;
        }
        return null;
    }

    /** The start of the run of name and title words that ends at {@code j}. */
    int runStart(List<Token> t, int j, int from) {
        int a = j;
        while (runToken(t, a - 1, from, j + 1)) a--;
        return a;
    }

    /** The phrase that starts at token {@code i}, reading forwards (after "said", "by", "according to"). */
    Phrase phraseStartingAt(List<Token> t, int i, int to) {
        if (i >= to || !t.get(i).word()) return null;
        String lw = t.get(i).lower();
        boolean determiner = isDeterminer(lw);
        if (lw.equals("he") || lw.equals("she")) return new Phrase(Phrase.Kind.PRONOUN, List.of(), Set.of(), lw, lw.equals("she") ? 'F' : 'M');
        int a = determiner ? i + 1 : i;
        if (a < to && t.get(a).lowercase() && !runToken(t, a, a, to)) {
            int k = a;
            while (k + 1 < to && k < a + 3 && t.get(k + 1).lowercase()) k++;
            for (int h = a; h <= k; h++) {
                if (NameWords.SOURCE_NOUNS.contains(t.get(h).lower())) return new Phrase(Phrase.Kind.SOURCE, List.of(), Set.of(), sourceText(t, a, h), (char) 0);
            }
            // "said truck driver Julio X", "said local resident Ana Y": a role with its modifiers, then the name
            if (t.get(k).has(Token.TITLE) && k + 1 < to && t.get(k + 1).capitalised() && runToken(t, k + 1, k, to)) {
                int b = k + 1;
                while (runToken(t, b + 1, k, to)) b++;
                return classify(t, k, b, -1, false);
            }
            return null;
        }
        int b = a;
        if (!runToken(t, a, a, to)) return null;
        while (runToken(t, b + 1, a, to)) b++;
        return classify(t, a, b, -1, determiner);
    }

    /**
     * Whether a capitalised word right after the last title before {@code nameStart} is a name this reader could not
     * read ("Coordinating Minister Mahfud MD"): the phrase names someone, so it is no reference to whoever held the
     * role before ("the Minister of Foreign Affairs" has "of" after its title, and is one).
     */
    private static boolean unreadName(List<Token> t, int a, int nameStart) {
        int last = -1;
        for (int k = a; k < nameStart; k++) if (t.get(k).word() && t.get(k).has(Token.TITLE)) last = k;
        if (last < 0 || last + 1 >= nameStart) return false;
        Token next = t.get(last + 1);
        return next.word() && next.capitalised() && (next.flags() & (Token.TITLE | Token.FUNCTION | Token.ORGANISATION)) == 0;
    }

    static boolean isDeterminer(String lw) {
        return lw.equals("the") || lw.equals("a") || lw.equals("an") || lw.equals("same") || lw.equals("its")
                || lw.equals("their") || lw.equals("this") || lw.equals("that");
    }

    static String sourceText(List<Token> t, int a, int b) {
        StringBuilder s = new StringBuilder();
        for (int k = a; k <= b; k++) {
            if (!s.isEmpty()) s.append(' ');
            s.append(t.get(k).text());
        }
        return s.toString();
    }

    /** Start indexes of the sentences of a token list, plus its size at the end. */
    static int[] sentences(List<Token> t) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int k = 0; k < t.size() - 1; k++) {
            Token x = t.get(k);
            if (x.word() || !(x.is(".") || x.is("!") || x.is("?") || x.is("…") || x.is(";"))) continue;
            // "R-S.C.", "D-Calif., said": a period with a word glued after it, or a comma after it, ends an abbreviation
            if (x.is(".") && (t.get(k + 1).is(",") || t.get(k + 1).word() && t.get(k + 1).start() == x.end())) continue;
            if (x.is(".") && k > 0 && t.get(k - 1).word()) {
                String prev = t.get(k - 1).lower();
                // "Oct. 13" abbreviates; "on Monday." and "last week." end a sentence
                if (t.get(k - 1).has(Token.DOTTED_TITLE) || prev.length() == 1 && t.get(k - 1).capitalised()
                        || TIME_WORDS.contains(prev) && prev.length() <= 4 && !prev.equals("week") && t.get(k + 1).has(Token.DIGIT)
                        || prev.equals("no") || prev.equals("vs") || prev.equals("etc")) continue;
            }
            int next = k + 1;
            while (next < t.size() && !t.get(next).word() && (CLOSE_QUOTES.contains(t.get(next).text()) || t.get(next).is("\"")
                    || t.get(next).is("’") || t.get(next).is(")"))) next++;
            // "Rep. X (D-Calif.) said", "Acme Corp. said": a lower-case word after a period goes on with the sentence
            if (x.is(".") && next < t.size() && t.get(next).lowercase()) continue;
            if (next < t.size()) starts.add(next);
            k = next - 1;
        }
        int[] out = new int[starts.size() + 1];
        for (int i = 0; i < starts.size(); i++) out[i] = starts.get(i);
        out[starts.size()] = t.size();
        return out;
    }
}
