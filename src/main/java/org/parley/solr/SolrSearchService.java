package org.parley.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.search.ArticleView;
import org.parley.search.CountryNames;
import org.parley.search.CountryRef;
import org.parley.search.DidYouMean;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;
import org.parley.search.FacetValuesRequest;
import org.parley.search.Hit;
import org.parley.search.IndexStats;
import org.parley.search.InvalidQueryException;
import org.parley.search.Json;
import org.parley.search.ParagraphView;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;
import org.parley.search.SearchUnavailableException;
import org.parley.search.SortOrder;
import org.parley.search.Span;

/**
 * The search contract on a SolrCloud collection (or alias), over HTTP with failover between the given nodes.
 *
 * <ul>
 *   <li>Query text: parley's syntax, limits and error codes ({@link SolrQueryTranslator}), every search filtered to
 *       paragraph documents.</li>
 *   <li>Facets: JSON Facet API, each dimension's filter tagged and excluded from its own counts (drill-sideways);
 *       every value is asked for ({@code limit:-1}, so the merge across shards is exact) and the top N, the
 *       selected values and {@code other_values} are chosen here, as the embedded index does.</li>
 *   <li>Paging: {@code cursorMark} under {@code score desc, id asc} (or the date), wrapped in a parley cursor;
 *       page N starts from the cursor mark after the first (N-1)*size ids.</li>
 *   <li>{@code group=article}: {@code {!collapse}} with the request's sort choosing the article's best paragraph,
 *       {@code expand} for its number of matching paragraphs; facets exclude the collapse, so they count
 *       paragraphs.</li>
 *   <li>Highlighting: the unified highlighter on {@code text} and {@code text_stem} with private-use markers,
 *       turned into spans of the plain text.</li>
 * </ul>
 */
public final class SolrSearchService implements SearchService {
    static final int SUGGEST_BELOW = DidYouMean.SUGGEST_BELOW;
    static final int MAX_ID_CHARS = 200;
    static final int MAX_HIGHLIGHT_CHARS = 5000;
    private static final char PRE = '\uE000';
    private static final char POST = '\uE001';
    private static final long FACET_VALUES_TTL_NANOS = 5_000_000_000L;
    private static final String FL = String.join(",", SolrSchema.ID, SolrSchema.PID, SolrSchema.ARTICLE_ID, SolrSchema.TITLE,
            SolrSchema.PUBLISHED, SolrSchema.ORDINAL, SolrSchema.TEXT, SolrSchema.COUNTRY, SolrSchema.YEAR,
            SolrSchema.EXPLICIT_YEAR, SolrSchema.SPEAKER, "score");
    private static final String GROUP_TAG = "grp";

    private final SolrHttp http;
    private final String collection;
    private final SolrQueryTranslator translator = new SolrQueryTranslator();
    private final ObjectMapper json = Json.mapper();
    private final Map<Dimension, CachedValues> facetValues = new ConcurrentHashMap<>();

    private record CachedValues(List<FacetValue> values, long atNanos) {
    }

    public SolrSearchService(SolrHttp http, String collection) {
        this.http = http;
        this.collection = collection;
    }

    public static SolrSearchService connect(SolrEndpoint endpoint) {
        return new SolrSearchService(new SolrHttp(endpoint.nodes(), Duration.ofSeconds(30)), endpoint.collection());
    }

    public String collection() {
        return collection;
    }

    private JsonNode select(List<Map.Entry<String, String>> params) {
        try {
            return http.postForm("/" + collection + "/select", params);
        } catch (SolrHttp.SolrException e) {
            if (e.status() == 400) {
                // parley's parser accepted what Solr refuses: still the client's query, not a server fault
                throw new InvalidQueryException("invalid_query", "the query cannot be searched: " + shorten(e.getMessage()), "q");
            }
            throw unavailable(e);
        }
    }

    /**
     * No node answers, or none holds a shard (Solr's 503), or a node timed out (504): the cluster is unavailable for
     * now, which the routes say as a 503. Anything else stays a fault.
     */
    static RuntimeException unavailable(SolrHttp.SolrException e) {
        if (e.status() == 503 || e.status() == 504) {
            return new SearchUnavailableException("the SolrCloud cluster cannot answer right now (no node reachable, or a part"
                    + " of the index has no live copy); try again in a moment", e);
        }
        return e;
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }

    // ---------------------------------------------------------------------------------------------- search

    @Override
    public SearchResult search(SearchRequest request) throws InvalidQueryException {
        long start = System.nanoTime();
        SearchRequest req = request;
        String hash = req.cursorKey();
        SolrCursor cursor = req.cursor() == null ? null : SolrCursor.decode(req.cursor(), req.sort(), hash);
        String q = translator.translate(req.query());
        List<Map.Entry<String, String>> base = baseParams(req, q);

        String mark;
        long seen;
        if (cursor != null) {
            mark = cursor.mark();
            seen = cursor.seen();
        } else {
            seen = (long) (req.page() - 1) * req.size();
            mark = seen == 0 ? "*" : skip(base, (int) seen);
        }
        List<Map.Entry<String, String>> params = new ArrayList<>(base);
        params.add(Map.entry("rows", Integer.toString(req.size())));
        params.add(Map.entry("cursorMark", mark));
        params.add(Map.entry("fl", FL));
        params.add(Map.entry("json.facet", facetJson(req)));
        if (req.groupByArticle()) {
            params.add(Map.entry("expand", "true"));
            params.add(Map.entry("expand.rows", "0"));
        }
        if (q != null) highlightParams(params);
        JsonNode r;
        try {
            r = select(params);
        } catch (InvalidQueryException e) {
            // a cursor that decodes but that Solr cannot read is the cursor's fault, not the query's
            if (cursor != null && e.getMessage().toLowerCase(Locale.ROOT).contains("cursor")) {
                throw new InvalidQueryException("invalid_cursor", "cursor is not valid: pass next_cursor from a previous"
                        + " response unchanged", "cursor");
            }
            throw e;
        }
        JsonNode docs = r.path("response").path("docs");
        long total = r.path("response").path("numFound").asLong();
        JsonNode expanded = r.path("expanded");
        List<Hit> hits = new ArrayList<>(docs.size());
        for (JsonNode d : docs) {
            int articleHits = 1;
            if (req.groupByArticle()) {
                JsonNode group = expanded.path(d.path(SolrSchema.ARTICLE_ID).asText());
                articleHits = 1 + (int) group.path("numFound").asLong(0);
            }
            hits.add(hit(d, spans(r.path("highlighting").path(d.path(SolrSchema.ID).asText()), d.path(SolrSchema.TEXT).asText()),
                    articleHits));
        }
        String next = null;
        String nextMark = r.path("nextCursorMark").asText(null);
        if (nextMark != null && docs.size() == req.size() && seen + docs.size() < total && !nextMark.equals(mark)) {
            next = new SolrCursor(req.sort(), hash, seen + docs.size(), nextMark).encode();
        }
        List<Facet> facets = facets(r.path("facets"), req);
        String suggestion = null;
        if (!req.query().isBlank() && total < SUGGEST_BELOW) suggestion = suggest(req.query());
        long took = (System.nanoTime() - start) / 1_000_000;
        return new SearchResult(total, took, cursor == null ? req.page() : 0, req.size(), hits, facets, next, suggestion);
    }

    /** The query, the filters (tagged per dimension), the sort and, when grouping, the collapse. */
    private List<Map.Entry<String, String>> baseParams(SearchRequest req, String q) {
        List<Map.Entry<String, String>> p = new ArrayList<>();
        p.add(Map.entry("q", q == null ? "*:*" : q));
        p.add(Map.entry("q.op", "OR"));
        p.add(Map.entry("defType", "lucene"));
        p.add(Map.entry("fq", SolrSchema.TYPE + ":" + SolrSchema.TYPE_PARAGRAPH));
        p.add(Map.entry("sort", sort(req.sort())));
        for (Dimension dim : List.of(Dimension.COUNTRY, Dimension.SPEAKER)) {
            List<String> values = req.filter(dim);
            if (!values.isEmpty()) p.add(Map.entry("fq", "{!tag=" + dim.param() + "}" + anyOf(dim.param(), values)));
        }
        List<String> years = req.filter(Dimension.YEAR);
        if (req.yearFrom() == null && req.yearTo() == null) {
            if (!years.isEmpty()) p.add(Map.entry("fq", "{!tag=year}" + anyOf(SolrSchema.YEAR, years)));
        } else {
            // the range and any selected years are one filter on "year" (a paragraph needs a year that is
            // selected and within the range), so the year counts stay drill-sideways
            int from = req.yearFrom() == null ? Integer.MIN_VALUE : req.yearFrom();
            int to = req.yearTo() == null ? Integer.MAX_VALUE : req.yearTo();
            if (years.isEmpty()) {
                p.add(Map.entry("fq", "{!tag=year}" + SolrSchema.YEAR_INT + ":[" + (req.yearFrom() == null ? "*" : from)
                        + " TO " + (req.yearTo() == null ? "*" : to) + "]"));
            } else {
                List<String> inRange = years.stream().filter(y -> {
                    int v = Integer.parseInt(y);
                    return v >= from && v <= to;
                }).toList();
                p.add(Map.entry("fq", "{!tag=year}" + (inRange.isEmpty() ? "(*:* -*:*)" : anyOf(SolrSchema.YEAR, inRange))));
            }
        }
        if (req.groupByArticle()) {
            p.add(Map.entry("fq", "{!collapse tag=" + GROUP_TAG + " field=" + SolrSchema.ARTICLE_ID + " sort='" + sort(req.sort()) + "'}"));
        }
        return p;
    }

    private static String anyOf(String field, List<String> values) {
        StringBuilder sb = new StringBuilder(field).append(":(");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(" OR ");
            sb.append(SolrQueryTranslator.quoted(values.get(i)));
        }
        return sb.append(')').toString();
    }

    static String sort(SortOrder order) {
        return switch (order) {
            case RELEVANCE -> "score desc," + SolrSchema.ID + " asc";
            case DATE_ASC -> SolrSchema.PUBLISHED + " asc," + SolrSchema.ID + " asc";
            case DATE_DESC -> SolrSchema.PUBLISHED + " desc," + SolrSchema.ID + " asc";
        };
    }

    /** The cursor mark after the first {@code offset} hits (page N of the page numbers). */
    private String skip(List<Map.Entry<String, String>> base, int offset) {
        List<Map.Entry<String, String>> params = new ArrayList<>(base);
        params.add(Map.entry("rows", Integer.toString(offset)));
        params.add(Map.entry("cursorMark", "*"));
        params.add(Map.entry("fl", SolrSchema.ID));
        JsonNode r = select(params);
        return r.path("nextCursorMark").asText("*");
    }

    private String facetJson(SearchRequest req) {
        ObjectNode facets = json.createObjectNode();
        for (Dimension dim : Dimension.values()) {
            ObjectNode f = facets.putObject(dim.param());
            f.put("type", "terms");
            f.put("field", dim.param());
            f.put("limit", -1);
            f.put("mincount", 1);
            List<String> exclude = new ArrayList<>();
            if (!req.filter(dim).isEmpty() || dim == Dimension.YEAR && (req.yearFrom() != null || req.yearTo() != null)) {
                exclude.add(dim.param());
            }
            if (req.groupByArticle()) exclude.add(GROUP_TAG);
            if (!exclude.isEmpty()) f.putObject("domain").put("excludeTags", String.join(",", exclude));
        }
        return facets.toString();
    }

    private static List<Facet> facets(JsonNode facets, SearchRequest req) {
        List<Facet> out = new ArrayList<>();
        for (Dimension dim : Dimension.values()) {
            List<FacetValue> all = new ArrayList<>();
            for (JsonNode b : facets.path(dim.param()).path("buckets")) {
                String v = b.path("val").asText();
                all.add(new FacetValue(v, label(dim, v), b.path("count").asLong(), false));
            }
            all.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
            Set<String> selected = new HashSet<>(req.filter(dim));
            Map<String, Long> counts = new HashMap<>();
            for (FacetValue v : all) counts.put(v.value(), v.count());
            List<FacetValue> values = new ArrayList<>();
            Set<String> listed = new HashSet<>();
            int listedWithHits = 0;
            for (FacetValue v : all) {
                if (values.size() >= req.facetSize()) break;
                values.add(new FacetValue(v.value(), v.label(), v.count(), selected.contains(v.value())));
                listed.add(v.value());
                if (v.count() > 0) listedWithHits++;
            }
            for (String s : req.filter(dim)) {
                if (!listed.add(s)) continue;
                long c = counts.getOrDefault(s, 0L);
                values.add(new FacetValue(s, label(dim, s), c, true));
                if (c > 0) listedWithHits++;
            }
            out.add(new Facet(dim, values, Math.max(0, all.size() - listedWithHits)));
        }
        return out;
    }

    private static String label(Dimension dim, String value) {
        return dim == Dimension.COUNTRY ? CountryNames.label(value) : value;
    }

    private static void highlightParams(List<Map.Entry<String, String>> p) {
        p.add(Map.entry("hl", "true"));
        p.add(Map.entry("hl.method", "unified"));
        p.add(Map.entry("hl.fl", SolrSchema.TEXT + "," + SolrSchema.TEXT_STEM));
        p.add(Map.entry("hl.tag.pre", String.valueOf(PRE)));
        p.add(Map.entry("hl.tag.post", String.valueOf(POST)));
        p.add(Map.entry("hl.bs.type", "WHOLE"));
        p.add(Map.entry("hl.fragsize", "0"));
        p.add(Map.entry("hl.maxAnalyzedChars", Integer.toString(MAX_HIGHLIGHT_CHARS)));
        p.add(Map.entry("hl.snippets", "1"));
        p.add(Map.entry("hl.defaultSummary", "false"));
        p.add(Map.entry("hl.requireFieldMatch", "true"));
        p.add(Map.entry("hl.weightMatches", "true"));
        p.add(Map.entry("hl.highlightMultiTerm", "true"));
        p.add(Map.entry("hl.usePhraseHighlighter", "true"));
        p.add(Map.entry("hl.encoder", ""));
    }

    /** The spans of {@code text} that the snippets of its highlighted fields mark, merged, in order. */
    static List<Span> spans(JsonNode highlighting, String text) {
        List<int[]> found = new ArrayList<>();
        for (String field : List.of(SolrSchema.TEXT, SolrSchema.TEXT_STEM)) {
            JsonNode snippets = highlighting.path(field);
            if (!snippets.isArray() || snippets.isEmpty()) continue;
            String s = snippets.get(0).asText();
            int pos = 0;
            int open = -1;
            boolean consistent = true;
            List<int[]> spans = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == PRE) {
                    open = pos;
                } else if (c == POST) {
                    if (open >= 0 && pos > open) spans.add(new int[] {open, pos});
                    open = -1;
                } else {
                    if (pos >= text.length() || text.charAt(pos) != c) {
                        consistent = false; // the text itself holds a marker character: do not trust the snippet
                        break;
                    }
                    pos++;
                }
            }
            if (consistent) found.addAll(spans);
        }
        found.sort(Comparator.comparingInt((int[] a) -> a[0]).thenComparingInt(a -> a[1]));
        List<Span> out = new ArrayList<>();
        int curStart = -1, curEnd = -1;
        for (int[] s : found) {
            if (curStart >= 0 && s[0] <= curEnd) {
                curEnd = Math.max(curEnd, s[1]);
            } else {
                if (curStart >= 0) out.add(new Span(curStart, curEnd));
                curStart = s[0];
                curEnd = s[1];
            }
        }
        if (curStart >= 0) out.add(new Span(curStart, curEnd));
        return out;
    }

    private Hit hit(JsonNode d, List<Span> spans, int articleHits) {
        String articleId = d.path(SolrSchema.ARTICLE_ID).asText();
        int ordinal = d.path(SolrSchema.ORDINAL).asInt();
        List<CountryRef> countries = new ArrayList<>();
        for (String c : strings(d.path(SolrSchema.COUNTRY))) countries.add(new CountryRef(c, CountryNames.label(c)));
        List<Integer> years = strings(d.path(SolrSchema.YEAR)).stream().map(Integer::parseInt).toList();
        List<Integer> explicit = new ArrayList<>();
        for (JsonNode y : d.path(SolrSchema.EXPLICIT_YEAR)) explicit.add(y.asInt());
        float score = (float) d.path("score").asDouble(0);
        return new Hit(d.path(SolrSchema.PID).asText(), articleId, d.path(SolrSchema.TITLE).asText(null),
                date(d.path(SolrSchema.PUBLISHED)), ordinal, d.path(SolrSchema.TEXT).asText(), spans, countries, years,
                explicit, strings(d.path(SolrSchema.SPEAKER)), Float.isNaN(score) ? 0f : score, articleHits);
    }

    private static LocalDate date(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) return null;
        String s = n.asText();
        return s.length() >= 10 ? LocalDate.parse(s.substring(0, 10)) : null;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) for (JsonNode v : n) out.add(v.asText());
        else if (!n.isMissingNode() && !n.isNull()) out.add(n.asText());
        return out;
    }

    /**
     * Did-you-mean: candidates from Solr's spell checker on the word field, each counted over the whole collection
     * (the spell checker's merged counts are those of one shard), chosen by the search contract ({@link DidYouMean}).
     */
    private String suggest(String query) {
        Set<String> words = DidYouMean.words(query);
        if (words.isEmpty()) return null;
        try {
            List<Map.Entry<String, String>> p = new ArrayList<>();
            p.add(Map.entry("q", "*:*"));
            p.add(Map.entry("fq", SolrSchema.TYPE + ":" + SolrSchema.TYPE_PARAGRAPH));
            p.add(Map.entry("rows", "0"));
            p.add(Map.entry("spellcheck", "true"));
            p.add(Map.entry("spellcheck.q", String.join(" ", words)));
            p.add(Map.entry("spellcheck.count", Integer.toString(DidYouMean.CANDIDATES)));
            p.add(Map.entry("spellcheck.extendedResults", "true"));
            p.add(Map.entry("json.nl", "map"));
            JsonNode suggestions = select(p).path("spellcheck").path("suggestions");
            Map<String, List<String>> found = new HashMap<>();
            Set<String> all = new LinkedHashSet<>(words);
            suggestions.fieldNames().forEachRemaining(word -> {
                List<String> list = new ArrayList<>();
                for (JsonNode c : suggestions.path(word).path("suggestion")) {
                    String w = c.isTextual() ? c.asText() : c.path("word").asText("");
                    if (!w.isBlank()) list.add(w);
                }
                found.put(word, list);
                all.addAll(list);
            });
            if (found.isEmpty()) return null;
            Map<String, Long> paragraphs = paragraphsHolding(all);
            Map<String, List<DidYouMean.Candidate>> candidates = new HashMap<>();
            for (String word : words) {
                if (paragraphs.getOrDefault(word, 0L) > 0 || !found.containsKey(word)) continue;
                candidates.put(word, found.get(word).stream().map(w -> new DidYouMean.Candidate(w, paragraphs.getOrDefault(w, 0L))).toList());
            }
            return candidates.isEmpty() ? null : DidYouMean.suggest(query, candidates);
        } catch (RuntimeException e) {
            return null; // a suggestion is optional
        }
    }

    /** The number of paragraphs holding each word in the word field, over every shard. */
    private Map<String, Long> paragraphsHolding(Set<String> words) {
        ObjectNode facets = json.createObjectNode();
        List<String> list = new ArrayList<>(words);
        for (int i = 0; i < list.size(); i++) {
            ObjectNode f = facets.putObject("w" + i);
            f.put("type", "query");
            f.put("q", "{!term f=" + SolrSchema.TEXT + "}" + list.get(i));
        }
        JsonNode r = select(List.of(Map.entry("q", "*:*"), Map.entry("fq", SolrSchema.TYPE + ":" + SolrSchema.TYPE_PARAGRAPH),
                Map.entry("rows", "0"), Map.entry("json.facet", facets.toString()))).path("facets");
        Map<String, Long> out = new HashMap<>();
        for (int i = 0; i < list.size(); i++) out.put(list.get(i), r.path("w" + i).path("count").asLong(0));
        return out;
    }

    // ------------------------------------------------------------------------------------------ validation



    // ------------------------------------------------------------------------------- articles, facets, stats

    @Override
    public Optional<ArticleView> article(String id, String query) throws InvalidQueryException {
        if (id == null || id.isBlank() || id.length() > MAX_ID_CHARS) return Optional.empty();
        String text = query == null || query.length() > SearchRequest.MAX_QUERY_CHARS ? "" : query;
        List<Map.Entry<String, String>> p = new ArrayList<>();
        p.add(Map.entry("q", "*:*"));
        p.add(Map.entry("fq", "{!term f=" + SolrSchema.ID + "}" + SolrSchema.articleDocId(id)));
        p.add(Map.entry("rows", "1"));
        p.add(Map.entry("fl", SolrSchema.ARTICLE_JSON));
        JsonNode docs = select(p).path("response").path("docs");
        if (docs.isEmpty()) return Optional.empty();
        ArticleView article;
        try {
            article = json.readValue(docs.get(0).path(SolrSchema.ARTICLE_JSON).asText(), ArticleView.class);
        } catch (IOException e) {
            throw new IllegalStateException("article " + id + " is stored corrupt", e);
        }
        String q = translator.translate(text);
        if (q == null) return Optional.of(article);
        // the same highlighter as the hits, asked with the query for every paragraph of the article
        List<Map.Entry<String, String>> h = new ArrayList<>();
        h.add(Map.entry("q", "*:*"));
        h.add(Map.entry("fq", "{!term f=" + SolrSchema.ARTICLE_ID + "}" + id));
        h.add(Map.entry("fq", SolrSchema.TYPE + ":" + SolrSchema.TYPE_PARAGRAPH));
        h.add(Map.entry("rows", "10000"));
        h.add(Map.entry("fl", SolrSchema.ID + "," + SolrSchema.ORDINAL + "," + SolrSchema.TEXT));
        highlightParams(h);
        h.add(Map.entry("hl.q", q));
        h.add(Map.entry("hl.qparser", "lucene"));
        JsonNode r = select(h);
        Map<Integer, List<Span>> byOrdinal = new HashMap<>();
        for (JsonNode d : r.path("response").path("docs")) {
            byOrdinal.put(d.path(SolrSchema.ORDINAL).asInt(),
                    spans(r.path("highlighting").path(d.path(SolrSchema.ID).asText()), d.path(SolrSchema.TEXT).asText()));
        }
        List<ParagraphView> marked = new ArrayList<>(article.paragraphs().size());
        for (ParagraphView pv : article.paragraphs()) marked.add(pv.withHighlights(byOrdinal.getOrDefault(pv.ordinal(), List.of())));
        return Optional.of(article.withParagraphs(marked));
    }

    @Override
    public List<FacetValue> facetValues(FacetValuesRequest request) {
        java.util.function.Predicate<FacetValue> matches = request.matcher();
        List<FacetValue> out = new ArrayList<>(request.limit());
        for (FacetValue v : request.inContext() ? valuesUnder(request) : allValues(request.dim())) {
            if (matches.test(v)) out.add(v);
            if (out.size() == request.limit()) break;
        }
        return out;
    }

    /**
     * The values of the dimension under the request's search, counted drill-sideways by the search's own facets
     * (the most frequent {@link SearchRequest#MAX_FACET_SIZE}), most frequent first.
     */
    private List<FacetValue> valuesUnder(FacetValuesRequest request) {
        SearchRequest s = request.search();
        SearchResult r = search(new SearchRequest(s.query(), s.filters(), s.yearFrom(), s.yearTo(), SortOrder.RELEVANCE, 1, 1,
                null, false, SearchRequest.MAX_FACET_SIZE));
        List<FacetValue> values = new ArrayList<>();
        for (Facet f : r.facets()) {
            if (f.dim() != request.dim()) continue;
            for (FacetValue v : f.values()) if (v.count() > 0) values.add(v);
        }
        values.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
        return values;
    }

    private List<FacetValue> allValues(Dimension dim) {
        CachedValues cached = facetValues.get(dim);
        if (cached != null && System.nanoTime() - cached.atNanos() < FACET_VALUES_TTL_NANOS) return cached.values();
        ObjectNode facet = json.createObjectNode();
        ObjectNode f = facet.putObject("v");
        f.put("type", "terms");
        f.put("field", dim.param());
        f.put("limit", -1);
        f.put("mincount", 1);
        JsonNode r = select(List.of(Map.entry("q", "*:*"), Map.entry("fq", SolrSchema.TYPE + ":" + SolrSchema.TYPE_PARAGRAPH),
                Map.entry("rows", "0"), Map.entry("json.facet", facet.toString())));
        List<FacetValue> values = new ArrayList<>();
        for (JsonNode b : r.path("facets").path("v").path("buckets")) {
            String v = b.path("val").asText();
            values.add(new FacetValue(v, label(dim, v), b.path("count").asLong(), false));
        }
        values.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
        List<FacetValue> frozen = List.copyOf(values);
        facetValues.put(dim, new CachedValues(frozen, System.nanoTime()));
        return frozen;
    }

    /**
     * A search here waits on the cluster's nodes, which do the work on their own cores: as many at once as the
     * old default allowed per core, four times this machine's cores (at least 8).
     */
    @Override
    public int usefulConcurrency() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    @Override
    public IndexStats stats() {
        try {
            return readStats();
        } catch (SolrHttp.SolrException e) {
            throw unavailable(e);
        }
    }

    private IndexStats readStats() {
        String facets = "{\"p\":{\"type\":\"query\",\"q\":\"type:paragraph\"},\"a\":{\"type\":\"query\",\"q\":\"type:article\"}}";
        JsonNode r = select(List.of(Map.entry("q", "*:*"), Map.entry("rows", "0"), Map.entry("json.facet", facets)));
        int paragraphs = r.path("facets").path("p").path("count").asInt();
        int articles = r.path("facets").path("a").path("count").asInt();
        SolrAdmin admin = new SolrAdmin(http);
        String target = admin.resolveAlias(collection);
        Instant lastBuild = null;
        JsonNode build = SolrIndexer.buildInfo(http, collection);
        if (build != null && build.hasNonNull("last_build")) lastBuild = Instant.parse(build.get("last_build").asText());
        return new IndexStats(articles, paragraphs, admin.indexBytes(target), lastBuild, target);
    }

    @Override
    public void close() {
        // the HTTP client holds no resources that outlive the process
    }
}
