package org.parley.web;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.search.Dimension;
import org.parley.search.Hit;
import org.parley.search.HitCsv;
import org.parley.search.Json;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;

/**
 * Downloads of a search's hits (from the first, at most {@link #MAX_ROWS}), streamed page by page: the first page
 * is fetched before anything is sent, so a bad query or a busy server is still a status and a JSON error; the
 * rest goes out as it is read, so a download holds one page in memory, not ten thousand hits.
 */
final class Exports {
    static final int MAX_ROWS = 10_000;

    private Exports() {
    }

    /** Receives hits one at a time. */
    @FunctionalInterface
    interface HitSink {
        void accept(Hit hit) throws IOException;
    }

    /** One download, its first page already fetched. */
    static final class Download {
        private final SearchService service;
        private final UrlState state;
        private final SearchRequest base;
        private final SearchResult first;
        private final int maxRows;

        private Download(SearchService service, UrlState state, int maxRows) {
            this.service = service;
            this.state = state;
            this.maxRows = maxRows;
            // ungrouped, from the first page, in pages as large as a request allows, no facet work beyond one value
            this.base = state.withGrouped(false).withPage(1).toRequest(Math.min(SearchRequest.MAX_SIZE, Math.max(1, maxRows)), 1);
            this.first = service.search(base);
        }

        long total() {
            return first.total();
        }

        /** How many hits the download holds: all of them, up to its bound. */
        int rows() {
            return (int) Math.min(first.total(), maxRows);
        }

        boolean truncated() {
            return first.total() > rows();
        }

        /** A later page: once the download has begun, a busy server is waited out (in turns) rather than failing it. */
        private SearchResult nextPage(String cursor) {
            long giveUp = System.nanoTime() + PAGE_PATIENCE_NANOS;
            while (true) {
                try {
                    return service.search(base.withPage(1, base.size(), cursor));
                } catch (SearchLimiter.BusyException e) {
                    if (!"busy".equals(e.code()) || System.nanoTime() > giveUp) throw e;
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }

        /** Pages through the hits with the cursor (stays correct and cheap however deep), each to {@code sink}. */
        void forEach(HitSink sink) throws IOException {
            SearchResult page = first;
            int sent = 0;
            while (true) {
                for (Hit h : page.hits()) {
                    if (sent >= maxRows) return;
                    sink.accept(h);
                    sent++;
                }
                if (sent >= maxRows || page.nextCursor() == null || page.hits().size() < base.size()) return;
                page = nextPage(page.nextCursor());
            }
        }
    }

    /** How long a download already under way waits in turn for search slots before it is cut short. */
    private static final long PAGE_PATIENCE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    static Download open(SearchService service, UrlState state) {
        return new Download(service, state, MAX_ROWS);
    }

    static Download open(SearchService service, UrlState state, int maxRows) {
        return new Download(service, state, maxRows);
    }

    static void csv(Download download, Writer out) throws IOException {
        out.write(HitCsv.header());
        download.forEach(h -> out.write(HitCsv.row(h)));
        out.flush();
    }

    /** The search named first, then the hits, written as they come. */
    static void json(Download download, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : describe(download).entrySet()) g.writeObjectField(e.getKey(), e.getValue());
            g.writeArrayFieldStart("hits");
            download.forEach(h -> g.writeObject(ApiJson.ApiHit.of(h)));
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** What the download is of, as its JSON names it. */
    static Map<String, Object> describe(Download d) {
        Map<String, Object> out = new LinkedHashMap<>();
        UrlState state = d.state;
        out.put("query", state.q());
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Dimension dim : Dimension.values()) if (!state.values(dim).isEmpty()) filters.put(dim.param(), state.values(dim));
        out.put("filters", filters);
        out.put("year_from", state.yearFrom());
        out.put("year_to", state.yearTo());
        out.put("sort", state.sort().param());
        out.put("total", d.total());
        out.put("exported", d.rows());
        out.put("truncated", d.truncated());
        return out;
    }

    /** The hits of a search in memory (for tests and small callers), bounded. */
    record Collected(long total, List<Hit> hits) {
        boolean truncated() {
            return total > hits.size();
        }
    }

    static Collected collect(SearchService service, UrlState state, int maxRows) {
        Download d = open(service, state, maxRows);
        List<Hit> hits = new ArrayList<>();
        try {
            d.forEach(hits::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Collected(d.total(), hits);
    }
}
