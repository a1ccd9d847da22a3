package org.parley.solr;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parley.enrich.Enricher;

/** What users type for a country (ISO code or English name, any case) to the stored code; the same rule as the embedded index. */
final class SolrCountries {
    private static final Map<String, String> BY_KEY = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) add(code);
        add("XK");
    }

    private SolrCountries() {
    }

    private static void add(String code) {
        BY_KEY.put(code.toLowerCase(Locale.ROOT), code);
        BY_KEY.putIfAbsent(Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        String name = Enricher.countryName(code);
        if (name != null && !name.isBlank()) BY_KEY.putIfAbsent(name.toLowerCase(Locale.ROOT), code);
    }

    static Optional<String> resolve(String input) {
        if (input == null) return Optional.empty();
        return Optional.ofNullable(BY_KEY.get(input.strip().toLowerCase(Locale.ROOT)));
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
