package org.parley.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IndexingWorkersTest {
    /** A prepared number: odd ones are "done" at once (a skipped file), even ones wait to be indexed. */
    private record Item(int n, Thread preparedBy) implements IndexingWorkers.Prepared<String> {
        @Override
        public String done() {
            return n % 2 == 1 ? "skipped " + n : null;
        }

        @Override
        public long weight() {
            return 10;
        }
    }

    private static List<Integer> numbers(int count) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(i);
        return out;
    }

    @Test
    void everyFileIsPreparedAndIndexedOnceAndItsOutcomeComesInTheFilesOrder() throws Exception {
        for (int threads = 1; threads <= 4; threads++) {
            for (long maxQueued : new long[]{0, 10, 35, 1_000_000}) {
                Set<Integer> prepared = ConcurrentHashMap.newKeySet();
                Set<Integer> indexed = ConcurrentHashMap.newKeySet();
                Set<Integer> handedOver = ConcurrentHashMap.newKeySet();
                IndexingWorkers<Integer, Item, String> workers = new IndexingWorkers<>(numbers(500), n -> {
                    assertThat(prepared.add(n)).isTrue();
                    return new Item(n, Thread.currentThread());
                }, item -> {
                    assertThat(indexed.add(item.n())).isTrue();
                    if (item.preparedBy() != Thread.currentThread()) handedOver.add(item.n());
                    return "indexed " + item.n();
                }, maxQueued);
                ExecutorService pool = IndexingWorkers.pool(threads);
                List<CompletableFuture<String>> outcomes = workers.start(threads, pool);
                for (int i = 0; i < 500; i++) {
                    assertThat(outcomes.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i % 2 == 1 ? "skipped " : "indexed ") + i);
                }
                workers.stop();
                workers.awaitTermination();
                assertThat(prepared).hasSize(500);
                assertThat(indexed).hasSize(250);
                // with no room to wait in (or one thread), every thread indexes what it prepared
                if (maxQueued == 0 || threads == 1) assertThat(handedOver).isEmpty();
            }
        }
    }

    @Test
    void aFailingStageFailsTheBuildWithItsCauseAndNoThreadIsLeftWaiting() throws Exception {
        for (int threads = 1; threads <= 3; threads++) {
            for (boolean inIndexStage : new boolean[]{false, true}) {
                IndexingWorkers<Integer, Item, String> workers = new IndexingWorkers<>(numbers(200), n -> {
                    if (!inIndexStage && n == 120) throw new IOException("disk gone at " + n);
                    return new Item(n * 2, Thread.currentThread()); // all even: all wait to be indexed
                }, item -> {
                    if (inIndexStage && item.n() == 240) throw new IOException("disk gone at " + item.n() / 2);
                    return "indexed " + item.n();
                }, 100);
                ExecutorService pool = IndexingWorkers.pool(threads);
                List<CompletableFuture<String>> outcomes = workers.start(threads, pool);
                assertThatThrownBy(() -> {
                    for (CompletableFuture<String> f : outcomes) f.get(10, TimeUnit.SECONDS);
                }).isInstanceOf(ExecutionException.class).hasRootCauseMessage("disk gone at 120");
                workers.stop();
                workers.awaitTermination();
                assertThat(pool.isTerminated()).isTrue();
            }
        }
    }

    @Test
    void stopCancelsTheFilesNotStartedAndLetsTheThreadsFinish() throws Exception {
        IndexingWorkers<Integer, Item, String> workers = new IndexingWorkers<>(numbers(10_000), n -> {
            java.util.concurrent.locks.LockSupport.parkNanos(1000);
            return new Item(n * 2, Thread.currentThread());
        }, item -> "indexed " + item.n(), 100);
        ExecutorService pool = IndexingWorkers.pool(2);
        List<CompletableFuture<String>> outcomes = workers.start(2, pool);
        outcomes.get(10).get(10, TimeUnit.SECONDS);
        workers.stop();
        workers.awaitTermination();
        assertThat(pool.isTerminated()).isTrue();
        assertThat(outcomes.getLast().isCancelled()).isTrue();
    }
}
