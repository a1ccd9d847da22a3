package org.parley.cli;

import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;
import org.parley.search.Highlights;
import org.parley.index.IndexLocation;
import org.parley.search.Hit;
import org.parley.search.HitCsv;
import org.parley.search.Json;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;
import org.parley.search.SortOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley search}: ranked paragraphs and facet counts in the terminal (or as JSON). */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the index: ranked paragraphs and facet counts.")
public final class SearchCommand implements Callable<Integer> {
    /** Longer paragraphs are cut on the terminal; the JSON output has the whole text. */
    private static final int MAX_SHOWN_CHARS = 1000;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "Query in Lucene syntax; empty matches everything.")
    String query = "";

    @Option(names = "--country", description = "Filter by country (code or name); repeatable.")
    List<String> countries = new ArrayList<>();

    @Option(names = "--year", description = "Filter by year; repeatable.")
    List<String> years = new ArrayList<>();

    @Option(names = "--speaker", description = "Filter by speaker; repeatable.")
    List<String> speakers = new ArrayList<>();

    @Option(names = "--year-from", paramLabel = "YEAR", description = "Only paragraphs about this year or later.")
    String yearFrom;

    @Option(names = "--year-to", paramLabel = "YEAR", description = "Only paragraphs about this year or earlier.")
    String yearTo;

    @Option(names = "--sort", defaultValue = "relevance", description = "relevance, date or -date.")
    String sort;

    @Option(names = "--size", defaultValue = "10", description = "Hits per page (1-" + SearchRequest.MAX_SIZE + ").")
    int size;

    @Option(names = "--page", defaultValue = "1", description = "Page of hits (page x size at most "
            + SearchRequest.MAX_PAGE_DEPTH + "; deeper, use --cursor).")
    int page;

    @Option(names = "--cursor", description = "Continue after the hits of an earlier search: the next_cursor it printed.")
    String cursor;

    @Option(names = "--group", description = "At most one paragraph (the best) per article.")
    boolean group;

    @Option(names = "--facet-size", defaultValue = "" + SearchRequest.DEFAULT_FACET_SIZE,
            description = "Values listed per facet (0-" + SearchRequest.MAX_FACET_SIZE + ").")
    int facetSize;

    /** Output shapes: the terminal's, the contract's JSON (as the API, with match spans) or the page's CSV export. */
    enum Format { text, json, csv }

    @Option(names = "--format", defaultValue = "text", description = "text (default), json or csv (the hits only, as "
            + "the page's CSV download).")
    Format format;

    @Option(names = "--json", hidden = true, description = "Same as --format json (kept for scripts).")
    boolean json;

    @Mixin
    IndexFolders folders;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
        if (!countries.isEmpty()) filters.put(Dimension.COUNTRY, countries);
        if (!years.isEmpty()) filters.put(Dimension.YEAR, years);
        if (!speakers.isEmpty()) filters.put(Dimension.SPEAKER, speakers);
        // the request validates every value before the index is opened (or built)
        SearchRequest request = new SearchRequest(query, filters, year(yearFrom, "--year-from"), year(yearTo, "--year-to"),
                SortOrder.fromParam(sort), page, size, cursor, group, facetSize);
        ParseResult parsed = spec.commandLine().getParseResult();
        if (folders.solr == null && parsed.hasMatchedOption("--index") && !parsed.hasMatchedOption("--corpus")
                && new IndexLocation(folders.index).current().isEmpty()) {
            // a path the user named that holds no index is a mistake to report, not a reason to index ./corpus
            throw new NoSuchFileException(folders.index + " (no parley index there; build one with 'parley index "
                    + "--corpus FOLDER --index " + folders.index + "')");
        }
        try (SearchService service = IndexSupport.openService(folders, System.err)) {
            SearchResult r = service.search(request);
            switch (json ? Format.json : format) {
                case json -> System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
                case csv -> {
                    StringBuilder out = new StringBuilder(HitCsv.header());
                    r.hits().forEach(h -> out.append(HitCsv.row(h)));
                    System.out.print(out);
                    if (r.nextCursor() != null) System.err.println("next_cursor: " + r.nextCursor());
                }
                case text -> print(r);
            }
            return 0;
        }
    }

    private static Integer year(String value, String param) {
        return value == null || value.isBlank() ? null : SearchRequest.parseYear(value, param);
    }

    private static void print(SearchResult r) {
        long first = (long) (r.page() - 1) * r.size() + 1;
        String shown = r.hits().isEmpty() ? ""
                : r.page() < 1 ? String.format("; %,d after the cursor", r.hits().size()) // a cursor has no page number
                : String.format("; page %d: %,d-%,d", r.page(), first, first + r.hits().size() - 1);
        System.out.printf("%,d paragraph(s) in %d ms%s%n", r.total(), r.tookMs(), shown);
        if (r.didYouMean() != null) System.out.printf("did you mean: %s%n", r.didYouMean());
        int rank = 1;
        for (Hit h : r.hits()) {
            System.out.printf("%n%2d. %s  [%s ¶%d%s]  score %.2f%n", rank++, h.title(), h.articleId(), h.ordinal(),
                    h.published() == null ? "" : ", " + h.published(), h.score());
            System.out.println("    " + terminal(h));
            List<String> meta = new ArrayList<>();
            if (!h.countries().isEmpty()) meta.add("countries: " + String.join(", ", h.countries().stream().map(c -> c.name()).toList()));
            if (!h.years().isEmpty()) meta.add("years: " + String.join(", ", h.years().stream().map(String::valueOf).toList()));
            if (!h.speakers().isEmpty()) meta.add("speakers: " + String.join(", ", h.speakers()));
            if (!meta.isEmpty()) System.out.println("    " + String.join("  |  ", meta));
        }
        System.out.println();
        for (Facet f : r.facets()) {
            if (f.values().isEmpty() && f.otherValues() == 0) continue; // a bare "country:" line says nothing
            StringBuilder sb = new StringBuilder(f.dim().param()).append(":");
            for (FacetValue v : f.values()) sb.append(' ').append(v.label()).append(" (").append(v.count()).append(')');
            if (f.otherValues() > 0) sb.append(" +").append(f.otherValues()).append(" more");
            System.out.println(sb);
        }
        if (r.nextCursor() != null) System.out.printf("%nnext page: --cursor %s%n", r.nextCursor());
    }

    /** The paragraph for a terminal: matches in bold when stdout is a console, else in [brackets]. */
    private static String terminal(Hit h) {
        boolean tty = System.console() != null;
        return Highlights.render(h.text(), h.highlights(), MAX_SHOWN_CHARS, text -> text,
                tty ? "\u001b[1m" : "[", tty ? "\u001b[0m" : "]");
    }
}
