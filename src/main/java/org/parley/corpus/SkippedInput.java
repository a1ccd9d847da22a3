package org.parley.corpus;

/**
 * A file, or a part of one, that was not read as an article, and why: for the build summary.
 *
 * @param file   the file as listed (a path relative to the corpus folder when the caller gave one, else as given)
 * @param where  the part of the file (e.g. {@code line 17}, {@code item 42}, {@code record <uri>}), or null for the whole file
 * @param reason why it was skipped, e.g. {@code unsupported type}, {@code parse error: ...}, {@code empty after extraction}
 */
public record SkippedInput(String file, String where, String reason) {
    /** One line for a report: {@code file: reason} or {@code file (where): reason}. */
    public String describe() {
        return where == null ? file + ": " + reason : file + " (" + where + "): " + reason;
    }
}
