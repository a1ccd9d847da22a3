package org.parley.index;

import java.util.Locale;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.parley.search.CountryNames;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchRequest;

/**
 * Turns the user's query text into a Lucene query, with the classic Lucene syntax: terms, "phrases",
 * AND/OR/NOT, +/-, (groups), field:value, fuzzy~, wildcard*, year:[a TO b].
 *
 * <ul>
 *   <li>Bare terms are stemmed ("relations" finds "relation"): a stem becomes the indexed words that have it
 *       ({@link StemVariants}); quoted phrases match the exact words.</li>
 *   <li>Terms are AND-ed by default, as in web search boxes: more words, fewer and better hits.</li>
 *   <li>Fields: {@code text} (default), {@code title}, {@code country} (code or name), {@code speaker},
 *       {@code year}, {@code article} (article id). Unknown fields are an error, not a silent no-match.</li>
 *   <li>Safety: bounded length, nesting and clause count; no leading wildcards and no regular expressions,
 *       which would scan the whole term dictionary of a large index.</li>
 * </ul>
 * Parsers are not thread-safe, so every request gets a fresh one; the analyzers are shared.
 */
final class QueryParserFactory {
    static final int MAX_QUERY_CHARS = SearchRequest.MAX_QUERY_CHARS;
    static final int MAX_CLAUSES = 1024;
    static final int MAX_NESTING = 32;
    /** Fuzzy, prefix and wildcard terms per query: each expands to many words, scored or highlighted. */
    static final int MAX_EXPANDING_TERMS = 10;
    /** The words one fuzzy term expands to (Lucene's default); they count against {@link #MAX_CLAUSES}. */
    static final int FUZZY_EXPANSIONS = FuzzyQuery.defaultMaxExpansions;
    /** Boosts multiply along nested groups; beyond this the scores lose meaning (and overflow to infinity). */
    static final float MAX_BOOST = 10_000f;
    /** Years a query may name: the year facet holds four-digit years, and the bound keeps range ends from overflowing. */
    static final int MAX_YEAR = 9999;
    static final String FIELD_ARTICLE = "article";
    private static final String FIELDS = "text, title, country, speaker, year, article";

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
        if (text == null || text.isBlank()) return null;
        if (text.length() > MAX_QUERY_CHARS) {
            throw invalid("query is too long: " + text.length() + " characters (limit " + MAX_QUERY_CHARS + ")");
        }
        String cleaned = escapeSlashes(text.replaceAll("\\p{Cntrl}", " "));
        if (nesting(cleaned) > MAX_NESTING) throw invalid("query nests parentheses too deeply (limit " + MAX_NESTING + ")");
        Query query;
        try {
            query = new Parser(speakerResolver, stems).parse(cleaned);
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
        Leaves leaves = countLeaves(query);
        if (leaves.expanding() > MAX_EXPANDING_TERMS) {
            throw new InvalidQueryException("too_many_expansions", "query has " + leaves.expanding()
                    + " fuzzy or wildcard terms (limit " + MAX_EXPANDING_TERMS + ")", "q");
        }
        // a fuzzy term becomes up to FUZZY_EXPANSIONS scored words when it runs: count them before it does
        if (leaves.total() + (long) leaves.fuzzy() * (FUZZY_EXPANSIONS - 1) > MAX_CLAUSES) {
            throw new InvalidQueryException("too_many_clauses", "query has too many clauses (limit " + MAX_CLAUSES
                    + "; a fuzzy term counts as " + FUZZY_EXPANSIONS + ")", "q");
        }
        if (!(maxBoost(query) <= MAX_BOOST)) {
            throw new InvalidQueryException("invalid_boost", "boosts multiply to more than " + (int) MAX_BOOST
                    + "; use smaller boosts such as ^2 or ^10", "q");
        }
        return onlyNegative(query) ? withAllDocs((BooleanQuery) query) : query;
    }

    private static InvalidQueryException invalid(String message) {
        return new InvalidQueryException("invalid_query", message, "q");
    }

    /** The parser's messages quote JavaCC internals; keep the first line, which says where the problem is. */
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

    /**
     * The classic syntax reads {@code /.../} as a regular expression, so "a/b", a pasted URL or
     * {@code </script>} would be a syntax error; regular expressions are not offered, so slashes are literal.
     */
    static String escapeSlashes(String s) {
        if (s.indexOf('/') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '/') {
                sb.append("\\/");
            } else {
                sb.append(c);
            }
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

    /** Leaf clauses of a parsed query: all of them, the fuzzy ones, and those that expand (fuzzy, prefix, wildcard). */
    private record Leaves(int total, int fuzzy, int expanding) {
    }

    private static Leaves countLeaves(Query q) {
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
        return new Leaves(n[0], n[1], n[2]);
    }

    /** The largest product of boosts along any path from the root: nested groups multiply their boosts. */
    static double maxBoost(Query q) {
        if (q instanceof BoostQuery b) return b.getBoost() * maxBoost(b.getQuery());
        if (q instanceof BooleanQuery bq) {
            double max = 1;
            for (BooleanClause c : bq.clauses()) max = Math.max(max, maxBoost(c.query()));
            return max;
        }
        return 1;
    }

    /** "-china" alone means "everything but china", as users expect, not "nothing". */
    private static boolean onlyNegative(Query q) {
        if (!(q instanceof BooleanQuery bq) || bq.clauses().isEmpty()) return false;
        return bq.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT);
    }

    private static Query withAllDocs(BooleanQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(IndexSchema.allParagraphs(), BooleanClause.Occur.MUST);
        for (BooleanClause c : q.clauses()) b.add(c);
        return b.build();
    }

    private final class Parser extends QueryParser {
        private final Function<String, String> speakerResolver;
        private final StemVariants stems;
        /** True while the query of a quoted phrase is built: its words are exact, not stems to expand. */
        private boolean exactWords;

        Parser(Function<String, String> speakerResolver, StemVariants stems) {
            super(IndexSchema.TEXT, stemmed);
            this.speakerResolver = speakerResolver == null ? Function.identity() : speakerResolver;
            this.stems = stems;
            setDefaultOperator(Operator.AND);
            setAllowLeadingWildcard(false);
            setAutoGeneratePhraseQueries(false);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            return switch (field) {
                case IndexSchema.TEXT -> quoted ? exactQuery(queryText) : newFieldQuery(stemmed, IndexSchema.TEXT, queryText, false);
                case IndexSchema.TITLE -> title(newFieldQuery(stemmed, IndexSchema.ARTICLE_TITLE, queryText, quoted));
                case IndexSchema.COUNTRY -> facetTerm(IndexSchema.COUNTRY, CountryNames.code(queryText)
                        .orElseThrow(() -> new ParseException("unknown country '" + queryText + "'")));
                case IndexSchema.SPEAKER -> facetTerm(IndexSchema.SPEAKER, speakerResolver.apply(queryText.strip()));
                case IndexSchema.YEAR -> IndexSchema.yearRange(year(queryText), year(queryText));
                case FIELD_ARTICLE -> new TermQuery(new Term(IndexSchema.ARTICLE_ID, queryText.strip()));
                default -> throw unknownField(field);
            };
        }

        private Query exactQuery(String queryText) throws ParseException {
            exactWords = true;
            try {
                return newFieldQuery(exact, IndexSchema.TEXT, queryText, true);
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

        /** A query on article titles, as the paragraphs of the matching articles (null stays null: stop words only). */
        private Query title(Query onArticles) {
            return onArticles == null ? null : new ToChildBlockJoinQuery(onArticles, articles);
        }

        private Query facetTerm(String dim, String value) {
            return new TermQuery(DrillDownQuery.term(facets.getDimConfig(dim).indexFieldName, dim, value));
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            if (!IndexSchema.YEAR.equals(field)) {
                throw new ParseException("ranges are only supported on year, e.g. year:[1990 TO 2000]");
            }
            int lo = part1 == null || part1.equals("*") ? Integer.MIN_VALUE : year(part1);
            int hi = part2 == null || part2.equals("*") ? Integer.MAX_VALUE : year(part2);
            if (!startInclusive && lo != Integer.MIN_VALUE) lo++;
            if (!endInclusive && hi != Integer.MAX_VALUE) hi--;
            return IndexSchema.yearRange(lo, hi);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            if ("*".equals(field) && "*".equals(termStr)) return IndexSchema.allParagraphs(); // never article documents
            checkWildcard(field, termStr);
            if (IndexSchema.TITLE.equals(field)) return title(new WildcardQuery(new Term(IndexSchema.ARTICLE_TITLE, normal(field, termStr))));
            return new WildcardQuery(new Term(IndexSchema.TEXT, normal(field, termStr)));
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            checkWildcard(field, termStr);
            if (termStr.isEmpty()) throw new ParseException("a wildcard needs at least one letter before '*'");
            if (IndexSchema.TITLE.equals(field)) return title(new PrefixQuery(new Term(IndexSchema.ARTICLE_TITLE, normal(field, termStr))));
            return new PrefixQuery(new Term(IndexSchema.TEXT, normal(field, termStr)));
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            if (!IndexSchema.TEXT.equals(field)) throw new ParseException("fuzzy terms (~) are only supported on text");
            int edits = Math.max(0, Math.min(FuzzyQuery.defaultMaxEdits, (int) minSimilarity));
            // a common prefix of one letter bounds the terms the automaton visits in a large dictionary
            return new FuzzyQuery(new Term(IndexSchema.TEXT, normal(field, termStr)), edits, 1,
                    FuzzyQuery.defaultMaxExpansions, true);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException("regular expressions are not supported; use wildcards like negotiat*");
        }

        private void checkWildcard(String field, String termStr) throws ParseException {
            if (!IndexSchema.TEXT.equals(field) && !IndexSchema.TITLE.equals(field)) {
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
            if (year > MAX_YEAR || year < -MAX_YEAR) throw new ParseException("year out of range: " + year + " (years are -" + MAX_YEAR + " to " + MAX_YEAR + ")");
            return year;
        }


        private ParseException unknownField(String field) {
            return new ParseException("unknown field '" + field.toLowerCase(Locale.ROOT) + "'; fields are " + FIELDS
                    + " (put a colon in quotes or escape it with \\: to search for it)");
        }
    }
}
