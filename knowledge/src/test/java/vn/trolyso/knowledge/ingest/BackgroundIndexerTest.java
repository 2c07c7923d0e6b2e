package vn.trolyso.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundIndexerTest {

    @Test
    void reportsProgressAndCoalescesRequestsMadeWhileOneIsQueued() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (BackgroundIndexer indexer = new BackgroundIndexer(progress -> {
            runs.incrementAndGet();
            progress.update(1, 4);
            started.countDown();
            await(release);
            progress.update(4, 4);
        })) {
            CompletableFuture<Void> first = indexer.request("upload a");
            assertTrue(started.await(10, TimeUnit.SECONDS));
            BackgroundIndexer.Status running = indexer.status();
            assertEquals("running", running.state());
            assertEquals(1, running.done());
            assertEquals(4, running.total());
            assertEquals("upload a", running.reason());

            // while running: the next two requests share one queued build that will include both changes
            CompletableFuture<Void> second = indexer.request("upload b");
            CompletableFuture<Void> third = indexer.request("delete c");
            assertSame(second, third);
            assertEquals("running", indexer.status().state());
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            third.get(10, TimeUnit.SECONDS);
            assertTrue(indexer.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(2, runs.get());
            BackgroundIndexer.Status idle = indexer.status();
            assertEquals("idle", idle.state());
            assertEquals(2, idle.completedRuns());
            assertEquals("", idle.lastError());
        }
    }

    @Test
    void aFailedBuildIsReportedAndTheNextOneRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (BackgroundIndexer indexer = new BackgroundIndexer(progress -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        })) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> indexer.request("first").get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("disk full"));
            assertEquals("disk full", indexer.status().lastError());
            indexer.request("second").get(10, TimeUnit.SECONDS);
            assertEquals("", indexer.status().lastError());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
