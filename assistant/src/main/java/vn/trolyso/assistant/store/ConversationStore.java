package vn.trolyso.assistant.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.conversation.Turn;

/**
 * The conversations of the API ({@code conversation}, {@code conversation_turn}): who started each, the last profile
 * given, and the last {@code windowTurns} turns with their standalone rewrites, which are the memory a follow-up is
 * rewritten from. Kept in the database, not in a process, so any node answers a follow-up and a restart loses
 * nothing. A conversation idle for {@code idleExpiry} keeps its owner (its id stays valid) but loses its turns, as
 * the in-memory {@link vn.trolyso.assistant.conversation.ConversationMemory} forgets them.
 *
 * <p>No cache in front: reading a conversation is one indexed query and recording a turn three statements, well under
 * a millisecond on the embedded database, against answers of tens of milliseconds or more.
 */
public final class ConversationStore {
    /** Longest texts kept (the API caps questions far lower; answers are bounded by the model's output). */
    private static final int MAX_QUESTION = 8000;
    private static final int MAX_ANSWER = 100_000;
    /** How often at most the idle conversations' turns are swept (per node). */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    /** A conversation's row: who started it and the last profile given in it. */
    public record Conversation(String id, String owner, UserProfile profile, Instant updatedAt) {
    }

    private final Database database;
    private final int windowTurns;
    private final Duration idleExpiry;
    private final Clock clock;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    /** For maintenance only ({@link #purgeBefore}, {@link #delete}): the memory's default window and expiry. */
    public ConversationStore(Database database) {
        this(database, 6, Duration.ofMinutes(30), Clock.systemUTC());
    }

    public ConversationStore(Database database, int windowTurns, Duration idleExpiry, Clock clock) {
        if (windowTurns < 1 || idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalArgumentException("window and expiry must be positive");
        }
        this.database = database;
        this.windowTurns = windowTurns;
        this.idleExpiry = idleExpiry;
        this.clock = clock;
    }

    /** Starts conversation {@code id} for {@code owner} (before its first answer, so a failed answer keeps it). */
    public void create(String id, String owner, UserProfile profile) {
        sweepIdle();
        OffsetDateTime now = now();
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement("INSERT INTO"
                + " conversation(id, owner, profile_role, profile_grade, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, owner);
            setProfile(p, 3, profile);
            p.setObject(5, now);
            p.setObject(6, now);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot start conversation " + id, e);
        }
    }

    /** The conversation's row, or empty when there is none (never started, deleted, or purged). */
    public Optional<Conversation> find(String id) {
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement("SELECT owner,"
                + " profile_role, profile_grade, updated_at FROM conversation WHERE id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Role role = rs.getString(2) == null ? null : Role.fromApiName(rs.getString(2)).orElse(null);
                int grade = rs.getInt(3);
                Integer g = rs.wasNull() ? null : grade;
                return Optional.of(new Conversation(id, rs.getString(1), new UserProfile(role, g),
                        rs.getObject(4, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read conversation " + id, e);
        }
    }

    /** The conversation's last turns, oldest first; none when it has been idle beyond the expiry. */
    public List<Turn> turns(String id) {
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement("SELECT t.question,"
                + " t.standalone_question, t.answer FROM conversation_turn t JOIN conversation v ON v.id ="
                + " t.conversation_id WHERE t.conversation_id = ? AND v.updated_at >= ? ORDER BY t.id DESC LIMIT ?")) {
            p.setString(1, id);
            p.setObject(2, now().minus(idleExpiry));
            p.setInt(3, windowTurns);
            List<Turn> turns = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    turns.add(new Turn(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            Collections.reverse(turns);
            return turns;
        } catch (SQLException e) {
            throw new StoreException("Cannot read the turns of conversation " + id, e);
        }
    }

    /**
     * Records a finished turn (the turns beyond the window are dropped) and the profile it was asked with, when one
     * was given.
     */
    public void append(String id, Turn turn, UserProfile profile) {
        sweepIdle();
        OffsetDateTime now = now();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                if (!touch(c, id, profile, now)) {
                    c.rollback();
                    return; // deleted while it was being answered: its turn is not kept either
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO conversation_turn(conversation_id,"
                        + " question, standalone_question, answer, asked_at) VALUES (?, ?, ?, ?, ?)")) {
                    p.setString(1, id);
                    p.setString(2, truncate(turn.question(), MAX_QUESTION));
                    p.setString(3, truncate(turn.standaloneQuestion() == null ? turn.question()
                            : turn.standaloneQuestion(), MAX_QUESTION));
                    p.setString(4, truncate(turn.answer() == null ? "" : turn.answer(), MAX_ANSWER));
                    p.setObject(5, now);
                    p.executeUpdate();
                }
                trim(c, id);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot record a turn of conversation " + id, e);
        }
    }

    /** Deletes the conversation and its turns if {@code owner} started it; false when not. */
    public boolean delete(String id, String owner) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement t = c.prepareStatement("DELETE FROM conversation_turn WHERE conversation_id IN"
                    + " (SELECT id FROM conversation WHERE id = ? AND owner = ?)");
                 PreparedStatement v = c.prepareStatement("DELETE FROM conversation WHERE id = ? AND owner = ?")) {
                t.setString(1, id);
                t.setString(2, owner);
                t.executeUpdate();
                v.setString(1, id);
                v.setString(2, owner);
                boolean deleted = v.executeUpdate() > 0;
                c.commit();
                return deleted;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot delete conversation " + id, e);
        }
    }

    /** Deletes the conversations last active before {@code cutoff} (the retention period); returns how many. */
    public int purgeBefore(Instant cutoff) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement t = c.prepareStatement("DELETE FROM conversation_turn WHERE conversation_id IN"
                    + " (SELECT id FROM conversation WHERE updated_at < ?)");
                 PreparedStatement v = c.prepareStatement("DELETE FROM conversation WHERE updated_at < ?")) {
                OffsetDateTime at = cutoff.atOffset(ZoneOffset.UTC);
                t.setObject(1, at);
                t.executeUpdate();
                v.setObject(1, at);
                int purged = v.executeUpdate();
                c.commit();
                return purged;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot purge old conversations", e);
        }
    }

    /** Deletes the turns of conversations idle beyond the expiry (their text is not kept longer than needed). */
    public int forgetIdleTurns() {
        try (Connection c = database.connection(); PreparedStatement p = c.prepareStatement("DELETE FROM"
                + " conversation_turn WHERE conversation_id IN (SELECT id FROM conversation WHERE updated_at < ?)")) {
            p.setObject(1, now().minus(idleExpiry));
            return p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot forget idle conversations", e);
        }
    }

    private void sweepIdle() {
        Instant now = clock.instant();
        Instant last = lastSweep.get();
        if (Duration.between(last, now).compareTo(SWEEP_EVERY) >= 0 && lastSweep.compareAndSet(last, now)) {
            forgetIdleTurns();
        }
    }

    /** Marks the conversation active (and keeps the profile when one is given); false when it no longer exists. */
    private static boolean touch(Connection c, String id, UserProfile profile, OffsetDateTime now) throws SQLException {
        boolean known = profile != null && (profile.role() != null || profile.grade() != null);
        try (PreparedStatement p = c.prepareStatement(known
                ? "UPDATE conversation SET updated_at = ?, profile_role = ?, profile_grade = ? WHERE id = ?"
                : "UPDATE conversation SET updated_at = ? WHERE id = ?")) {
            p.setObject(1, now);
            if (known) {
                setProfile(p, 2, profile);
                p.setString(4, id);
            } else {
                p.setString(2, id);
            }
            return p.executeUpdate() > 0;
        }
    }

    /** Drops the turns older than the window's oldest. */
    private void trim(Connection c, String id) throws SQLException {
        long oldestKept;
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM conversation_turn WHERE conversation_id = ?"
                + " ORDER BY id DESC LIMIT 1 OFFSET ?")) {
            p.setString(1, id);
            p.setInt(2, windowTurns - 1);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                oldestKept = rs.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM conversation_turn WHERE conversation_id = ?"
                + " AND id < ?")) {
            p.setString(1, id);
            p.setLong(2, oldestKept);
            p.executeUpdate();
        }
    }

    private static void setProfile(PreparedStatement p, int index, UserProfile profile) throws SQLException {
        if (profile == null || profile.role() == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, profile.role().apiName());
        }
        if (profile == null || profile.grade() == null) {
            p.setNull(index + 1, Types.INTEGER);
        } else {
            p.setInt(index + 1, profile.grade());
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
