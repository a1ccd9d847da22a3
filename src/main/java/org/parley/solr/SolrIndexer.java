package org.parley.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.parley.corpus.Article;
import org.parley.corpus.CorpusException;
import org.parley.corpus.CorpusReader;
import org.parley.enrich.EnrichedArticle;
import org.parley.enrich.Enricher;
import org.parley.index.BuildReport;
import org.parley.index.IndexBuilder;

/**
 * Feeds a corpus folder into SolrCloud: the same reader and enricher as the embedded build, documents from
 * {@link SolrSchema}, into a <b>new</b> collection; once it is complete and committed, the alias (the name
 * parley serves) is switched to it in one step and the previous collection deleted. A failed build deletes its
 * half-built collection, so readers never see it. A corpus whose files (paths, sizes, modification times),
 * schema and parsing/enrichment code are unchanged since the served build is not rebuilt.
 */
public final class SolrIndexer {
    static final int BATCH_DOCS = 1000;
    /**
     * Update requests in flight at once: while one batch is analysed by Solr, the next is serialised and on its
     * way, so neither parley's enrichment nor the node waits for the other's round trip.
     */
    static final int SENDERS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS").withZone(ZoneOffset.UTC);

    private final SolrHttp http;
    private final String alias;
    private final int shards;
    private final int replicas;
    private final IndexBuilder.Listener listener;
    private final Function<Article, EnrichedArticle> enrichment;
    private final CorpusReader reader = new CorpusReader();

    public SolrIndexer(SolrHttp http, String alias, int shards, int replicas, IndexBuilder.Listener listener,
                       Function<Article, EnrichedArticle> enrichment) {
        this.http = http;
        this.alias = alias;
        this.shards = shards;
        this.replicas = replicas;
        this.listener = listener == null ? new IndexBuilder.Listener() { } : listener;
        this.enrichment = enrichment;
    }

    public static SolrIndexer of(SolrEndpoint endpoint, int shards, int replicas, IndexBuilder.Listener listener) {
        return new SolrIndexer(new SolrHttp(endpoint.nodes(), Duration.ofSeconds(120)), endpoint.collection(), shards, replicas,
                listener, null);
    }

    public SolrIndexer withEnrichment(Function<Article, EnrichedArticle> f) {
        return new SolrIndexer(http, alias, shards, replicas, listener, f);
    }

    /** The build document of {@code collection}: last build time, fingerprint, counts; null when none. */
    static JsonNode buildInfo(SolrHttp http, String collection) {
        try {
            JsonNode docs = http.postForm("/" + collection + "/select", List.of(Map.entry("q", "*:*"),
                    Map.entry("fq", "{!term f=" + SolrSchema.ID + "}" + SolrSchema.BUILD_ID), Map.entry("fl", SolrSchema.BUILD_JSON),
                    Map.entry("rows", "1"))).path("response").path("docs");
            if (docs.isEmpty()) return null;
            return JSON.readTree(docs.get(0).path(SolrSchema.BUILD_JSON).asText());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public BuildReport build(Path corpusDir) throws IOException {
        Instant start = Instant.now();
        if (!Files.isDirectory(corpusDir)) throw new IOException("corpus folder not found: " + corpusDir);
        List<Path> files = CorpusReader.listFiles(corpusDir);
        String fingerprint = fingerprint(corpusDir, files);
        SolrAdmin admin = new SolrAdmin(http);
        Map<String, String> aliases = admin.aliases();
        String previous = aliases.get(alias);
        if (previous == null && admin.collectionNames().contains(alias)) {
            throw new IOException("'" + alias + "' is a collection, not an alias: parley serves an alias it switches"
                    + " between builds; name another (--solr http://host:port/solr/NAME)");
        }
        if (previous != null) {
            JsonNode info = buildInfo(http, previous);
            if (info != null && fingerprint.equals(info.path("fingerprint").asText())) {
                return new BuildReport(Path.of(previous), false, false, info.path("articles").asInt(), info.path("paragraphs").asInt(),
                        0, files.size(), 0, List.of(), Duration.between(start, Instant.now()));
            }
        }
        admin.ensureConfigset();
        String target = alias + "_" + STAMP.format(Instant.now());
        admin.createCollection(target, shards, replicas);
        try {
            listener.started(files.size(), 0, 0);
            Function<Article, EnrichedArticle> enrich = enrichment != null ? enrichment : new Enricher()::enrich;
            List<BuildReport.Skipped> skipped = new ArrayList<>();
            Set<String> articleIds = new HashSet<>();
            List<Map<String, Object>> batch = new ArrayList<>();
            int articles = 0;
            int paragraphs = 0;
            int done = 0;
            // files are read and enriched on all cores, in order; full batches go to the senders while the next
            // files are enriched, so Solr's indexing (in its own JVMs) overlaps parley's enrichment
            int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "parley-solr-enrich");
                t.setDaemon(true);
                return t;
            });
            java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(SENDERS, r -> {
                Thread t = new Thread(r, "parley-solr-send");
                t.setDaemon(true);
                return t;
            });
            java.util.ArrayDeque<java.util.concurrent.Future<?>> inFlight = new java.util.ArrayDeque<>();
            try {
                java.util.ArrayDeque<java.util.concurrent.Future<Object>> pending = new java.util.ArrayDeque<>();
                java.util.Iterator<Path> it = files.iterator();
                while (it.hasNext() || !pending.isEmpty()) {
                    while (it.hasNext() && pending.size() < threads * 4) {
                        Path f = it.next();
                        pending.add(pool.submit(() -> {
                            try {
                                Article a = reader.read(f);
                                return new Object[] {f, a, enrich.apply(a)};
                            } catch (CorpusException e) {
                                return new Object[] {f, e};
                            }
                        }));
                    }
                    Object[] outcome = (Object[]) pending.poll().get();
                    Path f = (Path) outcome[0];
                    String rel = corpusDir.relativize(f).toString().replace('\\', '/');
                    if (outcome[1] instanceof CorpusException e) {
                        skipped.add(new BuildReport.Skipped(rel, e.getMessage()));
                    } else {
                        Article a = (Article) outcome[1];
                        if (!articleIds.add(a.id())) {
                            skipped.add(new BuildReport.Skipped(rel, "another file has the same article id '" + a.id() + "'"));
                        } else {
                            List<Map<String, Object>> docs = SolrSchema.documents(rel, (EnrichedArticle) outcome[2]);
                            batch.addAll(docs);
                            articles++;
                            paragraphs += docs.size() - 1;
                            if (batch.size() >= BATCH_DOCS) {
                                List<Map<String, Object>> full = batch;
                                batch = new ArrayList<>();
                                inFlight.add(senders.submit(() -> send(target, full)));
                                while (inFlight.size() > SENDERS) inFlight.poll().get(); // a failed batch fails the build
                            }
                        }
                    }
                    listener.fileDone(++done, files.size(), rel);
                }
                while (!inFlight.isEmpty()) inFlight.poll().get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) throw io;
                if (cause instanceof RuntimeException re) throw re;
                if (cause instanceof Error err) throw err;
                throw new IOException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("indexing interrupted", e);
            } finally {
                pool.shutdownNow();
                senders.shutdownNow();
            }
            ObjectNode info = JSON.createObjectNode();
            info.put("fingerprint", fingerprint);
            info.put("last_build", Instant.now().toString());
            info.put("articles", articles);
            info.put("paragraphs", paragraphs);
            Map<String, Object> buildDoc = new LinkedHashMap<>();
            buildDoc.put(SolrSchema.ID, SolrSchema.BUILD_ID);
            buildDoc.put(SolrSchema.TYPE, SolrSchema.TYPE_BUILD);
            buildDoc.put(SolrSchema.BUILD_JSON, info.toString());
            batch.add(buildDoc);
            send(target, batch);
            http.post("/" + target + "/update?commit=true&waitSearcher=true", "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8), true);
            long counted = http.postForm("/" + target + "/select", List.of(Map.entry("q", "type:paragraph"), Map.entry("rows", "0")))
                    .path("response").path("numFound").asLong();
            if (counted != paragraphs) throw new IOException("the new collection holds " + counted + " paragraphs, not " + paragraphs);
            admin.alias(alias, target);
            if (previous != null && !previous.equals(target)) {
                try {
                    admin.deleteCollection(previous);
                } catch (RuntimeException e) {
                    // the alias has moved: a leftover collection costs space, not correctness
                }
            }
            return new BuildReport(Path.of(target), true, true, articles, paragraphs, files.size(), 0, 0, List.copyOf(skipped),
                    Duration.between(start, Instant.now()));
        } catch (IOException | RuntimeException | Error e) {
            try {
                admin.deleteCollection(target);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private Void send(String collection, List<Map<String, Object>> batch) throws IOException {
        if (batch.isEmpty()) return null;
        byte[] body = JSON.writeValueAsBytes(batch);
        http.post("/" + collection + "/update", "application/json", body, true); // re-sending a batch is idempotent
        batch.clear();
        return null;
    }

    private static String fingerprint(Path dir, List<Path> files) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((SolrSchema.VERSION + "\n").getBytes(StandardCharsets.UTF_8));
            // the code that turns files into documents: a new parley with another parser or enricher rebuilds
            for (String c : List.of("solr/SolrSchema", "corpus/ArticleParser", "corpus/CorpusReader", "enrich/Enricher",
                    "enrich/SpeakerExtractor", "enrich/CountryGazetteer", "enrich/YearExtractor", "enrich/PhraseReader",
                    "index/IndexSchema")) {
                try (var in = SolrIndexer.class.getResourceAsStream("/org/parley/" + c + ".class")) {
                    if (in != null) md.update(in.readAllBytes());
                }
            }
            for (Path f : files) {
                String line = dir.relativize(f) + "\t" + Files.size(f) + "\t" + Files.getLastModifiedTime(f).toMillis() + "\n";
                md.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
