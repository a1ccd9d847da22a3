package org.parley.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.parley.corpus.Article;
import org.parley.corpus.ArticleParser;

/**
 * The scoring of shared/eval/score.py in Java: paragraphs matched to gold by file name and the first 60
 * characters of their whitespace-collapsed text (with its fallback for a trimmed leading label), and
 * precision/recall/F1 per field where items in a gold *_optional list are neither rewarded nor penalised.
 */
final class GoldScorer {
    record Score(int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    record Result(Map<String, Score> fields, int matched, int total, List<String> misses) {
        double f1(String field) {
            return fields.get(field).f1();
        }
    }

    private record Predicted(List<String> countries, List<String> years, List<String> speakers) {
    }

    private static final List<String> FIELDS = List.of("countries", "years", "speakers");

    private GoldScorer() {
    }

    /** Enriches every file of {@code corpusDir} and scores it against the gold JSON Lines resource. */
    static Result score(Path corpusDir, String goldResource) throws IOException {
        Enricher enricher = new Enricher();
        ArticleParser parser = new ArticleParser();
        Map<String, Predicted> preds = new HashMap<>();
        Map<String, List<String>> byDoc = new HashMap<>();
        try (var files = Files.list(corpusDir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                Article a = parser.parse(name, Files.readString(f));
                for (EnrichedParagraph ep : enricher.enrich(a).paragraphs()) {
                    String text = collapse(ep.paragraph().text());
                    ParagraphMetadata m = ep.metadata();
                    preds.put(name + "\u0000" + prefix(text), new Predicted(m.countries(),
                            m.years().stream().map(String::valueOf).toList(), m.speakers()));
                    byDoc.computeIfAbsent(name, k -> new ArrayList<>()).add(text);
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, int[]> counts = new HashMap<>();
        for (String f : FIELDS) counts.put(f, new int[3]);
        int matched = 0, total = 0;
        List<String> misses = new ArrayList<>();
        try (InputStream in = GoldScorer.class.getResourceAsStream(goldResource)) {
            if (in == null) throw new IOException("missing " + goldResource);
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                JsonNode g = json.readTree(line);
                total++;
                String doc = g.get("doc").asText();
                String goldPrefix = prefix(collapse(g.get("text_prefix").asText()));
                Predicted p = preds.get(doc + "\u0000" + goldPrefix);
                if (p == null && goldPrefix.length() > 15) {
                    String core = goldPrefix.substring(15);
                    for (String t : byDoc.getOrDefault(doc, List.of())) {
                        if (core.length() >= 12 && t.substring(0, Math.min(120, t.length())).contains(core)) {
                            p = preds.get(doc + "\u0000" + prefix(t));
                            break;
                        }
                    }
                }
                if (p != null) matched++;
                for (String field : FIELDS) {
                    Function<String, String> norm = field.equals("speakers") ? GoldScorer::normName
                            : field.equals("countries") ? s -> s.strip().toUpperCase(Locale.ROOT) : s -> s;
                    Set<String> want = values(g.get(field), norm);
                    Set<String> opt = values(g.get(field + "_optional"), norm);
                    Set<String> got = new HashSet<>();
                    if (p != null) {
                        List<String> raw = field.equals("countries") ? p.countries() : field.equals("years") ? p.years() : p.speakers();
                        for (String r : raw) got.add(norm.apply(r));
                    }
                    Set<String> optOnly = new HashSet<>(opt);
                    optOnly.removeAll(want);
                    got.removeAll(optOnly);
                    int[] c = counts.get(field);
                    for (String x : got) if (want.contains(x)) c[0]++; else c[1]++;
                    for (String x : want) if (!got.contains(x)) c[2]++;
                    if (!got.equals(want)) misses.add(doc + "#" + g.get("para").asText() + " " + field + ": want " + want + " got " + got);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Score> scores = new HashMap<>();
        for (String f : FIELDS) scores.put(f, new Score(counts.get(f)[0], counts.get(f)[1], counts.get(f)[2]));
        return new Result(scores, matched, total, misses);
    }

    private static Set<String> values(JsonNode arr, Function<String, String> norm) {
        Set<String> out = new HashSet<>();
        if (arr != null) arr.forEach(v -> out.add(norm.apply(v.asText())));
        return out;
    }

    private static String collapse(String s) {
        return String.join(" ", s.strip().split("\\s+"));
    }

    private static String prefix(String collapsed) {
        return collapsed.codePoints().limit(60).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    static String normName(String n) {
        String d = Normalizer.normalize(n, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return String.join(" ", d.replace('.', ' ').toLowerCase(Locale.ROOT).strip().split("\\s+"));
    }
}
