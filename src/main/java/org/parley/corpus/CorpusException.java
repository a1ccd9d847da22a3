package org.parley.corpus;

/** A corpus file that cannot be read as an article; the message says why, for the indexing report. */
public final class CorpusException extends Exception {
    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
