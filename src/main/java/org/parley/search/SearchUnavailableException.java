package org.parley.search;

/**
 * The backend cannot answer for now (a search cluster that cannot be reached, or none of whose nodes holds part of
 * the index): not the client's fault and not a fault of parley, so it becomes an HTTP 503 {@code unavailable} with
 * {@code Retry-After}, a page that says so, and one line on the command line.
 */
public final class SearchUnavailableException extends RuntimeException {
    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
