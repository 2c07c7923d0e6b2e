package vn.trolyso.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.testing.ScriptedAssistant;
import vn.trolyso.server.testing.TestServers;

/** The client address behind a reverse proxy, and the per-client limits that depend on it. */
class TrustedProxiesTest {
    /** Two requests at once per client, then (almost) nothing: the third from the same client is refused. */
    private static final ServerConfig.Limits TWO_PER_CLIENT =
            new ServerConfig.Limits(2000, 65536, 1, 1000, 2, Duration.ofSeconds(30));

    @Test
    void twoHundredClientsThroughOneTrustedProxyAreLimitedSeparately(@TempDir Path dir) {
        try (TrolysoServer.Running server = start(dir, c -> c.trustedProxies(List.of("127.0.0.0/8"))
                .limits(TWO_PER_CLIENT))) {
            for (int client = 0; client < 200; client++) {
                String address = "10.1." + (client / 250) + "." + (client % 250 + 1);
                assertEquals(200, chat(server, "X-Forwarded-For", address), address);
                assertEquals(200, chat(server, "X-Forwarded-For", address), address);
            }
            assertEquals(429, chat(server, "X-Forwarded-For", "10.1.0.1"), "each client still has its own limit");
            assertEquals(200, chat(server, "Forwarded", "for=\"[2001:db8::7]:4711\";proto=https"),
                    "RFC 7239 Forwarded names a client of its own");
        }
    }

    @Test
    void aForwardedHeaderFromAnUntrustedPeerIsIgnored(@TempDir Path dir) {
        try (TrolysoServer.Running server = start(dir, c -> c.trustedProxies(List.of("192.0.2.10"))
                .limits(TWO_PER_CLIENT))) {
            assertEquals(200, chat(server, "X-Forwarded-For", "10.9.9.1"));
            assertEquals(200, chat(server, "X-Forwarded-For", "10.9.9.2"));
            assertEquals(429, chat(server, "X-Forwarded-For", "10.9.9.3"),
                    "a spoofed header does not buy a fresh bucket: the peer 127.0.0.1 is not a trusted proxy");
            assertEquals(429, chat(server, "Forwarded", "for=10.9.9.4"));
        }
    }

    @Test
    void frameworkReadsAreNotChargedToTheChatBucket(@TempDir Path dir) {
        try (TrolysoServer.Running server = start(dir, c -> c.limits(TWO_PER_CLIENT))) {
            assertEquals(200, chat(server, "X-Unused", "-"));
            assertEquals(200, chat(server, "X-Unused", "-"));
            for (int i = 0; i < 2 * AccessFilter.LIGHT_READ_FACTOR; i++) {
                assertEquals(200, TestServers.get(server, "/api/v1/framework").statusCode());
            }
            assertEquals(200, TestServers.get(server, "/khung-nang-luc-so.html").statusCode(), "pages are not limited");
            assertEquals(429, chat(server, "X-Unused", "-"));
        }
    }

    @Test
    void theClientIsTheNearestUntrustedHopOfTheChain() {
        TrustedProxies proxies = TrustedProxies.parse(List.of("10.0.0.0/8", "192.0.2.1"));
        assertEquals("203.0.113.5", proxies.clientAddress("10.0.0.2", Optional.empty(),
                Optional.of("198.51.100.1, 203.0.113.5, 10.0.0.9")), "a client-written left part is not believed");
        assertEquals("198.51.100.1", proxies.clientAddress("198.51.100.1", Optional.empty(),
                Optional.of("203.0.113.5")));
        assertEquals("2001:db8::7", proxies.clientAddress("192.0.2.1",
                Optional.of("for=\"[2001:db8::7]:4711\", for=10.2.3.4"), Optional.of("203.0.113.9")));
        assertEquals("10.0.0.2", proxies.clientAddress("10.0.0.2", Optional.empty(), Optional.of("unknown")));
        assertTrue(proxies.trusts("10.200.1.1"));
        assertFalse(proxies.trusts("11.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("proxy.truong.edu.vn")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("10.0.0.0/33")));
    }

    private static TrolysoServer.Running start(Path dir, java.util.function.UnaryOperator<ServerConfig.Builder> configure) {
        ScriptedAssistant assistant = new ScriptedAssistant(List.of("Trả lời."), Duration.ZERO);
        return TestServers.startWithKnowledge(dir, configure,
                s -> new AppServices.Knowledge(TestServers.corpus(s), assistant));
    }

    private static int chat(TrolysoServer.Running server, String header, String value) {
        return TestServers.send(TestServers.request(server, "/api/v1/chat").header("Content-Type", "application/json")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Hỏi\"}")).build()).statusCode();
    }
}
