package vn.trolyso.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;
import vn.trolyso.knowledge.text.StrictUtf8;

/**
 * Reads a JSON object request body safely: checks the content type (415), the size (413) before and while reading,
 * strict UTF-8 (400 invalid_utf8) and JSON syntax (400 malformed_json). Other helpers use it for their POST routes.
 */
public final class JsonBody {
    private JsonBody() {
    }

    /** Reads the body as a JSON object of at most {@code maxBytes} bytes. */
    public static ObjectNode readObject(ServerRequest req, int maxBytes) {
        requireJsonContentType(req);
        String text = readUtf8(req, maxBytes);
        if (text.isBlank()) {
            throw ApiErrors.badRequest("empty_body", "Yêu cầu không có nội dung JSON.");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw ApiErrors.badRequest("malformed_json", "Nội dung JSON không hợp lệ.");
        }
        if (node == null || !node.isObject()) {
            throw ApiErrors.badRequest("malformed_json", "Nội dung phải là một đối tượng JSON ({...}).");
        }
        return (ObjectNode) node;
    }

    static void requireJsonContentType(ServerRequest req) {
        Optional<HttpMediaType> type = req.headers().contentType();
        boolean json = type.isPresent() && type.get().mediaType().equals(MediaTypes.APPLICATION_JSON);
        if (!json) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_media_type",
                    "Kiểu nội dung phải là application/json.");
        }
        Optional<String> charset = type.get().charset();
        if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, "unsupported_charset",
                    "Bảng mã phải là UTF-8.");
        }
    }

    /** The body decoded as strict UTF-8 (a byte-order mark is dropped). */
    public static String readUtf8(ServerRequest req, int maxBytes) {
        OptionalLong declared = req.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            // Read the rest first (up to a bound) so a client still sending gets the 413, not a reset connection.
            ConnectionGuard.drain(req.content().inputStream(), declared.getAsLong());
            throw tooLarge(maxBytes);
        }
        if (!req.content().hasEntity()) {
            return "";
        }
        byte[] bytes;
        try (InputStream in = ConnectionGuard.guard(req.content().inputStream())) {
            bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                ConnectionGuard.drain(in, ConnectionGuard.settings().drainBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        String text = StrictUtf8.decode(bytes).orElseThrow(
                () -> ApiErrors.badRequest("invalid_utf8", "Nội dung không phải văn bản UTF-8 hợp lệ."));
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static ApiException tooLarge(int maxBytes) {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "payload_too_large",
                "Nội dung gửi lên quá lớn (tối đa " + (maxBytes / 1024) + " KB).");
    }

    /** An optional string field; null when absent or JSON null. */
    public static String optionalString(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiErrors.invalidField(field, "phải là chuỗi ký tự.");
        }
        return v.asText();
    }

    /** A required string field. */
    public static String requiredString(ObjectNode body, String field) {
        String v = optionalString(body, field);
        if (v == null) {
            throw ApiErrors.missingField(field);
        }
        return v;
    }
}
