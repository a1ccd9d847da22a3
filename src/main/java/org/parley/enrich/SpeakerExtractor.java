package org.parley.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parley.corpus.ParagraphKind;

/**
 * Finds, paragraph by paragraph, the people whose words an article carries, and the organisations and
 * documents it quotes. Rules, not a list of people:
 * <ul>
 *   <li>a speech verb ("said", "told", "reiterated", "expressed", ...) and its subject: the name before it
 *       ("Putin said", "Kin Phea, director of ..., said", "X, who stated"), after it ("said Foreign Minister
 *       Wang Yi"), after "by" ("underlined by X") or after "according to";</li>
 *   <li>participles ("..., saying") take the subject of their clause;</li>
 *   <li>pronouns ("he said") and title references ("the King wrote") resolve to the person in focus or
 *       the last person named with that title; short forms ("Putin") to the longest form in the article;</li>
 *   <li>a quotation that runs over several paragraphs, or a paragraph that is only a quote, belongs to
 *       the speaker who introduced it;</li>
 *   <li>captions, bylines and datelines carry nobody's words.</li>
 * </ul>
 * Stateless between calls and thread-safe.
 */
final class SpeakerExtractor {
    /** Speakers and sources of one paragraph. */
    record Attribution(List<String> speakers, List<String> sources) {
        static final Attribution NONE = new Attribution(List.of(), List.of());
    }

    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "tells", "stated", "wrote", "writes",
            "added", "adds", "underlined", "underscored", "stressed", "stresses", "emphasised", "emphasized",
            "emphasises", "emphasizes", "reiterated", "reiterates", "reaffirmed", "reaffirms", "affirmed", "noted",
            "notes", "recalled", "recalls", "suggested", "suggests", "requested", "expressed", "expresses", "explained",
            "explains", "remarked", "commented", "declared", "announced", "asserted", "argued", "argues", "claimed",
            "claims", "insisted", "insists", "warned", "warns", "urged", "urges", "replied", "responded", "answered",
            "acknowledged", "admitted", "confirmed", "denied", "highlighted", "observed", "proposed", "pledged",
            "vowed", "promised", "cautioned", "contended", "concluded", "mentioned", "indicated", "revealed",
            "disclosed", "predicted", "tweeted", "rejected", "dismissed", "cited", "quipped", "lamented", "complained", "asked", "reported",
            "read", "states", "believes", "thinks", "accused", "criticised", "criticized", "condemned", "praised",
            "thanked", "briefed");
    /** "-ing" forms whose subject is the subject of their clause: "X met Y, saying ...". */
    private static final Set<String> PARTICIPLES = Set.of("saying", "adding", "noting", "stressing", "underlining",
            "emphasising", "emphasizing", "insisting", "warning", "urging", "recalling", "stating", "explaining",
            "arguing", "declaring", "telling", "reiterating", "reaffirming", "expressing", "suggesting", "calling");
    /** Verbs that report a document's words but not a person's ("the statement read"). */
    private static final Set<String> SOURCE_ONLY_VERBS = Set.of("read", "reported", "states");
    /** "X shared a few thoughts": sharing words is speaking. */
    private static final Set<String> SHARED_WHAT = Set.of("thoughts", "views", "remarks", "insights", "ideas",
            "opinion", "opinions", "perspective", "perspectives", "message", "vision");
    /** Adverbs and auxiliaries between a subject and its verb: "Namhong also suggested", "has repeatedly said". */
    private static final Set<String> GAP = Set.of("also", "further", "then", "later", "again", "once", "repeatedly",
            "reportedly", "previously", "earlier", "recently", "subsequently", "has", "had", "have", "was", "were", "is",
            "been", "would", "will", "did", "does", "officially", "publicly", "openly", "clearly", "firmly", "strongly",
            "explicitly", "personally", "separately", "jointly", "immediately", "simply", "only", "even", "already",
            "still", "yesterday", "today", "tonight", "reiterating", "likewise", "similarly", "however", "too",
            "frankly", "bluntly", "candidly", "specifically", "particularly", "emphatically", "confidently");
    private static final Set<String> TIME_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "morning", "afternoon", "evening", "night", "week", "month", "weekend");
    private static final Set<String> OPEN_QUOTES = Set.of("“", "«", "„");
    private static final Set<String> CLOSE_QUOTES = Set.of("”", "»");
    private static final int MAX_QUOTE_SPAN = 12;

    private final CountryGazetteer gazetteer;

    SpeakerExtractor(CountryGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    // ---- noun phrases -------------------------------------------------------------------------------

    private enum Kind { PERSON, PRONOUN, TITLE_REF, SOURCE }

    /** What stands in a subject position. {@code name} holds the person's name words, {@code head} a title or source. */
    private record Phrase(Kind kind, List<String> name, Set<String> titles, String head, char gender) {
    }

    /** A person named in the article, for short forms, title references and pronouns. */
    private record Mention(List<String> name, Set<String> titles, char gender, int order) {
    }

    private boolean countryWord(String w) {
        return gazetteer.isAlias(w);
    }

    private boolean runToken(List<Token> t, int k, int from, int to) {
        if (k < from || k >= to) return false;
        Token x = t.get(k);
        if (!x.word()) {
            return x.is(".") && k > from && t.get(k - 1).word() && NameWords.DOTTED_TITLES.contains(t.get(k - 1).lower());
        }
        String lw = x.lower();
        if (NameWords.isTitle(lw)) return true;
        if (x.lowercase()) {
            if (NameWords.TITLE_GLUE.contains(lw)) return true;
            boolean between = k > from && k + 1 < to && t.get(k - 1).word() && t.get(k + 1).word();
            if (lw.equals("of")) return between && (t.get(k + 1).capitalised() || NameWords.TITLE_GLUE.contains(t.get(k + 1).lower()));
            return NameWords.PARTICLES.contains(lw) && between && nameLike(t.get(k - 1)) && nameLike(t.get(k + 1));
        }
        if (!x.capitalised() && !Character.isUpperCase(x.text().charAt(0))) return false;
        if (TIME_WORDS.contains(lw)) return !dateContext(t, k, 0, t.size());
        return !NameWords.FUNCTION.contains(lw) || NameWords.ORGANISATION.contains(lw);
    }

    private static boolean nameLike(Token x) {
        return x.capitalised() || NameWords.PARTICLES.contains(x.lower());
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

    private boolean nameToken(List<Token> t, int k, int a, int b, boolean allCapsRun) {
        Token x = t.get(k);
        if (!x.word() || !Character.isUpperCase(x.text().charAt(0))) return false;
        String lw = x.lower();
        if (TIME_WORDS.contains(lw)) return !dateContext(t, k, 0, t.size());
        if (NameWords.isTitle(lw) || NameWords.ORGANISATION.contains(lw) || NameWords.FUNCTION.contains(lw)) return false;
        if (x.allCaps() && !allCapsRun) return false; // ASEAN, AKP, UN: acronyms of organisations
        if (countryWord(x.text())) return false;
        return Character.isLetter(x.text().charAt(x.text().length() - 1));
    }

    /** Classifies the run of tokens [a, b] (inclusive), {@code sentenceStart} the index of its sentence's first token. */
    private Phrase classify(List<Token> t, int a, int b, int sentenceStart, boolean determiner) {
        boolean allCaps = true;
        for (int k = a; k <= b; k++) if (t.get(k).word() && !t.get(k).allCaps()) allCaps = false;
        int n = b;
        while (n >= a && (nameToken(t, n, a, b, allCaps)
                || n > a && t.get(n).lowercase() && NameWords.PARTICLES.contains(t.get(n).lower()))) n--;
        int nameStart = n + 1;
        while (nameStart <= b && !t.get(nameStart).capitalised()) nameStart++;
        if (nameStart <= b && nameStart == sentenceStart && nameStart < b && t.get(nameStart).lower().endsWith("ly")) nameStart++;
        List<String> name = new ArrayList<>();
        for (int k = nameStart; k <= b; k++) name.add(t.get(k).text());
        Set<String> titles = new LinkedHashSet<>();
        String lastTitle = null;
        boolean org = false;
        for (int k = a; k < nameStart; k++) {
            Token x = t.get(k);
            if (!x.word()) continue;
            String lw = x.lower();
            if (NameWords.isTitle(lw)) {
                titles.add(lw);
                lastTitle = lw;
            } else if (NameWords.ORGANISATION.contains(lw) || x.allCaps() || countryWord(x.text())) {
                org = true;
            }
        }
        char gender = 0;
        for (String ti : titles) {
            if (NameWords.FEMALE.contains(ti)) gender = 'F';
            if (NameWords.MALE.contains(ti)) gender = 'M';
        }
        if (!name.isEmpty() && name.size() <= 5) return new Phrase(Kind.PERSON, name, titles, null, gender);
        if (lastTitle != null && (determiner || !org || titles.size() > 0)) {
            return new Phrase(Kind.TITLE_REF, List.of(), titles, headTitle(t, a, nameStart - 1), gender);
        }
        StringBuilder text = new StringBuilder();
        for (int k = a; k <= b; k++) {
            if (text.length() > 0 && t.get(k).word()) text.append(' ');
            text.append(t.get(k).text());
        }
        return text.isEmpty() ? null : new Phrase(Kind.SOURCE, List.of(), Set.of(), text.toString(), (char) 0);
    }

    /** The role word of a title run: "Deputy Prime Minister" -> "minister", "the Russian ambassador" -> "ambassador". */
    private static String headTitle(List<Token> t, int a, int b) {
        for (int k = b; k >= a; k--) {
            String lw = t.get(k).lower();
            if (NameWords.isTitle(lw) && !Set.of("former", "late", "then", "current", "deputy", "vice", "acting", "his",
                    "her", "first", "senior", "prime", "crown", "incumbent", "outgoing").contains(lw)) return lw;
        }
        return null;
    }

    /** The phrase that ends at token {@code j} (inclusive), reading backwards, or null. */
    private Phrase phraseEndingAt(List<Token> t, int j, int from) {
        if (j < from || !t.get(j).word()) return null;
        String lw = t.get(j).lower();
        if (lw.equals("he") || lw.equals("she")) {
            return new Phrase(Kind.PRONOUN, List.of(), Set.of(), lw, lw.equals("she") ? 'F' : 'M');
        }
        int a = j;
        while (runToken(t, a - 1, from, j + 1)) a--;
        if (!runToken(t, j, from, j + 1)) {
            // "the statement", "a joint press release", "the foreign ministry", "the minister"
            int k = j;
            while (k > from && k > j - 4 && t.get(k - 1).lowercase() && !isDeterminer(t.get(k - 1).lower())) k--;
            if (k > from && isDeterminer(t.get(k - 1).lower())) {
                if (NameWords.SOURCE_NOUNS.contains(lw)) return new Phrase(Kind.SOURCE, List.of(), Set.of(), sourceText(t, k, j), (char) 0);
            }
            return null;
        }
        boolean determiner = a > from && isDeterminer(t.get(a - 1).lower());
        Phrase p = classify(t, a, j, from, determiner);
        if (p != null && p.kind() == Kind.SOURCE && determiner && !t.get(j).capitalised()
                && !NameWords.SOURCE_NOUNS.contains(lw) && !NameWords.isTitle(lw)) return null;
        return p;
    }

    /** The phrase that starts at token {@code i}, reading forwards (after "said", "by", "according to"). */
    private Phrase phraseStartingAt(List<Token> t, int i, int to) {
        if (i >= to || !t.get(i).word()) return null;
        String lw = t.get(i).lower();
        boolean determiner = isDeterminer(lw);
        if (lw.equals("he") || lw.equals("she")) return new Phrase(Kind.PRONOUN, List.of(), Set.of(), lw, lw.equals("she") ? 'F' : 'M');
        int a = determiner ? i + 1 : i;
        if (a < to && t.get(a).lowercase() && !runToken(t, a, a, to)) {
            int k = a;
            while (k + 1 < to && k < a + 3 && t.get(k + 1).lowercase()) k++;
            for (int h = a; h <= k; h++) {
                if (NameWords.SOURCE_NOUNS.contains(t.get(h).lower())) return new Phrase(Kind.SOURCE, List.of(), Set.of(), sourceText(t, a, h), (char) 0);
            }
            return null;
        }
        int b = a;
        if (!runToken(t, a, a, to)) return null;
        while (runToken(t, b + 1, a, to)) b++;
        return classify(t, a, b, -1, determiner);
    }

    private static boolean isDeterminer(String lw) {
        return lw.equals("the") || lw.equals("a") || lw.equals("an") || lw.equals("same") || lw.equals("its")
                || lw.equals("their") || lw.equals("this") || lw.equals("that");
    }

    private static String sourceText(List<Token> t, int a, int b) {
        StringBuilder s = new StringBuilder();
        for (int k = a; k <= b; k++) {
            if (!s.isEmpty()) s.append(' ');
            s.append(t.get(k).text());
        }
        return s.toString();
    }

    // ---- sentences ----------------------------------------------------------------------------------

    /** Start indexes of the sentences of a token list, plus its size at the end. */
    private static int[] sentences(List<Token> t) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int k = 0; k < t.size() - 1; k++) {
            Token x = t.get(k);
            if (x.word() || !(x.is(".") || x.is("!") || x.is("?") || x.is("…") || x.is(";"))) continue;
            if (x.is(".") && k > 0 && t.get(k - 1).word()) {
                String prev = t.get(k - 1).lower();
                if (NameWords.DOTTED_TITLES.contains(prev) || prev.length() == 1 && t.get(k - 1).capitalised()
                        || TIME_WORDS.contains(prev) || prev.equals("no") || prev.equals("vs") || prev.equals("etc")) continue;
            }
            int next = k + 1;
            while (next < t.size() && !t.get(next).word() && (CLOSE_QUOTES.contains(t.get(next).text()) || t.get(next).is("\"")
                    || t.get(next).is("’") || t.get(next).is(")"))) next++;
            if (next < t.size()) starts.add(next);
            k = next - 1;
        }
        int[] out = new int[starts.size() + 1];
        for (int i = 0; i < starts.size(); i++) out[i] = starts.get(i);
        out[starts.size()] = t.size();
        return out;
    }

    // ---- the article ----------------------------------------------------------------------------------

    /** Mutable state of one pass over one article (never shared between threads). */
    private final class Pass {
        final List<List<Token>> paragraphs;
        final List<ParagraphKind> kinds;
        final List<Mention> mentions = new ArrayList<>();
        final List<Mention> focus = new ArrayList<>(); // recent subjects and speakers, most recent last
        int paragraph;

        Pass(List<List<Token>> paragraphs, List<ParagraphKind> kinds) {
            this.paragraphs = paragraphs;
            this.kinds = kinds;
        }

        void collectMentions() {
            for (int pi = 0; pi < paragraphs.size(); pi++) {
                List<Token> t = paragraphs.get(pi);
                int[] s = sentences(t);
                for (int si = 0; si + 1 < s.length; si++) {
                    int from = s[si], to = s[si + 1];
                    for (int k = from; k < to; k++) {
                        if (!runToken(t, k, from, to) || runToken(t, k - 1, from, to)) continue;
                        int b = k;
                        while (runToken(t, b + 1, from, to)) b++;
                        Phrase p = classify(t, k, b, from, false);
                        if (p != null && p.kind() == Kind.PERSON && (!p.titles().isEmpty() || p.name().size() >= 2)) {
                            mentions.add(new Mention(p.name(), p.titles(), p.gender(), pi));
                        }
                        k = b;
                    }
                }
            }
        }

        /** The longest name in the article that contains {@code name} as a run of words, or null if none supports it. */
        /** Whether the only mentions of {@code name} in the article are the phrase itself (no title, no other form). */
        boolean mentionedOnlyHere(List<String> name) {
            for (Mention m : mentions) {
                if (containsRun(m.name(), name) && (!m.titles().isEmpty() || m.name().size() > name.size())) return false;
            }
            return true;
        }

        List<String> longestForm(List<String> name) {
            List<String> best = null;
            for (Mention m : mentions) {
                if (containsRun(m.name(), name) && (best == null || m.name().size() > best.size())) best = m.name();
            }
            return best;
        }

        Mention resolve(Phrase p) {
            return switch (p.kind()) {
                case PERSON -> {
                    List<String> longest = longestForm(p.name());
                    if (longest == null && p.name().size() == 1 && p.titles().isEmpty()) yield null; // "Reuters said"
                    List<String> name = longest == null ? p.name() : longest;
                    char g = p.gender();
                    for (Mention m : mentions) if (m.name().equals(name) && g == 0) g = m.gender();
                    yield new Mention(name, p.titles(), g, paragraph);
                }
                case PRONOUN -> {
                    for (int i = focus.size() - 1; i >= 0; i--) {
                        Mention m = focus.get(i);
                        if (m.gender() == 0 || m.gender() == p.gender()) yield m;
                    }
                    yield null;
                }
                case TITLE_REF -> {
                    if (p.head() == null) yield null;
                    for (int i = focus.size() - 1; i >= 0; i--) {
                        if (focus.get(i).titles().contains(p.head())) yield focus.get(i);
                    }
                    Mention found = null;
                    for (Mention m : mentions) {
                        if (m.order() > paragraph) break;
                        if (m.titles().contains(p.head())) found = m;
                    }
                    yield found;
                }
                case SOURCE -> null;
            };
        }

        void attend(Mention m) {
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
            String quoteSpeaker = null;
            for (int i = 0; i < n; i++) {
                paragraph = i;
                List<Token> t = paragraphs.get(i);
                ParagraphKind kind = kinds.get(i);
                boolean speaking = kind == ParagraphKind.BODY || kind == ParagraphKind.TITLE || kind == ParagraphKind.HEADING;
                if (!speaking) continue; // captions describe photos; bylines and datelines quote nobody
                boolean continues = inQuote;
                List<String> own = new ArrayList<>();
                boolean ownSource = attribute(t, own, sources.get(i));
                speakers.get(i).addAll(own);
                QuoteShape shape = quoteShape(t, continues);
                if (continues) {
                    if (quoteSpeaker != null) speakers.get(i).add(quoteSpeaker);
                    if (!shape.endsInside()) {
                        // The closing paragraph may name the speaker ("...,” he said): it owns the whole span.
                        if (quoteSpeaker == null && !own.isEmpty()) {
                            for (int k = quoteStart; k < i; k++) if (kinds.get(k) == ParagraphKind.BODY) speakers.get(k).add(own.getFirst());
                        }
                        inQuote = false;
                    } else if (i - quoteStart >= MAX_QUOTE_SPAN) {
                        inQuote = false; // an unbalanced quote mark: stop carrying it
                    }
                    continue;
                }
                if (own.isEmpty() && !ownSource && shape.startsWithQuote() && i > 0 && !speakers.get(i - 1).isEmpty()
                        && kinds.get(i - 1) == ParagraphKind.BODY) {
                    // A quote with no attribution right after a paragraph whose speaker introduced it.
                    speakers.get(i).add(lastOf(speakers.get(i - 1)));
                }
                if (shape.endsInside()) {
                    inQuote = true;
                    quoteStart = i;
                    quoteSpeaker = speakers.get(i).isEmpty() ? null : lastOf(speakers.get(i));
                }
                if (!inQuote && shape.endsWithColon() && i + 1 < n && startsWithQuote(paragraphs.get(i + 1)) && speakers.get(i).isEmpty()) {
                    Mention m = clauseSubjectOfLastSentence(t);
                    if (m != null) speakers.get(i).add(String.join(" ", m.name()));
                }
            }
            List<Attribution> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(speakers.get(i).isEmpty() && sources.get(i).isEmpty() ? Attribution.NONE
                        : new Attribution(List.copyOf(speakers.get(i)), List.copyOf(sources.get(i))));
            }
            return out;
        }

        Mention clauseSubjectOfLastSentence(List<Token> t) {
            int[] s = sentences(t);
            Phrase p = clauseSubject(t, s[s.length - 2], t.size());
            return p == null ? null : resolve(p);
        }

        /** Finds the speech acts of one paragraph; adds person names to {@code out}. True if a source spoke. */
        boolean attribute(List<Token> t, List<String> out, Set<String> sources) {
            boolean sourceSpoke = false;
            int[] s = sentences(t);
            for (int si = 0; si + 1 < s.length; si++) {
                int from = s[si], to = s[si + 1];
                Phrase subject = clauseSubject(t, from, to);
                if (subject != null && subject.kind() == Kind.PERSON) {
                    Mention m = resolve(subject);
                    if (m != null) attend(m);
                }
                for (int v = from; v < to; v++) {
                    Token x = t.get(v);
                    if (!x.word()) continue;
                    String lw = x.lower();
                    boolean according = lw.equals("according") && v + 1 < to && t.get(v + 1).is("to");
                    if (!x.lowercase() && !according) continue;
                    Phrase p = null;
                    if (SPEECH_VERBS.contains(lw) && !(lw.startsWith("wr") && letterWithoutWords(t, v, to))
                            || lw.equals("shared") && sharedWords(t, v, to)) {
                        p = speechSubject(t, v, from, to);
                    } else if (PARTICIPLES.contains(lw) && v > from && t.get(v - 1).is(",")) {
                        p = clauseSubject(t, from, v);
                    } else if (according) {
                        p = phraseStartingAt(t, v + 2, to);
                        // Media and documents are quoted this way too: a person needs a title or an earlier full mention.
                        if (p != null && p.kind() == Kind.PERSON && p.titles().isEmpty() && longestForm(p.name()) == null
                                || p != null && p.kind() == Kind.PERSON && p.titles().isEmpty() && mentionedOnlyHere(p.name())) {
                            p = new Phrase(Kind.SOURCE, List.of(), Set.of(), String.join(" ", p.name()), (char) 0);
                        }
                    }
                    if (p == null) continue;
                    if (p.kind() == Kind.SOURCE) {
                        sources.add(cleanSource(p.head()));
                        sourceSpoke = true;
                        continue;
                    }
                    if (SOURCE_ONLY_VERBS.contains(lw) && p.kind() != Kind.PERSON) continue;
                    Mention m = resolve(p);
                    if (m == null) continue;
                    attend(m);
                    String name = String.join(" ", m.name());
                    if (!out.contains(name)) out.add(name);
                }
            }
            return sourceSpoke;
        }

        /** The subject of the speech verb at {@code v}. */
        Phrase speechSubject(List<Token> t, int v, int from, int to) {
            if (v + 1 < to && t.get(v + 1).is("by")) { // passive: "were underlined by Prime Minister Hun Sen"
                Phrase p = phraseStartingAt(t, v + 2, to);
                if (p != null) return p;
            }
            if (v > from && t.get(v - 1).is("to")) return null; // "went on to say", "wants to add"
            int j = skipGap(t, v - 1, from);
            if (j < from || t.get(j).is("“") || CLOSE_QUOTES.contains(t.get(j).text()) || t.get(j).is("\"") || t.get(j).is("’")
                    || t.get(j).is(",") && j > from && (CLOSE_QUOTES.contains(t.get(j - 1).text()) || t.get(j - 1).is("\""))) {
                // "“...,” said Foreign Minister Wang Yi." or a sentence that starts with the verb
                Phrase after = phraseStartingAt(t, v + 1, to);
                return after != null && after.kind() != Kind.PRONOUN ? after : null;
            }
            Token last = t.get(j);
            if (last.is("who") && j - 1 > from && t.get(j - 1).is(",")) return phraseEndingAt(t, j - 2, from);
            if (last.is(",")) {
                // "Kin Phea, director of the Royal Academy ..., said": skip the appositive back to its comma.
                int c = j - 1;
                while (c > from && !t.get(c).is(",") && !OPEN_QUOTES.contains(t.get(c).text())
                        && !CLOSE_QUOTES.contains(t.get(c).text())) c--;
                // "A spokeswoman for the ministry, Hikariko Ono, said": the name itself stands between the commas.
                if (c >= from && c + 1 < j && t.get(c + 1).capitalised()) {
                    int b = c + 1;
                    while (runToken(t, b + 1, c + 1, j)) b++;
                    if (b == j - 1) {
                        Phrase inner = classify(t, c + 1, b, from, false);
                        if (inner != null && inner.kind() == Kind.PERSON) return inner;
                    }
                }
                if (c > from && t.get(c).is(",") && c + 1 < j && !t.get(c + 1).capitalised() || c > from && t.get(c).is(",") && c + 1 < j && t.get(c + 1).lower().equals("who")) {
                    return phraseEndingAt(t, skipGap(t, c - 1, from), from);
                }
                return null;
            }
            return phraseEndingAt(t, j, from);
        }

        /** The subject at the start of a sentence's main clause, after introductory phrases ("In his letter to X, "). */
        Phrase clauseSubject(List<Token> t, int from, int to) {
            int k = from;
            for (int guard = 0; guard < 6 && k < to; guard++) {
                while (k < to && !t.get(k).word()) k++;
                if (k >= to) return null;
                Token x = t.get(k);
                String lw = x.lower();
                if (lw.equals("he") || lw.equals("she")) return new Phrase(Kind.PRONOUN, List.of(), Set.of(), lw, lw.equals("she") ? 'F' : 'M');
                int a = k;
                if (isDeterminer(lw) && k + 1 < to) a = k + 1;
                if (runToken(t, a, from, to) && (a == k || !t.get(a).capitalised() || NameWords.isTitle(t.get(a).lower()))) {
                    int b = a;
                    while (runToken(t, b + 1, from, to)) b++;
                    Token next = b + 1 < to ? t.get(b + 1) : null;
                    if (next != null && (next.lowercase() || next.is(",") || next.is("("))) {
                        Phrase p = classify(t, a, b, from, a != k);
                        if (p != null) return p;
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

    /** "X wrote to Y" names a letter but carries none of its words unless "that", a colon or a quote follows. */
    private static boolean letterWithoutWords(List<Token> t, int v, int to) {
        if (v + 1 >= to || !t.get(v + 1).is("to")) return false;
        for (int k = v + 2; k < to; k++) {
            Token x = t.get(k);
            if (x.is("that") || x.is(":") || x.is("saying") || OPEN_QUOTES.contains(x.text()) || x.is("\"")) return false;
        }
        return true;
    }

    private static boolean sharedWords(List<Token> t, int v, int to) {
        for (int k = v + 1; k < Math.min(to, v + 5); k++) if (SHARED_WHAT.contains(t.get(k).lower())) return true;
        return false;
    }

    private static int skipGap(List<Token> t, int j, int from) {
        while (j >= from) {
            Token x = t.get(j);
            String lw = x.lower();
            if (x.is(")")) { // "(Oct. 13)"
                int k = j - 1;
                while (k >= from && !t.get(k).is("(") && j - k < 12) k--;
                if (k >= from && t.get(k).is("(")) { j = k - 1; continue; }
                return j;
            }
            if (x.word() && (GAP.contains(lw) || TIME_WORDS.contains(lw) && j > from)) {
                if (TIME_WORDS.contains(lw) && j - 1 >= from && (t.get(j - 1).is("on") || t.get(j - 1).is("last") || t.get(j - 1).is("this"))) j--;
                j--;
                continue;
            }
            if (x.word() && Character.isDigit(lw.charAt(0)) && j - 1 >= from && TIME_WORDS.contains(t.get(j - 1).lower())) {
                j--; // "on March 28"
                continue;
            }
            return j;
        }
        return j;
    }

    private static boolean containsRun(List<String> longer, List<String> shorter) {
        outer:
        for (int i = 0; i + shorter.size() <= longer.size(); i++) {
            for (int k = 0; k < shorter.size(); k++) {
                if (!longer.get(i + k).equalsIgnoreCase(shorter.get(k))) continue outer;
            }
            return true;
        }
        return false;
    }

    private static String lastOf(LinkedHashSet<String> set) {
        String last = null;
        for (String s : set) last = s;
        return last;
    }

    private static String cleanSource(String s) {
        String[] w = s.split(" ");
        int i = 0;
        while (i < w.length - 1 && isDeterminer(NameWords.lower(w[i]))) i++;
        return String.join(" ", java.util.Arrays.copyOfRange(w, i, w.length));
    }

    private record QuoteShape(boolean startsWithQuote, boolean endsInside, boolean endsWithColon) {
    }

    private static boolean startsWithQuote(List<Token> t) {
        return !t.isEmpty() && (OPEN_QUOTES.contains(t.getFirst().text()) || t.getFirst().is("\""));
    }

    /** Whether a paragraph starts with a quote, whether a quotation is still open at its end, and a closing colon. */
    private static QuoteShape quoteShape(List<Token> t, boolean startsInside) {
        boolean inside = startsInside;
        for (int k = 0; k < t.size(); k++) {
            String s = t.get(k).text();
            if (t.get(k).word()) continue;
            if (OPEN_QUOTES.contains(s)) inside = true;
            else if (CLOSE_QUOTES.contains(s)) inside = false;
            else if (s.equals("\"")) inside = !inside;
        }
        boolean colon = !t.isEmpty() && t.getLast().is(":");
        return new QuoteShape(startsWithQuote(t), inside, colon);
    }

    /** Speakers and sources of every paragraph of an article, in order. */
    List<Attribution> extract(List<List<Token>> paragraphs, List<ParagraphKind> kinds) {
        return new Pass(paragraphs, kinds).run();
    }
}
