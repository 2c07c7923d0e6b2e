package vn.trolyso.assistant.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    /** The scripts the runner before Flyway applied, in its order. */
    static final List<String> SHIPPED_BEFORE_FLYWAY = List.of(
            "V1__feedback_and_conversations.sql", "V2__learning.sql", "V3__api_keys.sql",
            "V4__one_vote_per_browser.sql", "V5__small_talk.sql", "V6__module_completion.sql",
            "V7__conversation_history.sql");

    @TempDir
    Path dataDir;

    @Test
    void migratesOnceAndKeepsDataAcrossReopen() throws Exception {
        int version;
        try (Database db = Database.open(dataDir); Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO feedback(message_id, rating) VALUES ('m1', 'up')");
            version = Database.schemaVersion(c);
        }
        assertTrue(version >= SHIPPED_BEFORE_FLYWAY.size(), "schema version " + version);
        try (Database db = Database.open(dataDir); Connection c = db.connection(); Statement s = c.createStatement()) {
            assertEquals(version, Database.schemaVersion(c));
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"type\" = 'SQL'")) {
                rs.next();
                assertEquals(version, rs.getInt(1), "each migration applied once");
            }
            try (ResultSet rs = s.executeQuery("SELECT rating FROM feedback WHERE message_id = 'm1'")) {
                rs.next();
                assertEquals("up", rs.getString(1));
            }
        }
    }

    @Test
    void identityColumnsNumberRowsOnEveryDatabase() throws Exception {
        try (Database db = Database.open(dataDir); Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO feedback(message_id, rating) VALUES ('m1', 'up')");
            s.executeUpdate("INSERT INTO feedback(message_id, rating) VALUES ('m2', 'down')");
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM feedback ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            assertEquals(2, ids.size());
            assertTrue(ids.get(1) > ids.get(0), "ids " + ids);
        }
    }

    /**
     * A data directory written by the migration runner before Flyway (its schema_version table, V1–V7 applied, a
     * rating stored): opened now, it is baselined at version 7 — not recreated — and the rating is still there.
     */
    @Test
    void anInstallFromBeforeFlywayIsBaselinedAtItsVersion() throws Exception {
        Path dbDir = dataDir.resolve("db");
        Files.createDirectories(dbDir);
        DatabaseSettings h2 = DatabaseSettings.h2File(dataDir);
        try (Connection c = DriverManager.getConnection(h2.url(), "trolyso", ""); Statement s = c.createStatement()) {
            // What the previous Database.migrate() did, step by step.
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP)");
            int v = 0;
            for (String script : SHIPPED_BEFORE_FLYWAY) {
                for (String sql : script(script).split(";\\s*(\\R|$)")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
                s.execute("INSERT INTO schema_version(version, script) VALUES (" + (++v) + ", '" + script + "')");
            }
            s.executeUpdate("INSERT INTO feedback(message_id, rating, voter_id) VALUES ('old', 'down', 'b1')");
        }
        assertTrue(Files.exists(dbDir.resolve("trolyso.mv.db")));

        try (Database db = Database.open(dataDir, h2); Connection c = db.connection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT \"type\", \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"type\" <> 'TABLE' ORDER BY \"installed_rank\"")) {
                assertTrue(rs.next(), "Flyway's history was written");
                assertEquals("BASELINE", rs.getString(1), "the first entry is the baseline, no script re-ran");
                assertEquals("7", rs.getString(2));
            }
            assertTrue(Database.schemaVersion(c) >= 7);
            try (ResultSet rs = s.executeQuery("SELECT rating, voter_id FROM feedback WHERE message_id = 'old'")) {
                assertTrue(rs.next(), "the rating stored before Flyway is kept");
                assertEquals("down", rs.getString(1));
                assertEquals("b1", rs.getString(2));
            }
            s.executeUpdate("INSERT INTO feedback(message_id, rating) VALUES ('new', 'up')");
        }
    }

    private static String script(String name) throws Exception {
        try (InputStream in = Database.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
