package org.parley.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * A name is any the enrichment recognises as naming the country in text: the names, official, alternative, former
 * and native names of its gazetteer and the plain aliases of its overrides. Otherwise a filter would refuse names
 * the index itself tags paragraphs with: "Turkey" (the display name is "Türkiye"), "Russian Federation", "Viet Nam",
 * "Burma", "USA", "Holy See". Demonyms and capitals of the generated gazetteer are not names of a country. Case,
 * accents, curly apostrophes and a leading "the" do not matter ("Cote d'Ivoire", "the Holy See").
 */
public final class CountryNames {
    private static final String GAZETTEER = "/org/parley/enrich/countries.tsv";
    private static final String OVERRIDES = "/org/parley/enrich/country-overrides.tsv";
    /** The gazetteer's kinds of entry that name the country itself (not its people or its capital). */
    private static final Set<String> NAME_KINDS = Set.of("name", "official", "alt", "former", "native");
    private static final Pattern PLAIN_CODE = Pattern.compile("[A-Z]{2}");
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
        read(GAZETTEER, cols -> {
            if (cols.length >= 3 && NAME_KINDS.contains(cols[1])) name.accept(cols[2], cols[0]);
        });
        read(OVERRIDES, cols -> {
            if (cols.length >= 2 && PLAIN_CODE.matcher(cols[1]).matches()) name.accept(cols[0], cols[1]);
        });
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

    /** The tab-separated rows of a resource, comments and blank lines left out. */
    private static void read(String resource, java.util.function.Consumer<String[]> row) {
        try (InputStream in = CountryNames.class.getResourceAsStream(resource)) {
            if (in == null) return; // the codes and display names still work
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                row.accept(line.split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
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
