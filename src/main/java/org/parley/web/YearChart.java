package org.parley.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.parley.index.FacetResult;
import org.parley.index.FacetValue;

/**
 * A bar chart, drawn by the server as SVG, of matching paragraphs per year. Each bar links to the search narrowed to
 * that year. Geometry is computed here so that the template only copies numbers into attributes.
 *
 * @param bars  one bar per year that has matches, oldest first
 * @param ticks labelled years under the axis
 */
record YearChart(int width, int height, int plotHeight, List<Bar> bars, List<Tick> ticks, long maxCount, String summary) {
    static final int WIDTH = 600;
    static final int HEIGHT = 120;
    static final int LABEL_SPACE = 18;
    static final int MAX_LABELS = 8;

    /** One year's bar; {@code x}, {@code y}, {@code w}, {@code h} in SVG user units. */
    record Bar(int year, long count, double x, double y, double w, double h, String href, boolean selected, String title) {
    }

    /** A year label under the axis. */
    record Tick(int year, double x) {
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /** The chart for the {@code year} facet of a result, or an empty chart when it has no numeric values. */
    static YearChart of(FacetResult years, UrlState state) {
        TreeMap<Integer, FacetValue> byYear = new TreeMap<>();
        if (years != null) {
            for (FacetValue v : years.values()) {
                try {
                    if (v.count() > 0) byYear.put(Integer.parseInt(v.value().strip()), v);
                } catch (NumberFormatException ignored) {
                    // not a year: left out of the chart
                }
            }
        }
        if (byYear.isEmpty()) return new YearChart(WIDTH, HEIGHT, HEIGHT - LABEL_SPACE, List.of(), List.of(), 0, "");
        int first = byYear.firstKey();
        int last = byYear.lastKey();
        // A continuous axis shows gaps honestly; very long spans fall back to one slot per year that has matches.
        boolean continuous = last - first < 120;
        List<Integer> slots = new ArrayList<>();
        if (continuous) {
            for (int y = first; y <= last; y++) slots.add(y);
        } else {
            slots.addAll(byYear.keySet());
        }
        long max = byYear.values().stream().mapToLong(FacetValue::count).max().orElse(1);
        int plot = HEIGHT - LABEL_SPACE;
        double slot = (double) WIDTH / slots.size();
        double gap = slot > 6 ? Math.min(4, slot * 0.2) : 0.5;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            FacetValue v = byYear.get(slots.get(i));
            if (v == null) continue;
            double h = Math.max(2, (plot - 4) * (double) v.count() / max);
            int year = slots.get(i);
            String title = year + ": " + v.count() + (v.count() == 1 ? " paragraph" : " paragraphs");
            bars.add(new Bar(year, v.count(), round(i * slot + gap / 2), round(plot - h), round(slot - gap), round(h),
                    state.withFilter("year", Integer.toString(year)).href(), state.has("year", Integer.toString(year)),
                    title));
        }
        List<Tick> ticks = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil(slots.size() / (double) MAX_LABELS));
        for (int i = 0; i < slots.size(); i += step) ticks.add(new Tick(slots.get(i), round(i * slot + slot / 2)));
        int lastIndex = slots.size() - 1;
        if (lastIndex % step != 0) {
            double lastX = round(lastIndex * slot + slot / 2);
            if (ticks.size() > 1 && lastX - ticks.getLast().x() < 40) ticks.removeLast();
            ticks.add(new Tick(slots.get(lastIndex), lastX));
        }
        String summary = "Matching paragraphs per year, " + first + " to " + last + "; most in "
                + byYear.entrySet().stream().max((a, b) -> Long.compare(a.getValue().count(), b.getValue().count()))
                .map(e -> e.getKey() + " (" + e.getValue().count() + ")").orElse("") + ".";
        return new YearChart(WIDTH, HEIGHT, plot, bars, ticks, max, summary);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
