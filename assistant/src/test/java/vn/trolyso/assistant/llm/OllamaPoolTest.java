package vn.trolyso.assistant.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The pool's bulkhead and routing without any network: servers with the generative mode switched off are never
 * probed and are all out of rotation, so requests go to them least-busy-first, as to a single Ollama.
 */
class OllamaPoolTest {

    private static OllamaBackend backend(String url, int capacity) {
        OllamaSettings s = OllamaSettings.disabled().withBaseUrl(url);
        return new OllamaBackend(s, capacity, new OllamaProbe(s),
                new CircuitBreaker(3, Duration.ofSeconds(30), Clock.systemUTC()));
    }

    private static OllamaPool pool(int maxQueued, int... capacities) {
        List<OllamaBackend> backends = new ArrayList<>();
        for (int i = 0; i < capacities.length; i++) {
            backends.add(backend("http://gpu" + (i + 1) + ":11434", capacities[i]));
        }
        return new OllamaPool(backends, maxQueued);
    }

    @Test
    void aFreeSlotIsTakenAtOnceWithoutQueueing() throws Exception {
        OllamaPool pool = pool(0, 2);
        AtomicInteger queuedCalls = new AtomicInteger();
        try (OllamaPool.Lease a = pool.acquire(Duration.ZERO, n -> queuedCalls.incrementAndGet());
             OllamaPool.Lease b = pool.acquire(Duration.ZERO, n -> queuedCalls.incrementAndGet())) {
            assertEquals(2, pool.inFlight());
        }
        assertEquals(0, queuedCalls.get());
        assertEquals(0, pool.inFlight());
    }

    @Test
    void eachRequestGoesToTheServerWithFewestGenerationsInFlight() throws Exception {
        OllamaPool pool = pool(0, 4, 2);
        OllamaBackend gpu1 = pool.backends().get(0);
        OllamaBackend gpu2 = pool.backends().get(1);
        List<OllamaPool.Lease> held = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            OllamaPool.Lease l = pool.acquire(Duration.ZERO, n -> { });
            held.add(l);
            order.add(l.backend() == gpu1 ? "gpu1" : "gpu2");
        }
        // ties go to the one with more free slots: gpu1 (4) before gpu2 (2); then whichever has fewer running
        assertEquals(List.of("gpu1", "gpu2", "gpu1", "gpu2", "gpu1", "gpu1"), order);
        assertEquals(4, gpu1.inFlight());
        assertEquals(2, gpu2.inFlight());
        assertThrows(OllamaPool.Refused.class, () -> pool.acquire(Duration.ZERO, n -> { }), "all 6 slots taken");

        held.get(1).close(); // one of gpu2's
        held.get(0).close(); // one of gpu1's: now 3 vs 1 running
        try (OllamaPool.Lease next = pool.acquire(Duration.ZERO, n -> { })) {
            assertEquals(gpu2, next.backend(), "the least busy server, not the one just freed");
        }
        held.forEach(OllamaPool.Lease::close);
        assertEquals(0, pool.inFlight());
    }

    @Test
    void aRetryOnlyGoesToAnotherServerInRotation() throws Exception {
        OllamaPool pool = pool(0, 1, 1);
        try (OllamaPool.Lease first = pool.acquire(Duration.ZERO, n -> { })) {
            // neither server is in rotation (never probed usable): a retry has nowhere to go
            assertTrue(pool.tryAcquireOther(Set.of(first.backend())).isEmpty());
        }
    }

    @Test
    void aWaiterIsToldItsPlaceAndGetsTheSlotWhenItIsReleased() throws Exception {
        OllamaPool pool = pool(1, 1);
        OllamaPool.Lease held = pool.acquire(Duration.ZERO, n -> { });
        AtomicInteger ahead = new AtomicInteger();
        CompletableFuture<OllamaPool.Lease> waiter = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                waiter.complete(pool.acquire(Duration.ofSeconds(10), ahead::set));
            } catch (Exception e) {
                waiter.completeExceptionally(e);
            }
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        // The waiter is told its place just after it joins the queue (outside the pool's lock): wait for both.
        while ((pool.waiting() == 0 || ahead.get() == 0) && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(1, pool.waiting());
        assertEquals(1, ahead.get());
        // the queue (1) is full: the next one is refused without waiting
        assertThrows(OllamaPool.Refused.class, () -> pool.acquire(Duration.ofSeconds(10), n -> { }));

        held.close();
        held.close(); // a second close must not free a second slot
        try (OllamaPool.Lease got = waiter.get(5, TimeUnit.SECONDS)) {
            assertEquals(1, pool.inFlight());
            assertEquals(0, pool.waiting());
        }
        assertEquals(0, pool.inFlight());
    }

    @Test
    void aWaiterGivesUpAfterItsLongestWait() throws Exception {
        OllamaPool pool = pool(5, 1);
        try (OllamaPool.Lease held = pool.acquire(Duration.ZERO, n -> { })) {
            long start = System.nanoTime();
            assertThrows(OllamaPool.Refused.class, () -> pool.acquire(Duration.ofMillis(200), n -> { }));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190));
            assertEquals(0, pool.waiting());
        }
    }

    @Test
    void settingsOutsideTheirRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new OllamaPool(List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> pool(-1, 1));
    }
}
