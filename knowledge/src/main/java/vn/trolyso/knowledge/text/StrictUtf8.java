package vn.trolyso.knowledge.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict decoding of text the service receives (uploaded files, school modules, JSON bodies, form fields): a byte
 * sequence that is not valid in its charset is refused rather than turned into replacement characters, so text in a
 * legacy Vietnamese encoding (TCVN3, VNI, Windows-1258) is never indexed or stored as mojibake.
 */
public final class StrictUtf8 {
    private StrictUtf8() {
    }

    /** {@code bytes} as UTF-8, or empty when they are not valid UTF-8. A leading byte-order mark is kept. */
    public static Optional<String> decode(byte[] bytes) {
        return decode(bytes, 0, StandardCharsets.UTF_8);
    }

    /** {@code bytes} from {@code offset} in {@code charset}, or empty when they are not valid in it. */
    public static Optional<String> decode(byte[] bytes, int offset, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
