package org.parley.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The facet dimensions: what a paragraph is about (countries, years) and who speaks in it. */
public enum Dimension {
    COUNTRY("country"), YEAR("year"), SPEAKER("speaker");

    private final String param;

    Dimension(String param) {
        this.param = param;
    }

    /** The name in URLs, JSON and the index. */
    @JsonValue
    public String param() {
        return param;
    }

    /** The dimension a URL names; an unknown name is a client error. */
    public static Dimension fromParam(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Dimension d : values()) if (d.param.equals(n)) return d;
        throw new InvalidQueryException("unknown_facet", "unknown facet '" + SearchRequest.shorten(name)
                + "'; facets are country, year, speaker", "dim");
    }

    @Override
    public String toString() {
        return param;
    }
}
