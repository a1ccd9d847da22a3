package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.search.Dimension;
import org.parley.search.SearchRequest;
import org.parley.search.SearchResult;
import org.parley.search.SortOrder;

/** When a search's slices go to another thread, and that a service searching segments at once answers the same. */
class SliceExecutorTest {
    @Test
    void takesASliceOnlyInAWidePassOfASearchWhenAThreadIsIdleAndACoreIsFree() throws Exception {
        try (SliceExecutor slices = new SliceExecutor(1, 1, 0)) {
            CountDownLatch ran = new CountDownLatch(1);
            assertThatThrownBy(() -> slices.execute(ran::countDown)).as("outside a search").isInstanceOf(RejectedExecutionException.class);
            slices.during(() -> {
                assertThatThrownBy(() -> slices.execute(ran::countDown)).as("not a wide pass").isInstanceOf(RejectedExecutionException.class);
                return slices.wide(() -> {
                    slices.execute(ran::countDown);
                    assertThat(awaited(ran)).as("ran on the slice thread").isTrue();
                    return null;
                });
            });
            assertThat(slices.handedOver()).isEqualTo(1);

            // the slice thread busy: refused
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch holding = new CountDownLatch(1);
            slices.during(() -> slices.wide(() -> {
                executeOnceIdle(slices, () -> { // the slice thread may still be returning from the first slice
                    holding.countDown();
                    awaitQuietly(release);
                });
                assertThat(awaited(holding)).isTrue();
                assertThatThrownBy(() -> slices.execute(() -> { })).as("no idle thread").isInstanceOf(RejectedExecutionException.class);
                release.countDown();
                return null;
            }));

            // two searches running on a machine this executor sizes for two cores: every core is taken
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch leave = new CountDownLatch(1);
            Thread other = Thread.ofPlatform().start(() -> {
                try {
                    slices.during(() -> {
                        inside.countDown();
                        awaitQuietly(leave);
                        return null;
                    });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(50); // the slice thread of the previous step is idle again
            slices.during(() -> slices.wide(() -> {
                assertThatThrownBy(() -> slices.execute(() -> { })).as("no free core").isInstanceOf(RejectedExecutionException.class);
                return null;
            }));
            leave.countDown();
            other.join();
            // the same idle slice thread takes the slice once this search is the only one
            CountDownLatch again = new CountDownLatch(1);
            slices.during(() -> slices.wide(() -> {
                executeOnceIdle(slices, again::countDown);
                return null;
            }));
            assertThat(again.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(slices.handedOver()).isEqualTo(3);
        }
    }

    /**
     * Hands {@code slice} over as soon as the slice thread takes it: a thread that has just run a slice is idle again
     * only once it is back waiting for the next, a moment after the slice ends.
     */
    private static void executeOnceIdle(SliceExecutor slices, Runnable slice) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                slices.execute(slice);
                return;
            } catch (RejectedExecutionException busy) {
                if (System.nanoTime() > deadline) throw busy;
                Thread.onSpinWait();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        awaited(latch);
    }

    /** Whether the latch opened within 10 s. */
    private static boolean awaited(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aServiceSearchingItsSegmentsAtOnceAnswersAsOneThreadDoes(@TempDir Path dir) throws Exception {
        TestCorpus corpus = TestCorpus.create(dir.resolve("corpus"));
        Path index = dir.resolve("index");
        corpus.build(index);
        // an incremental build adds a segment: the index has two at least
        Files.writeString(corpus.dir().resolve("syn_extra.txt"), """
                ---
                title: Trade talks resume
                date: 2020-01-02
                ---
                Cambodia and Japan discussed trade in 2020, Anna Smith said.

                The trade talks between Russia and China went on until 2021.
                """);
        corpus.build(index);
        SliceExecutor everyPass = new SliceExecutor(1, 1, 0); // every counting pass split, a slice per segment
        try (LuceneSearchService alone = LuceneSearchService.open(new IndexLocation(index), 60_000, new SliceExecutor(0, 1, 0));
             LuceneSearchService atOnce = LuceneSearchService.open(new IndexLocation(index), 60_000, everyPass)) {
            List<SearchRequest> requests = new ArrayList<>();
            for (String q : List.of("trade", "trade NOT talks", "trade OR relation", "\"trade talks\"", "", "cambodia AND trade", "talk*")) {
                for (int size : new int[] {10, 0}) {
                    requests.add(request(q, Map.of(), null, null, size));
                    requests.add(request(q, Map.of(Dimension.COUNTRY, List.of("KH")), null, null, size));
                    requests.add(request(q, Map.of(Dimension.COUNTRY, List.of("CN", "TH")), 2000, 2030, size));
                }
            }
            for (SearchRequest r : requests) {
                SearchResult one = alone.search(r);
                SearchResult many = atOnce.search(r);
                String what = r.query() + " " + r.filters() + " size " + r.size();
                assertThat(many.total()).as(what).isEqualTo(one.total());
                assertThat(many.hits()).as(what).isEqualTo(one.hits());
                assertThat(many.facets()).as(what).isEqualTo(one.facets());
                assertThat(many.nextCursor()).as(what).isEqualTo(one.nextCursor());
            }
            assertThat(everyPass.handedOver()).as("slices searched on the slice thread").isPositive();
        }
    }

    private static SearchRequest request(String q, Map<Dimension, List<String>> filters, Integer from, Integer to, int size) {
        return new SearchRequest(q, filters, from, to, SortOrder.RELEVANCE, 1, size, null, false, SearchRequest.DEFAULT_FACET_SIZE);
    }
}
