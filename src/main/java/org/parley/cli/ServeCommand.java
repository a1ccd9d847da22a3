package org.parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parley.index.CorpusWatcher;
import org.parley.search.SearchService;
import org.parley.web.ParleyServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley serve}: the web page and JSON API; indexes the corpus first when there is no index. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the search page and the JSON API (loopback only unless --host says otherwise). "
                + "A new build by 'parley index' is picked up without a restart.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = ParleyServer.DEFAULT_HOST,
            description = "Address to bind (default: ${DEFAULT-VALUE}); use 0.0.0.0 only to expose parley on purpose.")
    String host;

    @Mixin
    IndexFolders folders;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--watch", description = "Watch the corpus folder (recursively) and index new, changed and deleted files "
            + "as they come: searchable within seconds, without a restart; bursts of files are batched into a few builds.")
    boolean watch;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",",
            description = "Let web pages from this origin (scheme://host[:port], or * for any) call the JSON API from "
                    + "the browser; repeatable. Off by default.")
    java.util.List<String> corsOrigins = new java.util.ArrayList<>();

    @Option(names = "--verbose", description = "Also log the web server's start-up and request-level messages (Jetty, Javalin).")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        // before the index is opened (or built, which takes minutes on a large corpus): the web server would only
        // refuse the port after that, as an "unexpected error"
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--port must be between 0 and 65535 (0 picks a free one), not " + port);
        }
        if (watch && folders.solr != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--watch builds the embedded index; with --solr, run 'parley index --solr ...' when the corpus changes");
        }
        if (verbose) {
            // read by slf4j-simple when the web server's loggers are created, after this point; overrides
            // simplelogger.properties, which keeps them at WARN
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "info");
            System.setProperty("org.slf4j.simpleLogger.log.io.javalin", "info");
        }
        SearchService service = IndexSupport.openService(folders, System.err);
        ParleyServer server;
        try {
            server = new ParleyServer(service, corsOrigins).start(host, port);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        CorpusWatcher watcher = null;
        if (watch) {
            try {
                watcher = CorpusWatcher.of(folders.corpus, folders.index,
                        r -> System.err.println("parley: corpus changed; " + IndexSupport.summary(r).replace("\n", "\nparley:   ")),
                        CorpusWatcher.Settings.DEFAULT).start();
                server.reportWatch(watcher::status); // a failing build leaves the old index serving: health says so
            } catch (Exception e) {
                server.close();
                service.close();
                throw e;
            }
        }
        CorpusWatcher watching = watcher;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (watching != null) {
                try {
                    watching.close();
                } catch (Exception e) {
                    // shutting down anyway
                }
            }
            server.close();
            try {
                service.close();
            } catch (Exception e) {
                // shutting down anyway
            }
            stopped.countDown();
        }, "parley-shutdown"));
        var stats = service.stats();
        System.out.printf("parley: serving %d paragraphs of %d articles at http://%s:%d/%n", stats.paragraphs(),
                stats.articles(), host.contains(":") ? "[" + host + "]" : host, server.port());
        if (watching != null) {
            System.out.printf("parley: watching %s for changes%s%n", folders.corpus,
                    watching.polling() ? " (polling: no file-system notifications here)" : "");
        }
        System.out.flush();
        stopped.await();
        return 0;
    }
}
