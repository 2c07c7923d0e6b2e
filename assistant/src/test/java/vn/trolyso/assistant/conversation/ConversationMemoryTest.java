package vn.trolyso.assistant.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationMemoryTest {
    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final ConversationMemory store = new ConversationMemory(3, Duration.ofMinutes(30), 2, clock);

    @Test
    void keepsOnlyTheLastTurnsOfTheWindow() {
        String id = store.open(null).id();
        for (int i = 1; i <= 5; i++) {
            store.append(id, new Turn("q" + i, "q" + i, "a" + i));
        }
        ConversationMemory.Session s = store.open(id);
        assertFalse(s.isNew());
        assertEquals(3, s.history().size());
        assertEquals("q3", s.history().getFirst().question());
        assertEquals("q5", s.history().getLast().question());
    }

    @Test
    void forgetsIdleConversations() {
        String id = store.open(null).id();
        store.append(id, new Turn("q", "q", "a"));
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertFalse(store.open(id).isNew());
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        ConversationMemory.Session s = store.open(id);
        assertTrue(s.isNew());
        assertNotEquals(id, s.id());
        assertTrue(s.history().isEmpty());
    }

    @Test
    void unknownIdsStartANewConversation() {
        String unknown = UUID.randomUUID().toString();
        ConversationMemory.Session s = store.open(unknown);
        assertTrue(s.isNew());
        assertNotEquals(unknown, s.id());
    }

    @Test
    void dropsTheLeastRecentlyUsedConversationBeyondTheCap() {
        String a = store.open(null).id();
        String b = store.open(null).id();
        store.open(a);
        String c = store.open(null).id();
        assertEquals(2, store.size());
        assertFalse(store.open(a).isNew());
        assertFalse(store.open(c).isNew());
        assertTrue(store.open(b).isNew());
    }
}
