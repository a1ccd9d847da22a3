package org.parley.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A local SolrCloud for tests and for trying parley on one machine: ZooKeeper and N Solr nodes, each in its own
 * JVM on 127.0.0.1 (Solr's Lucene 9 and Jetty 10 cannot share parley's JVM), from the classpath that
 * {@code solr/pom.xml} resolves (resolved and compiled on first use with Maven). ZooKeeper's admin server is off.
 * {@link #close()} stops every process it started.
 */
public final class SolrCluster implements Closeable {
    /** How a node JVM is sized by default; small, as a test cluster shares the machine. */
    public static final String DEFAULT_HEAP = "512m";

    private final Path dir;
    private final String classpath;
    private final int zkPort;
    private final String heap;
    private final List<Integer> ports;
    private Process zk;
    private final List<Process> nodes = new ArrayList<>();
    private final Thread hook = new Thread(this::stopQuietly, "parley-solr-cluster-stop");

    private SolrCluster(Path dir, String classpath, int zkPort, String heap, List<Integer> ports) {
        this.dir = dir;
        this.classpath = classpath;
        this.zkPort = zkPort;
        this.heap = heap;
        this.ports = new ArrayList<>(ports);
    }

    /**
     * Starts ZooKeeper and {@code nodeCount} nodes on ports from {@code basePort} on (ZooKeeper on basePort, nodes
     * after it; busy ports are skipped) and waits until every node is live.
     */
    public static SolrCluster start(Path projectRoot, Path dir, int nodeCount, int basePort) throws IOException {
        return start(projectRoot, dir, nodeCount, basePort, DEFAULT_HEAP);
    }

    /** As {@link #start(Path, Path, int, int)}, with each node's heap ({@code -Xms}/{@code -Xmx}, e.g. {@code 1g}). */
    public static SolrCluster start(Path projectRoot, Path dir, int nodeCount, int basePort, String heap) throws IOException {
        int zkPort = freePort(basePort);
        return start(projectRoot, dir, nodeCount, zkPort + 1, zkPort, false, heap);
    }

    /**
     * Starts ZooKeeper on {@code zkPort} and {@code nodeCount} nodes on the free ports from {@code firstNodePort} on.
     * A {@code detached} cluster outlives this JVM (no shutdown hook) and records its process ids and URLs in
     * {@code dir/cluster.properties} for {@link #stop(Path)}.
     */
    public static SolrCluster start(Path projectRoot, Path dir, int nodeCount, int firstNodePort, int zkPort, boolean detached)
            throws IOException {
        return start(projectRoot, dir, nodeCount, firstNodePort, zkPort, detached, DEFAULT_HEAP);
    }

    private static SolrCluster start(Path projectRoot, Path dir, int nodeCount, int firstNodePort, int zkPort, boolean detached,
                                     String heap) throws IOException {
        if (detached && running(dir)) throw new IOException("a cluster started from " + dir + " is running; stop it first");
        String cp = classpath(projectRoot);
        Files.createDirectories(dir);
        List<Integer> ports = new ArrayList<>();
        int port = firstNodePort - 1;
        for (int i = 0; i < nodeCount; i++) {
            port = freePort(port + 1);
            if (port == zkPort) port = freePort(port + 1);
            ports.add(port);
        }
        SolrCluster c = new SolrCluster(dir.toAbsolutePath(), cp, zkPort, heap, ports);
        Runtime.getRuntime().addShutdownHook(c.hook);
        try {
            c.startZooKeeper();
            for (int i = 0; i < nodeCount; i++) c.nodes.add(c.startNode(i));
            c.awaitLive(nodeCount, Duration.ofSeconds(120));
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        if (detached) {
            Runtime.getRuntime().removeShutdownHook(c.hook);
            java.util.Properties props = new java.util.Properties();
            props.setProperty("pids", String.join(",", c.pids().stream().map(String::valueOf).toList()));
            props.setProperty("nodes", String.join(",", c.nodeUrls()));
            props.setProperty("zk", c.zkHost());
            try (var out = Files.newBufferedWriter(dir.resolve(STATE))) {
                props.store(out, "parley cluster start");
            }
        }
        return c;
    }

    static final String STATE = "cluster.properties";

    private static java.util.Properties state(Path dir) throws IOException {
        java.util.Properties props = new java.util.Properties();
        Path f = dir.resolve(STATE);
        if (!Files.exists(f)) return null;
        try (var in = Files.newBufferedReader(f)) {
            props.load(in);
        }
        return props;
    }

    private static List<ProcessHandle> handles(java.util.Properties props) {
        List<ProcessHandle> out = new ArrayList<>();
        for (String pid : props.getProperty("pids", "").split(",")) {
            if (pid.isBlank()) continue;
            ProcessHandle.of(Long.parseLong(pid.strip())).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().map(cmd -> cmd.endsWith("java")).orElse(true)).ifPresent(out::add);
        }
        return out;
    }

    /** Whether the detached cluster recorded in {@code dir} still has a live process. */
    public static boolean running(Path dir) throws IOException {
        java.util.Properties props = state(dir);
        return props != null && !handles(props).isEmpty();
    }

    /** The node URLs of the detached cluster in {@code dir}, or null. */
    public static String nodeUrls(Path dir) throws IOException {
        java.util.Properties props = state(dir);
        return props == null ? null : props.getProperty("nodes");
    }

    /** Stops the detached cluster in {@code dir} by its recorded process ids (nodes first, then ZooKeeper). */
    public static int stop(Path dir) throws IOException {
        java.util.Properties props = state(dir);
        if (props == null) return 0;
        List<ProcessHandle> live = handles(props);
        java.util.Collections.reverse(live); // nodes were started after ZooKeeper: stop them first
        for (ProcessHandle h : live) {
            h.destroy();
            try {
                h.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        Files.deleteIfExists(dir.resolve(STATE));
        return live.size();
    }

    /** Node base URLs, {@code http://127.0.0.1:PORT/solr}. */
    public List<String> nodeUrls() {
        return ports.stream().map(p -> "http://127.0.0.1:" + p + "/solr").toList();
    }

    public String zkHost() {
        return "127.0.0.1:" + zkPort;
    }

    public SolrHttp http() {
        return new SolrHttp(nodeUrls(), Duration.ofSeconds(60));
    }

    /** Kills node {@code i} at once (SIGKILL), as a crash would. */
    public void kill(int i) throws InterruptedException {
        Process p = nodes.get(i);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts node {@code i} again (after {@link #kill}) and waits until all nodes are live. */
    public void restart(int i) throws IOException {
        nodes.set(i, startNode(i));
        awaitLive(nodes.size(), Duration.ofSeconds(120));
    }

    /** Starts one more node on the next free port and waits until every node is live; returns its index. */
    public int addNode() throws IOException {
        int port = ports.getLast();
        do {
            port = freePort(port + 1);
        } while (port == zkPort);
        ports.add(port);
        nodes.add(startNode(nodes.size()));
        awaitLive(nodes.size(), Duration.ofSeconds(120));
        return nodes.size() - 1;
    }

    /** Process id of node {@code i}. */
    public long nodePid(int i) {
        return nodes.get(i).pid();
    }

    /** Solr's name of node {@code i} in cluster state ({@code 127.0.0.1:PORT_solr}). */
    public String nodeName(int i) {
        return "127.0.0.1:" + ports.get(i) + "_solr";
    }

    public List<Long> pids() {
        List<Long> out = new ArrayList<>();
        if (zk != null) out.add(zk.pid());
        for (Process p : nodes) out.add(p.pid());
        return out;
    }

    // ------------------------------------------------------------------------------------------ processes

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void startZooKeeper() throws IOException {
        Path zkDir = dir.resolve("zk");
        Files.createDirectories(zkDir.resolve("data"));
        Path cfg = zkDir.resolve("zoo.cfg");
        Files.writeString(cfg, String.join("\n",
                "tickTime=1000",
                "initLimit=10",
                "syncLimit=5",
                "dataDir=" + zkDir.resolve("data"),
                "clientPort=" + zkPort,
                "clientPortAddress=127.0.0.1",
                "maxClientCnxns=0",
                "admin.enableServer=false",
                "4lw.commands.whitelist=ruok,mntr",
                ""), StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx128m", "-XX:+UseSerialGC", "-Dzookeeper.admin.enableServer=false",
                "-cp", classpath, "org.apache.zookeeper.server.ZooKeeperServerMain", cfg.toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("zk.log").toFile());
        zk = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", zkPort), 500);
                return;
            } catch (IOException e) {
                if (!zk.isAlive()) throw new IOException("ZooKeeper exited at start; see " + dir.resolve("zk.log"));
                if (System.nanoTime() > deadline) throw new IOException("ZooKeeper did not start within 60 s");
                sleep(200);
            }
        }
    }

    private Process startNode(int i) throws IOException {
        Path home = dir.resolve("node" + (i + 1));
        Files.createDirectories(home);
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xms" + heap, "-Xmx" + heap, "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-Dsolr.allowPaths=" + dir, "-Dsolr.zkclienttimeout=" + System.getProperty("parley.solr.zkTimeout", "10000"),
                "-Dsolr.log.dir=" + home.resolve("logs"), "-Dsolr.default.confdir=" + home,
                "-Dsolr.max.booleanClauses=2048", "-Djava.io.tmpdir=" + home,
                "-cp", classpath, "org.parley.solrnode.SolrNode", home.toString(), Integer.toString(ports.get(i)), zkHost());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("node" + (i + 1) + ".log").toFile());
        return pb.start();
    }

    private void awaitLive(int count, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SolrHttp http = new SolrHttp(nodeUrls(), Duration.ofSeconds(5));
        String last = "";
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < nodes.size(); i++) {
                if (!nodes.get(i).isAlive() && nodes.get(i).exitValue() != 137) {
                    throw new IOException("Solr node " + (i + 1) + " exited at start; see " + dir.resolve("node" + (i + 1) + ".log"));
                }
            }
            try {
                JsonNode r = http.get("/admin/collections", List.of(Map.entry("action", "CLUSTERSTATUS")));
                int live = r.path("cluster").path("live_nodes").size();
                if (live >= count) return;
                last = live + " of " + count + " nodes live";
            } catch (RuntimeException e) {
                last = e.getMessage();
            }
            sleep(500);
        }
        throw new IOException("the Solr cluster did not come up within " + timeout.toSeconds() + " s: " + last);
    }

    /** Waits until every replica of {@code collection} is active (after a node came back). */
    public void awaitActive(String collection, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        SolrHttp http = new SolrHttp(nodeUrls(), Duration.ofSeconds(5));
        while (System.nanoTime() < deadline) {
            try {
                JsonNode shards = new SolrAdmin(http).clusterStatus(collection).path("cluster").path("collections")
                        .path(collection).path("shards");
                boolean all = shards.size() > 0;
                for (JsonNode shard : shards) {
                    for (JsonNode replica : shard.path("replicas")) {
                        if (!"active".equals(replica.path("state").asText())) all = false;
                    }
                }
                if (all) return;
            } catch (RuntimeException e) {
                // not yet
            }
            sleep(500);
        }
        throw new IOException("replicas of " + collection + " not active within " + timeout.toSeconds() + " s");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort(int from) throws IOException {
        for (int p = from; p < from + 200; p++) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress("127.0.0.1", p));
                return p;
            } catch (IOException busy) {
                // next
            }
        }
        throw new IOException("no free port from " + from);
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running
        }
    }

    private synchronized void stopQuietly() {
        for (Process p : nodes) p.destroy();
        for (Process p : nodes) waitOrKill(p);
        nodes.clear();
        if (zk != null) {
            zk.destroy();
            waitOrKill(zk);
            zk = null;
        }
    }

    private static void waitOrKill(Process p) {
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------ classpath

    /**
     * The node classpath: {@code solr/target/classes} and the jars {@code solr/pom.xml} resolves; builds the solr
     * module with Maven when that is missing or older than its pom or sources (the first run downloads ~83 MB).
     */
    public static synchronized String classpath(Path projectRoot) throws IOException {
        Path module = projectRoot.resolve("solr").toAbsolutePath();
        Path pom = module.resolve("pom.xml");
        if (!Files.exists(pom)) throw new IOException("the Solr node module is missing: " + pom);
        Path cpFile = module.resolve("target/classpath.txt");
        Path classes = module.resolve("target/classes");
        Path node = module.resolve("src/main/java/org/parley/solrnode/SolrNode.java");
        boolean stale = !Files.exists(cpFile) || !Files.exists(classes.resolve("org/parley/solrnode/SolrNode.class"))
                || Files.getLastModifiedTime(pom).compareTo(Files.getLastModifiedTime(cpFile)) > 0
                || Files.getLastModifiedTime(node).compareTo(Files.getLastModifiedTime(cpFile)) > 0;
        if (stale) {
            Path log = module.resolve("target/build.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(mvn(), "-B", "-q", "-f", pom.toString(), "package", "dependency:build-classpath");
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            Process p = pb.start();
            try {
                if (!p.waitFor(15, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IOException("building the Solr node classpath took over 15 minutes; see " + log);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (p.exitValue() != 0 || !Files.exists(cpFile)) {
                throw new IOException("building the Solr node classpath failed (mvn -f " + pom + "): " + Files.readString(log));
            }
            Files.setLastModifiedTime(cpFile, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        }
        return classes + java.io.File.pathSeparator + Files.readString(cpFile).strip();
    }

    private static String mvn() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) return Path.of(home, "bin", "mvn").toString();
        return "mvn";
    }
}
