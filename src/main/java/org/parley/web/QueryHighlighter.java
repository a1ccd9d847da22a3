package org.parley.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.parley.index.TextAnalysis;

/**
 * Marks the words of a query in plain text, the way the index matches them (its English stemming, so "relations"
 * marks "relation"; {@code rel*} marks every word starting with "rel"). Used on the article page, where whole paragraphs are
 * shown rather than the service's snippets. Returns escaped HTML whose only markup is {@code <mark>}.
 */
final class QueryHighlighter {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’._-]*\\*?");
    private static final Pattern FIELD = Pattern.compile("\\b[\\p{L}_]+:");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "TO");

    private final Analyzer analyzer;
    private final Set<String> stems;
    private final List<String> prefixes;

    /** Thread confinement: make one per request (cheap). */
    QueryHighlighter(String query) {
        this.analyzer = TextAnalysis.stemmedQuery(); // the index's own stemming, so the marks match what matched
        this.stems = new HashSet<>();
        this.prefixes = new ArrayList<>();
        String cleaned = FIELD.matcher(query == null ? "" : query).replaceAll(" ");
        Matcher m = WORD.matcher(cleaned);
        while (m.find()) {
            String word = m.group();
            if (OPERATORS.contains(word)) continue;
            if (word.endsWith("*")) {
                String prefix = word.substring(0, word.length() - 1).toLowerCase(Locale.ROOT);
                if (prefix.length() >= 2) prefixes.add(prefix);
            } else {
                stems.addAll(analyze(word));
            }
        }
    }

    boolean isEmpty() {
        return stems.isEmpty() && prefixes.isEmpty();
    }

    /** The text escaped, with the query's words wrapped in {@code <mark>}. */
    String highlight(String text) {
        if (text == null) return "";
        if (isEmpty()) return SafeHtml.escape(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int last = 0;
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (start < last || end > text.length()) continue;
                if (matches(term.toString(), text.substring(start, end))) {
                    out.append(SafeHtml.escape(text.substring(last, start)))
                            .append("<mark>").append(SafeHtml.escape(text.substring(start, end))).append("</mark>");
                    last = end;
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.append(SafeHtml.escape(text.substring(last)));
        return out.toString();
    }

    /** Whether the text contains any of the query's words. */
    boolean matchesAny(String text) {
        return highlight(text).contains("<mark>");
    }

    private boolean matches(String stem, String surface) {
        if (stems.contains(stem)) return true;
        String lower = surface.toLowerCase(Locale.ROOT);
        for (String p : prefixes) if (lower.startsWith(p)) return true;
        return false;
    }

    private List<String> analyze(String word) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
