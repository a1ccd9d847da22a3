package org.parley.solr;

import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.parley.index.TextAnalysis;
import org.parley.search.CountryNames;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchRequest;

/**
 * Parley's query syntax, limits and error codes, translated to Solr's standard query syntax.
 *
 * <p>The text is parsed with the same classic grammar, the same analyzers ({@link TextAnalysis}) and the same
 * rules as the embedded index (fields text/title/country/speaker/year/article, AND by default, stemmed bare terms
 * and exact phrases, no leading wildcards or regular expressions, bounded length, nesting, clauses, expansions
 * and boosts), into a Lucene query over the Solr schema's fields; that query is then written out in Solr's
 * syntax term by term, already analysed (the Solr fields' query analyzers only split on whitespace).
 */
final class SolrQueryTranslator {
    static final int MAX_CLAUSES = 1024;
    static final int MAX_NESTING = 32;
    static final int MAX_EXPANDING_TERMS = 10;
    static final int FUZZY_EXPANSIONS = FuzzyQuery.defaultMaxExpansions;
    static final float MAX_BOOST = 10_000f;
    static final int MAX_YEAR = 9999;
    private static final String FIELDS = "text, title, country, speaker, year, article";

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
        if (text == null || text.isBlank()) return null;
        if (text.length() > SearchRequest.MAX_QUERY_CHARS) {
            throw invalid("query is too long: " + text.length() + " characters (limit " + SearchRequest.MAX_QUERY_CHARS + ")");
        }
        String cleaned = escapeSlashes(text.replaceAll("\\p{Cntrl}", " "));
        if (nesting(cleaned) > MAX_NESTING) throw invalid("query nests parentheses too deeply (limit " + MAX_NESTING + ")");
        Query query;
        try {
            query = new Parser().parse(cleaned);
        } catch (ParseException e) {
            throw invalid(message(e));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("too_many_clauses", "query has too many clauses (limit " + MAX_CLAUSES + ")", "q");
        } catch (RuntimeException e) {
            throw invalid("cannot parse query: " + e.getMessage());
        }
        if (query == null || query instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
            throw new InvalidQueryException("only_stop_words", "the query has only common words such as 'the' or 'of',"
                    + " which are not indexed: add a word that says what to find, or quote a phrase that includes them", "q");
        }
        int[] leaves = countLeaves(query);
        if (leaves[2] > MAX_EXPANDING_TERMS) {
            throw new InvalidQueryException("too_many_expansions", "query has " + leaves[2]
                    + " fuzzy or wildcard terms (limit " + MAX_EXPANDING_TERMS + ")", "q");
        }
        if (leaves[0] + (long) leaves[1] * (FUZZY_EXPANSIONS - 1) > MAX_CLAUSES) {
            throw new InvalidQueryException("too_many_clauses", "query has too many clauses (limit " + MAX_CLAUSES
                    + "; a fuzzy term counts as " + FUZZY_EXPANSIONS + ")", "q");
        }
        if (!(maxBoost(query) <= MAX_BOOST)) {
            throw new InvalidQueryException("invalid_boost", "boosts multiply to more than " + (int) MAX_BOOST
                    + "; use smaller boosts such as ^2 or ^10", "q");
        }
        if (query instanceof BooleanQuery bq && bq.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(new Raw("*:*"), BooleanClause.Occur.MUST);
            for (BooleanClause c : bq.clauses()) b.add(c);
            query = b.build();
        }
        return query;
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
                for (int i = 0; i < terms.length; i++) {
                    if (i > 0) sb.append(' ');
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

    // ------------------------------------------------------------------------------------------ validation

    private static InvalidQueryException invalid(String message) {
        return new InvalidQueryException("invalid_query", message, "q");
    }

    private static String message(ParseException e) {
        String m = e.getMessage() == null ? "syntax error" : e.getMessage();
        m = m.replaceFirst("^Cannot parse '.*?': ", "");
        if (m.startsWith("Lexical error") && m.contains("<EOF>")) {
            return "the query ends inside a quoted phrase or after a backslash: close the quote";
        }
        java.util.regex.Matcher col = java.util.regex.Pattern.compile("column (\\d+)").matcher(m);
        if (m.startsWith("Lexical error") && col.find()) return "syntax error at character " + col.group(1);
        int nl = m.indexOf('\n');
        if (nl > 0) m = m.substring(0, nl);
        if (m.startsWith("Encountered")) m = "syntax error: " + m.replace("Encountered", "unexpected").replaceAll("\\s+", " ").strip();
        return m.length() > 300 ? m.substring(0, 300) : m;
    }

    static String escapeSlashes(String s) {
        if (s.indexOf('/') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) sb.append(c).append(s.charAt(++i));
            else if (c == '/') sb.append("\\/");
            else sb.append(c);
        }
        return sb.toString();
    }

    private static int nesting(String s) {
        int depth = 0, max = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '(') max = Math.max(max, ++depth);
            else if (!quoted && c == ')') depth--;
        }
        return max;
    }

    /** All leaf clauses, the fuzzy ones, the expanding ones (fuzzy, prefix, wildcard). */
    private static int[] countLeaves(Query q) {
        int[] n = {0, 0, 0};
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                n[0] += terms.length;
            }

            @Override
            public void visitLeaf(Query query) {
                n[0]++;
                if (query instanceof FuzzyQuery) n[1]++;
                if (query instanceof MultiTermQuery) n[2]++;
            }

            @Override
            public void consumeTermsMatching(Query query, String field, java.util.function.Supplier<ByteRunAutomaton> automaton) {
                visitLeaf(query);
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return n;
    }

    private static double maxBoost(Query q) {
        if (q instanceof BoostQuery b) return b.getBoost() * maxBoost(b.getQuery());
        if (q instanceof BooleanQuery bq) {
            double max = 1;
            for (BooleanClause c : bq.clauses()) max = Math.max(max, maxBoost(c.query()));
            return max;
        }
        return 1;
    }

    private final class Parser extends QueryParser {
        Parser() {
            super(SolrSchema.TEXT, stemmed);
            setDefaultOperator(Operator.AND);
            setAllowLeadingWildcard(false);
            setAutoGeneratePhraseQueries(false);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            return switch (field) {
                case "text" -> quoted ? exactQuery(queryText) : newFieldQuery(stemmed, SolrSchema.TEXT_STEM, queryText, false);
                case "title" -> newFieldQuery(stemmed, SolrSchema.TITLE_STEM, queryText, quoted);
                case "country" -> new TermQuery(new Term(SolrSchema.COUNTRY, CountryNames.code(queryText)
                        .orElseThrow(() -> new ParseException("unknown country '" + queryText + "'"))));
                case "speaker" -> new TermQuery(new Term(SolrSchema.SPEAKER_LC, queryText.strip().toLowerCase(Locale.ROOT)));
                case "year" -> new Raw(SolrSchema.YEAR_INT + ":\"" + year(queryText) + "\"");
                case "article" -> new TermQuery(new Term(SolrSchema.ARTICLE_ID, queryText.strip()));
                default -> throw unknownField(field);
            };
        }

        private Query exactQuery(String queryText) throws ParseException {
            return newFieldQuery(exact, SolrSchema.TEXT, queryText, true);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            if (!"year".equals(field)) throw new ParseException("ranges are only supported on year, e.g. year:[1990 TO 2000]");
            Integer lo = part1 == null || part1.equals("*") ? null : year(part1);
            Integer hi = part2 == null || part2.equals("*") ? null : year(part2);
            if (!startInclusive && lo != null) lo++;
            if (!endInclusive && hi != null) hi--;
            return new Raw(SolrSchema.YEAR_INT + ":[" + (lo == null ? "*" : lo) + " TO " + (hi == null ? "*" : hi) + "]");
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            if ("*".equals(field) && "*".equals(termStr)) return new Raw("*:*");
            checkWildcard(field, termStr);
            return new WildcardQuery(new Term(wildcardField(field), normal(field, termStr)));
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            checkWildcard(field, termStr);
            if (termStr.isEmpty()) throw new ParseException("a wildcard needs at least one letter before '*'");
            return new PrefixQuery(new Term(wildcardField(field), normal(field, termStr)));
        }

        private String wildcardField(String field) {
            return "title".equals(field) ? SolrSchema.TITLE_STEM : SolrSchema.TEXT;
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            if (!"text".equals(field)) throw new ParseException("fuzzy terms (~) are only supported on text");
            int edits = Math.max(0, Math.min(FuzzyQuery.defaultMaxEdits, (int) minSimilarity));
            return new FuzzyQuery(new Term(SolrSchema.TEXT, normal(field, termStr)), edits, 1, FuzzyQuery.defaultMaxExpansions, true);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException("regular expressions are not supported; use wildcards like negotiat*");
        }

        private void checkWildcard(String field, String termStr) throws ParseException {
            if (!"text".equals(field) && !"title".equals(field)) {
                throw new ParseException("wildcards are only supported on text and title");
            }
            if (termStr.startsWith("*") || termStr.startsWith("?")) {
                throw new ParseException("leading wildcards are not supported (they would scan every word of the index)");
            }
        }

        private String normal(String field, String term) {
            return stemmed.normalize(field, term).utf8ToString();
        }

        private int year(String s) throws ParseException {
            int year;
            try {
                year = Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                throw new ParseException("year must be a number: '" + s + "'");
            }
            if (year > MAX_YEAR || year < -MAX_YEAR) {
                throw new ParseException("year out of range: " + year + " (years are -" + MAX_YEAR + " to " + MAX_YEAR + ")");
            }
            return year;
        }

        private ParseException unknownField(String field) {
            return new ParseException("unknown field '" + field.toLowerCase(Locale.ROOT) + "'; fields are " + FIELDS
                    + " (put a colon in quotes or escape it with \\: to search for it)");
        }
    }
}
