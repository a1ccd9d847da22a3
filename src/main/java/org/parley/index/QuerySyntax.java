package org.parley.index;

import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.parley.search.CountryNames;
import org.parley.search.InvalidQueryException;
import org.parley.search.SearchRequest;

/**
 * Parley's query language, read the same way whichever backend runs it: the classic Lucene syntax (terms,
 * "phrases", AND/OR/NOT, +/-, (groups), field:value, fuzzy~, wildcard*, year:[a TO b]) with parley's fields,
 * defaults, limits and error codes. A backend only says what each clause becomes (the embedded index in
 * {@link QueryParserFactory}, SolrCloud in its translator); every rule is here once.
 *
 * <ul>
 *   <li>Terms are AND-ed by default, as in web search boxes: more words, fewer and better hits.</li>
 *   <li>Fields: {@code text} (default), {@code title}, {@code country} (code or name), {@code speaker},
 *       {@code year}, {@code article} (article id). Unknown fields are an error, not a silent no-match.</li>
 *   <li>Safety: bounded length, nesting, clauses, expansions and boosts; no leading wildcards and no regular
 *       expressions, which would scan the whole term dictionary of a large index.</li>
 * </ul>
 * A parser is not thread-safe: every request gets a fresh one ({@link #parse(String, Supplier)}).
 */
public abstract class QuerySyntax extends QueryParser {
    public static final int MAX_CLAUSES = 1024;
    public static final int MAX_NESTING = 32;
    /** Fuzzy, prefix and wildcard terms per query: each expands to many words, scored or highlighted. */
    public static final int MAX_EXPANDING_TERMS = 10;
    /** The words one fuzzy term expands to (Lucene's default); they count against {@link #MAX_CLAUSES}. */
    public static final int FUZZY_EXPANSIONS = FuzzyQuery.defaultMaxExpansions;
    /** Boosts multiply along nested groups; beyond this the scores lose meaning (and overflow to infinity). */
    public static final float MAX_BOOST = 10_000f;
    /** Years a query may name: the year facet holds four-digit years, and the bound keeps range ends from overflowing. */
    public static final int MAX_YEAR = 9999;
    /** The field of article ids (the others are the index's own field names). */
    public static final String FIELD_ARTICLE = "article";
    private static final String FIELDS = "text, title, country, speaker, year, article";

    private final Analyzer stemmed;

    /** @param stemmed the analyzer of bare terms (also normalises wildcard and fuzzy terms) */
    protected QuerySyntax(String defaultField, Analyzer stemmed) {
        super(defaultField, stemmed);
        this.stemmed = stemmed;
        setDefaultOperator(Operator.AND);
        setAllowLeadingWildcard(false);
        setAutoGeneratePhraseQueries(false);
    }

    // ------------------------------------------------------------------------------ what a backend builds

    /** Words of the paragraph text: stemmed when bare, exact in a quoted phrase. */
    protected abstract Query text(String words, boolean quoted) throws ParseException;

    /**
     * Words of the article titles, as the paragraphs of the matching articles (null: stop words only). A quoted
     * phrase's {@code ~slop} is passed here (0 without one) for the backend to put on the phrase before wrapping it
     * ({@link #withSlop}): the grammar can only add it to a bare phrase query.
     */
    protected abstract Query title(String words, boolean quoted, int slop) throws ParseException;

    protected abstract Query country(String code);

    protected abstract Query speaker(String typed);

    /** Paragraphs with a year from {@code from} to {@code to}, inclusive; null ends are open. */
    protected abstract Query years(Integer from, Integer to);

    protected abstract Query article(String id);

    /** Every paragraph (never an article document). */
    protected abstract Query everything();

    /** A wildcard or prefix term (already normalised) of the text, or of the titles. */
    protected abstract Query wildcard(boolean onTitle, String term, boolean prefixOnly);

    /** A fuzzy term (already normalised) of the text. */
    protected abstract Query fuzzy(String term, int maxEdits);

    // -------------------------------------------------------------------------------------------- rules

    /**
     * Parses {@code text} with a fresh parser and checks it against every limit; null for a blank query (which
     * matches every paragraph). A query of exclusions only ("-china") means everything but them, as users expect.
     */
    public static Query parse(String text, Supplier<? extends QuerySyntax> parsers) throws InvalidQueryException {
        if (text == null || text.isBlank()) return null;
        if (text.length() > SearchRequest.MAX_QUERY_CHARS) {
            throw invalid("query is too long: " + text.length() + " characters (limit " + SearchRequest.MAX_QUERY_CHARS + ")");
        }
        String cleaned = escapeSlashes(text.replaceAll("\\p{Cntrl}", " "));
        if (nesting(cleaned) > MAX_NESTING) throw invalid("query nests parentheses too deeply (limit " + MAX_NESTING + ")");
        QuerySyntax parser = parsers.get();
        Query query;
        try {
            query = parser.parse(cleaned);
        } catch (ParseException e) {
            throw invalid(message(e, text));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("too_many_clauses", "query has too many clauses (limit " + MAX_CLAUSES + ")", "q");
        } catch (RuntimeException e) {
            throw invalid("cannot parse query: " + e.getMessage());
        }
        if (query == null || query instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
            // "—", "?" or an empty phrase hold no common word either: telling them to add a word "that says what to
            // find" beside 'the' or 'of' would be wrong
            if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw invalid("the query has no word to search for: punctuation and symbols alone are not indexed");
            }
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
        if (query instanceof BooleanQuery bq && bq.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(parser.everything(), BooleanClause.Occur.MUST);
            for (BooleanClause c : bq.clauses()) b.add(c);
            return b.build();
        }
        return query;
    }

    private static InvalidQueryException invalid(String message) {
        return new InvalidQueryException("invalid_query", message, "q");
    }

    /** The parser's messages quote JavaCC internals; keep the first line, which says where the problem is. */
    private static String message(ParseException e, String query) {
        if (e.getCause() instanceof ParseException grammar && grammar.currentToken != null) {
            String said = grammarMessage(grammar.currentToken, query);
            if (said != null) return said;
        }
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
     * A grammar error said in the query's own terms: the parser's own message ("Encountered \" <AND> \"AND \"\" at
     * line 1, column 0. Was expecting one of: ...") reached the page, the API and the command line as it was. Says
     * which operator lacks a word, which parenthesis is not closed or closes nothing, with the character position
     * in the query as typed; null when none of these applies (the parser's first line is said then).
     *
     * @param last the last token the parser accepted (a token of kind EOF without image before the first one)
     */
    static String grammarMessage(org.apache.lucene.queryparser.classic.Token last, String query) {
        org.apache.lucene.queryparser.classic.Token bad = last.next;
        if (bad == null) return null;
        String before = last.kind == QueryParser.EOF || last.image == null ? null : last.image;
        int at = typedColumn(query, bad.beginColumn) + 1;
        if (before != null && isOperator(last.kind)) {
            String needs = last.kind == QueryParser.AND || last.kind == QueryParser.OR ? "a word on each side" : "a word after it";
            return bad.kind == QueryParser.EOF
                    ? "the query ends with '" + before + "', which needs " + needs
                    : "'" + before + "' at character " + (typedColumn(query, last.beginColumn) + 1) + " needs " + needs
                            + ", not '" + bad.image + "'";
        }
        if (bad.kind == QueryParser.AND || bad.kind == QueryParser.OR) {
            return "'" + bad.image + "' at character " + at + " needs a word on each side, as in: russia " + bad.image
                    + " cambodia";
        }
        if (bad.kind == QueryParser.EOF) {
            if (openParentheses(query) > 0) return "a parenthesis is not closed: add ')'";
            if (last.kind == QueryParser.COLON) {
                return "the query ends with a field name: put a value after the colon (country:Cambodia), or quote the "
                        + "colon to search for it";
            }
            if (last.kind == QueryParser.CARAT) return "'^' at the end needs a number after it (russia^2)";
            return null;
        }
        if (bad.kind == QueryParser.RPAREN) {
            return last.kind == QueryParser.LPAREN ? "the parentheses at character " + (at - 1) + " hold nothing: put words between them"
                    : "')' at character " + at + " closes no parenthesis";
        }
        return null;
    }

    private static boolean isOperator(int kind) {
        return kind == QueryParser.AND || kind == QueryParser.OR || kind == QueryParser.NOT || kind == QueryParser.PLUS
                || kind == QueryParser.MINUS;
    }

    /** Parentheses opened and not closed, outside quotes. */
    private static int openParentheses(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth = Math.max(0, depth - 1);
        }
        return depth;
    }

    /** The column of the query as typed for a column of the parsed text, which has a backslash before each slash. */
    static int typedColumn(String typed, int parsedColumn) {
        int parsed = 0;
        for (int i = 0; i < typed.length(); i++) {
            if (parsed >= parsedColumn) return i;
            char c = typed.charAt(i);
            if (c == '\\' && i + 1 < typed.length()) {
                parsed += 2;
                i++;
            } else {
                parsed += c == '/' ? 2 : 1;
            }
        }
        return Math.min(parsedColumn, typed.length());
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

    // --------------------------------------------------------------------------- the grammar's hooks

    @Override
    protected final Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        return switch (field) {
            case IndexSchema.TEXT -> text(queryText, quoted);
            case IndexSchema.TITLE -> title(queryText, quoted, 0);
            case IndexSchema.COUNTRY -> country(CountryNames.code(queryText)
                    .orElseThrow(() -> new ParseException("unknown country '" + queryText + "'")));
            case IndexSchema.SPEAKER -> speaker(queryText.strip());
            case IndexSchema.YEAR -> years(year(queryText), year(queryText));
            case FIELD_ARTICLE -> article(queryText.strip());
            default -> throw new ParseException("unknown field '" + field.toLowerCase(Locale.ROOT) + "'; fields are " + FIELDS
                    + " (put a colon in quotes or escape it with \\: to search for it)");
        };
    }

    /** A quoted phrase with {@code ~slop}: on titles the slop goes to the phrase inside the backend's title query. */
    @Override
    protected final Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        if (IndexSchema.TITLE.equals(field)) return title(queryText, true, slop);
        return super.getFieldQuery(field, queryText, slop);
    }

    /** {@code phrase} with {@code slop} when it is a phrase query (a single word or null stays as it is). */
    protected final Query withSlop(Query phrase, int slop) {
        if (slop <= 0 || phrase == null) return phrase;
        if (phrase instanceof PhraseQuery p) {
            PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
            for (int i = 0; i < p.getTerms().length; i++) b.add(p.getTerms()[i], p.getPositions()[i]);
            return b.build();
        }
        if (phrase instanceof MultiPhraseQuery m) {
            return new MultiPhraseQuery.Builder(m).setSlop(slop).build();
        }
        return phrase;
    }

    @Override
    protected final Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                        boolean endInclusive) throws ParseException {
        if (!IndexSchema.YEAR.equals(field)) {
            throw new ParseException("ranges are only supported on year, e.g. year:[1990 TO 2000]");
        }
        Integer lo = part1 == null || part1.equals("*") ? null : year(part1);
        Integer hi = part2 == null || part2.equals("*") ? null : year(part2);
        if (!startInclusive && lo != null) lo++;
        if (!endInclusive && hi != null) hi--;
        return years(lo, hi);
    }

    @Override
    protected final Query getWildcardQuery(String field, String termStr) throws ParseException {
        if ("*".equals(field) && "*".equals(termStr)) return everything();
        checkWildcard(field, termStr);
        return wildcard(IndexSchema.TITLE.equals(field), normal(field, termStr), false);
    }

    @Override
    protected final Query getPrefixQuery(String field, String termStr) throws ParseException {
        checkWildcard(field, termStr);
        if (termStr.isEmpty()) throw new ParseException("a wildcard needs at least one letter before '*'");
        return wildcard(IndexSchema.TITLE.equals(field), normal(field, termStr), true);
    }

    @Override
    protected final Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        if (!IndexSchema.TEXT.equals(field)) throw new ParseException("fuzzy terms (~) are only supported on text");
        return fuzzy(normal(field, termStr), Math.max(0, Math.min(FuzzyQuery.defaultMaxEdits, (int) minSimilarity)));
    }

    @Override
    protected final Query getRegexpQuery(String field, String termStr) throws ParseException {
        throw new ParseException("regular expressions are not supported; use wildcards like negotiat*");
    }

    private static void checkWildcard(String field, String termStr) throws ParseException {
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

    private static int year(String s) throws ParseException {
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
}
