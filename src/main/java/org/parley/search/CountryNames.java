package org.parley.search;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parley.enrich.Enricher;

/**
 * What users type for a country (an ISO 3166-1 alpha-2 code or an English name, any case) and the code every
 * backend stores, both ways: one rule for requests, query syntax and labels, whatever the backend.
 */
public final class CountryNames {
    private static final Map<String, String> BY_KEY = keys();

    private CountryNames() {
    }

    private static Map<String, String> keys() {
        Map<String, String> byKey = new HashMap<>();
        for (String code : Locale.getISOCountries()) add(byKey, code);
        add(byKey, "XK"); // Kosovo: user-assigned code in common use, not in the JDK's list
        return Map.copyOf(byKey);
    }

    private static void add(Map<String, String> byKey, String code) {
        byKey.put(code.toLowerCase(Locale.ROOT), code);
        byKey.putIfAbsent(Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        String name = Enricher.countryName(code);
        if (name != null && !name.isBlank()) byKey.putIfAbsent(name.toLowerCase(Locale.ROOT), code);
    }

    /** The code for what a user typed, or empty when it names no country. */
    public static Optional<String> code(String input) {
        if (input == null) return Optional.empty();
        return Optional.ofNullable(BY_KEY.get(input.strip().toLowerCase(Locale.ROOT)));
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
