package org.parley.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The Collections and Configsets APIs parley uses: upload its configset, create and alias collections, sizes. */
public final class SolrAdmin {
    private final SolrHttp http;

    public SolrAdmin(SolrHttp http) {
        this.http = http;
    }

    private JsonNode collections(String action, String... kv) {
        List<Map.Entry<String, String>> p = new ArrayList<>();
        p.add(Map.entry("action", action));
        for (int i = 0; i < kv.length; i += 2) p.add(Map.entry(kv[i], kv[i + 1]));
        return http.get("/admin/collections", p);
    }

    /** Uploads parley's configset under {@link SolrSchema#CONFIGSET} unless it is there already. */
    public void ensureConfigset() {
        JsonNode list = http.get("/admin/configs", List.of(Map.entry("action", "LIST")));
        for (JsonNode n : list.path("configSets")) if (n.asText().equals(SolrSchema.CONFIGSET)) return;
        try {
            http.post("/admin/configs?action=UPLOAD&name=" + SolrSchema.CONFIGSET, "application/octet-stream",
                    SolrSchema.configsetZip(), false);
        } catch (SolrHttp.SolrException e) {
            if (!String.valueOf(e.getMessage()).contains("already exists")) throw e;
        }
    }

    public void createCollection(String name, int shards, int replicas) {
        collections("CREATE", "name", name, "numShards", Integer.toString(shards), "replicationFactor", Integer.toString(replicas),
                "collection.configName", SolrSchema.CONFIGSET, "router.name", "compositeId", "waitForFinalState", "true");
    }

    public void deleteCollection(String name) {
        collections("DELETE", "name", name);
    }

    /** Points {@code alias} at {@code collection}, atomically for readers. */
    public void alias(String alias, String collection) {
        collections("CREATEALIAS", "name", alias, "collections", collection);
    }

    public void deleteAlias(String alias) {
        collections("DELETEALIAS", "name", alias);
    }

    public Map<String, String> aliases() {
        JsonNode r = collections("LISTALIASES");
        Map<String, String> out = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = r.path("aliases").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** The collection an alias names, or {@code name} itself. */
    public String resolveAlias(String name) {
        try {
            return aliases().getOrDefault(name, name);
        } catch (RuntimeException e) {
            return name;
        }
    }

    public List<String> collectionNames() {
        List<String> out = new ArrayList<>();
        for (JsonNode n : collections("LIST").path("collections")) out.add(n.asText());
        return out;
    }

    /** CLUSTERSTATUS of one collection (or every one with null). */
    public JsonNode clusterStatus(String collection) {
        return collection == null ? collections("CLUSTERSTATUS") : collections("CLUSTERSTATUS", "collection", collection);
    }

    /** Index bytes of {@code collection}: per shard the largest replica, summed; 0 when no node answers. */
    public long indexBytes(String collection) {
        Map<String, Long> perShard = new HashMap<>();
        String prefix = "solr.core." + collection + ".";
        for (String node : http.nodes()) {
            JsonNode r;
            try {
                r = http.getAt(node, "/admin/metrics", List.of(Map.entry("group", "core"), Map.entry("prefix", "INDEX.sizeInBytes")));
            } catch (RuntimeException e) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> it = r.path("metrics").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().startsWith(prefix)) continue;
                String rest = e.getKey().substring(prefix.length());
                String shard = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
                long bytes = e.getValue().path("INDEX.sizeInBytes").asLong();
                perShard.merge(shard, bytes, Math::max);
            }
        }
        return perShard.values().stream().mapToLong(Long::longValue).sum();
    }
}
