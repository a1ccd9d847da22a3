package org.parley.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parley.search.Dimension;
import org.parley.search.Facet;
import org.parley.search.FacetValue;
import org.parley.search.Highlights;
import org.parley.search.Hit;
import org.parley.search.Json;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;
import org.parley.search.SortOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @Option(names = "--sort", defaultValue = "relevance", description = "relevance, date or -date.")
    String sort;

    @Option(names = "--size", defaultValue = "10", description = "Hits to show (1-100).")
    int size;

    @Option(names = "--json", description = "Print the API's JSON instead of text.")
    boolean json;

    @Mixin
    IndexFolders folders;


    @Override
    public Integer call() throws Exception {
        Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
        if (!countries.isEmpty()) filters.put(Dimension.COUNTRY, countries);
        if (!years.isEmpty()) filters.put(Dimension.YEAR, years);
        if (!speakers.isEmpty()) filters.put(Dimension.SPEAKER, speakers);
        try (SearchService service = IndexSupport.openService(folders, System.err)) {
            SearchResult r = service.search(new SearchRequest(query, filters, null, null, SortOrder.fromParam(sort), 1,
                    size, null, false, SearchRequest.DEFAULT_FACET_SIZE));
            if (json) {
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
            } else {
                print(r);
            }
            return 0;
        }
    }

    private static void print(SearchResult r) {
        System.out.printf("%d paragraph(s) in %d ms%n", r.total(), r.tookMs());
        if (r.didYouMean() != null) System.out.printf("did you mean: %s%n", r.didYouMean());
        int rank = 1;
        for (Hit h : r.hits()) {
            System.out.printf("%n%2d. %s  [%s ¶%d%s]  score %.2f%n", rank++, h.title(), h.articleId(), h.ordinal(),
                    h.published() == null ? "" : ", " + h.published(), h.score());
            System.out.println("    " + terminal(h));
            List<String> meta = new ArrayList<>();
            if (!h.countries().isEmpty()) meta.add("countries: " + String.join(", ", h.countries().stream().map(c -> c.name()).toList()));
            if (!h.years().isEmpty()) meta.add("years: " + h.years());
            if (!h.speakers().isEmpty()) meta.add("speakers: " + String.join(", ", h.speakers()));
            if (!meta.isEmpty()) System.out.println("    " + String.join("  |  ", meta));
        }
        System.out.println();
        for (Facet f : r.facets()) {
            StringBuilder sb = new StringBuilder(f.dim().param()).append(":");
            for (FacetValue v : f.values()) sb.append(' ').append(v.label()).append(" (").append(v.count()).append(')');
            if (f.otherValues() > 0) sb.append(" +").append(f.otherValues()).append(" more");
            System.out.println(sb);
        }
    }

    /** The paragraph for a terminal: matches in bold when stdout is a console, else in [brackets]. */
    private static String terminal(Hit h) {
        boolean tty = System.console() != null;
        return Highlights.render(h.text(), h.highlights(), MAX_SHOWN_CHARS, text -> text,
                tty ? "\u001b[1m" : "[", tty ? "\u001b[0m" : "]");
    }
}
