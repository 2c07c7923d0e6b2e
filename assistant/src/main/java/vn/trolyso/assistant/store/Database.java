package vn.trolyso.assistant.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database under the data directory that keeps everything the service learns while it runs
 * (feedback, conversation log, profiles, assessments, progress, the administrator's API keys). Applies schema migrations in order at start.
 *
 * <p>Migrations are SQL files under {@code db/migration/} on the classpath, listed in {@link #MIGRATIONS}. Append new
 * ones at the end; never edit one that has shipped.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    /** Every migration, in the order it is applied. The version is the position in this list (1-based). */
    static final List<String> MIGRATIONS = List.of(
            "V1__feedback_and_conversations.sql",
            "V2__learning.sql",
            "V3__api_keys.sql",
            "V4__one_vote_per_browser.sql",
            "V5__small_talk.sql",
            "V6__module_completion.sql",
            "V7__conversation_history.sql",
            "V8__conversations.sql"
    );

    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens (creating when absent) the database file {@code <dataDir>/db/trolyso.mv.db} and migrates it. */
    public static Database open(Path dataDir) {
        try {
            Path dir = dataDir.resolve("db");
            Files.createDirectories(dir);
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("trolyso") + ";DB_CLOSE_ON_EXIT=FALSE";
            Database db = new Database(JdbcConnectionPool.create(url, "trolyso", ""));
            db.migrate();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database directory under " + dataDir, e);
        }
    }

    /** Opens a private in-memory database (tests). */
    public static Database inMemory(String name) {
        Database db = new Database(JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""));
        db.migrate();
        return db;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    private void migrate() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP)");
            int current = 0;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                if (rs.next()) {
                    current = rs.getInt(1);
                }
            }
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                apply(c, v, MIGRATIONS.get(v - 1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
    }

    private static void apply(Connection c, int version, String script) throws SQLException {
        String sql = readScript(script);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : sql.split(";\\s*(\\R|$)")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version(version, script) VALUES (?, ?)")) {
                p.setInt(1, version);
                p.setString(2, script);
                p.executeUpdate();
            }
            c.commit();
            LOG.info(() -> "Applied database migration " + script);
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static String readScript(String script) {
        try (InputStream in = Database.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration script on the classpath: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
