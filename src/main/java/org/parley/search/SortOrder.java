package org.parley.search;

import java.util.Locale;

/** Result order. */
public enum SortOrder {
    RELEVANCE("relevance"), DATE_ASC("date"), DATE_DESC("-date");

    private final String param;

    SortOrder(String param) {
        this.param = param;
    }

    /** The value used in URLs and the JSON API. */
    public String param() {
        return param;
    }

    /** Parses a URL value; null or blank means relevance. */
    public static SortOrder fromParam(String value) throws InvalidQueryException {
        if (value == null || value.isBlank()) return RELEVANCE;
        for (SortOrder s : values()) if (s.param.equals(value.strip().toLowerCase(Locale.ROOT))) return s;
        throw new InvalidQueryException("invalid_sort", "sort must be one of relevance, date, -date", "sort");
    }
}
