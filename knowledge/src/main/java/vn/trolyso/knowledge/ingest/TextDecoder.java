package vn.trolyso.knowledge.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import vn.trolyso.knowledge.text.StrictUtf8;

/**
 * Decodes text files strictly: UTF-8 (with or without BOM) or UTF-16 with a BOM. Legacy Vietnamese encodings
 * (TCVN3, VNI, Windows-1258) are rejected with an explanation instead of being indexed as mojibake.
 */
final class TextDecoder {
    private TextDecoder() {
    }

    static String decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return strict(content, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return strict(content, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return strict(content, 2, StandardCharsets.UTF_16BE);
        }
        if (looksBinary(content)) {
            throw new IngestException("unsupported_type", "Định dạng tệp không được hỗ trợ. Chỉ nhận PDF, DOCX, HTML,"
                    + " Markdown và văn bản thuần (UTF-8).");
        }
        return strict(content, 0, StandardCharsets.UTF_8);
    }

    private static String strict(byte[] content, int offset, Charset charset) {
        return StrictUtf8.decode(content, offset, charset).orElseThrow(() -> new IngestException("invalid_encoding",
                "Tệp văn bản không dùng bảng mã Unicode UTF-8 (có thể là TCVN3, VNI hoặc Windows-1258). Hãy lưu lại"
                        + " tệp với bảng mã UTF-8 rồi tải lên lại."));
    }

    /** NUL bytes or many control characters in the first 8 KB mean a binary file, not text in another encoding. */
    private static boolean looksBinary(byte[] content) {
        int n = Math.min(content.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }

    static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
