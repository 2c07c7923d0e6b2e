package vn.trolyso.assistant.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void migratesOnceAndKeepsDataAcrossReopen() throws Exception {
        try (Database db = Database.open(dataDir); Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO feedback(message_id, rating) VALUES ('m1', 'up')");
        }
        try (Database db = Database.open(dataDir); Connection c = db.connection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
                rs.next();
                assertEquals(Database.MIGRATIONS.size(), rs.getInt(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT rating FROM feedback WHERE message_id = 'm1'")) {
                rs.next();
                assertEquals("up", rs.getString(1));
            }
        }
    }
}
