package org.parley.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.parley.enrich.Enricher;

/**
 * A hash of everything besides the corpus that decides what goes into the index: the parsing and enrichment
 * code and data, and the schema version. When it changes (a better enricher lands), an incremental build
 * would otherwise keep stale metadata for unchanged files, so the builder re-processes everything instead.
 */
final class BuildFingerprint {
    /** Code and data that shape documents (the schema and analysis too); web templates, static files and the like do not. */
    private static final List<String> RELEVANT = List.of("org/parley/enrich/", "org/parley/corpus/",
            "org/parley/index/IndexSchema", "org/parley/index/StoredArticle", "org/parley/index/TextAnalysis");
    private static final List<String> IRRELEVANT_RESOURCES = List.of("org/", "META-INF/", "static/", "templates/", "api/");

    private BuildFingerprint() {
    }

    static String compute() {
        TreeMap<String, byte[]> parts = new TreeMap<>();
        try {
            Path location = Path.of(Enricher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> s = Files.walk(location)) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) {
                        String name = location.relativize(p).toString().replace('\\', '/');
                        if (relevant(name)) parts.put(name, Files.readAllBytes(p));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (JarEntry e : java.util.Collections.list(jar.entries())) {
                        if (e.isDirectory() || !relevant(e.getName())) continue;
                        try (InputStream in = jar.getInputStream(e)) {
                            parts.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Without a fingerprint we cannot tell; "unknown" differs from any hash, so the next build is full.
            return "unknown-" + System.nanoTime();
        }
        MessageDigest digest = CorpusManifest.newDigest();
        digest.update(("schema " + IndexSchema.VERSION + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        parts.forEach((name, bytes) -> {
            digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean relevant(String name) {
        for (String prefix : RELEVANT) if (name.startsWith(prefix)) return true;
        if (name.endsWith(".class")) return false;
        for (String prefix : IRRELEVANT_RESOURCES) if (name.startsWith(prefix)) return false;
        return true; // top-level data files (gazetteers, models) may feed the enricher
    }
}
