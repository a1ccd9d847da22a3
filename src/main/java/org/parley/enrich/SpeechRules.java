package org.parley.enrich;

import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stateless part of speaker attribution: the word lists of reported speech (speech verbs, participles,
 * documents, role synonyms: general knowledge of English news, no people) and the rules that read quotation
 * marks, datelines, signatures and gaps between a subject and its verb. {@link SpeakerExtractor}'s pass keeps the
 * article's state (who was named, who spoke last) and applies them.
 */
final class SpeechRules {
    private SpeechRules() {
    }

    static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "tells", "stated", "wrote", "writes",
            "added", "adds", "underlined", "underscored", "stressed", "stresses", "emphasised", "emphasized",
            "emphasises", "emphasizes", "reiterated", "reiterates", "reaffirmed", "reaffirms", "affirmed", "noted",
            "notes", "recalled", "recalls", "suggested", "suggests", "requested", "expressed", "expresses", "explained",
            "explains", "remarked", "commented", "declared", "announced", "asserted", "argued", "argues", "claimed",
            "claims", "insisted", "insists", "warned", "warns", "urged", "urges", "replied", "responded", "answered",
            "acknowledged", "admitted", "confirmed", "denied", "highlighted", "observed", "proposed", "pledged",
            "vowed", "promised", "cautioned", "contended", "concluded", "mentioned", "indicated", "revealed",
            "disclosed", "predicted", "tweeted", "posted", "rejected", "dismissed", "cited", "quipped", "lamented", "complained",
            "asked", "reported", "read", "states", "believes", "thinks", "accused", "criticised", "criticized", "condemned", "praised",
            "thanked", "briefed", "blasted", "slammed", "questioned", "justified", "conceded", "retorted", "alleged",
            "testified", "assured", "announces", "confirms", "denies", "vows", "accuses",
            "recounted", "joked", "wondered", "hailed", "countered", "charged", "demanded", "appealed", "echoed", "echoes",
            // present tense, as headlines and features put it ("X slams ...", "X rejects ...")
            "slams", "blasts", "rejects", "dismisses", "criticises", "criticizes", "condemns", "praises", "hails",
            "demands", "admits", "concedes", "acknowledges", "declares", "replies", "responds", "pledges", "predicts",
            "reveals", "laments", "complains", "testifies", "assures", "recounts", "counters", "tweets", "underlines",
            "underscores", "observes", "mentions", "indicates", "discloses", "alleges", "retorts", "quips", "wonders",
            "reports",
            // verbs of condemning, regretting and correcting ("X deplored the attack", "X clarified that ..."): words
            // said, as "condemned" is
            "denounced", "denounces", "decried", "decries", "deplored", "deplores", "lambasted", "lambasts", "rebuked",
            "rebukes", "castigated", "chided", "chides", "regretted", "reassured", "reassures", "clarified", "clarifies",
            "informed", "scoffed",
            // an opinion or a blame put in words ("X opined that ...", "X blamed the West for the war")
            "opined", "opines", "blamed", "blames",
            // manners of speaking
            "boasted", "bragged", "pleaded", "implored", "exclaimed", "mused", "objected", "elaborated", "surmised",
            "averred", "intoned", "enthused", "fumed", "muttered", "shouted", "whispered",
            // praise and blame as newspapers of South Asia, Africa and the Philippines put them ("X lauded the
            // contributions of ...", "Y faulted the government for ...", "Z bemoaned the delays")
            "lauded", "lauds", "commended", "commends", "faulted", "faults", "bemoaned", "bemoans", "rued", "rues",
            "intimated", "intimates");
    /**
     * Verbs that report words only when "that" follows: "X maintained that ...", "Powell signalled that ...", "X agreed
     * that ..." (not "maintained a presence", "signalled a turn", "agreed to the deal").
     */
    static final Set<String> THAT_VERBS = Set.of("maintained", "maintains", "signalled", "signaled", "signals", "hinted",
            "hints", "agreed", "agrees", "reasoned", "speculated", "reminded", "reminds");

    /**
     * Whether the verb at {@code v} is one of {@link #THAT_VERBS} with "that" right after it, or "reminded" with its
     * object of up to four words before "that" ("reminded his counterparts that ..."; not "reminded him of home").
     */
    static boolean thatFollows(List<Token> t, int v, int to) {
        if (v + 1 < to && t.get(v + 1).is("that")) return THAT_VERBS.contains(t.get(v).lower());
        if (!t.get(v).is("reminded") && !t.get(v).is("reminds")) return false;
        for (int k = v + 1; k < to && k <= v + 5; k++) {
            if (t.get(k).is("that")) return k > v + 1;
            if (!t.get(k).word()) return false;
        }
        return false;
    }
    /** Verbs that report words when a quotation follows closely: "described the plan as “reckless”". */
    static final Set<String> NAMING_VERBS = Set.of("described", "describes", "termed", "dubbed", "labelled", "labeled",
            "branded");
    /** Speech verbs in the base form, which report words after a narrative "would": "Carter would later say that". */
    static final Set<String> BASE_SPEECH_VERBS = Set.of("say", "tell", "add", "write", "recall", "insist", "argue",
            "warn", "admit", "acknowledge", "describe", "explain", "claim", "concede", "declare");

    /**
     * Whether the base-form verb at {@code v} follows "would" (or "would later", "would also"), not "would not", and
     * no speech verb before it in the sentence reports it ("officials said the minister would tell ...": a plan).
     */
    static boolean afterNarrativeWould(List<Token> t, int v, int from) {
        int k = v - 1;
        if (k > from && (t.get(k).is("later") || t.get(k).is("also") || t.get(k).is("then") || t.get(k).is("again"))) k--;
        if (k < from || !t.get(k).is("would")) return false;
        for (int j = from; j < k; j++) if (t.get(j).lowercase() && SPEECH_VERBS.contains(t.get(j).lower())) return false;
        return true;
    }

    /**
     * Verbs that report words with their particle only: "hit out at", "lashed out at", "pointed out", "spoke of", "spoke about",
     * "spoke out", "made the remarks" (not "hit the target", "spoke by phone with", "made the trip", which report no
     * words).
     */
    static boolean speechWithParticle(List<Token> t, int v, int to) {
        if (v + 1 >= to) return false;
        String lw = t.get(v).lower();
        Token next = t.get(v + 1);
        return switch (lw) {
            case "hit", "hits", "lashed", "lashes", "pointed", "points" -> next.is("out"); // "pointed out that ..."
            case "spoke", "speaks" -> next.is("of") || next.is("about") || next.is("out");
            // "weighed in", "chimed in", "shot back", "pushed back against the claim"
            case "weighed", "weighs", "chimed", "chimes" -> next.is("in");
            case "shot" -> next.is("back") && (v + 2 >= to || t.get(v + 2).is(",") || t.get(v + 2).is("that")
                    || t.get(v + 2).is(":") || t.get(v + 2).is(".")); // not "shot back at the gunmen"
            case "pushed", "pushes" -> next.is("back") && v + 2 < to && t.get(v + 2).is("against");
            case "made", "makes" -> madeWords(t, v + 1, to);
            default -> false;
        };
    }

    /**
     * Verbs that report words when their object is a decision, a plan or words ("welcomed the decision", "defended
     * his record"), not a person or a place ("welcomed the delegation", "defended the city").
     */
    static boolean speechWithObject(List<Token> t, int v, int to) {
        if (!STANCE_VERBS.contains(t.get(v).lower())) return false;
        int k = v + 1;
        if (k < to && MADE_DETERMINERS.contains(t.get(k).lower())) k++;
        // "the government's decision", "the court's ruling": the possessor's noun is the object
        if (k + 1 < to && t.get(k + 1).is("'s")) k += 2;
        if (k >= to) return false;
        // "the security pact", "the trade deal": one modifier before the object
        return STANCE_OBJECTS.contains(t.get(k).lower())
                || k + 1 < to && t.get(k).lowercase() && STANCE_OBJECTS.contains(t.get(k + 1).lower());
    }

    /**
     * The alias given after a name that ends at {@code b}: ", popularly known as Jokowi,", "(also known as Prachanda)";
     * null if none.
     */
    static List<String> knownAs(List<Token> t, int b, int to) {
        int k = b + 1;
        if (k >= to || !t.get(k).is(",") && !t.get(k).is("(")) return null;
        k++;
        for (int adverbs = 0; adverbs < 2 && k < to && t.get(k).lowercase() && !t.get(k).is("known"); adverbs++) k++; // "also", "popularly"
        if (k + 2 >= to || !t.get(k).is("known") || !t.get(k + 1).is("as")) return null;
        List<String> alias = new ArrayList<>(2);
        for (k += 2; k < to && alias.size() < 3 && t.get(k).word() && t.get(k).capitalised(); k++) alias.add(t.get(k).text());
        return alias.isEmpty() ? null : alias;
    }

    /** Whether the sentence [from, to) is passive ("was arrested", "had been shown"), except for "was asked". */
    static boolean passive(List<Token> t, int from, int to) {
        for (int k = from; k + 1 < to; k++) {
            String lw = t.get(k).lower();
            if (!lw.equals("was") && !lw.equals("were") && !lw.equals("been") && !lw.equals("being") && !lw.equals("is") && !lw.equals("are")) continue;
            Token next = t.get(k + 1);
            if (!next.lowercase() || next.is("asked")) continue;
            String w = next.lower();
            if (w.endsWith("ed") || w.endsWith("en") || w.endsWith("wn") || w.endsWith("ught")) return true;
        }
        return false;
    }

    /** Whether every word of the sentence [from, to) is inside a quotation (and it has words). */
    static boolean allQuoted(List<Token> t, boolean[] quoted, int from, int to) {
        boolean any = false;
        for (int k = from; k < to; k++) {
            if (!t.get(k).word()) continue;
            if (!quoted[k]) return false;
            any = true;
        }
        return any;
    }

    /** Words that open a subordinate clause at a sentence's start: "When X arrived, ...". */
    static final Set<String> SUBORDINATORS = Set.of("When", "After", "As", "Before", "While", "Since", "Although", "Though",
            "Once", "Because", "Until", "Whereas");
    /** Marks that open an item of a list: "• X: “...”", "- X said". */
    static final Set<String> BULLETS = Set.of("•", "·", "▪", "-", "–", "—", "*");

    /** Verbs of {@link #speechWithObject}. */
    static final Set<String> STANCE_VERBS = Set.of("welcomed", "welcomes", "defended", "defends");
    /** What a statement welcomes or defends: decisions, plans and words, not people or places. */
    private static final Set<String> STANCE_OBJECTS = Set.of("decision", "decisions", "move", "moves", "agreement",
            "deal", "plan", "plans", "policy", "policies", "proposal", "proposals", "initiative", "announcement",
            "ruling", "verdict", "outcome", "resolution", "step", "steps", "ceasefire", "truce", "release", "news",
            "report", "record", "law", "bill", "budget", "cost", "costs", "choice", "strategy", "approach", "ban",
            "tariffs", "sanctions", "measures", "visit", "talks", "remarks", "comments", "position", "stance",
            "vote", "election", "result", "results", "reforms", "reform", "agenda", "offer", "invitation", "progress",
            "pact", "pacts", "treaty", "accord", "deals", "agreements", "action", "actions", "operation", "programme",
            "program", "spending", "extension", "adoption", "signing", "appointment", "commitment", "pledge");

    /**
     * "pressed Putin to revive the deal", "pressed his counterpart to act": a demand put to someone, which reports
     * words. Not "pushed the car to the garage" (a place after "to") or "pressed ahead".
     */
    static boolean pressedSomeoneTo(List<Token> t, int v, int to) {
        if (!PRESS_VERBS.contains(t.get(v).lower())) return false;
        int k = v + 1;
        if (k < to && MADE_DETERMINERS.contains(t.get(k).lower())) {
            k++;
            if (k < to && t.get(k).lowercase()) k++; // "his counterpart", "the government"
        } else {
            while (k < to && k < v + 5 && t.get(k).capitalised()) k++; // "Vladimir Putin", "Beijing"
        }
        if (k + 1 < to && (t.get(k).is("on") || t.get(k).is("in")) && t.get(k + 1).capitalised()) k += 2; // "on Monday"
        return k > v + 1 && k + 1 < to && t.get(k).is("to") && t.get(k + 1).lowercase() && !PhraseReader.isDeterminer(t.get(k + 1).lower());
    }

    /**
     * "called the referendum a farce", "called it a sham": "called", its object ("it", "this", "that", or a determiner
     * and up to three lower-case words) and "a"/"an" with a noun, which names the object in words. Not "called the
     * minister a friend" or "called him a friend" (people called names carry nobody's words), "called the envoy a day
     * later" (a phone call), nor "called a snap election" (no object).
     */
    static boolean calledObjectA(List<Token> t, int v, int to) {
        if (!t.get(v).is("called") && !t.get(v).is("calls")) return false;
        int k = v + 1;
        if (k >= to || !CALLED_OBJECTS.contains(t.get(k).lower()) || !t.get(k).lowercase()) return false;
        boolean pronoun = CALLED_PRONOUNS.contains(t.get(k).lower());
        k++;
        int words = 0;
        for (; words < 3 && k < to && t.get(k).lowercase() && t.get(k).word() && !t.get(k).is("a") && !t.get(k).is("an"); words++) {
            if (t.get(k).has(Token.TITLE)) return false; // "called the minister a friend": a person, not words
            k++;
        }
        if (words == 0 && !pronoun) return false;
        if (k + 1 >= to || !t.get(k).is("a") && !t.get(k).is("an")) return false;
        Token noun = t.get(k + 1);
        return noun.word() && noun.lowercase() && !CALLED_NOT_WORDS.contains(noun.lower());
    }

    /** Objects of {@link #calledObjectA}: pronouns and determiners. */
    private static final Set<String> CALLED_OBJECTS = Set.of("it", "this", "that", "the", "his", "her", "their", "its",
            "these", "those", "our");
    /** Objects of {@link #calledObjectA} that stand alone: "called it a farce" (not people: "called him a friend"). */
    private static final Set<String> CALLED_PRONOUNS = Set.of("it", "this", "that");
    /** What follows "called X a" when the call was a phone call or a convening: "a day later", "a second time". */
    private static final Set<String> CALLED_NOT_WORDS = Set.of("day", "days", "week", "weeks", "month", "months", "year",
            "years", "few", "second", "third", "number", "couple", "dozen", "time", "minute", "minutes", "hour", "hours",
            "total", "handful", "series", "halt", "meeting", "vote", "referendum", "election", "strike", "session");

    /**
     * "renewed his appeal for a truce", "repeated the call for talks": a verb that repeats words with words as its object
     * (not "renewed the agreement", "repeated the exercise").
     */
    static boolean repeatsWords(List<Token> t, int v, int to) {
        Set<String> objects = switch (t.get(v).lower()) {
            case "renewed", "renews", "repeated", "repeats" -> REPEATED_WORDS;
            // "voiced concern", "voiced his support for", "raised concerns about", "sounded the alarm"
            case "voiced", "voices" -> VOICED_WORDS;
            case "raised", "raises", "sounded", "sounds" -> RAISED_WORDS;
            // "conveyed the greetings of the Amir", "extended his condolences", "conveyed Japan's appreciation"
            case "conveyed", "conveys", "extended", "extends" -> CONVEYED_WORDS;
            default -> null;
        };
        if (objects == null) return false;
        int k = v + 1;
        if (k < to && MADE_DETERMINERS.contains(t.get(k).lower())) k++;
        else if (k + 1 < to && t.get(k).capitalised() && t.get(k + 1).is("'s")) k += 2; // "Japan's appreciation"
        if (k < to && t.get(k).lowercase() && !objects.contains(t.get(k).lower())) k++; // "his earlier call", "serious concerns"
        return k < to && objects.contains(t.get(k).lower());
    }

    /** Verbs of {@link #repeatsWords}. */
    static final Set<String> REPEAT_VERBS = Set.of("renewed", "renews", "repeated", "repeats", "voiced", "voices", "raised",
            "raises", "sounded", "sounds", "conveyed", "conveys", "extended", "extends");
    /** What a speaker conveys or extends in words (not "extended the deadline", "conveyed the goods"). */
    private static final Set<String> CONVEYED_WORDS = Set.of("greetings", "gratitude", "appreciation", "condolences",
            "congratulations", "felicitations", "message", "thanks", "wishes", "sympathy", "sympathies", "regards",
            "concern", "concerns", "solidarity", "apology", "apologies", "readiness",
            "willingness", "position", "views", "hope");
    /** What a speaker voices: a stance put in words. */
    private static final Set<String> VOICED_WORDS = Set.of("concern", "concerns", "support", "opposition", "frustration",
            "doubt", "doubts", "hope", "optimism", "scepticism", "skepticism", "alarm", "anger", "regret", "solidarity",
            "objections", "criticism", "dismay", "disappointment", "confidence", "fears", "reservations");
    /** What a speaker raises or sounds in words (not "raised rates", "raised funds", "sounded the horn"). */
    private static final Set<String> RAISED_WORDS = Set.of("concern", "concerns", "doubts", "questions", "objections",
            "alarm", "warning", "reservations", "fears");
    /** Words that a speaker renews or repeats. */
    private static final Set<String> REPEATED_WORDS = Set.of("appeal", "appeals", "call", "calls", "plea", "pleas",
            "warning", "warnings", "demand", "demands", "criticism", "threat", "threats", "offer", "pledge", "promise",
            "accusation", "accusations", "claim", "claims", "denial", "condemnation", "insistence", "assurance",
            "assurances");

    /**
     * "declared three days of national mourning", "declared a state of emergency", "declares martial law": an act,
     * not words, when one of these nouns follows within a few words.
     */
    static boolean declaresAnAct(List<Token> t, int v, int to) {
        if (!t.get(v).is("declared") && !t.get(v).is("declares")) return false;
        for (int k = v + 1; k < Math.min(to, v + 7); k++) {
            Token x = t.get(k);
            if (!x.word() || x.is("that")) return false;
            if (DECLARED_ACTS.contains(x.lower())) return true;
        }
        return false;
    }

    private static final Set<String> DECLARED_ACTS = Set.of("mourning", "emergency", "martial", "curfew", "holiday",
            "independence", "bankruptcy", "quarantine", "lockdown", "default");

    /**
     * "X was of the view that ...", "Y is of the opinion that ...": at {@code v} ("view" or "opinion"), a form of "be"
     * three words before and "that" after.
     */
    static boolean ofTheView(List<Token> t, int v, int from, int to) {
        if (!t.get(v).is("view") && !t.get(v).is("opinion") || v < from + 3 || v + 1 >= to || !t.get(v + 1).is("that")) return false;
        if (!t.get(v - 1).is("the") || !t.get(v - 2).is("of")) return false;
        Token be = t.get(v - 3);
        return be.is("was") || be.is("is") || be.is("were") || be.is("are");
    }

    /** Capitalised auxiliaries that open a yes-no question: "Has X said ...?", "Did X tell you ...?". */
    static final Set<String> QUESTION_AUXILIARIES = Set.of("Has", "Have", "Had", "Did", "Does", "Do", "Is", "Are", "Was",
            "Were", "Will", "Would", "Could", "Can", "Should");

    /** Whether the sentence [from, to) ends in "?" (before closing quotes). */
    static boolean endsInQuestionMark(List<Token> t, int from, int to) {
        int k = to - 1;
        while (k > from && !t.get(k).word() && !t.get(k).is("?")) k--;
        return k >= from && t.get(k).is("?");
    }

    /** Verbs of {@link #pressedSomeoneTo}. */
    static final Set<String> PRESS_VERBS = Set.of("pressed", "presses", "pushed", "pushes");

    /** Determiners before what someone "made": "made the remarks", "made his comments", "made a statement". */
    private static final Set<String> MADE_DETERMINERS = Set.of("the", "these", "those", "his", "her", "their", "its", "our", "this", "that", "a", "an");
    /** What someone "made" that is words ("made the remarks"), not a deed ("made a decision", "made the trip"). */
    private static final Set<String> MADE_WORDS = Set.of("remarks", "comments", "comment", "statement", "statements",
            "announcement", "speech", "appeal", "pledge");

    /** "made the remarks", "made his comments", "made a statement" from token {@code d} (the determiner). */
    private static boolean madeWords(List<Token> t, int d, int to) {
        // "made this known", "made it known that": words given out, as West African papers put it; "made it clear that",
        // "made clear that"
        if (d + 1 < to && (t.get(d).is("this") || t.get(d).is("it") || t.get(d).is("these")) && t.get(d + 1).is("known")) return true;
        if (d + 2 < to && t.get(d).is("it") && t.get(d + 1).is("clear") && (t.get(d + 2).is("that") || t.get(d + 2).is(","))) return true;
        if (d + 1 < to && t.get(d).is("clear") && t.get(d + 1).is("that")) return true;
        return d + 1 < to && MADE_DETERMINERS.contains(t.get(d).lower()) && MADE_WORDS.contains(t.get(d + 1).lower());
    }

    /**
     * Whether a lower-case word may start a report of words: on a verb list, a participle, or a word one of
     * {@code SpeakerExtractor}'s rules starts from ("called", "quoted", "hit out", "made the remarks"). Most words of
     * a text are none of these, and the attribution loop skips them after one bit of a filter. A rule that starts
     * from a new word must add it to {@link Triggers#OTHERS}.
     */
    static boolean mayReport(String lw) {
        return Triggers.FILTER.mightContain(lw) && Triggers.WORDS.contains(lw);
    }

    /** Built on first use, once every list above is. */
    private static final class Triggers {
        static final Set<String> OTHERS = Set.of("according", "per", "put", "puts", "named", "speaking", "shared", "called", "hit", "hits", "lashed",
                "lashes", "pointed", "points", "spoke", "speaks", "made", "makes", "quoted", "words",
                "view", "opinion", "calls", "weighed", "weighs", "chimed", "chimes", "shot");
        static final Set<String> WORDS = words();
        static final WordFilter FILTER = WordFilter.of(WORDS);

        private static Set<String> words() {
            Set<String> all = new java.util.HashSet<>(OTHERS);
            all.addAll(SPEECH_VERBS);
            all.addAll(NAMING_VERBS);
            all.addAll(BASE_SPEECH_VERBS);
            all.addAll(DOCUMENT_VERBS);
            all.addAll(PARTICIPLES);
            all.addAll(STANCE_VERBS);
            all.addAll(PRESS_VERBS);
            all.addAll(THAT_VERBS);
            all.addAll(REPEAT_VERBS);
            return Set.copyOf(all);
        }
    }

    /** Kinds of verb for {@link #verbKind}: one list each. */
    static final int SPEECH = 1, NAMING = 2, BASE = 3, DOCUMENT = 4;

    /** Which verb list a lower-case word is on ({@link #SPEECH}, {@link #NAMING}, {@link #BASE}, {@link #DOCUMENT}), or 0. */
    static int verbKind(String lw) {
        return VerbKinds.LISTED.mightContain(lw) ? VerbKinds.BY_WORD.getOrDefault(lw, 0) : 0;
    }

    /** Built on first use, once every list above is. */
    private static final class VerbKinds {
        static final Map<String, Integer> BY_WORD = byWord();
        /** Most words are no verb of these lists: ruled out without probing {@link #BY_WORD}. */
        static final WordFilter LISTED = WordFilter.of(BY_WORD.keySet());

        private static Map<String, Integer> byWord() {
            Map<String, Integer> m = new java.util.HashMap<>();
            for (String v : DOCUMENT_VERBS) m.put(v, DOCUMENT);
            for (String v : BASE_SPEECH_VERBS) m.put(v, BASE);
            for (String v : NAMING_VERBS) m.put(v, NAMING);
            for (String v : SPEECH_VERBS) m.put(v, SPEECH);
            return Map.copyOf(m);
        }
    }

    /** A question: a short paragraph ending in "?". */
    static boolean question(List<Token> t) {
        return !t.isEmpty() && t.getLast().is("?") && t.size() <= 60;
    }

    /**
     * Whether a paragraph says an interview follows: "interview", or the interviewee "spoke to us", "talked with us",
     * "sat down with" the paper, or "we spoke with" them.
     */
    static boolean announcesInterview(List<Token> t) {
        for (int k = 0; k < t.size(); k++) {
            Token x = t.get(k);
            if (!x.word()) continue;
            String lw = x.lower();
            if (lw.equals("interview") || lw.equals("interviewed")) return true;
            if (k + 2 < t.size() && (lw.equals("spoke") || lw.equals("talked") || lw.equals("speaks") || lw.equals("talks"))
                    && (t.get(k + 1).is("to") || t.get(k + 1).is("with")) && t.get(k + 2).is("us")) return true;
            if (k + 2 < t.size() && lw.equals("sat") && t.get(k + 1).is("down") && t.get(k + 2).is("with")) return true;
            // "We spoke with Foreign Minister X in Lima."
            if (k + 2 < t.size() && lw.equals("we") && (t.get(k + 1).is("spoke") || t.get(k + 1).is("talked"))
                    && (t.get(k + 2).is("with") || t.get(k + 2).is("to"))) return true;
        }
        return false;
    }

    /** A question put to someone: a paragraph ending in "?" that says "you" ("How worried are you about tariffs?"). */
    static boolean askedOfSomeone(List<Token> t) {
        if (!question(t)) return false;
        for (Token x : t) if (x.word() && (x.lower().equals("you") || x.lower().equals("your"))) return true;
        return false;
    }

    /** Words that start what a role is of: "the head of the mission", "the minister in charge of the dam". */
    static final Set<String> ROLE_PREPOSITIONS = Set.of("of", "in", "for", "at", "from", "with", "on", "to", "over");
    /** "-ing" forms whose subject is the subject of their clause: "X met Y, saying ...". */
    static final Set<String> PARTICIPLES = Set.of("saying", "adding", "noting", "stressing", "underlining",
            "emphasising", "emphasizing", "insisting", "warning", "urging", "recalling", "stating", "explaining",
            "arguing", "declaring", "telling", "reiterating", "reaffirming", "expressing", "suggesting", "calling",
            "vowing", "claiming", "accusing", "questioning", "announcing", "confirming", "denying", "blasting",
            "pledging", "promising", "asking", "writing", "cautioning", "predicting", "acknowledging", "admitting",
            "complaining", "conceding", "slamming", "praising", "criticising", "criticizing",
            "condemning", "rejecting", "dismissing", "highlighting",
            // "..., with Prime Minister X asserting that ...", "..., terming it a noble assignment"
            "asserting", "averring", "lamenting", "remarking", "opining", "contending", "terming");
    /** Verbs that report speech only with their document: "ordered ... in a message", "issued a statement". */
    static final Set<String> DOCUMENT_VERBS = Set.of("issued", "ordered");
    /** What a person delivers in words: "X's address", "X's remarks". */
    static final Set<String> SPEECHES = Set.of("address", "speech", "remarks", "statement", "lecture", "message",
            "testimony", "sermon", "eulogy", "toast", "homily");
    /** Someone's words as a noun: "X's message was clear: “...”", "Y's reply was blunt: “...”". */
    static final Set<String> WORDS_NOUNS = Set.of("message", "reply", "response", "answer", "verdict", "advice",
            "warning", "argument", "point", "view", "retort", "words", "remarks", "statement");
    /** Words that open a description before an appositive name: "His neighbour, X,", "The governor, X,". */
    static final Set<String> LEADS = Set.of("his", "her", "its", "their", "the", "a", "an", "our");
    static final Set<String> DOCUMENTS = Set.of("statement", "message", "letter", "decree", "address",
            "speech", "remarks", "communique", "communiqué", "declaration", "post", "video");
    /** Verbs that report a document's words but not a person's ("the statement read"). */
    static final Set<String> SOURCE_ONLY_VERBS = Set.of("read", "reported", "reports", "states");
    /** "X shared a few thoughts": sharing words is speaking. */
    static final Set<String> SHARED_WHAT = Set.of("thoughts", "views", "remarks", "insights", "ideas",
            "opinion", "opinions", "perspective", "perspectives", "message", "vision");
    /** Adverbs and auxiliaries between a subject and its verb: "Namhong also suggested", "has repeatedly said". */
    static final Set<String> GAP = Set.of("also", "further", "then", "later", "again", "once", "repeatedly",
            "reportedly", "previously", "earlier", "recently", "subsequently", "has", "had", "have", "was", "were", "is",
            "been", "would", "will", "did", "does", "officially", "publicly", "openly", "clearly", "firmly", "strongly",
            "explicitly", "personally", "separately", "jointly", "immediately", "simply", "only", "even", "already",
            "still", "yesterday", "today", "tonight", "reiterating", "likewise", "similarly", "however", "too",
            "frankly", "bluntly", "candidly", "specifically", "particularly", "emphatically", "confidently",
            // "has long argued", "has consistently denied", "flatly rejected", "angrily dismissed"
            "long", "consistently", "privately", "forcefully", "flatly", "angrily", "sharply", "vehemently",
            "categorically", "quietly", "loudly", "pointedly", "swiftly", "promptly");
    /** Role words that name the same role: "the envoy said" after "Ambassador X". */
    /**
     * Roles a person either holds or does not, unlike "the official" or "the diplomat": when nobody in the article was
     * given one, "“...,” the spokesman said" is someone unnamed, not the speaker before.
     */
    static final Set<String> DISTINCT_ROLES = Set.of("spokesman", "spokeswoman", "spokesperson", "general", "admiral",
            "colonel", "captain", "judge", "prosecutor", "mayor", "governor", "ambassador", "president", "king", "queen",
            "pope", "pontiff", "chancellor", "premier", "emir", "sultan", "monarch", "senator", "congressman",
            "congresswoman");

    static final Map<String, List<String>> TITLE_SYNONYMS = Map.ofEntries(
            Map.entry("envoy", List.of("envoy", "ambassador")),
            Map.entry("ambassador", List.of("ambassador", "envoy")),
            Map.entry("diplomat", List.of("diplomat", "ambassador", "envoy")),
            Map.entry("premier", List.of("premier", "minister")),
            Map.entry("spokesperson", List.of("spokesperson", "spokesman", "spokeswoman")),
            Map.entry("spokesman", List.of("spokesman", "spokesperson")),
            Map.entry("spokeswoman", List.of("spokeswoman", "spokesperson")),
            Map.entry("chief", List.of("chief", "head", "director", "director-general", "ceo")),
            Map.entry("pontiff", List.of("pontiff", "pope")),
            Map.entry("general", List.of("general", "gen")),
            Map.entry("colonel", List.of("colonel", "col")),
            Map.entry("admiral", List.of("admiral", "adm")),
            Map.entry("captain", List.of("captain", "capt")),
            Map.entry("monarch", List.of("monarch", "king", "queen")),
            // "Senator X ... the lawmaker said"; "National Assembly Chairman X ... the top legislator affirmed"
            Map.entry("lawmaker", List.of("lawmaker", "legislator", "senator", "sen", "congressman", "congresswoman", "rep",
                    "representative", "mp", "mep")),
            Map.entry("legislator", List.of("legislator", "lawmaker", "senator", "sen", "congressman", "congresswoman", "rep",
                    "representative", "mp", "mep", "speaker", "chairman", "chairwoman", "chairperson")),
            Map.entry("senator", List.of("senator", "sen")),
            Map.entry("congressman", List.of("congressman", "rep", "representative")),
            Map.entry("congresswoman", List.of("congresswoman", "rep", "representative")),
            Map.entry("head of state", List.of("president", "king", "queen", "emir", "sultan", "monarch", "emperor")),
            Map.entry("head of government", List.of("prime", "premier", "chancellor", "taoiseach")));
    /** Titles of a head of state or government, whom "the Indian leader" may mean ("prime" as in "Prime Minister"). */
    static final Set<String> LEADER_TITLES = Set.of("president", "prime", "premier", "chancellor", "king", "queen", "emir",
            "sultan", "taoiseach");
    static final int MAX_QUOTE_SPAN = 12;
    /** The head of a description of the person in focus: "the 58-year-old (former minister)", "the billionaire". */
    static final String DESCRIPTION = "#description";
    /** The head of "the two leaders", "both ministers": two people. */
    static final String PAIR = "#pair";
    /** Plural role nouns of "the two leaders said". */
    static final Set<String> PAIR_NOUNS = Set.of("leaders", "ministers", "presidents", "men", "women", "envoys",
            "diplomats", "heads", "premiers", "counterparts", "chancellors", "officials", "secretaries", "ambassadors",
            "generals", "commanders", "judges", "senators", "monarchs", "kings", "emirs");
    /** Pair nouns of a role both must hold ("the two ambassadors" are not a minister and a commissioner), with its titles. */
    static final Map<String, List<String>> PAIR_ROLES = Map.of("ambassadors", List.of("ambassador", "envoy"),
            "generals", List.of("general", "gen"), "commanders", List.of("commander"), "judges", List.of("judge", "justice"),
            "senators", List.of("senator", "sen"), "monarchs", List.of("king", "queen", "monarch", "emir", "sultan"),
            "kings", List.of("king"), "emirs", List.of("emir"));
    /** Whether the capitalised words in [a, b) are the last items of a list: "Intelligence and Foreign Relations". */
    static boolean listEndsAt(List<Token> t, int a, int b) {
        if (b - a > 8) return false;
        for (int k = a + 1; k < b; k++) if (t.get(k).is("and") || t.get(k).is("or")) return k + 1 < b && t.get(k + 1).capitalised();
        return false;
    }

    /**
     * "As Emmanuel Macron put it in his speech, ...", "X put it bluntly", "Y put it simply: ...": "put it" that reports
     * words, with a manner ("-ly"), a colon or a comma after it, or after "as" and the name. Not "put it on the table".
     */
    static boolean putIt(List<Token> t, int v, int from, int to) {
        if (!t.get(v).is("put") && !t.get(v).is("puts") || v + 1 >= to || !t.get(v + 1).is("it")) return false;
        if (v + 2 >= to) return true;
        Token next = t.get(v + 2);
        if (next.is(",") || next.is(":") || next.is(".") || next.is("—") || next.word() && next.lowercase() && next.lower().endsWith("ly")) return true;
        for (int k = v - 1; k >= from && k >= v - 7; k--) {
            if (t.get(k).lower().equals("as")) return k < v - 1;
            if (!t.get(k).word() || !t.get(k).capitalised() && !t.get(k).has(Token.PARTICLE)) return false;
        }
        return false;
    }

    /**
     * The comma that opens an appositive with a plural role closed by the comma at {@code j} ("..., the foreign
     * ministers of Chile and Peru, said"), or a relative clause ("..., who met on Monday, said"), or -1.
     */
    static int pluralAppositiveStart(List<Token> t, int j, int from) {
        int c = j - 1;
        while (c > from && j - c < 14 && !t.get(c).is(",")) c--;
        if (c <= from || !t.get(c).is(",") || c + 1 >= j || !t.get(c + 1).lowercase()) return -1;
        if (t.get(c + 1).is("who")) return c; // "X and Y, who met on Monday, said"
        for (int k = c + 1; k < j; k++) if (PAIR_NOUNS.contains(t.get(k).lower())) return c;
        return -1;
    }

    /** Words of kin and company that describe a person before "named": "a man named X", "her daughter named Y". */
    private static final Set<String> PERSON_NOUNS = Set.of("man", "woman", "boy", "girl", "mother", "father", "son",
            "daughter", "widow", "widower", "grandmother", "grandfather", "friend", "neighbour", "neighbor", "colleague",
            "husband", "wife", "brother", "sister", "child", "teenager", "pensioner", "fighter", "guard", "priest", "monk", "nun");

    /** Whether {@code x} is a lower-case noun of a person: a trade or title ("engineer", "farmer") or kin ("woman"). */
    static boolean personNoun(Token x) {
        return x.word() && x.lowercase() && (x.has(Token.TITLE) || PERSON_NOUNS.contains(x.lower()));
    }

    /** Words that open an adverbial between a subject and its verb: "X while speaking to newsmen said", "X in his remarks said". */
    static final Set<String> ADVERBIAL_OPENERS = Set.of("while", "whilst", "in", "at", "during", "when", "on", "after",
            "upon", "before");

    /**
     * Whether the words before the verb at {@code v}, back to an adverbial opener, hold no comma, quote, conjunction
     * or "that" (one clause: "while speaking to newsmen in Abuja said"), within 15 words.
     */
    static boolean adverbialBefore(List<Token> t, int v, int from) {
        for (int k = v - 1; k > from && k >= v - 15; k--) {
            Token x = t.get(k);
            if (!x.word() && !x.is("'s") && !x.is(".")) return false;
            if (x.is("and") || x.is("but") || x.is("that") || x.is("who") || x.is("which")) return false;
            // the opener right after the subject's last word: a name ("X while speaking ...") or a role ("The minister in ...")
            if (ADVERBIAL_OPENERS.contains(x.text()) && k - 1 >= from && (t.get(k - 1).capitalised() || t.get(k - 1).has(Token.TITLE))) return true;
        }
        return false;
    }

    /**
     * Whether a paragraph opens with an interview's label: "Q:", "Q.", "Q —", "Question:" (or "A:", "A.", "A —",
     * "Answer:"), the letter or word given.
     */
    static boolean label(List<Token> t, String letter, String word) {
        if (t.size() < 2) return false;
        Token x = t.get(0);
        if (x.text().length() == 2 && x.text().startsWith(letter) && x.text().charAt(1) == '.') return true; // "Q. How ...?"
        if (!x.is(letter) && !x.is(word)) return false;
        Token y = t.get(1);
        return y.is(":") || y.is("—") || y.is("–") || y.is(".");
    }

    /** Whether the run of name and title words that starts at {@code a} is closed by a comma: "Per Castro-Reyes, ...". */
    static boolean commaAfterName(List<Token> t, int a, int to, PhraseReader phrases) {
        int b = a;
        while (phrases.runToken(t, b + 1, a, to)) b++;
        return b + 1 < to && t.get(b + 1).is(",");
    }

    /** Words of a connective set off by commas: ", however,", ", for his part,", ", in turn,", ", on the other hand,". */
    private static final Set<String> CONNECTIVE_WORDS = Set.of("however", "meanwhile", "though", "nevertheless",
            "nonetheless", "instead", "moreover", "furthermore", "separately", "likewise", "similarly", "meantime",
            "therefore", "thus", "accordingly", "additionally", "consequently", "too", "also", "in", "for", "on", "by",
            "at", "the", "his", "her", "their", "its", "part", "turn", "response", "reply", "other", "hand", "addition",
            "contrast", "same", "time", "return");

    /**
     * The comma that opens a connective of one to four words closed by the comma at {@code j} ("..., however, said";
     * "..., for her part, said"), when another comma comes before it in the clause; else -1.
     */
    static int connectiveBefore(List<Token> t, int j, int from) {
        int c = j - 1;
        while (c > from && j - c <= 5 && t.get(c).word() && t.get(c).lowercase() && CONNECTIVE_WORDS.contains(t.get(c).lower())) c--;
        if (c <= from || c == j - 1 || !t.get(c).is(",")) return -1;
        for (int k = c - 1; k > from; k--) if (t.get(k).is(",")) return c;
        return -1;
    }

    /** The subject of words the article gives nobody's name: "an official said", "a spokesperson for the ministry". */
    static final Phrase UNNAMED = new Phrase(Phrase.Kind.SOURCE, List.of(), Set.of(), "", (char) 0);
    /** Words that open a noun phrase of someone left unnamed: "an official", "one diplomat", "two aides". */
    private static final Set<String> INDEFINITES = Set.of("a", "an", "one", "another", "some", "several", "many",
            "two", "three", "four", "five", "other", "various");
    /** People spoken of in the plural and never named: "officials said", "Western diplomats told Reuters". */
    private static final Set<String> UNNAMED_PLURALS = Set.of("officials", "diplomats", "analysts", "sources", "experts",
            "witnesses", "residents", "critics", "observers", "activists", "protesters", "protestors", "aides", "officers",
            "negotiators", "lawmakers", "legislators", "people", "delegates", "insiders", "investigators", "medics",
            "doctors", "rescuers", "villagers", "economists", "traders", "spokespeople", "spokesmen", "spokeswomen",
            "campaigners", "organisers", "organizers", "commanders", "soldiers", "troops", "participants", "attendees");

    /**
     * Whether the speech verb at {@code v} has a subject that names nobody: "“…,” an official said", "“…,” said a
     * spokesperson for the government", "a senior diplomat, speaking on condition of anonymity, told reporters",
     * "“…,” officials said". Such words are not those of the speaker before (a quote that opens the paragraph
     * would go to them).
     */
    static boolean unnamedSubject(List<Token> t, int v, int from, int to) {
        int j = skipGap(t, v - 1, from);
        if (j < from || closesQuote(t.get(j)) || t.get(j).is(",") && j > from && closesQuote(t.get(j - 1))) {
            // inverted after a quote: "“…,” said an official", "“…,” said two diplomats"
            return v + 1 < to && t.get(v + 1).word()
                    && (INDEFINITES.contains(t.get(v + 1).lower()) || unnamedPlural(t, v + 1, Math.min(to, v + 4)));
        }
        int k = j;
        if (t.get(k).is(",")) {
            // "an official, speaking on condition of anonymity, said": skip the aside between commas
            k--;
            while (k >= from && j - k < 16 && !t.get(k).is(",") && !closesQuote(t.get(k))) k--;
            if (k < from || !t.get(k).is(",")) return false;
            k--;
        }
        int end = k;
        // a period inside the sentence is an abbreviation's: "a teacher at School No. 9"
        while (k >= from && end - k < 10 && (t.get(k).word() || t.get(k).is("'s") || t.get(k).is("."))) k--;
        int s = k + 1;
        if (s > end || k >= from && !(t.get(k).is(",") || t.get(k).is(":") || closesQuote(t.get(k)) || PhraseReader.OPEN_QUOTES.contains(t.get(k).text()))) {
            return false; // the phrase must open its clause: "In Kyiv, an official said", "“…,” an aide said"
        }
        return INDEFINITES.contains(t.get(s).lower()) || end - s < 3 && UNNAMED_PLURALS.contains(t.get(end).lower());
    }

    /** Whether one of the words from {@code a} to {@code to} is a plural of unnamed people: "said senior U.S. officials". */
    private static boolean unnamedPlural(List<Token> t, int a, int to) {
        for (int k = a; k < to && t.get(k).word(); k++) {
            if (UNNAMED_PLURALS.contains(t.get(k).lower())) return true;
        }
        return false;
    }

    private static boolean closesQuote(Token x) {
        return PhraseReader.CLOSE_QUOTES.contains(x.text()) || x.is("\"") || x.is("’");
    }

    /** The pseudo-title of a lone name described as a person ("Abdullah, 34, a shopkeeper"). */
    static final String DESCRIBED = "#person";
    static final int MAX_CLAUSE_TOKENS = 80;

    /**
     * The end of a dateline that opens a paragraph ("MOSCOW, Feb 20, 2025 (Reuters) - ", "ATLANTA, Georgia, Nov. 8,
     * 2024 — "): the index after its dash, or 0. A dateline has no lower-case word and starts in capitals or has a comma.
     */
    static int datelineEnd(List<Token> t) {
        if (t.isEmpty() || !t.getFirst().word() || !t.getFirst().capitalised()) return 0;
        boolean caps = t.getFirst().allCaps();
        boolean comma = false;
        for (int k = 1; k < Math.min(t.size() - 1, 24); k++) {
            Token x = t.get(k);
            if (x.is("-") || x.is("—") || x.is("–")) {
                if (k + 1 < t.size() && (t.get(k + 1).is("-") || t.get(k + 1).is("—"))) k++; // "PHNOM PENH--"
                return caps || comma ? k + 1 : 0;
            }
            if (x.word() ? x.lowercase() : PhraseReader.OPEN_QUOTES.contains(x.text()) || x.is("\"") || x.is(":")) return 0;
            if (x.is(",") || x.is("(")) comma = true;
        }
        return 0;
    }

    /**
     * The paragraph after a live blog's leading time ("09:40 Lithuanian President X: ...", "10.05am GMT - X says"),
     * which would otherwise stand where the speaker's name starts a line; the paragraph itself without one.
     */
    static List<Token> afterTimestamp(List<Token> t) {
        if (t.size() < 4 || !t.get(0).has(Token.DIGIT) || t.get(0).text().length() > 2 || !(t.get(1).is(":") || t.get(1).is("."))) return t;
        if (!TIME_MINUTES.matcher(t.get(2).text()).matches()) return t;
        int k = 3;
        if (k < t.size() && t.get(k).word() && (TIME_SUFFIXES.contains(t.get(k).lower()) || t.get(k).allCaps() && t.get(k).text().length() <= 4
                && (t.get(k).text().endsWith("T") || t.get(k).is("UTC")))) k++;
        if (k < t.size() && (t.get(k).is("-") || t.get(k).is("—") || t.get(k).is("–") || t.get(k).is(":") || t.get(k).is("|"))) k++;
        return k < t.size() ? t.subList(k, t.size()) : t;
    }

    /**
     * The paragraph without an acronym in parentheses between two capitalised words, "National Assembly (NA)
     * Chairman X", which would otherwise cut the title from the name; the paragraph itself when it has none.
     */
    static List<Token> withoutInlineAcronyms(List<Token> t) {
        int first = -1; // most paragraphs have no such acronym: one cheap pass, no copy
        for (int k = 1; k + 3 < t.size() && first < 0; k++) {
            if (!t.get(k).word() && t.get(k).text().charAt(0) == '(' && t.get(k + 2).text().charAt(0) == ')') first = k;
        }
        if (first < 0) return t;
        List<Token> out = null;
        for (int k = first; k < t.size(); k++) {
            boolean acronym = k >= 1 && k + 3 < t.size() && t.get(k).is("(") && t.get(k - 1).capitalised() && t.get(k + 1).allCaps()
                    && t.get(k + 1).text().length() <= 6 && t.get(k + 2).is(")") && t.get(k + 3).capitalised();
            if (acronym && out == null) out = new ArrayList<>(t.subList(0, k));
            if (acronym) {
                k += 2;
                continue;
            }
            if (out != null) out.add(t.get(k));
        }
        return out == null ? t : out;
    }

    private static final java.util.regex.Pattern TIME_MINUTES = java.util.regex.Pattern.compile("[0-5][0-9](?:am|pm)?");
    private static final Set<String> TIME_SUFFIXES = Set.of("am", "pm", "a.m.", "p.m.", "hrs", "h");

    /**
     * A speech verb in the passive with no "by" after it: "X is said to have approved", "was reported to be", "was
     * dismissed from her post", "has been accused of lying". What is said of the subject, not the subject's words.
     */
    static boolean hearsay(List<Token> t, int v, int from, int to) {
        return !(v + 1 < to && t.get(v + 1).is("by")) && passiveAuxiliary(t, v, from) >= from;
    }

    /** The form of "be" that makes the verb at {@code v} a passive ("was dismissed", "was later quoted"), or -1. */
    static int passiveAuxiliary(List<Token> t, int v, int from) {
        int a = v - 1;
        if (a > from && t.get(a).lowercase() && (t.get(a).lower().endsWith("ly") || PASSIVE_ADVERBS.contains(t.get(a).lower()))) a--;
        if (a < from) return -1;
        Token aux = t.get(a);
        boolean be = aux.is("is") || aux.is("was") || aux.is("are") || aux.is("were") || aux.is("been") || aux.is("be") || aux.is("being");
        return be ? a : -1;
    }

    private static final Set<String> PASSIVE_ADVERBS = Set.of("later", "also", "then", "never", "not", "again", "once",
            "since", "already", "often", "widely");

    /** Whether a paragraph ends a sentence: a period, or a closing quote after one (a headline does not). */
    static boolean endsSentence(List<Token> t) {
        int k = t.size() - 1;
        while (k > 0 && !t.get(k).word() && (PhraseReader.CLOSE_QUOTES.contains(t.get(k).text()) || t.get(k).is("\"") || t.get(k).is("’"))) k--;
        return k >= 0 && (t.get(k).is(".") || t.get(k).is("!") || t.get(k).is("?"));
    }

    /** Sentence starts {@code s} with the first sentence starting at {@code d} instead of 0. */
    static int[] startAt(int[] s, int d) {
        int keep = 0;
        while (keep < s.length - 1 && s[keep] <= d) keep++;
        if (d >= s[s.length - 1]) return s;
        int[] out = new int[s.length - keep + 1];
        out[0] = d;
        System.arraycopy(s, keep, out, 1, s.length - keep);
        return out;
    }

    /** For every token, whether it stands inside a quotation (the marks included). */
    static boolean[] quoteMask(List<Token> t, boolean continued) {
        boolean[] q = new boolean[t.size()];
        boolean inside = false;
        int opened = -1;
        for (int k = 0; k < t.size(); k++) {
            Token x = t.get(k);
            if (!x.word()) {
                String s = x.text();
                if (PhraseReader.OPEN_QUOTES.contains(s)) {
                    inside = true;
                    opened = k;
                } else if (PhraseReader.CLOSE_QUOTES.contains(s)) {
                    q[k] = true;
                    inside = false;
                    continue;
                } else if (s.equals("\"")) {
                    q[k] = true;
                    inside = !inside;
                    if (inside) opened = k;
                    continue;
                }
            }
            q[k] = inside;
        }
        if (inside && !continued) java.util.Arrays.fill(q, opened + 1, q.length, false);
        return q;
    }

    static boolean quoteWithin(List<Token> t, int v, int to, int span) {
        for (int k = v + 1; k < Math.min(to, v + span); k++) {
            if (PhraseReader.OPEN_QUOTES.contains(t.get(k).text()) || t.get(k).is("\"")) return true;
        }
        return false;
    }

    /**
     * "Senator X described the loan as unsustainable", "X termed the visit a success as well" (no: only "as"): a naming
     * verb in the active voice, its object, then "as" within a few words. Not "was described as", "widely described
     * as" nor ", described as" (a participle about the subject), and not past a comma or "by".
     */
    static boolean namesObjectAs(List<Token> t, int v, int from, int to) {
        if (v == from) return false;
        Token before = t.get(v - 1);
        String lb = before.lower();
        if (!before.word() || lb.endsWith("ly") || lb.equals("was") || lb.equals("were") || lb.equals("been")
                || lb.equals("being") || lb.equals("is") || lb.equals("are") || lb.equals("be")) return false;
        for (int k = v + 2; k < Math.min(to, v + 8); k++) {
            Token x = t.get(k);
            if (x.is("as")) return true;
            if (!x.word() && !x.is("'s") || x.is("by")) return false;
        }
        return false;
    }

    /**
     * "said its clinic", "said in its statement", "told its members": "its" within three words after the verb, before
     * any comma; what a person says of their own takes "his", "her" or "their".
     */
    static boolean itsFollows(List<Token> t, int v, int to) {
        for (int k = v + 1; k < Math.min(to, v + 4); k++) {
            if (t.get(k).is("its")) return true;
            if (!t.get(k).word()) return false;
        }
        return false;
    }

    /** "issued a statement", "ordered ... in a message": a verb that carries words through a document. */
    static boolean documentFollows(List<Token> t, int v, int to) {
        if (t.get(v).is("issued")) {
            for (int k = v + 1; k < Math.min(to, v + 6); k++) if (DOCUMENTS.contains(t.get(k).lower())) return true;
            return false;
        }
        for (int k = v + 1; k + 1 < Math.min(to, v + MAX_CLAUSE_TOKENS); k++) {
            if (!t.get(k).is("in")) continue;
            for (int h = k + 1; h < Math.min(to, k + 4); h++) if (DOCUMENTS.contains(t.get(h).lower())) return true;
        }
        return false;
    }

    /** "... issued the following statement:", "... said in a statement:": a paragraph that announces a statement. */
    static boolean announcesStatement(List<Token> t) {
        for (int k = Math.max(0, t.size() - 8); k < t.size(); k++) {
            String lw = t.get(k).lower();
            if (lw.equals("following") || DOCUMENTS.contains(lw)) return true;
        }
        return false;
    }

    /** The index of the dash of a signature ("— Jane Doe (@janedoe) May 2, 2024", "— Jane Doe, Minister of X"), or -1. */
    static int signatureDash(List<Token> t) {
        for (int k = 0; k + 3 < t.size(); k++) {
            Token d = t.get(k);
            char c = d.text().charAt(0);
            if (d.word() || c != '—' && c != '–' && c != '-') continue;
            int b = k + 1;
            while (b < t.size() && b - k <= 5 && t.get(b).word() && t.get(b).capitalised()) b++;
            if (b - k >= 3 && b + 1 < t.size() && t.get(b).is("(") && t.get(b + 1).is("@")) return k;
            // "— Amina Yusuf, Minister of Education": a line that signs the quote above it
            if (k == 0 && b - k >= 3 && t.size() <= 16 && (b == t.size() || t.get(b).is(","))) return k;
        }
        return -1;
    }

    /** Whether a headline is in title case: nearly all its longer words capitalised ("Erdogan Rival Says Turkey Will ..."). */
    static boolean titleCased(List<Token> t) {
        int words = 0, caps = 0;
        for (Token x : t) {
            if (!x.word() || x.text().length() < 4) continue;
            words++;
            if (x.capitalised()) caps++;
        }
        return words >= 3 && caps * 10 >= words * 9;
    }

    /** "R-Ohio", "D-N.Y.": a US politician's party and state between commas. */
    static boolean partyTag(Token x) {
        String w = x.text();
        return w.length() >= 3 && w.charAt(1) == '-' && (w.charAt(0) == 'R' || w.charAt(0) == 'D' || w.charAt(0) == 'I')
                && Character.isUpperCase(w.charAt(2));
    }

    /** The comma that opens ", R-Texas," or ", D-Calif.," when that appositive closes at the comma {@code c}, else -1. */
    static int partyTagBefore(List<Token> t, int c, int from) {
        for (int k = c - 1; k > from && c - k <= 5; k--) {
            if (t.get(k).is(",")) return partyTag(t.get(k + 1)) ? k : -1;
        }
        return -1;
    }

    /** Whether the words that end at {@code j} are "the two leaders", "both foreign ministers". */
    static boolean pairBefore(List<Token> t, int j, int from) {
        if (j < from || !t.get(j).word() || !PAIR_NOUNS.contains(t.get(j).lower())) return false;
        for (int k = j - 1; k >= Math.max(from, j - 3); k--) {
            String lw = t.get(k).lower();
            if (lw.equals("both") || lw.equals("two") && k > from && t.get(k - 1).lower().equals("the")) return true;
            if (!t.get(k).word()) return false;
        }
        return false;
    }

    /** Whether "the N-year-old" opens the words that end at {@code j}: "the 67-year-old retired mechanic". */
    static boolean ageBefore(List<Token> t, int j, int from) {
        for (int k = j; k >= Math.max(from, j - 5); k--) {
            Token x = t.get(k);
            if (!x.word()) return false;
            if (Character.isDigit(x.text().charAt(0)) && x.lower().endsWith("-year-old")) return k > from && t.get(k - 1).lower().equals("the");
        }
        return false;
    }

    /** The age of "the 63-year-old" in the words ending at {@code j} ("63"), or null. */
    static String ageOf(List<Token> t, int j, int from) {
        for (int k = j; k >= Math.max(from, j - 5); k--) {
            Token x = t.get(k);
            if (!x.word()) return null;
            if (Character.isDigit(x.text().charAt(0)) && x.lower().endsWith("-year-old")) return x.text().substring(0, x.text().length() - 9);
        }
        return null;
    }

    /**
     * Nouns that describe a person rather than name a role the article gives: "Elon Musk criticised the plan. / The
     * billionaire said ...", "The Republican said ...". General words, never anyone's name.
     */
    private static final Set<String> DESCRIPTIVE_NOUNS = Set.of("billionaire", "millionaire", "tycoon", "magnate", "mogul",
            "veteran", "incumbent", "challenger", "nominee", "frontrunner", "front-runner", "candidate", "republican",
            "democrat", "conservative", "liberal", "socialist", "populist", "nationalist", "politician", "statesman",
            "stateswoman", "strongman", "autocrat", "dissident", "reformist", "hardliner", "hard-liner", "centrist",
            "laureate", "activist");

    /** Whether the words ending at {@code j} are "the billionaire", "the veteran politician", "the ex-president". */
    static boolean descriptionBefore(List<Token> t, int j, int from) {
        Token x = t.get(j);
        if (!x.word()) return false;
        String lw = x.lower();
        boolean descriptive = DESCRIPTIVE_NOUNS.contains(lw) || lw.startsWith("ex-") && NameWords.TITLES.contains(lw.substring(3));
        if (!descriptive) return false;
        for (int k = j - 1; k >= Math.max(from, j - 3); k--) {
            Token w = t.get(k);
            if (w.lower().equals("the")) return true;
            if (!w.word() || !w.lowercase()) return false; // "the veteran politician", not "Labour Party politician"
        }
        return false;
    }

    /** "X wrote to Y" names a letter but carries none of its words unless "that", a colon or a quote follows. */
    static boolean letterWithoutWords(List<Token> t, int v, int to) {
        if (v + 1 >= to || !t.get(v + 1).is("to")) return false;
        for (int k = v + 2; k < Math.min(to, v + MAX_CLAUSE_TOKENS); k++) {
            Token x = t.get(k);
            if (x.is("that") || x.is(":") || x.is("saying") || PhraseReader.OPEN_QUOTES.contains(x.text()) || x.is("\"")) return false;
        }
        return true;
    }

    static boolean sharedWords(List<Token> t, int v, int to) {
        for (int k = v + 1; k < Math.min(to, v + 5); k++) if (SHARED_WHAT.contains(t.get(k).lower())) return true;
        return false;
    }

    static int skipGap(List<Token> t, int j, int from) {
        while (j >= from) {
            Token x = t.get(j);
            String lw = x.lower();
            if (x.is(")")) { // "(Oct. 13)"
                int k = j - 1;
                while (k >= from && !t.get(k).is("(") && j - k < 12) k--;
                if (k >= from && t.get(k).is("(")) { j = k - 1; continue; }
                return j;
            }
            if (x.word() && (GAP.contains(lw) || PhraseReader.TIME_WORDS.contains(lw) && j > from)) {
                if (PhraseReader.TIME_WORDS.contains(lw) && j - 1 >= from && (t.get(j - 1).is("on") || t.get(j - 1).is("last") || t.get(j - 1).is("this"))) j--;
                j--;
                continue;
            }
            if (x.word() && Character.isDigit(lw.charAt(0)) && j - 1 >= from && PhraseReader.TIME_WORDS.contains(t.get(j - 1).lower())) {
                j--; // "on March 28"
                continue;
            }
            return j;
        }
        return j;
    }

    /** Whether two words differ by at most one edit (or one swap of neighbours), with the same first letter. */
    static boolean close(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || a.charAt(0) != b.charAt(0) || Math.abs(a.length() - b.length()) > 1) return false;
        if (a.length() < 5 || b.length() < 5) return false;
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        if (i == a.length() && i == b.length()) return false; // equal: no repeat to merge
        if (a.length() == b.length()) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) return true; // one letter changed
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2)); // "Micheal" / "Michael"
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i)) : b.substring(i + 1).equals(a.substring(i));
    }

    static boolean containsRun(List<String> longer, List<String> shorter) {
        outer:
        for (int i = 0; i + shorter.size() <= longer.size(); i++) {
            for (int k = 0; k < shorter.size(); k++) {
                if (!longer.get(i + k).equalsIgnoreCase(shorter.get(k))) continue outer;
            }
            return true;
        }
        return false;
    }

    static String lastOf(LinkedHashSet<String> set) {
        String last = null;
        for (String s : set) last = s;
        return last;
    }

    static String cleanSource(String s) {
        String[] w = s.split(" ");
        int i = 0;
        while (i < w.length - 1 && PhraseReader.isDeterminer(NameWords.lower(w[i]))) i++;
        return String.join(" ", java.util.Arrays.copyOfRange(w, i, w.length));
    }

    /**
     * @param straight whether the quotation open at the end was opened by a straight quote mark
     * @param closes   whether a quotation closes in the paragraph
     */
    record QuoteShape(boolean startsWithQuote, boolean endsInside, boolean straight, boolean closes, boolean endsWithColon) {
    }

    static boolean continuesStraightQuote(List<Token> next) {
        int marks = 0;
        for (Token x : next) if (x.is("\"")) marks++;
        return startsWithQuote(next) || marks % 2 == 1;
    }

    static boolean startsWithQuote(List<Token> t) {
        return !t.isEmpty() && (PhraseReader.OPEN_QUOTES.contains(t.getFirst().text()) || t.getFirst().is("\""));
    }

    /** Whether a paragraph starts with a quote, whether a quotation is still open at its end, and a closing colon. */
    static QuoteShape quoteShape(List<Token> t, boolean startsInside) {
        boolean inside = startsInside;
        boolean straight = false;
        boolean closes = false;
        for (int k = 0; k < t.size(); k++) {
            String s = t.get(k).text();
            if (t.get(k).word()) continue;
            if (PhraseReader.OPEN_QUOTES.contains(s)) {
                inside = true;
                straight = false;
            } else if (PhraseReader.CLOSE_QUOTES.contains(s)) {
                closes |= inside;
                inside = false;
            } else if (s.equals("\"")) {
                if (k == 0 && startsInside) { // a continued quotation reopens with its mark
                    straight = true;
                    continue;
                }
                closes |= inside;
                inside = !inside;
                straight = inside;
            }
        }
        boolean colon = !t.isEmpty() && t.getLast().is(":");
        return new QuoteShape(startsWithQuote(t), inside, straight, closes, colon);
    }
}
