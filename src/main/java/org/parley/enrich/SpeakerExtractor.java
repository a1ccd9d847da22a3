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

    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "tells", "stated", "wrote", "writes",
            "added", "adds", "underlined", "underscored", "stressed", "stresses", "emphasised", "emphasized",
            "emphasises", "emphasizes", "reiterated", "reiterates", "reaffirmed", "reaffirms", "affirmed", "noted",
            "notes", "recalled", "recalls", "suggested", "suggests", "requested", "expressed", "expresses", "explained",
            "explains", "remarked", "commented", "declared", "announced", "asserted", "argued", "argues", "claimed",
            "claims", "insisted", "insists", "warned", "warns", "urged", "urges", "replied", "responded", "answered",
            "acknowledged", "admitted", "confirmed", "denied", "highlighted", "observed", "proposed", "pledged",
            "vowed", "promised", "cautioned", "contended", "concluded", "mentioned", "indicated", "revealed",
            "disclosed", "predicted", "tweeted", "posted", "rejected", "dismissed", "cited", "quipped", "lamented", "complained",
            "asked", "reported", "read", "states", "believes", "thinks", "accused", "criticised", "criticized", "condemned", "praised",
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
    /** Role words that name the same role: "the envoy said" after "Ambassador X". */
    private static final Map<String, List<String>> TITLE_SYNONYMS = Map.of(
            "envoy", List.of("envoy", "ambassador"),
            "ambassador", List.of("ambassador", "envoy"),
            "premier", List.of("premier", "minister"),
            "spokesperson", List.of("spokesperson", "spokesman", "spokeswoman"),
            "spokesman", List.of("spokesman", "spokesperson"),
            "spokeswoman", List.of("spokeswoman", "spokesperson"),
            "chief", List.of("chief", "head", "director", "director-general"),
            "monarch", List.of("monarch", "king", "queen"));
    private static final int MAX_QUOTE_SPAN = 12;
    private static final int MAX_CLAUSE_TOKENS = 80;

    private final PhraseReader phrases;

    SpeakerExtractor(CountryGazetteer gazetteer) {
        this.phrases = new PhraseReader(gazetteer);
    }

    /** A person named in the article, for short forms, title references and pronouns. */
    private record Mention(List<String> name, Set<String> titles, char gender, int order) {
    }

    // ---- the article ----------------------------------------------------------------------------------

    /** Mutable state of one pass over one article (never shared between threads). */
    private final class Pass {
        final List<List<Token>> paragraphs;
        final List<ParagraphKind> kinds;
        /** Distinct person names of the article by their lower-case form (first mention, with a known gender). */
        final Map<String, Mention> byName = new HashMap<>();
        /** Lower-case word -> keys of the distinct names containing it, for short forms. */
        final Map<String, List<String>> byWord = new HashMap<>();
        /** Title word -> mentions with that title, in article order, for "the King wrote". */
        final Map<String, List<Mention>> byTitle = new HashMap<>();
        /** Keys of names that were seen with a title at least once. */
        final Set<String> titled = new HashSet<>();
        final List<Mention> focus = new ArrayList<>(); // recent subjects and speakers, most recent last
        final int[][] sentenceStarts;
        int paragraph; // the paragraph being attributed

        Pass(List<List<Token>> paragraphs, List<ParagraphKind> kinds) {
            this.paragraphs = paragraphs;
            this.kinds = kinds;
            this.sentenceStarts = new int[paragraphs.size()][];
            for (int i = 0; i < paragraphs.size(); i++) sentenceStarts[i] = PhraseReader.sentences(paragraphs.get(i));
        }

        void collectMentions() {
            for (int pi = 0; pi < paragraphs.size(); pi++) {
                List<Token> t = paragraphs.get(pi);
                int[] s = sentenceStarts[pi];
                for (int si = 0; si + 1 < s.length; si++) {
                    int from = s[si], to = s[si + 1];
                    for (int k = from; k < to; k++) {
                        if (!phrases.runToken(t, k, from, to) || phrases.runToken(t, k - 1, from, to)) continue;
                        int b = k;
                        while (phrases.runToken(t, b + 1, from, to)) b++;
                        Phrase p = phrases.classify(t, k, b, from, false);
                        if (p != null && p.kind() == Phrase.Kind.PERSON && (!p.titles().isEmpty() || p.name().size() >= 2)) {
                            remember(new Mention(p.name(), p.titles(), p.gender(), pi));
                        }
                        k = b;
                    }
                }
            }
        }

        private void remember(Mention m) {
            String key = key(m.name());
            Mention known = byName.get(key);
            if (known == null) {
                byName.put(key, m);
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
                if (containsRun(m.name(), name) && (titled.contains(k) || m.name().size() > name.size())) return false;
            }
            return true;
        }

        /** The longest name in the article that contains {@code name} as a run of words, or null if none supports it. */
        List<String> longestForm(List<String> name) {
            List<String> best = null;
            for (String k : byWord.getOrDefault(NameWords.lower(name.getFirst()), List.of())) {
                Mention m = byName.get(k);
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
                    for (String head : TITLE_SYNONYMS.getOrDefault(p.head(), List.of(p.head()))) {
                        List<Mention> withTitle = byTitle.getOrDefault(head, List.of());
                        for (int i = withTitle.size() - 1; i >= 0; i--) {
                            Mention m = withTitle.get(i);
                            if (m.order() > paragraph) continue;
                            List<String> longest = longestForm(m.name());
                            yield longest == null ? m : new Mention(longest, m.titles(), m.gender(), m.order());
                        }
                    }
                    // "Jaishankar struck a cautious note. ... the Indian minister said": the person just in focus,
                    // unless the article gave that person other roles.
                    Mention recent = focus.isEmpty() ? null : focus.getLast();
                    boolean untitled = recent != null && recent.titles().stream().allMatch(NameWords.ROLELESS::contains);
                    yield recent != null && untitled && recent.order() >= paragraph - 1 ? recent : null;
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
                // Furniture is read too: a linked headline under "Related Articles" ("Minister X says ...") still
                // names who said what, and "Share"/"Tags:" lines have no speech verb to match.
                boolean speaking = kind == ParagraphKind.BODY || kind == ParagraphKind.TITLE || kind == ParagraphKind.HEADING
                        || kind == ParagraphKind.BOILERPLATE;
                if (!speaking) continue; // captions describe photos; bylines and datelines quote nobody
                boolean continues = inQuote;
                LinkedHashSet<String> own = new LinkedHashSet<>();
                boolean ownSource = attribute(t, own, sources.get(i));
                speakers.get(i).addAll(own);
                QuoteShape shape = quoteShape(t, continues);
                if (continues && !shape.startsWithQuote() && !own.isEmpty() && !shape.closes()) {
                    continues = false; // an attributed paragraph of its own: the open quote was a typo
                    inQuote = false;
                }
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
                // A stray straight quote (inches, a typo) opens nothing unless the next paragraph continues the
                // quotation: it starts with a quote mark or closes one.
                if (shape.endsInside() && (!shape.straight() || i + 1 < n && continuesStraightQuote(paragraphs.get(i + 1)))) {
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
            int[] s = sentenceStarts[paragraph];
            Phrase p = clauseSubject(t, s[s.length - 2], t.size());
            return p == null ? null : resolve(p);
        }

        /** Finds the speech acts of one paragraph; adds person names to {@code out}. True if a source spoke. */
        boolean attribute(List<Token> t, Set<String> out, Set<String> sources) {
            boolean sourceSpoke = false;
            Mention interviewee = transcriptSpeaker(t);
            if (interviewee != null) out.add(String.join(" ", interviewee.name()));
            int[] s = sentenceStarts[paragraph];
            for (int si = 0; si + 1 < s.length; si++) {
                int from = s[si], to = s[si + 1];
                Phrase subject = clauseSubject(t, from, to);
                if (subject != null && subject.kind() == Phrase.Kind.PERSON) {
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
                            || lw.equals("shared") && sharedWords(t, v, to)
                            || lw.equals("called") && v + 1 < to && (t.get(v + 1).is("for") || t.get(v + 1).is("on"))) {
                        p = speechSubject(t, v, from, to);
                    } else if (PARTICIPLES.contains(lw) && v > from && t.get(v - 1).is(",")) {
                        p = clauseSubject(t, from, v);
                    } else if (lw.equals("quoted") && v + 1 < to) {
                        p = quotedAsSaying(t, v, to); // "Xinhua quoted Wang as saying ..."
                    } else if (according) {
                        p = phrases.phraseStartingAt(t, v + 2, to);
                        // Media and documents are quoted this way too: a person needs a title or an earlier full mention.
                        if (p != null && p.kind() == Phrase.Kind.PERSON && p.titles().isEmpty() && longestForm(p.name()) == null
                                || p != null && p.kind() == Phrase.Kind.PERSON && p.titles().isEmpty() && mentionedOnlyHere(p.name())) {
                            p = new Phrase(Phrase.Kind.SOURCE, List.of(), Set.of(), String.join(" ", p.name()), (char) 0);
                        }
                    }
                    if (p == null) continue;
                    Phrase partner = p.kind() == Phrase.Kind.PERSON && SPEECH_VERBS.contains(lw) ? conjoined(t, v, from) : null;
                    if (partner != null) {
                        Mention m = resolve(partner);
                        if (m != null) out.add(String.join(" ", m.name()));
                    }
                    if (p.kind() == Phrase.Kind.SOURCE) {
                        sources.add(cleanSource(p.head()));
                        sourceSpoke = true;
                        continue;
                    }
                    if (SOURCE_ONLY_VERBS.contains(lw) && p.kind() != Phrase.Kind.PERSON) continue;
                    Mention m = resolve(p);
                    if (m == null) {
                        // A lone capitalised word never introduced as a person: an agency or outlet ("Reuters reported").
                        if (p.kind() == Phrase.Kind.PERSON) sources.add(String.join(" ", p.name()));
                        continue;
                    }
                    attend(m);
                    String name = String.join(" ", m.name());
                    out.add(name);
                }
            }
            return sourceSpoke;
        }

        /** "Balakrishnan: We do not want to choose sides." A transcript line starts with its speaker and a colon. */
        Mention transcriptSpeaker(List<Token> t) {
            int b = 0;
            while (phrases.runToken(t, b, 0, t.size())) b++;
            if (b == 0 || b > 6 || b >= t.size() || !t.get(b).is(":")) return null;
            Phrase p = phrases.classify(t, 0, b - 1, 0, false);
            if (p == null || p.kind() != Phrase.Kind.PERSON) return null;
            Mention m = resolve(p);
            if (m != null) attend(m);
            return m;
        }

        /** The first of two joined subjects: "Christopher Luxon and Penny Wong said" -> Christopher Luxon. */
        Phrase conjoined(List<Token> t, int v, int from) {
            int j = skipGap(t, v - 1, from);
            if (j < from || !t.get(j).word()) return null;
            int a = phrases.runStart(t, j, from);
            if (a - 2 < from || !t.get(a - 1).is("and")) return null;
            Phrase first = phrases.phraseEndingAt(t, a - 2, from);
            return first != null && first.kind() == Phrase.Kind.PERSON ? first : null;
        }

        /** The subject of the speech verb at {@code v}. */
        Phrase speechSubject(List<Token> t, int v, int from, int to) {
            if (v + 1 < to && t.get(v + 1).is("by")) { // passive: "were underlined by Prime Minister Hun Sen"
                Phrase p = phrases.phraseStartingAt(t, v + 2, to);
                if (p != null) return p;
            }
            if (v > from && t.get(v - 1).is("to")) return null; // "went on to say", "wants to add"
            int j = skipGap(t, v - 1, from);
            if (j < from || t.get(j).is("“") || PhraseReader.CLOSE_QUOTES.contains(t.get(j).text()) || t.get(j).is("\"") || t.get(j).is("’")
                    || t.get(j).is(",") && j > from && (PhraseReader.CLOSE_QUOTES.contains(t.get(j - 1).text()) || t.get(j - 1).is("\""))) {
                // "“...,” said Foreign Minister Wang Yi." or a sentence that starts with the verb
                Phrase after = phrases.phraseStartingAt(t, v + 1, to);
                return after != null && after.kind() != Phrase.Kind.PRONOUN ? after : null;
            }
            Token last = t.get(j);
            if (last.is("who") && j - 1 > from && t.get(j - 1).is(",")) return phrases.phraseEndingAt(t, j - 2, from);
            // "X welcomed the minister and highlighted ...": a second verb shares the clause's subject.
            if (last.is("and") && j > from && t.get(j - 1).word()) {
                Phrase shared = clauseSubject(t, from, v);
                return shared == null || shared.kind() == Phrase.Kind.SOURCE ? null : shared;
            }
            if (last.is(",")) {
                // "Kin Phea, director of the Royal Academy ..., said": skip the appositive back to its comma.
                int c = j - 1;
                while (c > from && !t.get(c).is(",") && !PhraseReader.OPEN_QUOTES.contains(t.get(c).text())
                        && !PhraseReader.CLOSE_QUOTES.contains(t.get(c).text())) c--;
                // "A spokeswoman for the ministry, Hikariko Ono, said": the name itself stands between the commas.
                if (c >= from && c + 1 < j && t.get(c + 1).capitalised()) {
                    int b = c + 1;
                    while (phrases.runToken(t, b + 1, c + 1, j)) b++;
                    if (b == j - 1) {
                        Phrase inner = phrases.classify(t, c + 1, b, from, false);
                        if (inner != null && inner.kind() == Phrase.Kind.PERSON) return inner;
                    }
                }
                // The appositive describes: lower case ("director of ..."), a relative clause ("who ..."), or a
                // title ("Minister of Commerce").
                if (c > from && t.get(c).is(",") && c + 1 < j) {
                    Token first = t.get(c + 1);
                    if (!first.capitalised() || first.has(Token.TITLE) || first.lower().equals("who") || first.lower().equals("whose")) {
                        return phrases.phraseEndingAt(t, skipGap(t, c - 1, from), from);
                    }
                }
                return null;
            }
            return phrases.phraseEndingAt(t, j, from);
        }

        /** The subject at the start of a sentence's main clause, after introductory phrases ("In his letter to X, "). */
        Phrase clauseSubject(List<Token> t, int from, int to) {
            to = Math.min(to, from + MAX_CLAUSE_TOKENS); // a subject stands near the start: bounded work on run-on text
            int k = from;
            for (int guard = 0; guard < 6 && k < to; guard++) {
                while (k < to && !t.get(k).word()) k++;
                if (k >= to) return null;
                Token x = t.get(k);
                String lw = x.lower();
                if (lw.equals("he") || lw.equals("she")) return new Phrase(Phrase.Kind.PRONOUN, List.of(), Set.of(), lw, lw.equals("she") ? 'F' : 'M');
                int a = k;
                if (PhraseReader.isDeterminer(lw) && k + 1 < to) a = k + 1;
                if (phrases.runToken(t, a, from, to) && (a == k || !t.get(a).capitalised() || t.get(a).has(Token.TITLE))) {
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

    /** The person in "quoted X as saying/telling/stating", or null. */
    private Phrase quotedAsSaying(List<Token> t, int v, int to) {
        Phrase p = phrases.phraseStartingAt(t, v + 1, to);
        if (p == null) return null;
        for (int k = v + 2; k + 1 < to && k < v + 9; k++) {
            if (t.get(k).is("as") && PARTICIPLES.contains(t.get(k + 1).lower())) return p;
        }
        return null;
    }

    /** "X wrote to Y" names a letter but carries none of its words unless "that", a colon or a quote follows. */
    private static boolean letterWithoutWords(List<Token> t, int v, int to) {
        if (v + 1 >= to || !t.get(v + 1).is("to")) return false;
        for (int k = v + 2; k < Math.min(to, v + MAX_CLAUSE_TOKENS); k++) {
            Token x = t.get(k);
            if (x.is("that") || x.is(":") || x.is("saying") || PhraseReader.OPEN_QUOTES.contains(x.text()) || x.is("\"")) return false;
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
        while (i < w.length - 1 && PhraseReader.isDeterminer(NameWords.lower(w[i]))) i++;
        return String.join(" ", java.util.Arrays.copyOfRange(w, i, w.length));
    }

    /**
     * @param straight whether the quotation open at the end was opened by a straight quote mark
     * @param closes   whether a quotation closes in the paragraph
     */
    private record QuoteShape(boolean startsWithQuote, boolean endsInside, boolean straight, boolean closes, boolean endsWithColon) {
    }

    private static boolean continuesStraightQuote(List<Token> next) {
        int marks = 0;
        for (Token x : next) if (x.is("\"")) marks++;
        return startsWithQuote(next) || marks % 2 == 1;
    }

    private static boolean startsWithQuote(List<Token> t) {
        return !t.isEmpty() && (PhraseReader.OPEN_QUOTES.contains(t.getFirst().text()) || t.getFirst().is("\""));
    }

    /** Whether a paragraph starts with a quote, whether a quotation is still open at its end, and a closing colon. */
    private static QuoteShape quoteShape(List<Token> t, boolean startsInside) {
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
                closes |= inside;
                inside = !inside;
                straight = inside;
            }
        }
        boolean colon = !t.isEmpty() && t.getLast().is(":");
        return new QuoteShape(startsWithQuote(t), inside, straight, closes, colon);
    }

    /** Speakers and sources of every paragraph of an article, in order. */
    List<Attribution> extract(List<List<Token>> paragraphs, List<ParagraphKind> kinds) {
        return new Pass(paragraphs, kinds).run();
    }
}
