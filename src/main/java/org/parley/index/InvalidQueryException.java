package org.parley.index;

/** Client input that cannot be searched: becomes an HTTP 400 with {@code {"error", "message", "param"}}. */
public final class InvalidQueryException extends Exception {
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
