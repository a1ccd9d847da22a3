package org.parley.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.corpus.Article;
import org.parley.corpus.CorpusException;
import org.parley.corpus.CorpusReader;
import org.parley.enrich.EnrichedArticle;
import org.parley.enrich.EnrichedParagraph;
import org.parley.enrich.Enricher;
import org.parley.index.IndexSchema;

/**
 * Builds the fixed, seeded query mix from a sample of the corpus itself, so that it fits any corpus: term
 * frequencies give high, medium and low frequency terms; adjacent words give phrases; the enrichment of the
 * sampled paragraphs gives facet filter values with their real popularity.
 *
 * <p>Mix: 15% high-frequency terms, 15% medium, 15% low, 20% phrases, 15% AND, 10% OR, 10% NOT. Filters: 40% of
 * queries none, 30% one, 20% two, 10% three (distinct dimensions among country, speaker, year, and a year range).
 */
public final class QueryMix {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Lucene's English stop words plus query-syntax keywords: never used as query terms. */
    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
            "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
            "there", "these", "they", "this", "to", "was", "will", "with", "near");

    private QueryMix() {
    }

    /** Reads a mix written by {@code bench run} ({@code OUT/queries.json}). */
    public static List<BenchQuery> read(Path file) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<List<BenchQuery>>() { });
    }

    /** Samples up to {@code sampleFiles} files spread evenly over the corpus. */
    public static List<BenchQuery> build(Path corpus, int count, long seed, int sampleFiles) throws IOException {
        List<Path> files = CorpusReader.listFiles(corpus);
        if (files.isEmpty()) throw new IOException("no corpus files under " + corpus);
        CorpusReader reader = new CorpusReader();
        Enricher enricher = new Enricher();
        Map<String, Integer> freq = new HashMap<>();
        List<String[]> paragraphWords = new ArrayList<>();
        List<String> countries = new ArrayList<>(), speakers = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        int step = Math.max(1, files.size() / sampleFiles);
        for (int i = 0; i < files.size(); i += step) {
            Article a;
            try {
                a = reader.read(files.get(i));
            } catch (CorpusException e) {
                continue;
            }
            EnrichedArticle ea = enricher.enrich(a);
            for (EnrichedParagraph ep : ea.paragraphs()) {
                if (!ep.paragraph().kind().searchable()) continue;
                List<String> ws = new ArrayList<>();
                Matcher m = WORD.matcher(ep.paragraph().text());
                while (m.find()) {
                    String w = m.group().toLowerCase(Locale.ROOT);
                    ws.add(w);
                    if (w.length() >= 3) freq.merge(w, 1, Integer::sum);
                }
                paragraphWords.add(ws.toArray(String[]::new));
                countries.addAll(ep.metadata().countries());
                speakers.addAll(ep.metadata().speakers());
                years.addAll(IndexSchema.facetYears(ep.metadata(), a.published()));
            }
        }
        List<String> ranked = new ArrayList<>(freq.keySet());
        ranked.removeIf(w -> STOP.contains(w) || !w.chars().allMatch(c -> c < 128 && Character.isLetter(c)));
        ranked.sort((x, y) -> {
            int c = Integer.compare(freq.get(y), freq.get(x));
            return c != 0 ? c : x.compareTo(y);
        });
        if (ranked.size() < 10) throw new IOException("corpus sample too small for a query mix: " + ranked.size() + " terms");
        int n = ranked.size();
        List<String> high = ranked.subList(0, Math.min(50, n));
        List<String> medium = ranked.subList(Math.min(n - 1, n / 50), Math.max(Math.min(n, n / 10), Math.min(n - 1, n / 50) + 1));
        List<String> low = ranked.subList(Math.max(0, n - Math.max(1, n / 5)), n);

        SplittableRandom rnd = new SplittableRandom(seed);
        List<BenchQuery> out = new ArrayList<>(count);
        for (int id = 0; id < count; id++) {
            double r = rnd.nextDouble();
            String kind, lucene, fts;
            if (r < 0.15) {
                kind = "term-high";
                String t = pick(high, rnd);
                lucene = t;
                fts = q(t);
            } else if (r < 0.30) {
                kind = "term-medium";
                String t = pick(medium, rnd);
                lucene = t;
                fts = q(t);
            } else if (r < 0.45) {
                kind = "term-low";
                String t = pick(low, rnd);
                lucene = t;
                fts = q(t);
            } else if (r < 0.65) {
                kind = "phrase";
                String p = phrase(paragraphWords, rnd, 2 + rnd.nextInt(2));
                lucene = "\"" + p + "\"";
                fts = "\"" + p + "\"";
            } else if (r < 0.80) {
                kind = "and";
                String a = pick(high, rnd), b = pick(medium, rnd);
                lucene = a + " AND " + b;
                fts = q(a) + " AND " + q(b);
            } else if (r < 0.90) {
                kind = "or";
                String a = pick(medium, rnd), b = pick(low, rnd);
                lucene = a + " OR " + b;
                fts = q(a) + " OR " + q(b);
            } else {
                kind = "not";
                String a = pick(high, rnd), b = pick(high, rnd);
                lucene = a + " NOT " + b;
                fts = q(a) + " NOT " + q(b);
            }
            double f = rnd.nextDouble();
            int filterCount = f < 0.4 ? 0 : f < 0.7 ? 1 : f < 0.9 ? 2 : 3;
            List<String> dims = new ArrayList<>(List.of("country", "speaker", "year", "range"));
            Map<String, List<String>> filters = new LinkedHashMap<>();
            Integer from = null, to = null;
            for (int k = 0; k < filterCount && !dims.isEmpty(); k++) {
                String dim = dims.remove(rnd.nextInt(dims.size()));
                switch (dim) {
                    case "country" -> {
                        if (!countries.isEmpty()) filters.put("country", List.of(pick(countries, rnd)));
                    }
                    case "speaker" -> {
                        if (!speakers.isEmpty()) filters.put("speaker", List.of(pick(speakers, rnd)));
                    }
                    case "year" -> {
                        if (!years.isEmpty()) filters.put("year", List.of(String.valueOf(pick(years, rnd))));
                    }
                    default -> {
                        if (!years.isEmpty()) {
                            from = pick(years, rnd) - rnd.nextInt(10);
                            to = from + 5 + rnd.nextInt(26);
                        }
                    }
                }
            }
            out.add(new BenchQuery(id, kind, lucene, fts, filters, from, to));
        }
        return out;
    }

    private static String q(String term) {
        return "\"" + term + "\"";
    }

    private static String phrase(List<String[]> paragraphs, SplittableRandom rnd, int len) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String[] ws = paragraphs.get(rnd.nextInt(paragraphs.size()));
            if (ws.length < len) continue;
            int start = rnd.nextInt(ws.length - len + 1);
            boolean ok = true;
            for (int i = start; i < start + len; i++) {
                if (STOP.contains(ws[i]) || !ws[i].chars().allMatch(c -> c < 128)) ok = false;
            }
            if (ok) return String.join(" ", java.util.Arrays.asList(ws).subList(start, start + len));
        }
        String[] ws = paragraphs.getFirst();
        return ws.length >= 2 ? ws[0] + " " + ws[1] : ws[0];
    }

    private static <T> T pick(List<T> list, SplittableRandom rnd) {
        return list.get(rnd.nextInt(list.size()));
    }
}
