package org.parley.index;

import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.parley.search.InvalidQueryException;

/**
 * Parley's query language ({@link QuerySyntax}) on the embedded index: bare terms are stemmed ("relations" finds
 * "relation"), a stem becoming the indexed words that have it ({@link StemVariants}); quoted phrases match the
 * exact words; {@code title:} joins from the article documents to their paragraphs; facet fields are drill-down
 * terms. The analyzers are shared; every parse gets a fresh parser.
 */
final class QueryParserFactory {

    private final Analyzer stemmed = TextAnalysis.stemmedQuery();
    private final Analyzer exact = TextAnalysis.exactQuery();
    private final FacetsConfig facets = IndexSchema.newFacetsConfig();
    /** The article documents, which close each article's block: {@code title:} queries join from them to their paragraphs. */
    private final BitSetProducer articles = new QueryBitSetProducer(IndexSchema.articlesOnly());

    /**
     * Parses {@code text}; returns null for a blank query (which matches every paragraph).
     *
     * @param speakerResolver maps a speaker as typed to the indexed spelling (case-insensitive match), or null
     * @param stems the words of each stem in the index the query will run on
     */
    Query parse(String text, Function<String, String> speakerResolver, StemVariants stems) throws InvalidQueryException {
        return QuerySyntax.parse(text, () -> new Parser(speakerResolver, stems));
    }

    private final class Parser extends QuerySyntax {
        private final Function<String, String> speakerResolver;
        private final StemVariants stems;
        /** True while the query of a quoted phrase is built: its words are exact, not stems to expand. */
        private boolean exactWords;

        Parser(Function<String, String> speakerResolver, StemVariants stems) {
            super(IndexSchema.TEXT, stemmed);
            this.speakerResolver = speakerResolver == null ? Function.identity() : speakerResolver;
            this.stems = stems;
        }

        @Override
        protected Query text(String words, boolean quoted) throws ParseException {
            if (!quoted) return newFieldQuery(stemmed, IndexSchema.TEXT, words, false);
            exactWords = true;
            try {
                return newFieldQuery(exact, IndexSchema.TEXT, words, true);
            } finally {
                exactWords = false;
            }
        }

        /** A stemmed term of {@code text} matches every indexed word of that stem. */
        @Override
        protected Query newTermQuery(Term term, float boost) {
            if (exactWords || !IndexSchema.TEXT.equals(term.field())) return super.newTermQuery(term, boost);
            Query q = stems.query(term.bytes());
            return boost == 1f ? q : new BoostQuery(q, boost);
        }

        @Override
        protected Query title(String words, boolean quoted, int slop) throws ParseException {
            return onArticles(withSlop(newFieldQuery(stemmed, IndexSchema.ARTICLE_TITLE, words, quoted), slop));
        }

        /** A query on article titles, as the paragraphs of the matching articles (null stays null: stop words only). */
        private Query onArticles(Query titles) {
            return titles == null ? null : new ToChildBlockJoinQuery(titles, articles);
        }

        @Override
        protected Query country(String code) {
            return facetTerm(IndexSchema.COUNTRY, code);
        }

        @Override
        protected Query speaker(String typed) {
            return facetTerm(IndexSchema.SPEAKER, speakerResolver.apply(typed));
        }

        private Query facetTerm(String dim, String value) {
            return new TermQuery(DrillDownQuery.term(facets.getDimConfig(dim).indexFieldName, dim, value));
        }

        @Override
        protected Query years(Integer from, Integer to) {
            return IndexSchema.yearRange(from == null ? Integer.MIN_VALUE : from, to == null ? Integer.MAX_VALUE : to);
        }

        @Override
        protected Query article(String id) {
            return new TermQuery(new Term(IndexSchema.ARTICLE_ID, id));
        }

        @Override
        protected Query everything() {
            return IndexSchema.allParagraphs();
        }

        @Override
        protected Query wildcard(boolean onTitle, String term, boolean prefixOnly) {
            Term t = new Term(onTitle ? IndexSchema.ARTICLE_TITLE : IndexSchema.TEXT, term);
            Query q = prefixOnly ? new PrefixQuery(t) : new WildcardQuery(t);
            return onTitle ? onArticles(q) : q;
        }

        @Override
        protected Query fuzzy(String term, int maxEdits) {
            // a common prefix of one letter bounds the terms the automaton visits in a large dictionary
            return new FuzzyQuery(new Term(IndexSchema.TEXT, term), maxEdits, 1, FuzzyQuery.defaultMaxExpansions, true);
        }
    }
}
