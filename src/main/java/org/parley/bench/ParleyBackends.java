package org.parley.bench;

/** The parley backend the benchmark drives. */
public final class ParleyBackends {
    private ParleyBackends() {
    }

    /** Parley's Lucene index, or null while it is not available in this build. */
    public static ParleyBackend lucene() {
        return null;
    }
}
