package org.parley.index;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parley.enrich.Enricher;

/**
 * Resolves what users type for a country (an ISO 3166-1 alpha-2 code or an English name, any case) to the code
 * the index stores. Immutable after construction.
 */
final class Countries {
    private final Map<String, String> byKey = new HashMap<>();

    Countries() {
        for (String code : Locale.getISOCountries()) add(code);
        add("XK"); // Kosovo: user-assigned code in common use, not in the JDK's list
    }

    private void add(String code) {
        byKey.put(code.toLowerCase(Locale.ROOT), code);
        byKey.putIfAbsent(Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        String name = Enricher.countryName(code);
        if (name != null && !name.isBlank()) byKey.putIfAbsent(name.toLowerCase(Locale.ROOT), code);
    }

    Optional<String> resolve(String input) {
        if (input == null) return Optional.empty();
        return Optional.ofNullable(byKey.get(input.strip().toLowerCase(Locale.ROOT)));
    }

    static String label(String code) {
        String name = Enricher.countryName(code);
        if (name == null || name.isBlank() || name.equals(code)) {
            String jdk = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            return jdk.isBlank() ? code : jdk;
        }
        return name;
    }
}
