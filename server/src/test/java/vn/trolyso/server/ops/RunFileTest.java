package vn.trolyso.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run file tells a running server from one that crashed (its pid gone, or reused by another program). */
class RunFileTest {
    @TempDir
    Path dataDir;

    @Test
    void thisProcessIsRunningAndTheFileIsRemovedOnlyByItsOwner() {
        RunFile.write(dataDir, "0.0.0.0", 8123);
        RunFile r = RunFile.running(dataDir).orElseThrow();
        assertEquals(8123, r.port());
        assertEquals("http://127.0.0.1:8123", r.localUrl().toString());
        RunFile.deleteIfOurs(dataDir, 9999); // another port: not ours
        assertTrue(Files.exists(RunFile.path(dataDir)));
        RunFile.deleteIfOurs(dataDir, 8123);
        assertFalse(Files.exists(RunFile.path(dataDir)));
    }

    @Test
    void aFileLeftByACrashIsIgnored() throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        write(gone.pid());
        assertTrue(RunFile.read(dataDir).isPresent());
        assertTrue(RunFile.running(dataDir).isEmpty(), "a dead pid is not a running server");

        Process other = new ProcessBuilder("sleep", "30").start(); // the pid reused by a program that is not a JVM
        try {
            write(other.pid());
            assertTrue(RunFile.running(dataDir).isEmpty(), "a live process that is not java is not the server");
        } finally {
            other.destroy();
        }
    }

    @Test
    void aSpecificHostIsWhereTheCommandConnects() {
        assertEquals("http://192.168.1.20:8080", new RunFile(1, "192.168.1.20", 8080, "").localUrl().toString());
        assertEquals("http://[fd00::5]:8080", new RunFile(1, "fd00::5", 8080, "").localUrl().toString());
    }

    void write(long pid) throws IOException {
        Files.createDirectories(RunFile.path(dataDir).getParent());
        Files.writeString(RunFile.path(dataDir), "{\"pid\":" + pid + ",\"host\":\"127.0.0.1\",\"port\":8080}");
    }
}
