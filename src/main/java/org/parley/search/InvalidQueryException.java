package org.parley.search;

/**
 * Client input that cannot be searched: becomes an HTTP 400 with {@code {"error", "message", "param"}}.
 * Unchecked, so that request records can refuse bad values as they are built and the web and command-line
 * frameworks map it in one place.
 */
public final class InvalidQueryException extends RuntimeException {
    private final String code;
    private final String param;

    public InvalidQueryException(String code, String message, String param) {
        super(message);
        this.code = code;
        this.param = param;
    }

    /** Machine-readable error code, e.g. {@code invalid_query}. */
    public String code() {
        return code;
    }

    /** The request parameter at fault, or null. */
    public String param() {
        return param;
    }
}
