package vn.trolyso.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.assistant.store.DatabaseSettings;
import vn.trolyso.assistant.store.DatabaseUnavailableException;

/** A start that fails on the database says what to check, not to change the port. */
class StartFailureHintTest {
    @TempDir
    Path dataDir;

    @Test
    void anEmbeddedDatabaseThatCannotOpenNamesTheDataDirectory() throws Exception {
        Files.createDirectories(dataDir.resolve("db/trolyso.mv.db")); // a directory where the file should be
        DatabaseSettings h2 = new DatabaseSettings("jdbc:h2:file:" + dataDir.resolve("db/trolyso"), "sa", "");
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> Database.open(dataDir, h2));
        String hint = StartFailureHint.of(new IllegalStateException("start failed", e));
        assertTrue(hint.contains("TROLYSO_DATA_DIR"), hint);
        assertFalse(hint.contains("SERVER_PORT"), hint);
    }

    @Test
    void aPostgreSqlThatDoesNotAnswerNamesTheDatabaseSettings() {
        DatabaseSettings pg = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/trolyso", "trolyso", "x");
        DatabaseUnavailableException e = assertThrows(DatabaseUnavailableException.class,
                () -> Database.open(dataDir, pg));
        assertTrue(StartFailureHint.of(e).contains("TROLYSO_DB_URL"), StartFailureHint.of(e));
    }

    @Test
    void anotherFailureKeepsThePortHint() {
        assertTrue(StartFailureHint.of(new IllegalStateException("Failed to bind :8080")).contains("SERVER_PORT"));
    }
}
