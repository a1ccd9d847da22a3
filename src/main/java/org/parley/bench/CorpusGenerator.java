package org.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.corpus.Article;
import org.parley.corpus.ArticleWriter;
import org.parley.corpus.CorpusException;
import org.parley.corpus.CorpusReader;
import org.parley.corpus.Paragraph;

/**
 * Writes a reproducible scale corpus for the benchmarks: {@code N} paragraphs in the normal corpus format
 * (one article per file with a front-matter header, one paragraph per line), streamed to disk so that
 * millions of paragraphs need no more memory than one article.
 *
 * <p>Shape: articles of 5-40 paragraphs (uniform), 1,000 files per sub-folder; paragraphs of 1-4 sentences;
 * sentences of 6-28 words drawn from a Zipf (s = 1.0) distribution over a vocabulary ranked by frequency in the
 * bundled {@code corpus/} (real English news text) followed by the ~64k words of a Debian word list
 * (resource {@code words.txt}); about one sentence in ten is a real sentence of {@code corpus/} verbatim.
 * Countries (names, demonyms, capitals), years 1945-2030 and quoted speakers with titles and speech verbs are
 * mixed in with Zipf popularity, so that enrichment has real work to do and facets have realistic skew.
 * Same arguments and same source text give byte-identical output.
 */
public final class CorpusGenerator {
    /** Zipf exponent of the word distribution. */
    static final double ZIPF_S = 1.0;
    static final int FILES_PER_FOLDER = 1000;

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][”\"]?)\\s+(?=[“\"\\p{Lu}])");

    /** Country mentions: names, demonyms and capitals, as news text uses them; index = popularity rank. */
    private static final String[][] COUNTRIES = {
            {"United States", "American", "Washington"}, {"China", "Chinese", "Beijing"}, {"Russia", "Russian", "Moscow"},
            {"Cambodia", "Cambodian", "Phnom Penh"}, {"Vietnam", "Vietnamese", "Hanoi"}, {"Japan", "Japanese", "Tokyo"},
            {"France", "French", "Paris"}, {"Germany", "German", "Berlin"}, {"United Kingdom", "British", "London"},
            {"India", "Indian", "New Delhi"}, {"Thailand", "Thai", "Bangkok"}, {"Indonesia", "Indonesian", "Jakarta"},
            {"Australia", "Australian", "Canberra"}, {"South Korea", "South Korean", "Seoul"}, {"Brazil", "Brazilian", "Brasilia"},
            {"Turkey", "Turkish", "Ankara"}, {"Iran", "Iranian", "Tehran"}, {"Egypt", "Egyptian", "Cairo"},
            {"Laos", "Lao", "Vientiane"}, {"Malaysia", "Malaysian", "Kuala Lumpur"}, {"Philippines", "Filipino", "Manila"},
            {"Singapore", "Singaporean", "Singapore"}, {"Myanmar", "Myanmar", "Naypyidaw"}, {"Ukraine", "Ukrainian", "Kyiv"},
            {"Poland", "Polish", "Warsaw"}, {"Italy", "Italian", "Rome"}, {"Spain", "Spanish", "Madrid"},
            {"Canada", "Canadian", "Ottawa"}, {"Mexico", "Mexican", "Mexico City"}, {"Argentina", "Argentine", "Buenos Aires"},
            {"South Africa", "South African", "Pretoria"}, {"Nigeria", "Nigerian", "Abuja"}, {"Kenya", "Kenyan", "Nairobi"},
            {"Ethiopia", "Ethiopian", "Addis Ababa"}, {"Saudi Arabia", "Saudi", "Riyadh"}, {"Israel", "Israeli", "Jerusalem"},
            {"Pakistan", "Pakistani", "Islamabad"}, {"Bangladesh", "Bangladeshi", "Dhaka"}, {"Sweden", "Swedish", "Stockholm"},
            {"Norway", "Norwegian", "Oslo"}, {"Finland", "Finnish", "Helsinki"}, {"Netherlands", "Dutch", "Amsterdam"},
            {"Belgium", "Belgian", "Brussels"}, {"Switzerland", "Swiss", "Bern"}, {"Austria", "Austrian", "Vienna"},
            {"Greece", "Greek", "Athens"}, {"Hungary", "Hungarian", "Budapest"}, {"Czech Republic", "Czech", "Prague"},
            {"Romania", "Romanian", "Bucharest"}, {"Serbia", "Serbian", "Belgrade"}, {"Kazakhstan", "Kazakh", "Astana"},
            {"Mongolia", "Mongolian", "Ulaanbaatar"}, {"New Zealand", "New Zealand", "Wellington"}, {"Chile", "Chilean", "Santiago"},
            {"Peru", "Peruvian", "Lima"}, {"Colombia", "Colombian", "Bogota"}, {"Cuba", "Cuban", "Havana"},
            {"Morocco", "Moroccan", "Rabat"}, {"Algeria", "Algerian", "Algiers"}, {"Qatar", "Qatari", "Doha"},
            {"Sri Lanka", "Sri Lankan", "Colombo"}, {"Nepal", "Nepali", "Kathmandu"}, {"Ireland", "Irish", "Dublin"},
            {"Portugal", "Portuguese", "Lisbon"}, {"Denmark", "Danish", "Copenhagen"}, {"Iraq", "Iraqi", "Baghdad"},
            {"Syria", "Syrian", "Damascus"}, {"Afghanistan", "Afghan", "Kabul"}, {"North Korea", "North Korean", "Pyongyang"},
            {"Brunei", "Bruneian", "Bandar Seri Begawan"},
    };
    private static final String[] TITLES = {"Foreign Minister", "Prime Minister", "President", "Ambassador",
            "Deputy Prime Minister", "Defence Minister", "Secretary of State", "spokesperson", "Trade Minister",
            "Senator", "Chancellor", "Deputy Foreign Minister"};
    private static final String[] SPEECH_VERBS = {"said", "told reporters", "stated", "added", "noted", "stressed",
            "reiterated", "wrote", "recalled", "underlined"};
    private static final String[] SYLLABLES = {"ka", "ri", "no", "ma", "lu", "te", "sa", "vo", "mi", "an", "el", "dor",
            "ven", "sol", "ta", "ni", "ra", "be", "ko", "li", "ham", "sen", "pho", "chea", "vla", "dim", "ser", "gei",
            "ol", "ga", "hu", "na", "pet", "rov", "ing", "ston", "mar", "ek", "yu", "ki", "son", "wan", "dre", "ia"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] SOURCES = {"Parley Wire", "Bench Herald", "Zipf Times", "Synthetic Post", "Daily Corpus"};

    private final long seed;
    private final List<String> vocabulary;
    private final double[] zipfCdf;
    private final List<String> realSentences;
    private final List<String> speakers;
    private final double[] speakerCdf;
    private final double[] countryCdf;

    /** Builds the vocabulary from the text of {@code sourceDir} (may be null or missing) and the bundled word list. */
    public CorpusGenerator(long seed, Path sourceDir) throws IOException {
        this.seed = seed;
        Map<String, Integer> freq = new HashMap<>();
        List<String> sentences = new ArrayList<>();
        if (sourceDir != null && Files.isDirectory(sourceDir)) {
            CorpusReader reader = new CorpusReader();
            for (Path f : CorpusReader.listFiles(sourceDir)) {
                Article a;
                try {
                    a = reader.read(f);
                } catch (CorpusException e) {
                    continue;
                }
                for (Paragraph p : a.searchableParagraphs()) {
                    Matcher m = WORD.matcher(p.text());
                    while (m.find()) freq.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
                    for (String s : SENTENCE_END.split(p.text())) {
                        if (s.length() >= 40 && s.length() <= 400 && s.matches("(?s).*[.!?][”\"]?$")) sentences.add(s);
                    }
                }
            }
        }
        List<String> ranked = new ArrayList<>(freq.keySet());
        ranked.sort((x, y) -> {
            int c = Integer.compare(freq.get(y), freq.get(x));
            return c != 0 ? c : x.compareTo(y);
        });
        LinkedHashSet<String> vocab = new LinkedHashSet<>(ranked);
        List<String> tail = new ArrayList<>(loadWordList());
        shuffle(tail, new SplittableRandom(seed ^ 0x5EEDL));
        vocab.addAll(tail);
        this.vocabulary = List.copyOf(vocab);
        this.zipfCdf = zipfCdf(vocabulary.size(), ZIPF_S);
        this.realSentences = List.copyOf(sentences);
        SplittableRandom names = new SplittableRandom(seed ^ 0xA11CEL);
        Set<String> people = new LinkedHashSet<>();
        while (people.size() < 2000) people.add(name(names) + " " + name(names));
        this.speakers = List.copyOf(people);
        this.speakerCdf = zipfCdf(speakers.size(), 0.9);
        this.countryCdf = zipfCdf(COUNTRIES.length, 0.8);
    }

    /** The words in order of rank (most frequent first). */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** What {@link #generate} wrote. */
    public record Summary(int files, long paragraphs, long bytes, double seconds) {
    }

    /** The file formats {@link #generate(long, Path, Format)} writes the same articles in. */
    public enum Format {
        /** one article per {@code .txt} file, front matter and one paragraph per line (the original format) */
        TEXT,
        /** one article per {@code .html} page with its site's furniture and JSON-LD metadata ({@link ArticleWriter#html}) */
        HTML,
        /** one article per {@code .md} file with front matter */
        MARKDOWN,
        /** one {@code .jsonl} file per 1,000 articles, one article per line */
        JSONL,
        /** one {@code .warc.gz} archive per 1,000 articles, one gzip response record (an HTML page) per article */
        WARC;

        /** Parses {@code text|html|md|markdown|jsonl|warc}. */
        public static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "text", "txt" -> TEXT;
                case "html" -> HTML;
                case "md", "markdown" -> MARKDOWN;
                case "jsonl" -> JSONL;
                case "warc" -> WARC;
                default -> throw new IllegalArgumentException("unknown format '" + s + "' (text, html, md, jsonl or warc)");
            };
        }
    }

    /** Writes {@code paragraphs} paragraphs under {@code out} (created; existing corpus files are overwritten). */
    public Summary generate(long paragraphs, Path out) throws IOException {
        return generate(paragraphs, out, Format.TEXT);
    }

    /**
     * Writes {@code paragraphs} paragraphs under {@code out} in {@code format}: the same articles (same seed, same
     * text and metadata) whatever the format, each with a URL when not text, so that reading and indexing the
     * formats can be compared side by side.
     */
    public Summary generate(long paragraphs, Path out, Format format) throws IOException {
        if (paragraphs < 1) throw new IllegalArgumentException("paragraphs must be >= 1");
        long start = System.nanoTime();
        Files.createDirectories(out);
        SplittableRandom rnd = new SplittableRandom(seed);
        long left = paragraphs, bytes = 0;
        int file = 0, files = 0;
        StringBuilder sb = new StringBuilder(16_384);
        CorpusReader reader = new CorpusReader();
        OutputStream container = null;
        try {
            while (left > 0) {
                int n = (int) Math.min(left, 5 + rnd.nextInt(36));
                sb.setLength(0);
                writeArticle(rnd, n, sb);
                String folder = String.format(Locale.ROOT, "d%04d", file / FILES_PER_FOLDER);
                String name = String.format(Locale.ROOT, "a%07d", file);
                byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
                if (format == Format.TEXT) {
                    Path dir = out.resolve(folder);
                    if (file % FILES_PER_FOLDER == 0) Files.createDirectories(dir);
                    Files.write(dir.resolve(name + ".txt"), data);
                    files++;
                } else {
                    Article a = withUrl(parse(reader, name + ".txt", data), "https://bench.example/" + folder + "/" + name);
                    switch (format) {
                        case HTML, MARKDOWN -> {
                            Path dir = out.resolve(folder);
                            if (file % FILES_PER_FOLDER == 0) Files.createDirectories(dir);
                            data = (format == Format.HTML ? ArticleWriter.html(a) : ArticleWriter.markdown(a)).getBytes(StandardCharsets.UTF_8);
                            Files.write(dir.resolve(name + (format == Format.HTML ? ".html" : ".md")), data);
                            files++;
                        }
                        default -> {
                            if (file % FILES_PER_FOLDER == 0) {
                                if (container != null) container.close();
                                container = new BufferedOutputStream(Files.newOutputStream(
                                        out.resolve(folder + (format == Format.JSONL ? ".jsonl" : ".warc.gz"))), 1 << 16);
                                files++;
                            }
                            data = format == Format.JSONL ? (ArticleWriter.jsonLine(a) + "\n").getBytes(StandardCharsets.UTF_8)
                                    : ArticleWriter.warcRecord(a, a.url());
                            container.write(data);
                        }
                    }
                }
                bytes += data.length;
                left -= n;
                file++;
            }
        } finally {
            if (container != null) container.close();
        }
        return new Summary(files, paragraphs, bytes, (System.nanoTime() - start) / 1e9);
    }

    private static Article parse(CorpusReader reader, String name, byte[] data) throws IOException {
        try {
            return reader.parse(name, data);
        } catch (CorpusException e) {
            throw new IOException("cannot read back generated article " + name + ": " + e.getMessage(), e);
        }
    }

    private static Article withUrl(Article a, String url) {
        return new Article(a.id(), a.fileName(), a.title(), a.published(), a.author(), a.source(), a.paragraphs(), url, a.format());
    }

    /** One generated article's text in the corpus format with {@code paragraphs} paragraphs (for drops into a watched corpus). */
    public String article(SplittableRandom rnd, int paragraphs) {
        StringBuilder sb = new StringBuilder(8192);
        writeArticle(rnd, paragraphs, sb);
        return sb.toString();
    }

    private void writeArticle(SplittableRandom rnd, int paragraphs, StringBuilder sb) {
        LocalDate date = LocalDate.of(1990, 1, 1).plusDays(rnd.nextInt(36 * 365));
        int[] focus = {pickCountry(rnd), pickCountry(rnd)};
        sb.append("---\n");
        sb.append("title: ").append(capitalise(words(rnd, 4 + rnd.nextInt(6)))).append(' ')
                .append(COUNTRIES[focus[0]][0]).append(" and ").append(COUNTRIES[focus[1]][0]).append('\n');
        sb.append("date: ").append(date).append('\n');
        sb.append("author: ").append(name(rnd)).append(' ').append(name(rnd)).append('\n');
        sb.append("source: ").append(SOURCES[rnd.nextInt(SOURCES.length)]).append('\n');
        sb.append("---\n");
        String lastSpeaker = null;
        for (int p = 0; p < paragraphs; p++) {
            int sentences = 1 + rnd.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) sb.append(' ');
                double r = rnd.nextDouble();
                if (r < 0.10 && !realSentences.isEmpty()) {
                    sb.append(realSentences.get(rnd.nextInt(realSentences.size())));
                } else if (r < 0.22) {
                    lastSpeaker = speakers.get(sample(speakerCdf, rnd));
                    quote(rnd, lastSpeaker, sb);
                } else if (r < 0.26 && lastSpeaker != null) {
                    sb.append('“').append(capitalise(words(rnd, 6 + rnd.nextInt(12)))).append(",” he added.");
                } else if (r < 0.40) {
                    countrySentence(rnd, rnd.nextBoolean() ? focus[rnd.nextInt(2)] : pickCountry(rnd), sb);
                } else if (r < 0.52) {
                    yearSentence(rnd, sb);
                } else {
                    sb.append(capitalise(words(rnd, 6 + rnd.nextInt(23)))).append('.');
                }
            }
            sb.append('\n');
        }
    }

    private void quote(SplittableRandom rnd, String speaker, StringBuilder sb) {
        String title = TITLES[rnd.nextInt(TITLES.length)];
        String verb = SPEECH_VERBS[rnd.nextInt(SPEECH_VERBS.length)];
        switch (rnd.nextInt(3)) {
            case 0 -> sb.append('“').append(capitalise(words(rnd, 6 + rnd.nextInt(14)))).append(",” ")
                    .append(title).append(' ').append(speaker).append(' ').append(verb).append('.');
            case 1 -> sb.append(capitalise(title)).append(' ').append(speaker).append(' ').append(verb)
                    .append(" that ").append(words(rnd, 6 + rnd.nextInt(12))).append('.');
            default -> sb.append("According to ").append(title).append(' ').append(speaker).append(", ")
                    .append(words(rnd, 6 + rnd.nextInt(12))).append('.');
        }
    }

    private void countrySentence(SplittableRandom rnd, int country, StringBuilder sb) {
        String[] c = COUNTRIES[country];
        switch (rnd.nextInt(3)) {
            case 0 -> sb.append(c[0]).append(' ').append(words(rnd, 5 + rnd.nextInt(12))).append('.');
            case 1 -> sb.append("The ").append(c[1]).append(' ').append(words(rnd, 5 + rnd.nextInt(12))).append('.');
            default -> sb.append(capitalise(words(rnd, 4 + rnd.nextInt(8)))).append(" in ").append(c[2]).append('.');
        }
    }

    private void yearSentence(SplittableRandom rnd, StringBuilder sb) {
        int year = 1945 + rnd.nextInt(86);
        switch (rnd.nextInt(4)) {
            case 0 -> sb.append("In ").append(year).append(", ").append(words(rnd, 5 + rnd.nextInt(12))).append('.');
            case 1 -> sb.append(capitalise(words(rnd, 5 + rnd.nextInt(10)))).append(" in ")
                    .append(MONTHS[rnd.nextInt(12)]).append(' ').append(year).append('.');
            case 2 -> sb.append(capitalise(words(rnd, 5 + rnd.nextInt(10)))).append(" by ").append(Math.min(2030, year + 5)).append('.');
            default -> {
                int to = Math.min(2030, year + 1 + rnd.nextInt(5));
                sb.append("The ").append(year).append('-').append(to).append(" plan ").append(words(rnd, 4 + rnd.nextInt(8))).append('.');
            }
        }
    }

    private int pickCountry(SplittableRandom rnd) {
        return sample(countryCdf, rnd);
    }

    private String words(SplittableRandom rnd, int n) {
        StringBuilder w = new StringBuilder(n * 7);
        for (int i = 0; i < n; i++) {
            if (i > 0) w.append(' ');
            w.append(vocabulary.get(sample(zipfCdf, rnd)));
        }
        return w.toString();
    }

    private static String name(SplittableRandom rnd) {
        int n = 2 + rnd.nextInt(2);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
        return capitalise(s.toString());
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) cdf[i] /= sum;
        return cdf;
    }

    static int sample(double[] cdf, SplittableRandom rnd) {
        double u = rnd.nextDouble();
        int lo = 0, hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom rnd) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    static List<String> loadWordList() {
        try (InputStream in = Objects.requireNonNull(CorpusGenerator.class.getResourceAsStream("words.txt"), "words.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> out = new ArrayList<>(70_000);
            Set<String> seen = new HashSet<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#") && seen.add(line.strip())) out.add(line.strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
