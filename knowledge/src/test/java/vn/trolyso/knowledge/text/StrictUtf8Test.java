package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {
    @Test
    void decodesValidTextAndRefusesLegacyEncodings() {
        assertEquals(Optional.of("Bình dân học vụ số"),
                StrictUtf8.decode("Bình dân học vụ số".getBytes(StandardCharsets.UTF_8)));
        // "Bình" in Windows-1258/TCVN3-style single bytes is not UTF-8: refused, not replaced with U+FFFD
        assertEquals(Optional.empty(), StrictUtf8.decode(new byte[] {'B', (byte) 0xEC, 'n', 'h'}));
        assertEquals(Optional.of("số"), StrictUtf8.decode("\uFEFFsố".getBytes(StandardCharsets.UTF_16LE), 2,
                StandardCharsets.UTF_16LE));
    }
}
