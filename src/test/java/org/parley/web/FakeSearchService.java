package org.parley.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.search.ArticleView;
import org.parley.search.CountryRef;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;
import org.parley.search.FacetValuesRequest;
import org.parley.search.Hit;
import org.parley.search.IndexStats;
import org.parley.search.InvalidQueryException;
import org.parley.search.ParagraphView;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;
import org.parley.search.Span;

/**
 * An in-memory stand-in for the Lucene search service: naive word matching, but the same contract (OR within a
 * facet, AND across facets, drill-sideways counts, selected values always listed, escaped snippets with marks).
 */
final class FakeSearchService implements SearchService {
    static final Map<String, String> COUNTRIES = Map.of("KH", "Cambodia", "RU", "Russia", "VN", "Vietnam",
            "CN", "China", "TH", "Thailand", "US", "United States", "UA", "Ukraine", "LA", "Laos", "FR", "France");

    record Para(String articleId, String title, LocalDate published, int ordinal, String kind, String text,
                List<String> countries, List<Integer> explicitYears, List<String> speakers) {
        String id() {
            return articleId + "#" + ordinal;
        }

        List<Integer> years() {
            return explicitYears.isEmpty() && published != null ? List.of(published.getYear()) : explicitYears;
        }

        boolean searchable() {
            return kind.equals("body");
        }
    }

    private final List<Para> paras = new ArrayList<>();
    private final Map<String, String[]> articles = new LinkedHashMap<>();

    FakeSearchService() {
        article("cambodia-russia-65", "Cambodia and Russia mark 65 years of diplomatic ties", LocalDate.of(2021, 5, 14), "Phnom Penh Post");
        para("caption", "Prime Minister Hun Sen shakes hands with Russian President Vladimir Putin in Sochi in May 2016.", "KH,RU", "2016", "");
        para("body", "Cambodia and Russia celebrated the 65th anniversary of diplomatic relations on May 13.", "KH,RU", "", "");
        para("body", "The two nations originally established diplomatic contact on May 13, 1956.", "", "1956", "");
        para("body", "King Norodom Sihamoni exchanged letters with Russian President Vladimir Putin, saying relations were cordial.", "KH,RU", "", "Norodom Sihamoni");
        para("body", "Putin said that Russia and Cambodia have accumulated a significant amount of experience in cooperation.", "RU,KH", "", "Vladimir Putin");
        para("body", "Hun Sen said the Cambodian people could never forget the help rendered by the Soviet Union in the 1980s.", "KH,RU", "1980", "Hun Sen");
        para("body", "Russian Prime Minister Mikhail Mishustin said relations with Cambodia would grow in trade and education.", "RU,KH", "", "Mikhail Mishustin");
        para("body", "Foreign ministers Prak Sokhonn and Sergey Lavrov exchanged congratulations on the anniversary.", "KH,RU", "", "");

        article("ukraine-votes", "Cambodia-Russia relations remain strong despite differences over Ukraine", LocalDate.of(2022, 4, 20), "Khmer Times");
        para("body", "Cambodia voted in favour of two UN resolutions on Ukraine in 2022, while relations with Russia stayed friendly.", "KH,RU,UA", "2022", "");
        para("body", "Hun Sen said Russia is a friend of Cambodia but the Kingdom does not support invasions.", "KH,RU", "", "Hun Sen");
        para("body", "Visits to Moscow in the 1980s by Chea Sim and Heng Samrin built lasting ties with the Soviet Union.", "RU,KH", "1980", "");
        para("body", "Cambodia opposed the campaign by Western countries to exclude Russia from regional fora such as ASEAN.", "KH,RU", "", "");
        para("body", "As ASEAN chair in 2022, Cambodia works with Russia, China and the United States on regional security.", "KH,RU,CN,US", "2022", "");
        para("body", "A reader wrote <script>alert(\"stored\")</script> & asked whether \"quotes\" break the page.", "", "", "");

        article("asean-russia-dialogue", "Cambodia committed to promoting ASEAN-Russia dialogue relations", LocalDate.of(2021, 8, 24), "Fresh News");
        para("body", "Hun Sen reaffirmed Cambodia's stance on ASEAN-Russia relations at a roundtable conference.", "KH,RU", "", "Hun Sen");
        para("body", "“I reiterate Cambodia's strong commitment to the ASEAN-Russia dialogue relations,” Hun Sen said.", "KH,RU", "", "Hun Sen");
        para("body", "Hun Sen said 2021 marks the 25th anniversary of ASEAN-Russia dialogue relations since 1996.", "KH,RU", "1996,2021", "Hun Sen");
        para("body", "The fight against COVID-19 must come first, and vaccines from Russia and China helped Cambodia.", "RU,CN,KH", "", "Hun Sen");
        para("body", "Trade between Russia and ASEAN could grow through investment, tourism and education.", "RU", "", "");

        article("vietnam-cambodia-57", "Vietnam and Cambodia mark 57 years of diplomatic relations", LocalDate.of(2024, 6, 21), "Nhan Dan");
        para("body", "June 24, 2024 commemorates the 57th anniversary of diplomatic relations between Vietnam and Cambodia.", "VN,KH", "2024", "");
        para("body", "Prime Minister Pham Minh Chinh met Cambodian Minister Hout Hak in Hanoi on June 10, 2024.", "VN,KH", "2024", "");
        para("body", "Cambodia and Vietnam share the waters of the Mekong with Laos and Thailand.", "KH,VN,LA,TH", "", "");
        para("body", "During Hun Manet's visit to Vietnam in December 2023, both sides agreed to deepen their relationship.", "KH,VN", "2023", "Hun Manet");
        para("body", "Nguyen Thi Thanh said the friendship association would support exchanges between young people.", "VN,KH", "", "Nguyen Thi Thanh");
        para("body", "France and the United States were mentioned as former powers in the region during the 1960s.", "FR,US", "1960", "");
        para("body", "Bilateral trade between Vietnam and Cambodia reached 10 billion dollars in 2023 and is growing.", "VN,KH", "2023", "Pham Minh Chinh");
    }

    private String currentArticle;

    private void article(String id, String title, LocalDate published, String source) {
        currentArticle = id;
        articles.put(id, new String[] {title, published.toString(), source});
    }

    private void para(String kind, String text, String countries, String years, String speakers) {
        String[] a = articles.get(currentArticle);
        int ordinal = (int) paras.stream().filter(p -> p.articleId().equals(currentArticle)).count() + 1;
        paras.add(new Para(currentArticle, a[0], LocalDate.parse(a[1]), ordinal, kind, text, split(countries),
                split(years).stream().map(Integer::parseInt).toList(), split(speakers)));
    }

    private static List<String> split(String s) {
        return s.isBlank() ? List.of() : List.of(s.split(","));
    }

    // ---- SearchService ----

    @Override
    public SearchResult search(SearchRequest r) throws InvalidQueryException {
        long start = System.nanoTime();
        List<String> terms = terms(r.query());
        Predicate<Para> base = p -> p.searchable() && matches(p, terms) && inRange(p, r);
        List<Para> matching = paras.stream().filter(base).filter(p -> passes(p, r, null)).toList();
        List<Para> sorted = new ArrayList<>(matching);
        Comparator<Para> order = switch (r.sort()) {
            case RELEVANCE -> Comparator.comparingInt((Para p) -> -score(p, terms));
            case DATE_ASC -> Comparator.comparing(Para::published);
            case DATE_DESC -> Comparator.comparing(Para::published).reversed();
        };
        sorted.sort(order.thenComparing(Para::articleId).thenComparingInt(Para::ordinal));
        int from = r.cursor() != null ? Integer.parseInt(r.cursor()) : (r.page() - 1) * r.size();
        List<Hit> hits = new ArrayList<>();
        for (int i = from; i < Math.min(sorted.size(), from + r.size()); i++) hits.add(hit(sorted.get(i), terms));
        String next = from + r.size() < sorted.size() ? Integer.toString(from + r.size()) : null;
        List<Facet> facets = new ArrayList<>();
        for (Dimension dim : Dimension.values()) {
            List<Para> sideways = paras.stream().filter(base).filter(p -> passes(p, r, dim)).toList();
            facets.add(facet(dim, sideways, r));
        }
        String didYouMean = null;
        if (matching.isEmpty() && terms.size() == 1) didYouMean = suggest(terms.get(0));
        return new SearchResult(matching.size(), (System.nanoTime() - start) / 1_000_000, r.page(), r.size(), hits, facets,
                next, didYouMean);
    }

    @Override
    public Optional<ArticleView> article(String id, String query) {
        String[] a = articles.get(id);
        if (a == null) return Optional.empty();
        List<ParagraphView> ps = paras.stream().filter(p -> p.articleId().equals(id))
                .map(p -> new ParagraphView(p.ordinal(), p.kind(), p.text(), refs(p.countries()), p.years(),
                        p.explicitYears(), p.speakers(), spans(p.text(), terms(query)))).toList();
        return Optional.of(new ArticleView(id, id + ".txt", a[0], LocalDate.parse(a[1]), null, a[2], ps));
    }

    @Override
    public List<FacetValue> facetValues(FacetValuesRequest request) {
        Facet all = facet(request.dim(), paras.stream().filter(Para::searchable).toList(), SearchRequest.of(""));
        String p = request.prefix().toLowerCase(Locale.ROOT);
        return all.values().stream().filter(v -> v.label().toLowerCase(Locale.ROOT).startsWith(p)).limit(request.limit()).toList();
    }

    @Override
    public IndexStats stats() {
        return new IndexStats(articles.size(), paras.size(), 0, Instant.EPOCH, "fake");
    }

    @Override
    public void close() {
    }

    // ---- helpers ----

    static List<String> terms(String query) throws InvalidQueryException {
        if (query.chars().filter(c -> c == '"').count() % 2 != 0) {
            throw new InvalidQueryException("invalid_query", "The query has an unclosed quotation mark.", "q");
        }
        if (query.chars().filter(c -> c == '(').count() != query.chars().filter(c -> c == ')').count()) {
            throw new InvalidQueryException("invalid_query", "The query has unbalanced brackets.", "q");
        }
        List<String> terms = new ArrayList<>();
        Matcher m = Pattern.compile("[\\p{L}\\p{N}]+").matcher(query);
        while (m.find()) {
            String w = m.group();
            if (List.of("AND", "OR", "NOT").contains(w)) continue;
            w = w.toLowerCase(Locale.ROOT);
            if (w.length() > 4 && w.endsWith("s")) w = w.substring(0, w.length() - 1);
            terms.add(w);
        }
        return terms;
    }

    private static boolean matches(Para p, List<String> terms) {
        String text = p.text().toLowerCase(Locale.ROOT);
        return terms.stream().allMatch(text::contains);
    }

    private static int score(Para p, List<String> terms) {
        String text = p.text().toLowerCase(Locale.ROOT);
        int n = 0;
        for (String t : terms) for (int i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) n++;
        return n;
    }

    private static boolean inRange(Para p, SearchRequest r) {
        if (r.yearFrom() == null && r.yearTo() == null) return true;
        return p.years().stream().anyMatch(y -> (r.yearFrom() == null || y >= r.yearFrom()) && (r.yearTo() == null || y <= r.yearTo()));
    }

    /** Whether the paragraph passes every facet filter except those of {@code skipDim}. */
    private static boolean passes(Para p, SearchRequest r, Dimension skipDim) {
        for (Map.Entry<Dimension, List<String>> f : r.filters().entrySet()) {
            if (f.getKey() == skipDim || f.getValue().isEmpty()) continue;
            if (f.getValue().stream().noneMatch(v -> values(p, f.getKey()).contains(v))) return false;
        }
        return true;
    }

    private static List<String> values(Para p, Dimension dim) {
        return switch (dim) {
            case COUNTRY -> p.countries();
            case YEAR -> p.years().stream().map(String::valueOf).toList();
            case SPEAKER -> p.speakers();
        };
    }

    private static Facet facet(Dimension dim, List<Para> ps, SearchRequest r) {
        Map<String, Long> counts = new TreeMap<>();
        for (Para p : ps) for (String v : values(p, dim)) counts.merge(v, 1L, Long::sum);
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<FacetValue> values = new ArrayList<>();
        int other = 0;
        for (Map.Entry<String, Long> e : ranked) {
            boolean selected = r.filter(dim).contains(e.getKey());
            if (values.size() < r.facetSize() || selected) values.add(value(dim, e.getKey(), e.getValue(), selected));
            else other++;
        }
        for (String s : r.filter(dim)) if (!counts.containsKey(s)) values.add(value(dim, s, 0, true));
        return new Facet(dim, values, other);
    }

    private static FacetValue value(Dimension dim, String v, long count, boolean selected) {
        return new FacetValue(v, dim == Dimension.COUNTRY ? COUNTRIES.getOrDefault(v, v) : v, count, selected);
    }

    private static List<CountryRef> refs(List<String> codes) {
        return codes.stream().map(c -> new CountryRef(c, COUNTRIES.getOrDefault(c, c))).toList();
    }

    private static Hit hit(Para p, List<String> terms) {
        return new Hit(p.id(), p.articleId(), p.title(), p.published(), p.ordinal(), p.text(), spans(p.text(), terms),
                refs(p.countries()), p.years(), p.explicitYears(), p.speakers(), score(p, terms), 1);
    }

    /** The spans of every occurrence of a term. */
    static List<Span> spans(String text, List<String> terms) {
        boolean[] marked = new boolean[text.length()];
        String lower = text.toLowerCase(Locale.ROOT);
        for (String t : terms) {
            for (int i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) {
                int end = i + t.length();
                while (end < text.length() && Character.isLetter(text.charAt(end))) end++; // the whole word, as stemming does
                for (int j = i; j < end; j++) marked[j] = true;
            }
        }
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (!marked[i]) continue;
            int start = i;
            while (i < text.length() && marked[i]) i++;
            spans.add(new Span(start, i));
        }
        return spans;
    }

    private String suggest(String term) {
        String best = null;
        int bestDistance = 3;
        for (Para p : paras) {
            for (String w : p.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                int d = distance(term, w);
                if (d > 0 && d < bestDistance && w.length() > 3) {
                    best = w;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
