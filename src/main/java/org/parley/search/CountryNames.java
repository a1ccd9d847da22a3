package org.parley.search;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.parley.enrich.Enricher;

/**
 * What users type for a country (an ISO 3166-1 alpha-2 code or an English name, any case) and the code every
 * backend stores, both ways: one rule for requests, query syntax and labels, whatever the backend.
 * <p>
 * A name is any the enrichment recognises as naming the country in text ({@link Enricher#countryNames()}): common,
 * official, former and native names and abbreviations. Otherwise a filter would refuse names
 * the index itself tags paragraphs with: "Turkey" (the display name is "Türkiye"), "Russian Federation", "Viet Nam",
 * "Burma", "USA", "Holy See". Demonyms, capitals and seats of government ("Kremlin") are not names of a country. Case,
 * accents, curly apostrophes and a leading "the" do not matter ("Cote d'Ivoire", "the Holy See").
 */
public final class CountryNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, String> BY_KEY = keys();

    private CountryNames() {
    }

    private static Map<String, String> keys() {
        Map<String, String> byKey = new HashMap<>();
        for (String code : Locale.getISOCountries()) add(byKey, code);
        add(byKey, "XK"); // Kosovo: user-assigned code in common use, not in the JDK's list
        // The gazetteer's names come after codes and display names, which keep their meaning; a name the
        // gazetteer gives two countries names neither.
        Map<String, String> names = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        BiConsumer<String, String> name = (alias, code) -> {
            String key = key(alias);
            if (key.isEmpty() || byKey.containsKey(key)) return;
            String before = names.putIfAbsent(key, code);
            if (before != null && !before.equals(code)) ambiguous.add(key);
        };
        Enricher.countryNames().forEach(name);
        names.keySet().removeAll(ambiguous);
        byKey.putAll(names);
        return Map.copyOf(byKey);
    }

    private static void add(Map<String, String> byKey, String code) {
        byKey.put(code.toLowerCase(Locale.ROOT), code);
        byKey.putIfAbsent(key(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)), code);
        String name = Enricher.countryName(code);
        if (name != null && !name.isBlank()) byKey.putIfAbsent(key(name), code);
    }

    /** What a name is looked up by: lower case, accents and a leading "the" dropped, one kind of apostrophe and space. */
    static String key(String name) {
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        s = s.replace('\u2019', '\'').replace('\u02BC', '\'').toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        return s.startsWith("the ") ? s.substring(4) : s;
    }

    /** The code for what a user typed, or empty when it names no country. */
    public static Optional<String> code(String input) {
        if (input == null) return Optional.empty();
        return Optional.ofNullable(BY_KEY.get(key(input)));
    }

    /** The English name shown for a code. */
    public static String label(String code) {
        String name = Enricher.countryName(code);
        if (name == null || name.isBlank() || name.equals(code)) {
            String jdk = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            return jdk.isBlank() ? code : jdk;
        }
        return name;
    }
}
