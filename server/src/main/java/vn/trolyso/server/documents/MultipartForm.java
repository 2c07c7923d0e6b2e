package vn.trolyso.server.documents;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ConnectionGuard;
import vn.trolyso.server.http.ApiException;

/**
 * A {@code multipart/form-data} request body (RFC 7578), read whole into memory up to a byte limit and split into
 * its parts. Bounded: the body size (413 before and while reading), the number of parts and the size of part headers.
 */
public final class MultipartForm {
    static final int MAX_PARTS = 20;
    /** Room for the boundaries, part headers and the metadata fields around the file. */
    static final int FRAMING_MARGIN = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    /** One part: its form field name, the file name when it is a file, and its bytes. */
    public record Part(String name, Optional<String> fileName, byte[] content) {
        /** The content as strict UTF-8 text (400 invalid_utf8 otherwise). */
        public String text() {
            return utf8(content).orElseThrow(() -> ApiErrors.badRequest("invalid_utf8",
                    "Trường \"" + name + "\" không phải văn bản UTF-8 hợp lệ."));
        }
    }

    private final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    List<Part> parts() {
        return parts;
    }

    /** The first part with this field name. */
    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Reads the request body as a form; 415 when it is not multipart/form-data, 413 when the body is larger than
     * {@code maxFileBytes} plus {@link #FRAMING_MARGIN}.
     */
    public static MultipartForm read(ServerRequest req, long maxFileBytes) {
        String boundary = boundary(req);
        long maxBytes = maxFileBytes + FRAMING_MARGIN;
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            ConnectionGuard.drain(req.content().inputStream(), declared.getAsLong());
            throw tooLarge(maxFileBytes);
        }
        if (!req.content().hasEntity()) {
            throw malformed();
        }
        byte[] body;
        try (InputStream in = ConnectionGuard.guard(req.content().inputStream())) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > maxBytes) {
            throw tooLarge(maxFileBytes);
        }
        return parse(body, boundary);
    }

    static String boundary(ServerRequest req) {
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isEmpty() || !type.get().mediaType().equals(MediaTypes.MULTIPART_FORM_DATA)) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type",
                    "Kiểu nội dung phải là multipart/form-data (gửi tệp qua biểu mẫu tải lên).");
        }
        String boundary = type.get().parameters().get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            throw ApiErrors.badRequest("malformed_multipart",
                    "Nội dung biểu mẫu không hợp lệ: thiếu tham số boundary trong Content-Type.");
        }
        return boundary;
    }

    /** Splits a body into parts; package-private for tests. */
    static MultipartForm parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw malformed();
        }
        List<Part> parts = new ArrayList<>();
        pos += delimiter.length;
        while (true) {
            if (startsWith(body, pos, new byte[] {'-', '-'})) {
                return new MultipartForm(parts); // close delimiter; the epilogue is ignored
            }
            pos = skipLinearWhitespace(body, pos);
            if (!startsWith(body, pos, CRLF)) {
                throw malformed();
            }
            pos += 2;
            int headersEnd = indexOf(body, HEADER_END, pos);
            if (headersEnd < 0 || headersEnd - pos > MAX_HEADER_BYTES) {
                throw malformed();
            }
            String headers = utf8(Arrays.copyOfRange(body, pos, headersEnd)).orElseThrow(MultipartForm::malformed);
            int contentStart = headersEnd + HEADER_END.length;
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                throw malformed();
            }
            if (parts.size() == MAX_PARTS) {
                throw ApiErrors.badRequest("too_many_parts",
                        "Biểu mẫu có quá nhiều trường (tối đa " + MAX_PARTS + ").");
            }
            parts.add(part(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
            pos = contentEnd + nextDelimiter.length;
        }
    }

    private static Part part(String headers, byte[] content) {
        String disposition = null;
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
                disposition = line.substring(colon + 1).strip();
            }
        }
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw malformed();
        }
        String header = disposition;
        String name = parameter(header, "name").orElseThrow(MultipartForm::malformed);
        Optional<String> fileName = parameter(header, "filename*").flatMap(MultipartForm::extendedValue)
                .or(() -> parameter(header, "filename"))
                .map(f -> f.replaceAll(".*[/\\\\]", "")) // browsers may send a path; keep the last segment
                .filter(f -> !f.isBlank());
        return new Part(name, fileName, content);
    }

    /** The value of {@code key=value} or {@code key="quoted value"} in a Content-Disposition header. */
    static Optional<String> parameter(String header, String key) {
        int i = 0;
        int n = header.length();
        while (i < n) {
            int semi = header.indexOf(';', i);
            if (semi < 0) {
                return Optional.empty();
            }
            i = semi + 1;
            while (i < n && header.charAt(i) == ' ') {
                i++;
            }
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                return Optional.empty();
            }
            String k = header.substring(i, eq).strip();
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i++;
                while (i < n && header.charAt(i) != '"') {
                    char c = header.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = header.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
                i++;
            } else {
                while (i < n && header.charAt(i) != ';') {
                    value.append(header.charAt(i++));
                }
            }
            if (k.equalsIgnoreCase(key)) {
                return Optional.of(value.toString().strip());
            }
            i = header.indexOf(';', i) < 0 ? n : header.indexOf(';', i);
        }
        return Optional.empty();
    }

    /** RFC 5987 {@code UTF-8''percent-encoded}. */
    private static Optional<String> extendedValue(String value) {
        int quote = value.indexOf("''");
        if (quote < 0 || !value.substring(0, quote).equalsIgnoreCase("UTF-8")) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(value.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int skipLinearWhitespace(byte[] body, int pos) {
        while (pos < body.length && (body[pos] == ' ' || body[pos] == '\t')) {
            pos++;
        }
        return pos;
    }

    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] data, int pos, byte[] prefix) {
        if (pos < 0 || pos + prefix.length > data.length) {
            return false;
        }
        for (int j = 0; j < prefix.length; j++) {
            if (data[pos + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        byte first = pattern[0];
        int last = data.length - pattern.length;
        for (int i = Math.max(0, from); i <= last; i++) {
            if (data[i] == first && startsWith(data, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    static ApiException tooLarge(long maxFileBytes) {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "payload_too_large", String.format(Locale.ROOT,
                "Nội dung gửi lên quá lớn. Mỗi tệp tài liệu tối đa %s MB.", megabytes(maxFileBytes)));
    }

    public static String megabytes(long bytes) {
        double mb = bytes / 1048576.0;
        return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
    }

    private static ApiException malformed() {
        return ApiErrors.badRequest("malformed_multipart", "Nội dung biểu mẫu tải lên (multipart) không hợp lệ.");
    }
}
