package vn.trolyso.assistant.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The database that keeps everything the service learns while it runs (feedback, answer log, profiles, assessments,
 * progress, the administrator's API keys): the embedded H2 file under the data directory by default, or a shared
 * PostgreSQL that several nodes use at once ({@link DatabaseSettings}). Connections come from a HikariCP pool.
 *
 * <p>The schema is migrated at start by Flyway from the SQL scripts under {@code db/migration/} on the classpath
 * ({@code V<n>__<what>.sql}, written in SQL both H2 and PostgreSQL accept). Add new ones with the next number; never
 * edit one that has shipped. An H2 file created before Flyway (its own {@code schema_version} table) is baselined
 * at the version it had reached, so its data stays and only the newer scripts run.
 *
 * <p>The test suite runs on PostgreSQL when the system property {@code trolyso.test.db.url} names one (set by
 * {@code ./trolyso test}, passed on Maven's command line): every embedded database a test asks for ({@link #open(Path)}, {@link #inMemory}) then
 * becomes its own schema there, named after the data directory or the name, so tests stay as isolated as with H2.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    /** The table the scripts before Flyway recorded their versions in (H2 installs only). */
    static final String LEGACY_VERSION_TABLE = "schema_version";
    /** Test runs on PostgreSQL: the cluster's URL (schemas are created under it). */
    static final String TEST_DB_URL = "trolyso.test.db.url";
    /** Distinguishes this JVM's test schemas from an earlier run's on the same cluster. */
    private static final String TEST_RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final int POOL_SIZE = 10;

    private final HikariDataSource pool;
    private final boolean embedded;
    private final String description;

    private Database(HikariDataSource pool, boolean embedded, String description) {
        this.pool = pool;
        this.embedded = embedded;
        this.description = description;
    }

    /**
     * The embedded database of {@code dataDir}: the file {@code <dataDir>/db/trolyso.mv.db}, created when absent
     * (or, in a test run on PostgreSQL, that directory's own schema).
     */
    public static Database open(Path dataDir) {
        return open(dataDir, DatabaseSettings.EMBEDDED);
    }

    /** The database {@code settings} name, or the embedded one of {@code dataDir} when they name none; migrated. */
    public static Database open(Path dataDir, DatabaseSettings settings) {
        if (!settings.unset()) {
            return connect(settings.url(), settings.user(), settings.password(), settings.toString());
        }
        String testUrl = System.getProperty(TEST_DB_URL);
        if (testUrl != null && !testUrl.isBlank()) {
            return testSchema(testUrl.strip(), dataDir.toAbsolutePath().normalize().toString());
        }
        return open(dataDir, DatabaseSettings.h2File(dataDir));
    }

    /** Opens a private in-memory database (tests); in a test run on PostgreSQL, a schema of its own. */
    public static Database inMemory(String name) {
        String testUrl = System.getProperty(TEST_DB_URL);
        if (testUrl != null && !testUrl.isBlank()) {
            return testSchema(testUrl.strip(), "mem:" + name);
        }
        return connect("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", "H2 in memory " + name);
    }

    /** A schema of the test cluster for {@code key}, created when absent: the same key reopens the same data. */
    private static Database testSchema(String clusterUrl, String key) {
        String schema = "t" + TEST_RUN + "_" + sha256(key).substring(0, 16);
        String user = System.getProperty("trolyso.test.db.user", "");
        String password = System.getProperty("trolyso.test.db.password", "");
        try (Connection c = DriverManager.getConnection(clusterUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test schema on " + clusterUrl + ": " + e.getMessage(), e);
        }
        String url = clusterUrl + (clusterUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return connect(url, user, password, "PostgreSQL test schema " + schema);
    }

    private static Database connect(String url, String user, String password, String description) {
        boolean embedded = url.startsWith("jdbc:h2:");
        if (url.startsWith("jdbc:h2:file:")) {
            createParent(url.substring("jdbc:h2:file:".length()).split(";")[0]);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        // One connection stays open: it keeps an embedded H2 file open between requests.
        config.setMinimumIdle(1);
        config.setPoolName("trolyso-db");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("Cannot connect to the database (" + description + "): "
                    + e.getMessage(), embedded, e);
        }
        Database db = new Database(pool, embedded, description);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return db;
    }

    private static void createParent(String h2Path) {
        Path parent = Path.of(h2Path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database directory " + parent, e);
        }
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** True for the embedded H2 (one process), false for a shared server database (PostgreSQL). */
    public boolean embedded() {
        return embedded;
    }

    private void migrate() {
        var flyway = Flyway.configure(Database.class.getClassLoader())
                .dataSource(pool)
                .locations("classpath:db/migration");
        int legacy = legacyVersion();
        if (legacy > 0) {
            // Created by the migration runner before Flyway: keep the data, record its version as Flyway's baseline.
            flyway = flyway.baselineOnMigrate(true).baselineVersion(Integer.toString(legacy))
                    .baselineDescription("schema_version " + legacy + " (before Flyway)");
        }
        try {
            MigrateResult result = flyway.load().migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info(() -> "Database " + description + ": applied " + result.migrationsExecuted
                        + " migration(s), now at version " + result.targetSchemaVersion);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Database migration failed (" + description + "): " + e.getMessage(), e);
        }
    }

    /** The version the pre-Flyway runner had reached (its schema_version table), 0 when there is none. */
    private int legacyVersion() {
        try (Connection c = connection()) {
            if (!hasTable(c.getMetaData(), LEGACY_VERSION_TABLE) || hasTable(c.getMetaData(), "flyway_schema_history")) {
                return 0;
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + LEGACY_VERSION_TABLE)) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's schema version: " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(DatabaseMetaData meta, String name) throws SQLException {
        for (String n : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, null, n, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The schema version of the database behind {@code c}: Flyway's latest successful migration (or baseline). */
    public static int schemaVersion(Connection c) {
        int version = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"flyway_schema_history\"")) {
            while (rs.next()) {
                String v = rs.getString("version");
                if (rs.getBoolean("success") && v != null && v.matches("\\d+")) {
                    version = Math.max(version, Integer.parseInt(v));
                }
            }
        } catch (SQLException e) {
            return 0;
        }
        return version;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** True once {@link #close()} was called. */
    public boolean closed() {
        return pool.isClosed();
    }

    @Override
    public void close() {
        pool.close();
    }
}
