package org.parley.corpus;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Comparator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Consumer;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads corpus files into articles. Tells each file's format ({@link FormatDetector}): plain text (the original
 * format, read exactly as before), Markdown, HTML pages, RSS/Atom feeds, JSON Lines and WARC archives. Detects the
 * encoding of text (UTF-8, UTF-16 with BOM, else Windows-1252), refuses binary and empty files with a reason, and
 * bounds the size of everything it reads ({@link CorpusLimits}). Thread-safe.
 *
 * <p>A single-article file (text, Markdown, HTML) reads with {@link #read}; every file, containers included,
 * reads with {@link #readAll} or {@link #stream}. What is skipped, a whole file or a part of one, is reported
 * with its reason: {@link #list} reports the files it does not take, {@link FileArticles#skipped()} the parts.
 */
public final class CorpusReader {
    /** Files larger than this are refused: a news article is a few kilobytes. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final ArticleParser parser = new ArticleParser();
    private final CorpusLimits limits;
    private final long maxBytes;

    public CorpusReader() {
        this(CorpusLimits.defaults());
    }

    public CorpusReader(long maxBytes) {
        this(CorpusLimits.ofFileBytes(maxBytes));
    }

    public CorpusReader(CorpusLimits limits) {
        this.limits = limits;
        this.maxBytes = limits.fileBytes();
    }

    public CorpusLimits limits() {
        return limits;
    }

    /**
     * The files a listing takes, in path order, and those it does not, each with its reason (hidden files and
     * folders, FIFOs and other special files, dangling or folder links, files of an unsupported type).
     */
    public record Listing(List<Path> files, List<SkippedInput> skipped) {
        public Listing {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    /** The corpus files under {@code dir} (recursively), sorted by path; hidden files are ignored. */
    public static List<Path> listFiles(Path dir) throws IOException {
        return list(dir).files();
    }

    /** The corpus files of several paths (files or folders), in order. */
    public static List<Path> listFiles(List<Path> paths) throws IOException {
        return list(paths).files();
    }

    /** {@link #list(Path)} for several paths, in order. */
    public static Listing list(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        for (Path p : paths) {
            Listing l = list(p);
            files.addAll(l.files());
            skipped.addAll(l.skipped());
        }
        return new Listing(files, skipped);
    }

    /**
     * The corpus files under {@code dir} (recursively, not following links to folders), sorted by path, and the
     * files not taken with their reasons (reported relative to {@code dir}). A path that is itself a regular file is
     * taken as it is. Files whose extension says nothing about their format are taken only when their first bytes
     * are recognised.
     */
    public static Listing list(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) return new Listing(List.of(dir), List.of());
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) throw new NoSuchFileException(dir.toString());
        // A corpus folder given as a link to a folder (corpus -> /mnt/news, or "ln -sfn releases/v2 corpus") is walked
        // where it points, else the walk saw one link "not followed" and nothing was indexed; files are still named
        // under the path given, and links inside the corpus are not followed as before.
        Path walked = Files.isSymbolicLink(dir) && Files.isDirectory(dir) ? dir.toRealPath() : dir;
        List<Path> files = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        Files.walkFileTree(walked, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(walked) && d.getFileName().toString().startsWith(".")) {
                    skipped.add(new SkippedInput(rel(walked, d) + "/", null, "hidden folder (not read)"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                String page = d.equals(walked) ? null : savedPageOf(d);
                if (page != null) {
                    // "Web page, complete": the page's images, scripts, style sheets and ad frames, not articles
                    skipped.add(new SkippedInput(rel(walked, d) + "/", null, "resources of the saved page " + page + " (not read)"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                String name = f.getFileName().toString();
                if (name.startsWith(".")) {
                    skipped.add(new SkippedInput(rel(walked, f), null, "hidden file (not read)"));
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    if (!Files.exists(f)) {
                        skipped.add(new SkippedInput(rel(walked, f), null, "dangling symbolic link"));
                        return FileVisitResult.CONTINUE;
                    }
                    if (Files.isDirectory(f)) {
                        skipped.add(new SkippedInput(rel(walked, f), null, "symbolic link to a folder (not followed)"));
                        return FileVisitResult.CONTINUE;
                    }
                    if (!Files.isRegularFile(f)) {
                        skipped.add(new SkippedInput(rel(walked, f), null, "symbolic link to " + specialKind(f)));
                        return FileVisitResult.CONTINUE;
                    }
                    if (!insideCorpus(f)) {
                        // ln -s /etc/passwd corpus/passwd must not put the system's files into search results
                        skipped.add(new SkippedInput(rel(walked, f), null, "symbolic link leaving the corpus folder (not followed)"));
                        return FileVisitResult.CONTINUE;
                    }
                } else if (!attrs.isRegularFile()) {
                    skipped.add(new SkippedInput(rel(walked, f), null, "not a regular file: " + specialKind(f)));
                    return FileVisitResult.CONTINUE;
                }
                if (FormatDetector.knownByName(name)) {
                    files.add(dir.resolve(walked.relativize(f)));
                    return FileVisitResult.CONTINUE;
                }
                FormatDetector.Detection d;
                try {
                    d = FormatDetector.detect(name, head(f));
                } catch (IOException e) {
                    skipped.add(new SkippedInput(rel(walked, f), null, "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
                if (d.supported()) {
                    files.add(dir.resolve(walked.relativize(f)));
                } else {
                    skipped.add(new SkippedInput(rel(walked, f), null, d.reason()));
                }
                return FileVisitResult.CONTINUE;
            }

            private boolean insideCorpus(Path link) {
                try {
                    return link.toRealPath().startsWith(dir.toRealPath());
                } catch (IOException e) {
                    return false;
                }
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                skipped.add(new SkippedInput(rel(walked, f), null, "cannot read: " + e.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        skipped.sort(Comparator.comparing(SkippedInput::file));
        return new Listing(files, skipped);
    }

    /** The folder suffixes browsers give a saved page's resources ("Page_files"; older localised saves). */
    private static final List<String> SAVED_PAGE_FOLDER_SUFFIXES = List.of("_files", "-Dateien", "_fichiers", "_archivos", "-bestanden", "_file");

    /**
     * The name of the saved page whose resources folder {@code d} is ("Talks.html" for "Talks_files" beside it), or
     * null: a folder is skipped only when the page it belongs to is there.
     */
    static String savedPageOf(Path d) {
        String name = d.getFileName().toString();
        Path parent = d.getParent();
        if (parent == null) return null;
        for (String suffix : SAVED_PAGE_FOLDER_SUFFIXES) {
            if (name.length() <= suffix.length() || !name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length())) continue;
            String stem = name.substring(0, name.length() - suffix.length());
            for (String ext : List.of(".html", ".htm", ".xhtml", ".shtml")) {
                if (Files.isRegularFile(parent.resolve(stem + ext), LinkOption.NOFOLLOW_LINKS)) return stem + ext;
            }
        }
        return null;
    }

    private static String rel(Path dir, Path f) {
        return dir.relativize(f).toString().replace('\\', '/');
    }

    /** "FIFO (named pipe)", "socket", "device" or "special file". */
    private static String specialKind(Path f) {
        try {
            Object mode = Files.getAttribute(f, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & 0170000) {
                    case 0010000 -> "FIFO (named pipe)";
                    case 0140000 -> "socket";
                    case 0020000, 0060000 -> "device";
                    default -> "special file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix attributes here: say no more than that
        }
        return "special file";
    }

    /** The first {@link FormatDetector#HEAD_BYTES} bytes of a regular file. */
    private static byte[] head(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return in.readNBytes(FormatDetector.HEAD_BYTES);
        }
    }

    /** The format of a file, from its name and first bytes; refuses unsupported types and special files. */
    public static InputFormat detect(Path file) throws CorpusException {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(Files.exists(file) ? "not a regular file: " + specialKind(file) : "file disappeared while indexing");
        }
        try {
            FormatDetector.Detection d = FormatDetector.detect(file.getFileName().toString(), head(file));
            if (!d.supported()) throw new CorpusException(d.reason());
            return d.format();
        } catch (IOException e) {
            throw new CorpusException("cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and parses one single-article file (text, Markdown, HTML). A feed, JSON Lines file or WARC archive
     * holds many articles: it is refused here (with that reason) and reads with {@link #readAll}.
     */
    public Article read(Path file) throws CorpusException {
        return parse(file.getFileName().toString(), readBytes(file));
    }

    /** The bytes of one file, refusing files over the size limit and special files (a FIFO would block). */
    public byte[] readBytes(Path file) throws CorpusException {
        return readBytes(file, maxBytes);
    }

    private static byte[] readBytes(Path file, long limit) throws CorpusException {
        try {
            if (!Files.isRegularFile(file)) {
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) throw new NoSuchFileException(file.toString());
                throw new CorpusException(Files.exists(file) ? "not a regular file: " + specialKind(file) : "dangling symbolic link");
            }
            long size = Files.size(file);
            if (size > limit) {
                throw new CorpusException("file too large: " + size + " bytes (limit " + limit + ")");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > limit) throw new CorpusException("file too large: over " + limit + " bytes (it grew while read)");
            return bytes;
        } catch (NoSuchFileException e) {
            throw new CorpusException("file disappeared while indexing", e);
        } catch (IOException e) {
            throw new CorpusException("cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses the bytes of a single-article file named {@code fileName} (for callers that also need the bytes, e.g.
     * to hash them). Container formats are refused with a reason that says to use {@link #parseAll}.
     */
    public Article parse(String fileName, byte[] bytes) throws CorpusException {
        FormatDetector.Detection d = FormatDetector.detect(fileName, head(bytes));
        if (!d.supported()) {
            if (bytes.length == 0) throw new CorpusException("empty file");
            throw new CorpusException(d.reason());
        }
        if (d.format().container()) {
            throw new CorpusException(d.format().label() + " file: holds many articles (read it with CorpusReader.readAll)");
        }
        return parseSingle(fileName, d.format(), bytes);
    }

    private Article parseSingle(String fileName, InputFormat format, byte[] bytes) throws CorpusException {
        return switch (format) {
            case TEXT -> parseText(fileName, decode(bytes));
            case MARKDOWN -> parseMarkdown(fileName, decode(bytes));
            case HTML -> {
                if (Mhtml.isMime(bytes)) { // a page saved as one file (.mhtml/.mht): the page is a part of a MIME message
                    Mhtml.Page page = Mhtml.page(bytes);
                    yield parseHtml(fileName, ArticleParser.articleId(fileName), page.html(), 0, page.html().length, page.url(),
                            page.contentType(), InputFormat.HTML);
                }
                yield parseHtml(fileName, ArticleParser.articleId(fileName), bytes, 0, bytes.length, null, null, InputFormat.HTML);
            }
            default -> throw new CorpusException("unsupported type: " + format.label() + " holds many articles");
        };
    }

    /**
     * One HTML page (a file or a WARC record's payload) as an article with the given id; {@code url} is the address
     * it was fetched from (null for a file), {@code contentType} the transport's header (null for a file).
     */
    Article parseHtml(String fileName, String id, byte[] bytes, int off, int len, String url, String contentType,
                      InputFormat format) throws CorpusException {
        if (len > limits.htmlPageBytes()) {
            throw new CorpusException("HTML page too large: " + len + " bytes (limit " + limits.htmlPageBytes() + ")");
        }
        if (len == 0) throw new CorpusException("empty file");
        boolean utf16 = len >= 2 && ((bytes[off] & 0xFF) == 0xFF && (bytes[off + 1] & 0xFF) == 0xFE
                || (bytes[off] & 0xFF) == 0xFE && (bytes[off + 1] & 0xFF) == 0xFF);
        if (!utf16 && looksBinary(Arrays.copyOfRange(bytes, off, off + Math.min(len, FormatDetector.HEAD_BYTES)))) {
            throw new CorpusException("binary file (not text)");
        }
        String html = Charsets.decodeMarkup(bytes, off, len, contentType);
        if (html.isBlank()) throw new CorpusException("empty file");
        HtmlExtractor.Extracted x = html().page(html, url, new HtmlExtractor.Known(null, null, null, null, url));
        return article(fileName, id, x, format);
    }

    /** An extracted page or item as an article; refuses one with nothing searchable left. */
    static Article article(String fileName, String id, HtmlExtractor.Extracted x, InputFormat format) throws CorpusException {
        if (x.paragraphs().stream().noneMatch(p -> p.kind().searchable())) {
            throw new CorpusException(x.paragraphs().isEmpty() ? "empty after extraction: no text"
                    : "empty after extraction: only titles, captions and site furniture (" + x.paragraphs().size() + " blocks)");
        }
        return new Article(id, fileName, x.title(), x.published(), x.author(), x.source(), x.paragraphs(), x.url(), format);
    }

    private HtmlExtractor html() {
        return HTML;
    }

    private static final HtmlExtractor HTML = new HtmlExtractor();

    private Article parseMarkdown(String fileName, String text) throws CorpusException {
        if (text.isBlank()) throw new CorpusException("empty file");
        Article article = MARKDOWN.read(fileName, text);
        if (article.searchableParagraphs().isEmpty()) {
            throw new CorpusException("empty after extraction: no paragraphs, headings or list items");
        }
        return article;
    }

    private static final MarkdownReader MARKDOWN = new MarkdownReader();

    /** The original plain-text path: decoded, parsed line by line. */
    private Article parseText(String fileName, String text) throws CorpusException {
        if (text.isBlank()) throw new CorpusException("empty file");
        Article article = parser.parse(fileName, text);
        if (article.paragraphs().isEmpty()) throw new CorpusException("no paragraphs");
        return article;
    }

    /** Receives the articles of a file as they are read, and the parts of it that are skipped. */
    public interface Sink {
        void article(Article article);

        void skipped(SkippedInput skipped);
    }

    /**
     * Reads every article of any supported file, in file order. A whole file that cannot be read throws with the
     * reason; parts of it that cannot (a bad JSON line, an oversized record) are in {@link FileArticles#skipped()}.
     * A container that yields no article at all throws too ("no articles", with the first reasons).
     */
    public FileArticles readAll(Path file) throws CorpusException {
        List<Article> articles = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        InputFormat format = stream(file, new Sink() {
            @Override
            public void article(Article article) {
                articles.add(article);
            }

            @Override
            public void skipped(SkippedInput s) {
                skipped.add(s);
            }
        });
        return finish(file.getFileName().toString(), format, articles, skipped);
    }

    /** {@link #readAll} for bytes already read (container files are bounded by the whole-file limit here). */
    public FileArticles parseAll(String fileName, byte[] bytes) throws CorpusException {
        FormatDetector.Detection d = FormatDetector.detect(fileName, head(bytes));
        if (!d.supported()) {
            if (bytes.length == 0) throw new CorpusException("empty file");
            throw new CorpusException(d.reason());
        }
        if (d.format() == InputFormat.TEXT || d.format() == InputFormat.MARKDOWN) {
            String text = decode(bytes); // once: the parse and the encoding report both read it
            Article article = d.format() == InputFormat.TEXT ? parseText(fileName, text) : parseMarkdown(fileName, text);
            String problem = utf8Problem(bytes, text);
            return new FileArticles(fileName, d.format(), List.of(article),
                    problem == null ? List.of() : List.of(new SkippedInput(fileName, "encoding", problem)));
        }
        if (!d.format().container()) return new FileArticles(fileName, d.format(), List.of(parseSingle(fileName, d.format(), bytes)), List.of());
        List<Article> articles = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        parseContainer(fileName, d.format(), bytes, articles::add, skipped::add);
        return finish(fileName, d.format(), articles, skipped);
    }

    private static FileArticles finish(String fileName, InputFormat format, List<Article> articles, List<SkippedInput> skipped)
            throws CorpusException {
        if (articles.isEmpty() && format.container()) {
            String why = skipped.isEmpty() ? "" : ": " + skipped.stream().limit(3).map(s -> s.where() == null ? s.reason()
                    : s.where() + ": " + s.reason()).reduce((a, b) -> a + "; " + b).orElse("")
                    + (skipped.size() > 3 ? "; ... (" + skipped.size() + " parts skipped)" : "");
            throw new CorpusException("no articles in this " + format.label() + " file" + why);
        }
        return new FileArticles(fileName, format, articles, skipped);
    }

    /**
     * Reads every article of a file into {@code sink} as it goes (JSON Lines and WARC files stream, bounded by
     * {@link CorpusLimits#streamedFileBytes()}; the others are read whole). Returns the file's format.
     */
    public InputFormat stream(Path file, Sink sink) throws CorpusException {
        InputFormat format = detect(file);
        String name = file.getFileName().toString();
        if (!format.container()) {
            sink.article(parseSingle(name, format, readBytes(file)));
            return format;
        }
        if (format == InputFormat.FEED) {
            parseContainer(name, format, readBytes(file, limits.feedBytes()), sink::article, sink::skipped);
            return format;
        }
        try {
            long size = Files.size(file);
            if (size > limits.streamedFileBytes()) {
                throw new CorpusException("file too large: " + size + " bytes (limit " + limits.streamedFileBytes() + ")");
            }
            try (InputStream in = Files.newInputStream(file)) {
                streamContainer(name, format, in, sink::article, sink::skipped);
            }
        } catch (NoSuchFileException e) {
            throw new CorpusException("file disappeared while indexing", e);
        } catch (IOException e) {
            throw new CorpusException("cannot read: " + e.getMessage(), e);
        }
        return format;
    }

    private void parseContainer(String fileName, InputFormat format, byte[] bytes, Consumer<Article> articles,
                                Consumer<SkippedInput> skipped) throws CorpusException {
        if (format == InputFormat.FEED) {
            new FeedReader(HTML, limits).read(fileName, bytes, articles, skipped);
            return;
        }
        try {
            streamContainer(fileName, format, new ByteArrayInputStream(bytes), articles, skipped);
        } catch (IOException e) {
            throw new CorpusException("cannot read: " + e.getMessage(), e);
        }
    }

    /** JSON Lines and WARC, read as a stream. */
    private void streamContainer(String fileName, InputFormat format, InputStream in, Consumer<Article> articles,
                                 Consumer<SkippedInput> skipped) throws IOException, CorpusException {
        switch (format) {
            case JSONL -> new JsonLinesReader(parser, HTML, limits.jsonLineBytes()).read(fileName, in, articles, skipped);
            case WARC -> new WarcArchiveReader(this, limits.warcRecordBytes()).read(fileName, in, articles, skipped);
            default -> throw new CorpusException("unsupported type: " + format.label() + " is not streamed");
        }
    }

    private static byte[] head(byte[] bytes) {
        return bytes.length <= FormatDetector.HEAD_BYTES ? bytes : Arrays.copyOf(bytes, FormatDetector.HEAD_BYTES);
    }

    /** Decodes file bytes, refusing binary content. */
    public static String decode(byte[] bytes) throws CorpusException {
        if (bytes.length == 0) throw new CorpusException("empty file");
        if (utf16(bytes)) {
            return new String(bytes, 2, bytes.length - 2, bytes[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        }
        if (looksBinary(bytes)) throw new CorpusException("binary file (not text)");
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        if (wellFormed(utf8)) return utf8;
        Utf8Check check = Utf8Check.of(bytes);
        if (check.invalid() == 0) return utf8;
        // Mostly UTF-8 with a few bad bytes: keep the UTF-8 and replace those (reported by utf8Problem);
        // no valid multi-byte sequence at all: legacy Western text, almost always Windows-1252 (a superset of Latin-1).
        return check.mostlyUtf8() ? utf8 : new String(bytes, WINDOWS_1252);
    }

    /** Whether the bytes start with a UTF-16 byte-order mark, little- or big-endian. */
    private static boolean utf16(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF);
    }

    /**
     * Whether the bytes that decoded to {@code utf8} are well-formed UTF-8, so that {@link Utf8Check} would find no
     * invalid byte (it accepts every well-formed sequence and more): the decoder turns every malformed sequence into
     * U+FFFD, so a text without one was well-formed. The JDK's decoder does this at memory speed; the check walks
     * every byte. A text that holds U+FFFD itself takes the check.
     */
    private static boolean wellFormed(String utf8) {
        return utf8.indexOf('\uFFFD') < 0;
    }

    /**
     * What decoding replaced in a text file: "N invalid UTF-8 bytes ...", or null when it decoded cleanly;
     * {@code text} is what {@link #decode} made of the bytes (a file without a UTF-16 byte-order mark that decoded
     * to well-formed text has nothing to report, and the bytes need no second look).
     */
    static String utf8Problem(byte[] bytes, String text) {
        if (looksBinary(bytes) || !utf16(bytes) && wellFormed(text)) return null;
        Utf8Check check = Utf8Check.of(bytes);
        if (check.invalid() == 0 || !check.mostlyUtf8()) return null;
        return check.invalid() + " invalid UTF-8 byte(s) replaced with U+FFFD (the first at byte " + check.firstInvalid() + ")";
    }

    /** Counts of well-formed multi-byte sequences and of bytes that are not UTF-8. */
    record Utf8Check(int multiByte, int invalid, long firstInvalid) {
        /** Valid multi-byte text with at most one bad byte in twenty sequences is UTF-8 with damage, not another encoding. */
        boolean mostlyUtf8() {
            return multiByte > 0 && invalid * 20L <= multiByte + 20L;
        }

        static Utf8Check of(byte[] b) {
            int multi = 0;
            int invalid = 0;
            long first = -1;
            for (int i = 0; i < b.length; ) {
                int c = b[i] & 0xFF;
                int need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
                boolean ok = need >= 0 && i + need < b.length;
                for (int k = 1; ok && k <= need; k++) ok = (b[i + k] & 0xC0) == 0x80;
                if (!ok) {
                    invalid++;
                    if (first < 0) first = i;
                    i++;
                } else {
                    if (need > 0) multi++;
                    i += need + 1;
                }
            }
            return new Utf8Check(multi, invalid, first);
        }
    }

    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192), control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) return true;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) control++;
        }
        return control * 20 > n; // more than 5% control characters
    }
}
