package org.parley.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The small immutable view records the templates read. Templates never compute URLs or escape anything. */
final class Views {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private Views() {
    }

    /**
     * A metadata label: a country, year or speaker. Clicking it narrows the search.
     *
     * @param muted for a year: the paragraph names no year, this is the publication year
     */
    record Chip(String kind, String label, String href, String title, boolean selected, boolean muted) {
    }

    /** A selected filter, shown with a link that removes it. */
    record SelectedChip(String kind, String label, String removeHref, String removeLabel) {
    }

    /**
     * One matching paragraph as listed. {@code snippetHtml} (about 300 characters around the best matches) and
     * {@code fullHtml} (the whole paragraph, shown on demand when the snippet is {@code cut}) are sanitised: only
     * {@code <mark>} is markup.
     *
     * @param articleHitsHref with {@code group=article}: the search for the article's matching paragraphs, or null
     */
    record HitView(String anchor, String articleId, String title, String dateIso, String dateText, int ordinal,
                   String snippetHtml, boolean cut, String fullHtml, String articleHref, List<Chip> chips, int articleHits,
                   String articleHitsHref) {
    }

    /** Consecutive hits from one article, listed under its title once. */
    record HitGroup(String articleId, String title, String dateIso, String dateText, String titleHref, List<HitView> hits) {
        public boolean several() {
            return hits.size() > 1;
        }
    }

    /**
     * What the index holds of the query's last word, for instant search: the normalised word and
     * {@link org.parley.search.WordsStartingWith} as JSON (as {@code /api/words} gives it); both null when unknown.
     */
    record TypedWord(String prefix, String json) {
        static final TypedWord UNKNOWN = new TypedWord(null, null);
    }

    /** A labelled link with an optional count (start page lists). */
    record Link(String label, String href, String countText) {
    }

    /**
     * The start page (nothing searched yet): what the corpus holds and a few searches to begin with.
     *
     * @param examples searches built from the corpus's own most frequent values, so that each finds something
     */
    record Overview(String articlesText, String paragraphsText, String dateSpanText, List<Link> countries,
                    List<Link> speakers, List<Link> examples, String browseHref) {
    }

    /** One value in a facet list; {@code href} toggles it. */
    record FacetValueView(String dim, String value, String label, long count, String countText, boolean selected,
                          String href, String inputId) {
    }

    /**
     * A facet in the sidebar.
     *
     * @param hidden   values not listed (behind "show more")
     * @param moreHref shows every value (null when nothing is hidden)
     * @param lessHref collapses an expanded list (null when not expanded)
     */
    record FacetView(String dim, String title, List<FacetValueView> values, int hidden, String moreHref, String lessHref,
                     boolean filterable) {
    }

    /** A page number link; {@code gap} is an ellipsis between non-adjacent numbers. */
    record PageLink(int number, String href, boolean current, boolean gap) {
    }

    record Pagination(String prevHref, String nextHref, List<PageLink> pages, int current, int last) {
        public boolean needed() {
            return last > 1;
        }
    }

    record SortOption(String value, String label, boolean selected, String href) {
    }

    /** A hidden form field that carries state the visible controls do not. */
    record HiddenField(String name, String value) {
    }

    /** A paragraph of the article page; {@code html} is escaped text with the query's words marked. */
    record ParagraphItem(int ordinal, String kind, String kindLabel, String html, boolean hit, boolean match, List<Chip> chips) {
    }

    /**
     * Previous/next match navigation on the article page, relative to the paragraph one came from (or before the
     * first match); the script moves it along as one follows it.
     *
     * @param matches  ordinals of the paragraphs that match the query, in order
     * @param position 1-based position of the current match, 0 when the current paragraph is no match
     */
    record MatchNav(List<Integer> matches, int position, String prevHref, String nextHref, String text) {
        static MatchNav of(List<Integer> matches, int current) {
            int position = matches.indexOf(current) + 1;
            Integer prev = null;
            Integer next = null;
            for (int m : matches) {
                if (m < current) prev = m;
                if (m > current && next == null) next = m;
            }
            String text = matches.isEmpty() ? "no match" : position > 0 ? "match " + position + " of " + matches.size()
                    : plural(matches.size(), "match", "matches");
            return new MatchNav(List.copyOf(matches), position, prev == null ? null : "#p" + prev,
                    next == null ? null : "#p" + next, text);
        }

        public boolean any() {
            return !matches.isEmpty();
        }

        /** The ordinals for the script, space separated. */
        public String data() {
            StringBuilder sb = new StringBuilder();
            for (int m : matches) sb.append(sb.isEmpty() ? "" : " ").append(m);
            return sb.toString();
        }
    }

    static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String humanDate(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    static String plural(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }
}
