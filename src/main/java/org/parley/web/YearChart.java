package org.parley.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;

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
    static final int MAX_LABELS = 6;
    static final int MIN_SLOTS = 15;

    /** One year's bar; {@code x}, {@code y}, {@code w}, {@code h} in SVG user units. */
    record Bar(int year, long count, double x, double y, double w, double h, String href, boolean selected, String title) {
    }

    /**
     * A year label under the axis, placed in percent of the chart's width (labels live in their own SVG so that they
     * are not stretched with the bars) and anchored so that the first and last stay inside the chart.
     */
    record Tick(int year, double x, String percent, String anchor) {
        Tick(int year, double x) {
            this(year, x, round(x * 100 / WIDTH) + "%", x < 30 ? "start" : x > WIDTH - 30 ? "end" : "middle");
        }
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /** The chart for the {@code year} facet of a result, or an empty chart when it has no numeric values. */
    static YearChart of(Facet years, UrlState state) {
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
        if (byYear.isEmpty()) return new YearChart(WIDTH, HEIGHT, HEIGHT, List.of(), List.of(), 0, "");
        int first = byYear.firstKey();
        int last = byYear.lastKey();
        // A continuous axis shows gaps honestly; very long spans fall back to one slot per year that has matches.
        boolean continuous = last - first < 120;
        List<Integer> slots = new ArrayList<>();
        if (continuous) {
            // A few years alone would make slabs, not bars: widen the axis to at least MIN_SLOTS years around them.
            int pad = Math.max(0, MIN_SLOTS - (last - first + 1));
            for (int y = first - pad / 2; y <= last + (pad - pad / 2); y++) slots.add(y);
        } else {
            slots.addAll(byYear.keySet());
        }
        long max = byYear.values().stream().mapToLong(FacetValue::count).max().orElse(1);
        int plot = HEIGHT;
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
                    state.withFilter(Dimension.YEAR, Integer.toString(year)).href(), state.has(Dimension.YEAR, Integer.toString(year)),
                    title));
        }
        List<Tick> ticks = ticks(slots, continuous, slot);
        String summary = "Matching paragraphs per year, " + first + " to " + last + "; most in "
                + byYear.entrySet().stream().max((a, b) -> Long.compare(a.getValue().count(), b.getValue().count()))
                .map(e -> e.getKey() + " (" + e.getValue().count() + ")").orElse("") + ".";
        return new YearChart(WIDTH, HEIGHT, plot, bars, ticks, max, summary);
    }

    /** Labels at round years (every 1, 2, 5, 10, ... years) on a continuous axis, else at every k-th slot. */
    static List<Tick> ticks(List<Integer> slots, boolean continuous, double slot) {
        List<Tick> ticks = new ArrayList<>();
        if (continuous) {
            int step = 1;
            for (int candidate : new int[] {1, 2, 5, 10, 20, 25, 50}) {
                step = candidate;
                if (slots.size() / candidate < MAX_LABELS) break;
            }
            for (int i = 0; i < slots.size(); i++) {
                if (slots.get(i) % step == 0) ticks.add(new Tick(slots.get(i), round(i * slot + slot / 2)));
            }
            if (ticks.isEmpty()) ticks.add(new Tick(slots.get(0), round(slot / 2)));
        } else {
            int step = Math.max(1, (int) Math.ceil(slots.size() / (double) MAX_LABELS));
            for (int i = 0; i < slots.size(); i += step) ticks.add(new Tick(slots.get(i), round(i * slot + slot / 2)));
        }
        return ticks;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
