package vn.trolyso.assistant.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.assistant.store.DatabaseSettings;
import vn.trolyso.assistant.store.LearningStore;

/**
 * V6 on a database written by the previous version (V1–V5 applied, "done" rows with and without checks): only a
 * passed check stays completed.
 */
class ModuleCompletionMigrationTest {
    @TempDir
    Path dataDir;

    private static String script(String name) throws Exception {
        try (InputStream in = Database.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void doneWithoutAPassedCheckBecomesReadOrAttempted() throws Exception {
        Path dir = dataDir.resolve("db");
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("trolyso") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "trolyso", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP)");
            int v = 0;
            for (String name : new String[] {"V1__feedback_and_conversations.sql", "V2__learning.sql",
                    "V3__api_keys.sql", "V4__one_vote_per_browser.sql", "V5__small_talk.sql"}) {
                for (String sql : script(name).split(";\\s*(\\R|$)")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
                s.execute("INSERT INTO schema_version(version, script) VALUES (" + (++v) + ", '" + name + "')");
            }
            s.execute("INSERT INTO learner_profile(id, role, display_name, created_at) VALUES ('p1', 'giao_vien', 'An',"
                    + " CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO module_progress(profile_id, module_id, done, checks_passed, updated_at) VALUES"
                    + " ('p1', 'mat-khau-va-bao-ve-tai-khoan', TRUE, NULL, CURRENT_TIMESTAMP),"
                    + " ('p1', 'chuyen-doi-so-co-ban', TRUE, FALSE, CURRENT_TIMESTAMP),"
                    + " ('p1', 'nhan-dien-lua-dao-truc-tuyen', TRUE, TRUE, CURRENT_TIMESTAMP)");
        }
        try (Database db = Database.open(dataDir, DatabaseSettings.h2File(dataDir))) {
            LearningStore store = new LearningStore(db, java.time.Clock.systemUTC());
            Map<String, ModuleProgress> progress = store.progress("p1");
            assertEquals(ModuleStatus.READ, progress.get("mat-khau-va-bao-ve-tai-khoan").status());
            assertEquals(0, progress.get("mat-khau-va-bao-ve-tai-khoan").attempts());
            assertEquals(ModuleStatus.ATTEMPTED, progress.get("chuyen-doi-so-co-ban").status());
            assertEquals(1, progress.get("chuyen-doi-so-co-ban").attempts());
            assertFalse(progress.get("chuyen-doi-so-co-ban").completed());
            assertTrue(progress.get("nhan-dien-lua-dao-truc-tuyen").completed());
            assertEquals(Boolean.TRUE, progress.get("nhan-dien-lua-dao-truc-tuyen").checksPassed());
        }
    }
}
