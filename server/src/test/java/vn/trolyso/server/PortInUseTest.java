package vn.trolyso.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.testing.TestServers;

/** A start that cannot bind its port fails (Main turns the failure into exit status 1) instead of running on -1. */
class PortInUseTest {
    @TempDir
    Path dataDir;

    @Test
    void startOnATakenPortFailsWithTheReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            ServerConfig config = TestServers.config(dataDir).toBuilder().port(taken.getLocalPort()).build();
            Database db = Database.open(config.dataDir());
            AppServices services = AppServices.builder(config).database(db).closeOnShutdown(db).build();
            try {
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> TrolysoServer.start(config, services));
                assertTrue(e.getMessage().contains(":" + taken.getLocalPort()), e.getMessage());
            } finally {
                services.close();
            }
        }
    }
}
