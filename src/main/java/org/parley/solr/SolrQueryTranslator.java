package org.parley.solr;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.parley.index.QuerySyntax;
import org.parley.index.TextAnalysis;
import org.parley.search.InvalidQueryException;

/**
 * Parley's query language translated to Solr's standard query syntax.
 *
 * <p>The text is parsed by {@link QuerySyntax}, the grammar, limits and error codes the embedded index parses
 * with, with the same analyzers ({@link TextAnalysis}), into a Lucene query over the Solr schema's fields; that
 * query is then written out in Solr's syntax term by term, already analysed (the Solr fields' query analyzers
 * only split on whitespace).
 */
final class SolrQueryTranslator {
    private final Analyzer stemmed = TextAnalysis.stemmedQuery();
    private final Analyzer exact = TextAnalysis.exactQuery();

    /** A clause written in Solr syntax as is (year ranges, match-all). */
    static final class Raw extends Query {
        final String solr;

        Raw(String solr) {
            this.solr = solr;
        }

        @Override
        public String toString(String field) {
            return solr;
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Raw r && r.solr.equals(solr);
        }

        @Override
        public int hashCode() {
            return solr.hashCode();
        }
    }

    /** The Solr query for {@code text}, or null for a blank query (every paragraph). */
    String translate(String text) throws InvalidQueryException {
        Query q = parse(text);
        return q == null ? null : write(q);
    }

    Query parse(String text) throws InvalidQueryException {
        return QuerySyntax.parse(text, Parser::new);
    }

    // ------------------------------------------------------------------------------------------- writing

    static String write(Query q) {
        StringBuilder sb = new StringBuilder();
        write(q, sb);
        return sb.toString();
    }

    private static void write(Query q, StringBuilder sb) {
        switch (q) {
            case Raw r -> sb.append(r.solr);
            case TermQuery t -> {
                String f = t.getTerm().field();
                sb.append(f).append(':');
                if (isText(f)) sb.append(escape(t.getTerm().text()));
                else quoted(t.getTerm().text(), sb);
            }
            case PhraseQuery p -> {
                sb.append(p.getField()).append(":\"");
                Term[] terms = p.getTerms();
                int[] positions = p.getPositions();
                for (int i = 0; i < terms.length; i++) {
                    if (i > 0) {
                        sb.append(' ');
                        // a removed stop word keeps its place ("Cambodia and Russia": cambodia, any word, russia)
                        for (int gap = positions[i - 1] + 1; gap < positions[i]; gap++) sb.append(SolrSchema.GAP).append(' ');
                    }
                    sb.append(terms[i].text().replace("\\", "\\\\").replace("\"", "\\\""));
                }
                sb.append('"');
                if (p.getSlop() > 0) sb.append('~').append(p.getSlop());
            }
            case BooleanQuery b -> {
                if (b.clauses().isEmpty()) {
                    sb.append("(*:* -*:*)");
                    return;
                }
                sb.append('(');
                boolean first = true;
                for (BooleanClause c : b.clauses()) {
                    if (!first) sb.append(' ');
                    first = false;
                    switch (c.occur()) {
                        case MUST, FILTER -> sb.append('+');
                        case MUST_NOT -> sb.append('-');
                        case SHOULD -> { }
                    }
                    write(c.query(), sb);
                }
                sb.append(')');
            }
            case BoostQuery bq -> {
                sb.append('(');
                write(bq.getQuery(), sb);
                sb.append(")^").append(bq.getBoost());
            }
            case FuzzyQuery fq -> sb.append(fq.getField()).append(':').append(escape(fq.getTerm().text())).append('~')
                    .append(fq.getMaxEdits());
            case PrefixQuery pq -> sb.append(pq.getField()).append(':').append(escape(pq.getPrefix().text())).append('*');
            case WildcardQuery wq -> sb.append(wq.getField()).append(':').append(escapeWildcard(wq.getTerm().text()));
            default -> throw new InvalidQueryException("invalid_query", "cannot search this query", "q");
        }
    }

    private static boolean isText(String field) {
        return field.equals(SolrSchema.TEXT) || field.equals(SolrSchema.TEXT_STEM) || field.equals(SolrSchema.TITLE_STEM);
    }

    private static void quoted(String s, StringBuilder sb) {
        sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }

    static String quoted(String s) {
        StringBuilder sb = new StringBuilder();
        quoted(s, sb);
        return sb.toString();
    }

    /** Backslash before every character Solr's standard syntax treats specially (as SolrJ's ClientUtils does). */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\+-!():^[]\"{}~*?|&;/".indexOf(c) >= 0 || Character.isWhitespace(c)) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    private static String escapeWildcard(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\+-!():^[]\"{}~|&;/".indexOf(c) >= 0 || Character.isWhitespace(c)) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    /** Parley's grammar and rules ({@link QuerySyntax}), each clause over the Solr schema's fields. */
    private final class Parser extends QuerySyntax {
        Parser() {
            super(SolrSchema.TEXT, stemmed);
        }

        @Override
        protected Query text(String words, boolean quoted) throws ParseException {
            return quoted ? newFieldQuery(exact, SolrSchema.TEXT, words, true) : newFieldQuery(stemmed, SolrSchema.TEXT_STEM, words, false);
        }

        @Override
        protected Query title(String words, boolean quoted, int slop) throws ParseException {
            return withSlop(newFieldQuery(stemmed, SolrSchema.TITLE_STEM, words, quoted), slop);
        }

        @Override
        protected Query country(String code) {
            return new TermQuery(new Term(SolrSchema.COUNTRY, code));
        }

        @Override
        protected Query speaker(String typed) {
            return new TermQuery(new Term(SolrSchema.SPEAKER_LC, typed.toLowerCase(Locale.ROOT)));
        }

        @Override
        protected Query years(Integer from, Integer to) {
            if (from != null && from.equals(to)) return new Raw(SolrSchema.YEAR_INT + ":\"" + from + "\"");
            return new Raw(SolrSchema.YEAR_INT + ":[" + (from == null ? "*" : from) + " TO " + (to == null ? "*" : to) + "]");
        }

        @Override
        protected Query article(String id) {
            return new TermQuery(new Term(SolrSchema.ARTICLE_ID, id));
        }

        @Override
        protected Query everything() {
            return new Raw("*:*");
        }

        @Override
        protected Query wildcard(boolean onTitle, String term, boolean prefixOnly) {
            Term t = new Term(onTitle ? SolrSchema.TITLE_STEM : SolrSchema.TEXT, term);
            return prefixOnly ? new PrefixQuery(t) : new WildcardQuery(t);
        }

        @Override
        protected Query fuzzy(String term, int maxEdits) {
            return new FuzzyQuery(new Term(SolrSchema.TEXT, term), maxEdits, 1, FuzzyQuery.defaultMaxExpansions, true);
        }
    }
}
