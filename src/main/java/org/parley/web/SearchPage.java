package org.parley.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.search.CountryRef;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;
import org.parley.search.Hit;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SortOrder;
import org.parley.web.Views.Chip;
import org.parley.web.Views.FacetValueView;
import org.parley.web.Views.FacetView;
import org.parley.web.Views.HiddenField;
import org.parley.web.Views.HitGroup;
import org.parley.web.Views.HitView;
import org.parley.web.Views.Overview;
import org.parley.web.Views.PageLink;
import org.parley.web.Views.Pagination;
import org.parley.web.Views.SelectedChip;
import org.parley.web.Views.SortOption;

/**
 * Everything the search page template shows, computed from the URL state and the service's answer.
 *
 * @param error         a friendly message when the query could not be run (then there is no result)
 * @param dropHref      on "no results": the search without its narrowest filter, or null
 * @param didYouMeanHref the search for the spelling suggestion, or null
 */
record SearchPage(UrlState state, String error, boolean hasResult, long total, String totalText, String tookText,
                  int firstShown, int lastShown, List<HitView> hits, List<FacetView> facets, List<SelectedChip> selected,
                  String clearHref, YearChart chart, Pagination pagination, List<SortOption> sorts, String didYouMean,
                  String didYouMeanHref, String dropHref, String dropLabel, String csvHref, String jsonHref,
                  List<HiddenField> hiddenFields, String title, Empty empty, List<HitGroup> groups, Overview overview) {

    /** This page's URL in canonical form (the instant path puts it in the address bar). */
    public String canonicalHref() {
        return state.href();
    }

    /** Whether a listed hit has a dashed (publication) year chip, which the legend explains. */
    public boolean hasPublicationYears() {
        return overview == null && hits.stream().anyMatch(h -> h.chips().stream().anyMatch(Chip::muted));
    }

    /** The start page: nothing in the URL at all. */
    public boolean start() {
        return overview != null;
    }

    /**
     * What the page knows beyond the result, found with further counting searches (see {@link PageRoutes}).
     *
     * @param noYear         matching paragraphs without any year under the other filters, or -1
     * @param queryOnlyTotal on "no results" with filters: what the query finds without any filter, or -1
     * @param dropped        on "no results": the filter (or the year range, {@code dim} null) whose removal finds the
     *                       most, with that number; null when unknown
     * @param indexEmpty     on "no results": the index holds no paragraph at all, so no spelling or filter is the cause
     */
    record Extras(long noYear, long queryOnlyTotal, UrlState.Filter dropped, long droppedTotal, Overview overview,
                  boolean indexEmpty) {
        static final Extras NONE = new Extras(-1, -1, null, -1, null);

        Extras(long noYear, long queryOnlyTotal, UrlState.Filter dropped, long droppedTotal, Overview overview) {
            this(noYear, queryOnlyTotal, dropped, droppedTotal, overview, false);
        }
    }

    /**
     * The "no results" notice, worded by its cause.
     *
     * @param byFilters  the query finds paragraphs, the filters exclude them all
     * @param indexEmpty the index holds no paragraph: the notice says how to add some instead of checking the spelling
     */
    record Empty(boolean byFilters, String heading, String queryOnlyText, String dropText, boolean indexEmpty) {
    }

    static final int PAGE_SIZE = 10;
    /** The last page a search can reach: the request's page depth, in pages of this size. */
    static final int MAX_PAGE = SearchRequest.MAX_PAGE_DEPTH / PAGE_SIZE;
    /** Facet values listed before "show more". */
    static final int SHOWN_VALUES = 8;
    /** Values asked of the service per facet: enough for the year chart and for expanded lists. */
    static final int FACET_SIZE = 500;
    static final Map<Dimension, String> TITLES = Map.of(Dimension.COUNTRY, "Countries", Dimension.YEAR, "Years",
            Dimension.SPEAKER, "Speakers");
    static final Map<Dimension, String> SINGULAR = Map.of(Dimension.COUNTRY, "Country", Dimension.YEAR, "Year",
            Dimension.SPEAKER, "Speaker");
    private static final List<Dimension> SIDEBAR_ORDER = List.of(Dimension.COUNTRY, Dimension.SPEAKER, Dimension.YEAR);

    public boolean noResults() {
        return hasResult && total == 0;
    }

    /** The page for a query that could not be run. */
    static SearchPage error(UrlState state, String message) {
        return new SearchPage(state, message, false, 0, "", "", 0, 0, List.of(), List.of(), selectedChips(state, Map.of()),
                state.withoutFilters().href(), YearChart.of(null, state), new Pagination(null, null, List.of(), 1, 1),
                sortOptions(state), null, null, null, null, null, null, hiddenFields(state, Set.of(), true, true),
                "Search problem · parley", null, List.of(), null);
    }

    static SearchPage of(UrlState state, SearchResult result) {
        return of(state, result, Extras.NONE);
    }

    static SearchPage of(UrlState state, SearchResult result, Extras extras) {
        Map<Dimension, Facet> byDim = new java.util.HashMap<>();
        for (Facet f : result.facets()) byDim.put(f.dim(), f);
        Map<String, String> labels = labels(result);

        List<FacetView> facets = new ArrayList<>();
        Set<UrlState.Filter> rendered = new LinkedHashSet<>();
        for (Dimension dim : SIDEBAR_ORDER) {
            FacetView view = facet(dim, byDim.get(dim), state);
            if (view == null) continue;
            facets.add(view);
            for (FacetValueView v : view.values()) if (v.selected()) rendered.add(new UrlState.Filter(dim, v.value()));
        }

        List<HitView> hits = result.hits().stream().map(h -> hit(h, state)).toList();
        List<HitGroup> groups = groups(hits, state);
        int first = hits.isEmpty() ? 0 : (state.page() - 1) * PAGE_SIZE + 1;
        int last = hits.isEmpty() ? 0 : first + hits.size() - 1;

        String didYouMeanHref = result.didYouMean() == null || result.didYouMean().isBlank() ? null
                : state.withQuery(result.didYouMean()).href();
        String dropHref = null;
        String dropLabel = null;
        Empty empty = null;
        if (result.total() == 0) {
            UrlState.Filter narrowest = extras.dropped() != null ? extras.dropped() : narrowest(state, byDim);
            if (narrowest != null && narrowest.dim() != null) {
                dropHref = state.withoutFilter(narrowest.dim(), narrowest.value()).href();
                dropLabel = SINGULAR.get(narrowest.dim()) + ": " + labels.getOrDefault(key(narrowest), narrowest.value());
            } else if (state.hasYearRange()) {
                dropHref = state.withYearRange(null, null).href();
                dropLabel = "the year range " + yearRangeText(state);
            }
            // a search for everything that finds nothing: the index is empty, whatever the extras say
            boolean indexEmpty = extras.indexEmpty() || state.isEmpty();
            boolean byFilters = !indexEmpty && state.narrowed() && extras.queryOnlyTotal() != 0;
            String unit = state.grouped() ? "article" : "paragraph";
            String heading = indexEmpty ? "The index holds no paragraphs yet" : byFilters ? "No results with these filters"
                    : "No " + unit + "s match";
            String queryOnly = byFilters && extras.queryOnlyTotal() > 0
                    ? Views.plural(extras.queryOnlyTotal(), unit, unit + "s") + (state.q().isEmpty() ? " in all" : " match the query")
                    + " without filters" : null;
            String dropText = dropHref != null && extras.dropped() != null && extras.droppedTotal() > 0
                    ? Views.plural(extras.droppedTotal(), unit, unit + "s") : null;
            empty = new Empty(byFilters, heading, queryOnly, dropText, indexEmpty);
        }
        YearChart chart = YearChart.of(byDim.get(Dimension.YEAR), state, extras.noYear());
        String title = extras.overview() != null ? "parley · search news paragraphs about foreign relations"
                : (state.q().isEmpty() ? "All paragraphs" : state.q()) + " · parley";
        String totalText = state.grouped() ? Views.plural(result.total(), "article", "articles")
                : Views.plural(result.total(), "paragraph", "paragraphs");
        return new SearchPage(state, null, true, result.total(), totalText,
                result.tookMs() + " ms", first, last, hits, facets, selectedChips(state, labels),
                state.withoutFilters().href(), chart,
                pagination(state, result.total()), sortOptions(state), result.didYouMean(), didYouMeanHref, dropHref,
                dropLabel, state.withPage(1).path("/export.csv"), state.withPage(1).path("/export.json"),
                hiddenFields(state, rendered, false, chart.isEmpty()), title, empty, groups, extras.overview());
    }

    /** Consecutive hits of one article under one title (hits of a page are consecutive when ranked close together). */
    static List<HitGroup> groups(List<HitView> hits, UrlState state) {
        List<HitGroup> groups = new ArrayList<>();
        List<HitView> run = new ArrayList<>();
        for (HitView h : hits) {
            if (!run.isEmpty() && !run.getLast().articleId().equals(h.articleId())) {
                groups.add(group(run));
                run = new ArrayList<>();
            }
            run.add(h);
        }
        if (!run.isEmpty()) groups.add(group(run));
        return groups;
    }

    private static HitGroup group(List<HitView> run) {
        HitView first = run.getFirst();
        return new HitGroup(first.articleId(), first.title(), first.dateIso(), first.dateText(), first.articleHref(), List.copyOf(run));
    }

    /** The search for the matching paragraphs of one article (its hits, not grouped). */
    static UrlState articleHits(UrlState state, String articleId) {
        String scope = "article:" + articleId;
        String q = state.q().isEmpty() ? scope : "(" + state.q() + ") AND " + scope;
        return state.withQuery(q).withGrouped(false);
    }

    /** The selected value with the smallest count; among equals (or when counts are unknown) the last added. */
    static UrlState.Filter narrowest(UrlState state, Map<Dimension, Facet> byDim) {
        UrlState.Filter best = null;
        long bestCount = Long.MAX_VALUE;
        for (UrlState.Filter f : state.filters()) {
            long count = Long.MAX_VALUE;
            Facet facet = byDim.get(f.dim());
            if (facet != null) {
                for (FacetValue v : facet.values()) if (v.value().equals(f.value())) count = v.count();
            }
            if (best == null || count <= bestCount) {
                best = f;
                bestCount = count;
            }
        }
        return best;
    }

    private static FacetView facet(Dimension dim, Facet facet, UrlState state) {
        List<FacetValue> values = new ArrayList<>(facet == null ? List.of() : facet.values());
        // Selected values stay visible even when the service did not count them (e.g. a chip for a rare value).
        for (String selected : state.values(dim)) {
            if (values.stream().noneMatch(v -> v.value().equals(selected))) {
                values.add(new FacetValue(selected, selected, 0, true));
            }
        }
        if (values.isEmpty()) return null;
        boolean expanded = state.expanded(dim);
        List<FacetValue> shown = new ArrayList<>();
        int hidden = facet == null || (dim == Dimension.YEAR && state.hasYearRange()) ? 0 : facet.otherValues();
        for (FacetValue v : values) {
            boolean selected = v.selected() || state.has(dim, v.value());
            if (dim == Dimension.YEAR && !selected && !inRange(state, v.value())) continue; // would find nothing
            if (expanded || shown.size() < SHOWN_VALUES || selected) shown.add(v);
            else hidden++;
        }
        List<FacetValueView> views = new ArrayList<>();
        for (FacetValue v : shown) {
            boolean selected = v.selected() || state.has(dim, v.value());
            String label = v.label() == null || v.label().isBlank() ? v.value() : v.label();
            views.add(new FacetValueView(dim.param(), v.value(), label, v.count(), Views.count(v.count()), selected,
                    state.toggle(dim, v.value()).href(), dim.param() + "-" + views.size()));
        }
        String moreHref = hidden > 0 && !expanded ? state.withMore(dim, true).href() + "#facet-" + dim : null;
        String lessHref = expanded ? state.withMore(dim, false).href() + "#facet-" + dim : null;
        return new FacetView(dim.param(), TITLES.get(dim), views, hidden, moreHref, lessHref, dim != Dimension.YEAR);
    }

    /** Whether a year facet value lies within the selected year range (always, without a range). */
    static boolean inRange(UrlState state, String value) {
        if (!state.hasYearRange()) return true;
        try {
            int y = Integer.parseInt(value.strip());
            return (state.yearFrom() == null || y >= state.yearFrom()) && (state.yearTo() == null || y <= state.yearTo());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static HitView hit(Hit h, UrlState state) {
        List<Chip> chips = chips(h.countries(), h.years(), h.explicitYears(), h.speakers(), state);
        String anchor = "hit-" + h.articleId() + "-" + h.ordinal();
        String articleHref = articleHref(h.articleId(), h.ordinal(), state);
        String title = h.title() == null || h.title().isBlank() ? h.articleId() : h.title();
        SafeHtml.Snippet snippet = SafeHtml.snippet(h.text(), h.highlights(), SafeHtml.SNIPPET_CHARS);
        String full = snippet.cut() ? SafeHtml.marked(h.text(), h.highlights(), SafeHtml.MAX_HIT_CHARS) : null;
        String hitsHref = state.grouped() && h.articleHits() > 1 && state.q().length() < 1900
                ? articleHits(state, h.articleId()).href() : null;
        return new HitView(anchor, h.articleId(), title, Views.isoDate(h.published()), Views.humanDate(h.published()), h.ordinal(),
                snippet.html(), snippet.cut(), full, articleHref, chips, h.articleHits(), hitsHref);
    }

    /** The article page for a hit, carrying the search state so that its back link restores the search. */
    static String articleHref(String articleId, int ordinal, UrlState state) {
        String qs = state.queryString();
        return "/articles/" + UrlState.encode(articleId).replace("+", "%20") + "?" + (qs.isEmpty() ? "" : qs + "&")
                + "p=" + ordinal + "#p" + ordinal;
    }

    static List<Chip> chips(List<CountryRef> countries, List<Integer> years, List<Integer> explicitYears,
                            List<String> speakers, UrlState state) {
        List<Chip> chips = new ArrayList<>();
        for (CountryRef c : nonNull(countries)) {
            String name = c.name() == null || c.name().isBlank() ? c.code() : c.name();
            chips.add(chip(Dimension.COUNTRY, c.code(), name, "Only paragraphs about " + name, false, state));
        }
        List<Integer> explicit = nonNull(explicitYears);
        for (Integer y : nonNull(years)) {
            boolean muted = !explicit.contains(y);
            chips.add(chip(Dimension.YEAR, y.toString(), y.toString(),
                    muted ? "Published in " + y + " (the paragraph names no year)" : "Only paragraphs about " + y, muted, state));
        }
        for (String s : nonNull(speakers)) {
            chips.add(chip(Dimension.SPEAKER, s, s, "Only paragraphs quoting " + s, false, state));
        }
        return chips;
    }

    /** A chip adds its value as a filter; on a value already selected, it removes it. */
    private static Chip chip(Dimension dim, String value, String label, String title, boolean muted, UrlState state) {
        boolean selected = state.has(dim, value);
        return new Chip(dim.param(), label, state.toggle(dim, value).href(),
                selected ? "Remove filter " + SINGULAR.get(dim) + ": " + label : title, selected, muted);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<SelectedChip> selectedChips(UrlState state, Map<String, String> labels) {
        List<SelectedChip> chips = new ArrayList<>();
        for (UrlState.Filter f : state.filters()) {
            String label = labels.getOrDefault(key(f), f.value());
            chips.add(new SelectedChip(f.dim().param(), SINGULAR.get(f.dim()) + ": " + label,
                    state.withoutFilter(f.dim(), f.value()).href(), "Remove filter " + SINGULAR.get(f.dim()) + ": " + label));
        }
        if (state.hasYearRange()) {
            chips.add(new SelectedChip("range", "Years: " + yearRangeText(state), state.withYearRange(null, null).href(),
                    "Remove filter Years: " + yearRangeText(state)));
        }
        return chips;
    }

    static String yearRangeText(UrlState state) {
        if (state.yearFrom() != null && state.yearTo() != null) return state.yearFrom() + "–" + state.yearTo();
        if (state.yearFrom() != null) return "from " + state.yearFrom();
        return "up to " + state.yearTo();
    }

    private static String key(UrlState.Filter f) {
        return f.dim().param() + "\u0000" + f.value();
    }

    private static Map<String, String> labels(SearchResult result) {
        Map<String, String> labels = new java.util.HashMap<>();
        for (Facet f : result.facets()) {
            for (FacetValue v : f.values()) {
                if (v.label() != null && !v.label().isBlank()) labels.put(f.dim().param() + "\u0000" + v.value(), v.label());
            }
        }
        for (Hit h : result.hits()) {
            for (CountryRef c : nonNull(h.countries())) {
                if (c.name() != null) labels.putIfAbsent("country\u0000" + c.code(), c.name());
            }
        }
        return labels;
    }

    static Pagination pagination(UrlState state, long total) {
        int last = (int) Math.max(1, Math.min(MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        int current = Math.min(state.page(), last);
        List<PageLink> pages = new ArrayList<>();
        int prevShown = 0;
        for (int p = 1; p <= last; p++) {
            boolean show = p == 1 || p == last || Math.abs(p - current) <= 2;
            if (!show) continue;
            if (p - prevShown > 1) pages.add(new PageLink(0, null, false, true));
            pages.add(new PageLink(p, state.withPage(p).href(), p == current, false));
            prevShown = p;
        }
        return new Pagination(current > 1 ? state.withPage(current - 1).href() : null,
                current < last ? state.withPage(current + 1).href() : null, pages, current, last);
    }

    static List<SortOption> sortOptions(UrlState state) {
        return List.of(
                new SortOption(SortOrder.RELEVANCE.param(), "Best match", state.sort() == SortOrder.RELEVANCE,
                        state.withSort(SortOrder.RELEVANCE).href()),
                new SortOption(SortOrder.DATE_DESC.param(), "Newest first", state.sort() == SortOrder.DATE_DESC,
                        state.withSort(SortOrder.DATE_DESC).href()),
                new SortOption(SortOrder.DATE_ASC.param(), "Oldest first", state.sort() == SortOrder.DATE_ASC,
                        state.withSort(SortOrder.DATE_ASC).href()));
    }

    /** Selected filters that have no visible checkbox, and expanded lists: carried through the form as hidden fields. */
    private static List<HiddenField> hiddenFields(UrlState state, Set<UrlState.Filter> rendered, boolean sort,
                                                  boolean range) {
        List<HiddenField> fields = new ArrayList<>();
        for (UrlState.Filter f : state.filters()) if (!rendered.contains(f)) fields.add(new HiddenField(f.dim().param(), f.value()));
        if (range && state.yearFrom() != null) fields.add(new HiddenField("year_from", state.yearFrom().toString()));
        if (range && state.yearTo() != null) fields.add(new HiddenField("year_to", state.yearTo().toString()));
        if (sort && state.sort() != SortOrder.RELEVANCE) fields.add(new HiddenField("sort", state.sort().param()));
        if (sort && state.grouped()) fields.add(new HiddenField("group", "article"));
        for (Dimension m : state.more()) fields.add(new HiddenField("more", m.param()));
        return fields;
    }
}
