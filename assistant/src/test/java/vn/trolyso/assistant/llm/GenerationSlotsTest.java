package vn.trolyso.assistant.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GenerationSlotsTest {

    @Test
    void aFreeSlotIsTakenAtOnceWithoutQueueing() throws Exception {
        GenerationSlots slots = new GenerationSlots(2, 0);
        AtomicInteger queuedCalls = new AtomicInteger();
        try (GenerationSlots.Slot a = slots.acquire(Duration.ZERO, n -> queuedCalls.incrementAndGet());
             GenerationSlots.Slot b = slots.acquire(Duration.ZERO, n -> queuedCalls.incrementAndGet())) {
            assertEquals(2, slots.inFlight());
        }
        assertEquals(0, queuedCalls.get());
        assertEquals(0, slots.inFlight());
    }

    @Test
    void aWaiterIsToldItsPlaceAndGetsTheSlotWhenItIsReleased() throws Exception {
        GenerationSlots slots = new GenerationSlots(1, 1);
        GenerationSlots.Slot held = slots.acquire(Duration.ZERO, n -> { });
        AtomicInteger ahead = new AtomicInteger();
        CompletableFuture<GenerationSlots.Slot> waiter = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                waiter.complete(slots.acquire(Duration.ofSeconds(10), ahead::set));
            } catch (Exception e) {
                waiter.completeExceptionally(e);
            }
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slots.waiting() == 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(1, slots.waiting());
        assertEquals(1, ahead.get());
        // the queue (1) is full: the next one is refused without waiting
        assertThrows(GenerationSlots.Refused.class, () -> slots.acquire(Duration.ofSeconds(10), n -> { }));

        held.close();
        held.close(); // a second close must not free a second slot
        try (GenerationSlots.Slot got = waiter.get(5, TimeUnit.SECONDS)) {
            assertEquals(1, slots.inFlight());
            assertEquals(0, slots.waiting());
        }
        assertEquals(0, slots.inFlight());
    }

    @Test
    void aWaiterGivesUpAfterItsLongestWait() throws Exception {
        GenerationSlots slots = new GenerationSlots(1, 5);
        try (GenerationSlots.Slot held = slots.acquire(Duration.ZERO, n -> { })) {
            long start = System.nanoTime();
            assertThrows(GenerationSlots.Refused.class, () -> slots.acquire(Duration.ofMillis(200), n -> { }));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(190));
            assertEquals(0, slots.waiting());
        }
    }

    @Test
    void settingsOutsideTheirRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GenerationSlots(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new GenerationSlots(1, -1));
    }
}
