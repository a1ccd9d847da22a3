package org.parley.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the countries a text mentions: names, official and former names, demonyms, capitals and the
 * reasoned additions of {@code country-overrides.tsv}, longest match first, so that a false friend such as
 * "Indian Ocean" hides "Indian". Immutable after construction and thread-safe.
 */
final class CountryGazetteer {
    private static final String GENERATED = "countries.tsv";
    private static final String OVERRIDES = "country-overrides.tsv";
    private static final String FALSE_FRIEND = "-";
    /** Words that may stand capitalised before a country without making it part of a person's name. */
    private static final Set<String> FUNCTION_WORDS = Set.of("The", "In", "On", "At", "Of", "For", "From", "To", "By",
            "And", "Or", "But", "With", "As", "After", "Before", "During", "Since", "Both", "While", "When", "Neighbouring",
            "Neighboring", "Like", "Unlike", "Including", "Against", "Between", "Across", "Within", "Outside", "Inside",
            "Visit", "Visits", "Via", "Than", "Only", "Even", "Also", "Said", "Says");

    private enum Guard { NONE, NOT_A_PERSON, BEFORE_HYPHEN }

    /** A country alias; {@code code} is an alpha-2 code, or several joined by "+" for a name of more than one country. */
    private record Alias(String code, Guard guard) {
        List<String> codes() {
            return code.indexOf('+') < 0 ? List.of(code) : List.of(code.split("\\+"));
        }
    }

    private record Piece(String key, int start, int end, boolean capitalised, boolean hyphenAfter) {
    }

    private final Map<String, Alias> aliases = new HashMap<>();
    private final Set<String> prefixes = new HashSet<>();
    private final Map<String, String> names = new HashMap<>();
    /** Names of a country itself, as written (not its people, capital or government): alias -> codes. */
    private final Map<String, Set<String>> countryNames = new HashMap<>();
    /** The generated gazetteer's kinds of alias that name the country itself. */
    private static final Set<String> NAME_KINDS = Set.of("name", "official", "alt", "former", "native");
    /** The aliases and their prefixes: most words of a text are neither, and are ruled out by this alone. */
    private final WordFilter aliasesOrPrefixes;

    /**
     * Historical and short names that the resources lack, with their successor (as "Soviet Union" -> RU):
     * general knowledge, never corpus text.
     */
    private static final String[][] BUILT_IN = {
            {"Yugoslavia", "RS"}, {"Yugoslav", "RS"}, {"Federal Republic of Yugoslavia", "RS"},
            {"Socialist Federal Republic of Yugoslavia", "RS"}, {"Serbia and Montenegro", "RS"},
            {"Czechoslovakia", "CZ"}, {"Czechoslovak", "CZ"}, {"Bosnia", "BA"}, {"Northern Ireland", "GB"},
            {"Northern Irish", "GB"}};
    /** Words after "Georgia" that make it the US state: "Georgia's governor", "Georgia Republicans". */
    private static final Set<String> US_STATE_NOUNS = Set.of("governor", "gov", "secretary", "attorney", "legislature",
            "legislators", "lawmakers", "lieutenant", "senator", "senators", "congressman", "congresswoman",
            "republicans", "republican", "democrats", "democrat", "county", "counties", "primary", "primaries",
            "statehouse", "capitol", "senate", "house", "state", "supreme", "delegation", "sheriff", "bulldogs");
    /** Cities of the US state of Georgia, as "Atlanta, Georgia" tells the state from the country. */
    private static final Set<String> GEORGIA_US_CITIES = Set.of("atlanta", "savannah", "augusta", "macon", "athens",
            "columbus", "marietta", "alpharetta", "albany", "valdosta", "roswell", "sandy", "decatur", "dalton");
    /** Words after a country name that is also a person's name which make it the state's institution, not a name. */
    private static final Set<String> STATE_INSTITUTION_WORDS = Set.of("defense", "defence", "armed", "forces", "army",
            "police", "embassy", "ministry", "government");
    /** Capitalised words after "Turkey" that make it the bird in a name: "National Turkey Federation". */
    private static final Set<String> BIRD_NAME_WORDS = Set.of("federation", "association", "council", "growers",
            "farm", "farms", "producers", "day", "trot", "pardon", "hotline");

    CountryGazetteer() {
        load(GENERATED, false);
        load(OVERRIDES, true);
        for (String[] b : BUILT_IN) add(b[0], new Alias(b[1], Guard.NONE), false);
        List<String> keys = new ArrayList<>(aliases.keySet());
        keys.addAll(prefixes);
        aliasesOrPrefixes = WordFilter.of(keys);
    }

    private Alias alias(String key) {
        return aliasesOrPrefixes.mightContain(key) ? aliases.get(key) : null;
    }

    private boolean isPrefix(String key) {
        return aliasesOrPrefixes.mightContain(key) && prefixes.contains(key);
    }

    /** Whether {@code word} is a country alias that is also a given name or surname ("Jordan", "Chad", "Georgia"). */
    boolean isPersonLikeAlias(String word) {
        Alias a = alias(word);
        return a != null && a.guard() == Guard.NOT_A_PERSON;
    }

    /**
     * Whether an article's "Georgia" is the US state: "Atlanta, Georgia", "Georgia's governor", "Georgia
     * Republicans", "the state of Georgia" somewhere in it.
     */
    static boolean georgiaIsUsState(List<List<Token>> paragraphs, List<String> texts) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (!texts.get(i).contains("Georgia")) continue;
            List<Token> t = paragraphs.get(i);
            for (int k = 0; k < t.size(); k++) {
                if (!t.get(k).is("Georgia")) continue;
                int n = k + 1 < t.size() && t.get(k + 1).is("'s") ? k + 2 : k + 1;
                if (n < t.size() && t.get(n).word() && US_STATE_NOUNS.contains(t.get(n).lower())) return true;
                if (k >= 2 && t.get(k - 1).is(",") && GEORGIA_US_CITIES.contains(t.get(k - 2).lower())) return true;
                if (k >= 2 && t.get(k - 1).is("of") && t.get(k - 2).lower().equals("state")) return true;
            }
        }
        return false;
    }

    /** The English display name of an alpha-2 code, or the code itself when unknown. */
    String name(String code) {
        return code == null ? null : names.getOrDefault(code.toUpperCase(Locale.ROOT), code);
    }

    /**
     * Whether one word is by itself a country alias ("Russian", "Moscow"), not a false friend: "Dominique", "Maurice"
     * and "Victoria" are listed as given names first, and stay name words.
     */
    boolean isAlias(String word) {
        Alias a = alias(word);
        return a != null && !a.code().equals(FALSE_FRIEND);
    }

    /**
     * Whether the words of a name, together, are a place's alias or false friend ("Costa Rica", "Sri Lanka", "Buenos
     * Aires", "Casa Rosada"): a place, not a person. Asked only when the first word starts a longer alias.
     */
    boolean isPlaceName(List<String> words) {
        if (words.size() < 2 || !isPrefix(words.getFirst())) return false;
        return alias(String.join(" ", words)) != null;
    }

    /** The one country a single word names by itself ("Russian", "Kremlin", "Turkey"), or null: none, several, a false friend. */
    String countryOf(String word) {
        Alias a = alias(word);
        return a == null || a.code().equals(FALSE_FRIEND) || a.code().indexOf('+') >= 0 ? null : a.code();
    }

    /** Alpha-2 codes of the countries {@code text} mentions, in order of first mention. */
    List<String> find(String text) {
        return find(Tokenizer.tokenize(text), text);
    }

    List<String> find(List<Token> tokens, String text) {
        return find(tokens, text, Set.of());
    }

    /**
     * @param persons words that name a person of the article, never the country they also spell ("Jordan" after
     *                "Rep. Dale Jordan"); only aliases that are also names are suppressed
     */
    List<String> find(List<Token> tokens, String text, Set<String> persons) {
        List<Piece> pieces = pieces(tokens);
        LinkedHashSet<String> found = new LinkedHashSet<>();
        int n = pieces.size();
        for (int i = 0; i < n; i++) {
            Piece first = pieces.get(i);
            // The word alone first, as the tokenizer made it (its hash already computed); a key of several words only
            // after a prefix of an alias. Aliases start with a capital; a few do not ("state of Georgia", "inter-Korean").
            Alias best = alias(first.key());
            boolean prefix = isPrefix(first.key());
            if (!first.capitalised() && !prefix && best == null) continue;
            int bestEnd = best == null ? -1 : i;
            if (prefix) {
                StringBuilder key = new StringBuilder(first.key());
                for (int j = i + 1; j < n; j++) {
                    if (!adjacent(text, pieces.get(j - 1), pieces.get(j))) break;
                    key.append(' ').append(pieces.get(j).key());
                    String k = key.toString();
                    Alias a = alias(k);
                    if (a != null) {
                        best = a;
                        bestEnd = j;
                    }
                    if (!isPrefix(k)) break;
                }
            }
            if (best == null) continue;
            boolean person = bestEnd == i && best.guard() == Guard.NOT_A_PERSON && persons.contains(first.key());
            if (!person && accept(best, pieces, i, bestEnd, text) && !turkeyTheBird(pieces, i, bestEnd, best)) found.addAll(best.codes());
            i = bestEnd; // a false friend or a rejected alias still consumes its words
        }
        found.remove(FALSE_FRIEND);
        return List.copyOf(found);
    }

    /** "the National Turkey Federation": the bird in an organisation's name. */
    private static boolean turkeyTheBird(List<Piece> pieces, int i, int end, Alias a) {
        if (i != end || !a.code().equals("TR") || !pieces.get(i).key().equals("Turkey") || i + 1 >= pieces.size()) return false;
        Piece next = pieces.get(i + 1);
        return next.capitalised() && BIRD_NAME_WORDS.contains(next.key().toLowerCase(Locale.ROOT));
    }

    private static boolean adjacent(String text, Piece a, Piece b) {
        // Words of one name are separated by spaces or a hyphen only; punctuation ends the name.
        for (int p = a.end(); p < b.start(); p++) {
            char c = text.charAt(p);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-') return false;
        }
        return true;
    }

    private boolean accept(Alias alias, List<Piece> pieces, int from, int to, String text) {
        if (alias.code().equals(FALSE_FRIEND)) return true;
        Piece last = pieces.get(to);
        if (last.end() < text.length() && text.charAt(last.end()) == '$') return false; // "US$20", "HK$5": money
        if (usStateAfter(pieces, to) && !isCountryName(pieces, from, to)) return false; // "San José, California", "Athens, Ohio"
        return switch (alias.guard()) {
            case NONE -> true;
            case BEFORE_HYPHEN -> last.hyphenAfter();
            case NOT_A_PERSON -> !nameWord(pieces, from - 1, text, true) && !nameWord(pieces, to + 1, text, false);
        };
    }

    /** US states, and the AP's abbreviations of them, that follow a town's name and a comma: "Athens, Ohio". */
    private static final Set<String> US_STATES = Set.of("Alabama", "Alaska", "Arizona", "Arkansas", "California",
            "Colorado", "Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
            "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
            "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
            "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Wisconsin", "Wyoming",
            "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "Md", "Mass",
            "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Vt", "Va", "Wis", "Wyo");
    /** First words of the US states named in two words: "North Carolina", "New Jersey", "Rhode Island". */
    private static final Set<String> US_STATE_FIRST_WORDS = Set.of("New", "North", "South", "West", "Rhode");

    /**
     * Whether a comma and a US state follow the piece at {@code to}, closed by punctuation or a lower-case word other
     * than "and"/"or": "San José, California, ...", "Athens, Ga.", "Lima, Ohio", "Moscow, Idaho" are American towns,
     * not the capitals they share a name with. Not "Washington" or "New York" (cities in lists of capitals: "Moscow,
     * Washington and Beijing"), nor "Georgia" unless the town is one of its own ("Athens, Georgia"; "Tbilisi, Georgia").
     */
    private static boolean usStateAfter(List<Piece> pieces, int to) {
        if (to + 2 >= pieces.size() || !pieces.get(to + 1).key().equals(",")) return false; // punctuation is a piece too
        Piece next = pieces.get(to + 2);
        int end;
        if (US_STATES.contains(next.key())) {
            end = to + 2;
        } else if (next.key().equals("Georgia") && GEORGIA_US_CITIES.contains(pieces.get(to).key().toLowerCase(Locale.ROOT))) {
            end = to + 2;
        } else {
            if (!US_STATE_FIRST_WORDS.contains(next.key()) || to + 3 >= pieces.size()) return false;
            String second = pieces.get(to + 3).key();
            if (!(second.equals("Jersey") || second.equals("Hampshire") || second.equals("Mexico") || second.equals("Carolina")
                    || second.equals("Dakota") || second.equals("Virginia") || second.equals("Island"))) return false;
            end = to + 3;
        }
        if (end + 1 >= pieces.size()) return true;
        Piece after = pieces.get(end + 1);
        if (after.key().equals("and") || after.key().equals("or")) return false; // "Mexico City, Texas and California"
        return !after.capitalised() || after.key().equals(".");
    }

    /** Whether the alias of pieces [from, to] is a country's name ("Mexico", "Costa Rica"), not a capital or demonym. */
    private boolean isCountryName(List<Piece> pieces, int from, int to) {
        StringBuilder b = new StringBuilder(pieces.get(from).key());
        for (int k = from + 1; k <= to; k++) b.append(' ').append(pieces.get(k).key());
        return countryNames.containsKey(b.toString());
    }

    /** Whether the piece at {@code i} is a capitalised word that would make the alias part of a person's name. */
    private boolean nameWord(List<Piece> pieces, int i, String text, boolean before) {
        if (i < 0 || i >= pieces.size()) return false;
        Piece p = pieces.get(i);
        Piece other = pieces.get(before ? i + 1 : i - 1);
        if (!p.capitalised() || FUNCTION_WORDS.contains(p.key()) || alias(p.key()) != null) return false;
        // "Israel Defense Forces", "Jordan Armed Forces", "Israel Police": the state's own institutions
        if (!before && STATE_INSTITUTION_WORDS.contains(p.key().toLowerCase(Locale.ROOT))) return false;
        Piece a = before ? p : other, b = before ? other : p;
        for (int c = a.end(); c < b.start(); c++) {
            if (!Character.isWhitespace(text.charAt(c))) return false;
        }
        return Character.isLetter(p.key().charAt(p.key().length() - 1));
    }

    /** Words, with hyphenated compounds that are no alias split into their parts ("Cambodia-Russia"). */
    private List<Piece> pieces(List<Token> tokens) {
        List<Piece> out = new ArrayList<>(tokens.size() + 4);
        for (Token t : tokens) {
            String w = t.text();
            boolean cap = t.capitalised();
            if (!t.word() || w.indexOf('-') < 0 || alias(w) != null || isPrefix(w)) {
                out.add(new Piece(w, t.start(), t.end(), cap, false));
                continue;
            }
            int s = 0;
            while (s <= w.length()) {
                int h = w.indexOf('-', s);
                int e = h < 0 ? w.length() : h;
                if (e > s) {
                    String part = w.substring(s, e);
                    out.add(new Piece(part, t.start() + s, t.start() + e, Character.isUpperCase(part.codePointAt(0)), h >= 0));
                }
                if (h < 0) break;
                s = h + 1;
            }
        }
        return out;
    }

    private void load(String resource, boolean overrides) {
        try (InputStream in = CountryGazetteer.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (overrides) {
                    addOverride(f[0], f[1], f.length > 2 ? f[2] : "");
                } else {
                    if (f[1].equals("name")) names.putIfAbsent(f[0], f[2]);
                    if (NAME_KINDS.contains(f[1])) nameOf(f[2], f[0]);
                    add(f[2], new Alias(f[0], Guard.NONE), false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void nameOf(String alias, String code) {
        countryNames.computeIfAbsent(alias, a -> new HashSet<>(2)).add(code);
    }

    /**
     * Every name of a country the gazetteer knows, as written ("Turkey", "Russian Federation", "Viet Nam", "USA"), with
     * its code; not demonyms, capitals or seats of government, and not a name two countries share.
     */
    Map<String, String> countryNames() {
        Map<String, String> out = new HashMap<>();
        countryNames.forEach((alias, codes) -> {
            if (codes.size() == 1) out.put(alias, codes.iterator().next());
        });
        return Map.copyOf(out);
    }

    private void addOverride(String alias, String spec, String note) {
        if (spec.equals(FALSE_FRIEND)) {
            add(alias, new Alias(FALSE_FRIEND, Guard.NONE), true);
        } else if (spec.endsWith("?")) {
            add(alias, new Alias(spec.substring(0, 2), Guard.NOT_A_PERSON), true);
        } else if (spec.endsWith("-")) {
            add(alias, new Alias(spec.substring(0, 2), Guard.BEFORE_HYPHEN), true);
        } else {
            add(alias, new Alias(spec, Guard.NONE), true);
            // "Turkey: common English name", "USA: usual abbreviation"; not "Kremlin: seat of ..." or "French: demonym",
            // nor a name of several countries ("KR+KP")
            if (spec.indexOf('+') < 0 && (note.contains("name") || note.contains("abbreviation"))) nameOf(alias, spec);
        }
    }

    private void add(String alias, Alias value, boolean replace) {
        List<Token> toks = Tokenizer.tokenize(alias);
        if (toks.isEmpty()) return;
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < toks.size(); i++) {
            if (i > 0) {
                prefixes.add(key.toString());
                key.append(' ');
            }
            key.append(toks.get(i).text());
        }
        String k = key.toString();
        if (replace) aliases.put(k, value); else aliases.putIfAbsent(k, value);
        // Datelines and headlines in capitals ("PHNOM PENH--"): long aliases also match in upper case.
        String upper = k.toUpperCase(Locale.ROOT);
        if (k.replaceAll("[^\\p{L}]", "").length() >= 4 && !upper.equals(k)) {
            if (replace) aliases.put(upper, value); else aliases.putIfAbsent(upper, value);
            int sp = 0;
            while ((sp = upper.indexOf(' ', sp + 1)) > 0) prefixes.add(upper.substring(0, sp));
        }
    }
}
