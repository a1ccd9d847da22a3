package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parley.search.ArticleView;
import org.parley.search.FacetValue;
import org.parley.search.FacetValuesRequest;
import org.parley.search.IndexStats;
import org.parley.search.Json;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SearchService;

/** One slow query cannot starve the rest: searches beyond the limit wait briefly, then get a 503. */
class SearchLimiterTest {
    /** A service whose searches block until released, counting how many run at once. */
    static class SlowService implements SearchService {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        /** A cooperative search stops when interrupted, as the Lucene service does at its checkpoints. */
        final boolean stopsWhenInterrupted;

        SlowService() {
            this(true);
        }

        SlowService(boolean stopsWhenInterrupted) {
            this.stopsWhenInterrupted = stopsWhenInterrupted;
        }

        @Override
        public SearchResult search(SearchRequest request) {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < end) {
                    try {
                        if (release.await(end - System.nanoTime(), TimeUnit.NANOSECONDS)) break;
                    } catch (InterruptedException e) {
                        if (stopsWhenInterrupted) throw new java.util.concurrent.CancellationException("cancelled");
                    }
                }
            } finally {
                running.decrementAndGet();
            }
            return new SearchResult(0, 0, 1, 10, List.of(), List.of(), null, null);
        }

        @Override
        public Optional<ArticleView> article(String id, String query) {
            return Optional.empty();
        }

        @Override
        public List<FacetValue> facetValues(FacetValuesRequest request) {
            return List.of();
        }

        @Override
        public IndexStats stats() {
            return new IndexStats(0, 0, 0, null, null);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void searchesBeyondTheLimitGetABusyAnswerWhileCheapRequestsStillWork() throws Exception {
        SlowService slow = new SlowService();
        HttpClient http = HttpClient.newHttpClient();
        try (ParleyServer server = new ParleyServer(slow, new SearchLimiter(2, Duration.ofMillis(300), Duration.ofSeconds(30))).start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/search?q=slow" + i)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slow.running.get() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(slow.running.get()).isEqualTo(2);

            HttpResponse<String> busy = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=third")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("retry-after")).contains("1");
            JsonNode body = Json.mapper().readTree(busy.body());
            assertThat(body.get("error").asText()).isEqualTo("busy");

            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stats.statusCode()).isEqualTo(200);

            slow.release.countDown();
            for (var f : inFlight) assertThat(f.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(slow.maxRunning.get()).isEqualTo(2);
        }
    }

    @Test
    void heavySearchesTakeAtMostHalfTheSlotsSoCheapOnesStillRun() throws Exception {
        SlowService slow = new SlowService();
        HttpClient http = HttpClient.newHttpClient();
        try (ParleyServer server = new ParleyServer(slow, new SearchLimiter(4, Duration.ofMillis(300), Duration.ofSeconds(30))).start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (String heavy : new String[] {"q=trad*", "q=trade~2&size=100"}) {
                inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/search?" + heavy)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slow.running.get() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            HttpResponse<String> thirdHeavy = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=minist*")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(thirdHeavy.statusCode()).isEqualTo(503);
            assertThat(Json.mapper().readTree(thirdHeavy.body()).get("message").asText()).contains("expensive");
            // a cheap search finds one of the slots heavy ones may not take
            inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/search?q=trade")).build(),
                    HttpResponse.BodyHandlers.ofString()));
            while (slow.running.get() < 3 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(slow.running.get()).isEqualTo(3);
            slow.release.countDown();
            for (var f : inFlight) assertThat(f.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anArticleTakesASearchSlotLikeASearch() throws Exception {
        SlowService slow = new SlowService();
        HttpClient http = HttpClient.newHttpClient();
        try (ParleyServer server = new ParleyServer(slow, new SearchLimiter(2, Duration.ofMillis(300), Duration.ofSeconds(30))).start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/search?q=slow" + i)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slow.running.get() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
            // a 20,000-paragraph article costs seconds of CPU: it waits for a slot like any search, then is refused
            HttpResponse<String> article = http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles/long")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(article.statusCode()).isEqualTo(503);
            assertThat(Json.mapper().readTree(article.body()).get("error").asText()).isEqualTo("busy");
            slow.release.countDown();
            for (var f : inFlight) assertThat(f.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/articles/long")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("with a slot free: the service answers").isEqualTo(404);
        }
    }

    @Test
    void theHeavyLaneIsJudgedFromTheRequest() {
        assertThat(SearchLimiter.heavy(SearchRequest.of("trade"))).isFalse();
        assertThat(SearchLimiter.heavy(SearchRequest.of("\"foreign minister\" AND talks"))).isFalse();
        assertThat(SearchLimiter.heavy(SearchRequest.of("cooperat*"))).isTrue();
        assertThat(SearchLimiter.heavy(SearchRequest.of("russia~1"))).isTrue();
        assertThat(SearchLimiter.heavy(SearchRequest.of("a b c d e f g h i j k l m"))).isTrue();
        assertThat(SearchLimiter.heavy(SearchRequest.of("trade").withPage(1, 100, null))).isTrue();
    }

    @Test
    void downloadsHaveTheirOwnBoundAndABusyOneIsA503InJsonLikeTheApi() throws Exception {
        SlowService slow = new SlowService();
        HttpClient http = HttpClient.newHttpClient();
        int searchSlots = 2 * PageRoutes.MAX_DOWNLOADS + 2; // downloads page in the heavy lane: half the slots
        try (ParleyServer server = new ParleyServer(slow, new SearchLimiter(searchSlots, Duration.ofMillis(300), Duration.ofSeconds(30)))
                .start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < PageRoutes.MAX_DOWNLOADS; i++) {
                inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/export.csv?q=slow" + i)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slow.running.get() < PageRoutes.MAX_DOWNLOADS && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(slow.running.get()).isEqualTo(PageRoutes.MAX_DOWNLOADS);

            for (String path : new String[] {"/export.csv?q=more", "/export.json?q=more", "/?q=more&format=csv"}) {
                HttpResponse<String> busy = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(busy.statusCode()).as(path).isEqualTo(503);
                assertThat(busy.headers().firstValue("retry-after")).as(path).isPresent();
                assertThat(Json.mapper().readTree(busy.body()).get("error").asText()).as(path).isEqualTo("busy");
            }
            // searches still have slots of their own
            assertThat(slow.running.get()).isLessThan(searchSlots);
            slow.release.countDown();
            for (var f : inFlight) assertThat(f.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSearchPastItsTimeIsStoppedAndFreesItsSlot() throws Exception {
        SlowService slow = new SlowService(true);
        HttpClient http = HttpClient.newHttpClient();
        try (ParleyServer server = new ParleyServer(slow, new SearchLimiter(1, Duration.ofSeconds(2), Duration.ofMillis(300)))
                .start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> timedOut = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=slow" + i)).build(),
                        HttpResponse.BodyHandlers.ofString());
                // each search gets the only slot (not "busy"): the one before it was stopped when its time was up
                assertThat(Json.mapper().readTree(timedOut.body()).get("error").asText()).isEqualTo("timeout");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (slow.running.get() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(slow.running.get()).as("no abandoned search still running").isZero();
            slow.release.countDown();
        }
    }

    @Test
    void aSearchThatIgnoresItsCancellationKeepsItsSlotUntilItEnds() throws Exception {
        SlowService slow = new SlowService(false);
        HttpClient http = HttpClient.newHttpClient();
        try (ParleyServer server = new ParleyServer(slow, new SearchLimiter(1, Duration.ofMillis(200), Duration.ofMillis(300)))
                .start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> timedOut = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=slow")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(timedOut.statusCode()).isEqualTo(503);
            assertThat(Json.mapper().readTree(timedOut.body()).get("error").asText()).isEqualTo("timeout");
            // The abandoned search still runs and still holds the only slot: the next one is refused as busy.
            HttpResponse<String> busy = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=next")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(Json.mapper().readTree(busy.body()).get("error").asText()).isEqualTo("busy");
            slow.release.countDown();
        }
    }

    /** A service that runs each search's own body: what it does tells which search ran, in which order, on which thread. */
    private static SearchService scripted(java.util.function.Function<String, SearchResult> body) {
        return new SlowService() {
            @Override
            public SearchResult search(SearchRequest request) {
                return body.apply(request.query());
            }
        };
    }

    /** A service that records the searches it starts, in order; those {@code blocks} accepts wait for {@code release}. */
    private static SearchService recording(List<String> started, java.util.function.Predicate<String> blocks, CountDownLatch release) {
        return scripted(q -> {
            started.add(q);
            if (blocks.test(q)) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new SearchResult(0, 0, 1, 10, List.of(), List.of(), null, null);
        });
    }

    @Test
    void waitingSearchesStartInArrivalOrderAsSoonAsASlotFrees() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        SearchService service = recording(started, q -> q.equals("first"), release);
        try (SearchLimiter limiter = new SearchLimiter(1, Duration.ofSeconds(10), Duration.ofSeconds(30));
             var clients = java.util.concurrent.Executors.newCachedThreadPool()) {
            SearchService limited = limiter.limit(service);
            List<CompletableFuture<SearchResult>> searches = new ArrayList<>();
            for (String q : List.of("first", "second", "third", "fourth")) {
                searches.add(CompletableFuture.supplyAsync(() -> call(limited, q), clients));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                // each one queued before the next is sent, so that arrival order is known
                while (!q.equals("first") && limiter.waiting() < searches.size() - 1 && System.nanoTime() < deadline) Thread.sleep(5);
                while (q.equals("first") && started.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
            }
            assertThat(started).containsExactly("first");
            release.countDown();
            for (var f : searches) assertThat(f.get(20, TimeUnit.SECONDS).total()).isZero();
            assertThat(started).containsExactly("first", "second", "third", "fourth");
        }
    }

    @Test
    void aHeavySearchWaitingForItsLaneLetsACheapOneBehindItRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        SearchService service = recording(started, q -> q.startsWith("long"), release);
        try (SearchLimiter limiter = new SearchLimiter(2, Duration.ofSeconds(10), Duration.ofSeconds(30));
             var clients = java.util.concurrent.Executors.newCachedThreadPool()) {
            SearchService limited = limiter.limit(service);
            // a heavy search holds the heavy lane (1 of 2 slots); a second heavy one waits, a cheap one after it runs
            CompletableFuture<SearchResult> heavy = CompletableFuture.supplyAsync(() -> call(limited, "long*"), clients);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (started.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
            CompletableFuture<SearchResult> secondHeavy = CompletableFuture.supplyAsync(() -> call(limited, "other*"), clients);
            while (limiter.waiting() < 1 && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(call(limited, "cheap").total()).isZero();
            assertThat(started).containsExactly("long*", "cheap");
            release.countDown();
            heavy.get(20, TimeUnit.SECONDS);
            secondHeavy.get(20, TimeUnit.SECONDS);
            assertThat(started).containsExactly("long*", "cheap", "other*");
        }
    }

    @Test
    void anInterruptForASearchPastItsTimeDoesNotReachTheNextOneOnItsWorker() throws Exception {
        SearchService service = scripted(q -> {
            try {
                if (q.equals("runaway")) {
                    // ignores the interrupt sent when its time is up, and ends a little later with it still set
                    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
                    while (System.nanoTime() < end) Thread.onSpinWait();
                } else {
                    Thread.sleep(50); // would throw at once if the worker were still interrupted
                }
            } catch (InterruptedException e) {
                throw new java.util.concurrent.CancellationException(q + " interrupted");
            }
            return new SearchResult(0, 0, 1, 10, List.of(), List.of(), null, null);
        });
        try (SearchLimiter limiter = new SearchLimiter(1, Duration.ofSeconds(5), Duration.ofMillis(200))) {
            SearchService limited = limiter.limit(service);
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> limited.search(SearchRequest.of("runaway")))
                        .isInstanceOfSatisfying(SearchLimiter.BusyException.class, e -> assertThat(e.code()).isEqualTo("timeout"));
                assertThat(call(limited, "next").total()).as("the search after a stopped one, on the same worker").isZero();
            }
        }
    }

    @Test
    void aServerRunsAsManySearchesAtOnceAsItsServiceFindsUseful() throws Exception {
        SlowService slow = new SlowService() {
            @Override
            public int usefulConcurrency() {
                return 3;
            }
        };
        try (SearchLimiter limiter = SearchLimiter.forService(slow);
             var clients = java.util.concurrent.Executors.newCachedThreadPool()) {
            SearchService limited = limiter.limit(slow);
            List<CompletableFuture<SearchResult>> running = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String q = "slow" + i;
                running.add(CompletableFuture.supplyAsync(() -> call(limited, q), clients));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slow.running.get() < 3 && System.nanoTime() < deadline) Thread.sleep(5);
            assertThat(slow.running.get()).isEqualTo(3);
            assertThatThrownBy(() -> limited.search(SearchRequest.of("fourth")))
                    .isInstanceOfSatisfying(SearchLimiter.BusyException.class, e -> assertThat(e.code()).isEqualTo("busy"));
            slow.release.countDown();
            for (var f : running) f.get(20, TimeUnit.SECONDS);
            assertThat(slow.maxRunning.get()).isEqualTo(3);
        }
    }

    private static SearchResult call(SearchService service, String q) {
        try {
            return service.search(SearchRequest.of(q));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
