package org.parley.search;

/** A country as shown to users: ISO 3166-1 alpha-2 code and English name. */
public record CountryRef(String code, String name) {
}
