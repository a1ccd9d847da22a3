package org.parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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


    @Override
    public Integer call() throws Exception {
        SearchService service = IndexSupport.openService(folders, System.err);
        ParleyServer server;
        try {
            server = new ParleyServer(service).start(host, port);
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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
        System.out.flush();
        stopped.await();
        return 0;
    }
}
