package org.parley.index;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * An upper bound of the number of documents a user query matches, from document frequencies alone (no postings
 * read): what decides whether a search is cheap enough to count and rank in one pass.
 */
final class MatchBound {
    /** No bound known: a query kind this does not read (prefix, fuzzy, ranges). */
    static final long UNKNOWN = Long.MAX_VALUE;

    private MatchBound() {
    }

    /**
     * At least as many documents as {@code query} matches in {@code reader}, or {@link #UNKNOWN}: a word's
     * document frequency, a stem's sum of them, the rarest word of a phrase, the least of a conjunction's
     * required clauses, the sum of a disjunction's.
     */
    static long of(Query query, IndexReader reader, StemVariants stems) throws IOException {
        return switch (query) {
            case TermQuery t -> reader.docFreq(t.getTerm());
            case StemQuery s -> stems.docFreq(new BytesRef(s.stem()));
            case PhraseQuery p -> {
                long min = UNKNOWN;
                for (Term t : p.getTerms()) min = Math.min(min, reader.docFreq(t));
                yield min;
            }
            case BoostQuery b -> of(b.getQuery(), reader, stems);
            case ConstantScoreQuery c -> of(c.getQuery(), reader, stems);
            case MatchNoDocsQuery n -> 0;
            case BooleanQuery b -> ofBoolean(b, reader, stems);
            default -> UNKNOWN;
        };
    }

    private static long ofBoolean(BooleanQuery b, IndexReader reader, StemVariants stems) throws IOException {
        long required = UNKNOWN;
        long optional = 0;
        boolean anyRequired = false;
        for (BooleanClause c : b.clauses()) {
            switch (c.occur()) {
                case MUST, FILTER -> {
                    anyRequired = true;
                    required = Math.min(required, of(c.query(), reader, stems));
                }
                case SHOULD -> {
                    long bound = of(c.query(), reader, stems);
                    optional = bound == UNKNOWN || optional == UNKNOWN ? UNKNOWN : optional + bound;
                }
                case MUST_NOT -> { } // only removes matches
            }
        }
        return anyRequired ? required : b.clauses().isEmpty() ? 0 : optional;
    }
}
