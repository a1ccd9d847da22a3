package org.parley.web;

import io.javalin.http.Context;

/** Headers that keep browsers from running or framing anything we did not mean them to. */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Every response's security headers, in order; also set on the errors Jetty answers before any route runs. */
    static final java.util.Map<String, String> HEADERS = orderedHeaders();

    private static java.util.Map<String, String> orderedHeaders() {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        return java.util.Collections.unmodifiableMap(h);
    }

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        HEADERS.forEach(ctx::header);
    }
}
