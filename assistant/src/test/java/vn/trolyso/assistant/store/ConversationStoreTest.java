package vn.trolyso.assistant.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.conversation.Turn;

/** The conversation tables: window of turns, idle expiry, owner-only delete, the last profile, retention purge. */
class ConversationStoreTest {
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final Database db = Database.inMemory("conversations-" + UUID.randomUUID());
    private final ConversationStore store = new ConversationStore(db, 3, Duration.ofMinutes(30), clock);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void keepsTheLastTurnsOfTheWindowOldestFirst() {
        store.create("c1", "school-a", UserProfile.UNKNOWN);
        for (int i = 1; i <= 5; i++) {
            store.append("c1", new Turn("q" + i, "standalone " + i, "a" + i), null);
        }
        List<Turn> turns = store.turns("c1");
        assertEquals(List.of("q3", "q4", "q5"), turns.stream().map(Turn::question).toList());
        assertEquals("standalone 5", turns.getLast().standaloneQuestion());
        assertEquals("a5", turns.getLast().answer());
    }

    @Test
    void anIdleConversationKeepsItsOwnerButLosesItsTurns() {
        store.create("c1", "anonymous", UserProfile.UNKNOWN);
        store.append("c1", new Turn("q", "q", "a"), null);
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertEquals(1, store.turns("c1").size());
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertTrue(store.turns("c1").isEmpty());
        assertEquals(1, store.forgetIdleTurns(), "the idle turn's text is deleted");
        assertEquals("anonymous", store.find("c1").orElseThrow().owner());
    }

    @Test
    void remembersTheLastProfileGiven() {
        store.create("c1", "anonymous", new UserProfile(Role.GIAO_VIEN, 7));
        store.append("c1", new Turn("q", "q", "a"), UserProfile.UNKNOWN);
        assertEquals(new UserProfile(Role.GIAO_VIEN, 7), store.find("c1").orElseThrow().profile());
        store.append("c1", new Turn("q", "q", "a"), new UserProfile(Role.PHU_HUYNH, null));
        assertEquals(new UserProfile(Role.PHU_HUYNH, null), store.find("c1").orElseThrow().profile());
    }

    @Test
    void onlyItsOwnerDeletesAConversation() {
        store.create("c1", "school-a", UserProfile.UNKNOWN);
        store.append("c1", new Turn("q", "q", "a"), null);
        assertFalse(store.delete("c1", "school-b"));
        assertTrue(store.find("c1").isPresent());
        assertTrue(store.delete("c1", "school-a"));
        assertTrue(store.find("c1").isEmpty());
        assertTrue(store.turns("c1").isEmpty());
        store.append("c1", new Turn("late", "late", "a"), null); // an answer finishing after the delete
        assertTrue(store.find("c1").isEmpty());
    }

    @Test
    void theRetentionPurgeDeletesOldConversations() {
        store.create("old", "anonymous", UserProfile.UNKNOWN);
        store.append("old", new Turn("q", "q", "a"), null);
        clock.now = clock.now.plus(Duration.ofDays(200));
        store.create("new", "anonymous", UserProfile.UNKNOWN);
        assertEquals(1, store.purgeBefore(clock.now.minus(Duration.ofDays(180))));
        assertTrue(store.find("old").isEmpty());
        assertTrue(store.find("new").isPresent());
    }
}
