package vn.trolyso.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The systemd unit written by {@code ./trolyso service install}, checked by systemd's own parser when present. */
class ServiceUnitTest {
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path checkout;

    @Test
    void theUnitRunsTheCheckoutsJarWithItsSettingsAsAnUnprivilegedUser() {
        String unit = ServiceUnit.unit(checkout, JAVA, "trolyso", "1g");
        assertTrue(unit.contains("\nUser=trolyso\n"), unit);
        assertTrue(unit.contains("\nWorkingDirectory=" + checkout + "\n"), unit);
        assertTrue(unit.contains("\nEnvironmentFile=-" + checkout + "/trolyso.env\n"), unit);
        assertTrue(unit.contains("\nExecStart=" + JAVA + " --add-modules jdk.incubator.vector -Dfile.encoding=UTF-8"
                + " -Xmx1g -jar " + checkout + "/server/target/server.jar\n"), unit);
        assertTrue(unit.contains("\nRestart=on-failure\n") && unit.contains("\nWantedBy=multi-user.target\n"), unit);
    }

    @Test
    void rootAPathWithSpacesAndAStrangeHeapAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ServiceUnit.unit(checkout, JAVA, "root", "768m"));
        assertThrows(IllegalArgumentException.class, () -> ServiceUnit.unit(checkout, JAVA, "nobody", "768m"));
        assertThrows(IllegalArgumentException.class,
                () -> ServiceUnit.unit(checkout.resolve("a b"), JAVA, "trolyso", "768m"));
        assertThrows(IllegalArgumentException.class, () -> ServiceUnit.unit(checkout, JAVA, "trolyso", "lots"));
        assertThrows(IllegalArgumentException.class, () -> ServiceUnit.unit(Path.of("rel"), JAVA, "trolyso", "1g"));
    }

    @Test
    void systemdAcceptsTheUnitWithoutWarnings() throws IOException, InterruptedException {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        Path file = checkout.resolve("trolyso.service");
        Files.writeString(file, ServiceUnit.unit(checkout, JAVA, "trolyso", "768m"));
        Process p = new ProcessBuilder(analyze.toString(), "verify", file.toString()).redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output.strip(), output);
    }
}
