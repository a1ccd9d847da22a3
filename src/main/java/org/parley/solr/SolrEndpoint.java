package org.parley.solr;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where parley's collection is: {@code --solr URL[,URL...]}, each URL a node ({@code http://host:port/solr}),
 * optionally naming the collection or alias ({@code http://host:port/solr/parley}); without one it is
 * {@value #DEFAULT_COLLECTION}.
 */
public record SolrEndpoint(List<String> nodes, String collection) {
    public static final String DEFAULT_COLLECTION = "parley";

    public static SolrEndpoint parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("--solr needs a URL such as http://127.0.0.1:8983/solr");
        List<String> nodes = new ArrayList<>();
        String collection = null;
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            URI uri;
            try {
                uri = URI.create(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a Solr URL: " + p);
            }
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not a Solr URL (http://host:port/solr): " + p);
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            String[] segs = path.isEmpty() ? new String[0] : path.substring(1).split("/");
            String context = segs.length == 0 ? "solr" : segs[0];
            if (segs.length >= 2) {
                if (collection != null && !collection.equals(segs[1])) {
                    throw new IllegalArgumentException("the URLs name different collections: " + collection + ", " + segs[1]);
                }
                collection = segs[1];
            }
            nodes.add(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/" + context);
        }
        if (nodes.isEmpty()) throw new IllegalArgumentException("--solr needs a URL such as http://127.0.0.1:8983/solr");
        return new SolrEndpoint(List.copyOf(nodes), collection == null ? DEFAULT_COLLECTION : collection);
    }

    @Override
    public String toString() {
        return String.join(",", nodes) + " (collection " + collection + ")";
    }
}
