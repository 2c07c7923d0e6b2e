package vn.trolyso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.llm.OllamaStatus;

/** The start line's addresses and plain reasons, from the inputs the server passes at start. */
class StartLineTest {
    static final URI OLLAMA = URI.create("http://localhost:11434");

    static OllamaStatus status(boolean enabled, boolean reachable, boolean pulled, String detail) {
        return new OllamaStatus(enabled, reachable, pulled, "qwen2.5:7b-instruct", List.of(), detail, "", Instant.EPOCH);
    }

    @Test
    void onEveryInterfaceItListsLocalhostAndEachLanAddress() {
        List<String> urls = StartLine.urls("0.0.0.0", 8080, List.of("10.0.0.7", "192.168.1.20"));
        assertEquals(3, urls.size(), urls.toString());
        assertTrue(urls.get(0).startsWith("http://localhost:8080/"), urls.toString());
        assertTrue(urls.get(1).startsWith("http://10.0.0.7:8080/   (mạng LAN / LAN)"), urls.toString());
        assertTrue(urls.get(2).startsWith("http://192.168.1.20:8080/"), urls.toString());
    }

    @Test
    void aLoopbackOrSpecificHostIsTheOnlyAddress() {
        List<String> loopback = StartLine.urls("127.0.0.1", 9000, List.of("192.168.1.20"));
        assertEquals(1, loopback.size());
        assertTrue(loopback.getFirst().contains("chỉ máy này / this machine only"), loopback.toString());
        assertEquals(List.of("http://192.168.1.20:8080/"), StartLine.urls("192.168.1.20", 8080, List.of("10.0.0.7")));
        assertEquals(List.of("http://[fd00::5]:8080/"), StartLine.urls("fd00::5", 8080, List.of()));
    }

    @Test
    void aRefusedConnectionIsSaidInWordsNotExceptionNames() {
        String mode = StartLine.mode(status(true, false, false, "connection_refused: ClosedChannelException"), OLLAMA);
        assertTrue(mode.contains("không kết nối được Ollama tại http://localhost:11434"), mode);
        assertTrue(mode.contains("cannot connect to Ollama at http://localhost:11434"), mode);
        assertFalse(mode.contains("Exception"), mode);
        assertFalse(mode.contains("connection_refused"), mode);
    }

    @Test
    void aMissingModelNamesThePullCommandAndAReadyOneTheModel() {
        String missing = StartLine.mode(status(true, true, false, "model qwen2.5:7b-instruct not pulled"), OLLAMA);
        assertTrue(missing.contains("ollama pull qwen2.5:7b-instruct"), missing);
        String ready = StartLine.mode(status(true, true, true, "model available"), OLLAMA);
        assertTrue(ready.startsWith("trả lời bằng mô hình ngôn ngữ qwen2.5:7b-instruct"), ready);
        String timeout = StartLine.mode(status(true, false, false, "first_token_timeout: HttpTimeoutException: x"),
                OLLAMA);
        assertTrue(timeout.contains("không trả lời kịp") && !timeout.contains("HttpTimeoutException"), timeout);
        String disabled = StartLine.mode(status(false, false, false, "generative mode disabled"), OLLAMA);
        assertTrue(disabled.contains("chưa bật mô hình ngôn ngữ"), disabled);
    }

    @Test
    void theWholeTextHasTheAddressesModeAndDataDir() {
        String text = StartLine.text("0.0.0.0", 8080, List.of(), status(true, false, false,
                "connection_refused: ClosedChannelException"), OLLAMA, Path.of("/srv/trolyso/data"));
        assertTrue(text.startsWith("Trợ lý số đang chạy / is running:\n  http://localhost:8080/"), text);
        assertTrue(text.contains("không tìm thấy địa chỉ mạng LAN nào"), text);
        assertTrue(text.contains("\n  Dữ liệu / data: /srv/trolyso/data"), text);
    }

    @Test
    void theMachinesLanAddressesAreIpv4AndNotLoopback() {
        for (String ip : StartLine.lanAddresses()) {
            assertTrue(ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && !ip.startsWith("127.") && !ip.startsWith("169.254."), ip);
        }
    }
}
