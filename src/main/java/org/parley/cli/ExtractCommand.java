package org.parley.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.corpus.Article;
import org.parley.corpus.CorpusException;
import org.parley.corpus.CorpusReader;
import org.parley.corpus.FileArticles;
import org.parley.corpus.SkippedInput;
import org.parley.enrich.EnrichedArticle;
import org.parley.enrich.EnrichedParagraph;
import org.parley.enrich.Enricher;
import org.parley.search.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints every paragraph of the given files or folders with its metadata, one JSON object per line. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Print each paragraph with its countries, years and speakers as JSON Lines.",
                "Fields: doc (the file name; the API's file_name), para (the paragraph's number; the API's ordinal), "
                        + "text, countries, years, speakers, kind, article_id, title, published, sources. doc and para "
                        + "are the names the evaluation's gold files use."})
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Corpus files or folders.")
    List<Path> paths;

    /** One output line: the contract read by the evaluation script, plus document fields. */
    record ExtractLine(String doc, int para, String text, List<String> countries, List<Integer> years,
                       List<String> speakers, String kind, String articleId, String title, LocalDate published,
                       List<String> sources) {
    }

    @Override
    public Integer call() throws Exception {
        CorpusReader reader = new CorpusReader();
        Enricher enricher = new Enricher();
        ObjectWriter json = Json.mapper().writer();
        int failures = 0;
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        CorpusReader.Listing listing = CorpusReader.list(paths);
        for (SkippedInput s : listing.skipped()) System.err.println("skipped " + s.describe());
        for (Path file : listing.files()) {
            FileArticles read;
            try {
                read = reader.readAll(file); // a feed, JSON Lines file or archive holds many articles
            } catch (CorpusException e) {
                System.err.println("skipped " + file + ": " + e.getMessage());
                failures++;
                continue;
            }
            for (SkippedInput part : read.skipped()) System.err.println("skipped " + part.describe());
            for (Article article : read.articles()) {
                EnrichedArticle enriched = enricher.enrich(article);
                for (EnrichedParagraph ep : enriched.paragraphs()) {
                    var p = ep.paragraph();
                    var m = ep.metadata();
                    out.println(json.writeValueAsString(new ExtractLine(article.fileName(), p.ordinal(), p.original(),
                            m.countries(), m.years(), m.speakers(), p.kind().label(), article.id(), article.title(),
                            article.published(), m.sources())));
                }
            }
        }
        out.flush();
        if (failures > 0) System.err.println(failures + " file(s) skipped");
        return 0;
    }
}
