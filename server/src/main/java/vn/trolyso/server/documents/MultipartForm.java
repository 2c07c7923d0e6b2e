package vn.trolyso.server.documents;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import vn.trolyso.knowledge.text.StrictUtf8;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ApiException;
import vn.trolyso.server.http.ConnectionGuard;

/**
 * A {@code multipart/form-data} request body (RFC 7578), split into its parts while it is read: a file part is written
 * to a temporary file as it arrives, so an upload in flight holds a 64 KB buffer, not the whole body (a 20 MB upload
 * used to cost about 49 MB of heap: the body, its growth while read, and the copy of the part). Close the form to
 * delete the files. Bounded: the body size (413 before and while reading; the rest of a too-large body is drained so
 * the client still sending gets the answer), the number of parts, the size of part headers and of plain fields.
 */
public final class MultipartForm implements AutoCloseable {
    static final int MAX_PARTS = 20;
    /** Room for the boundaries, part headers and the metadata fields around the file. */
    static final int FRAMING_MARGIN = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 8 * 1024;
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    /**
     * One part: its form field name, the file name when it is a file, and its content (in a temporary file for a
     * file part, in memory for a plain field).
     */
    public record Part(String name, Optional<String> fileName, Path file, byte[] inMemory, long size) {
        /** The content's bytes (read from the temporary file for a file part). */
        public byte[] content() {
            if (file == null) {
                return inMemory;
            }
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The content as strict UTF-8 text (400 invalid_utf8 otherwise). */
        public String text() {
            return utf8(content()).orElseThrow(() -> ApiErrors.badRequest("invalid_utf8",
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

    /** Deletes the temporary files. */
    @Override
    public void close() {
        deleteFiles(parts);
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
        try (InputStream in = ConnectionGuard.guard(req.content().inputStream())) {
            try {
                return parse(in, boundary, maxBytes);
            } catch (TooLarge e) {
                ConnectionGuard.drain(in, ConnectionGuard.settings().drainBytes());
                throw tooLarge(maxFileBytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits {@code body} into parts as it is read (package-private for tests); TooLarge past {@code maxBytes}. */
    static MultipartForm parse(InputStream body, String boundary, long maxBytes) throws IOException {
        return parse(new BodyReader(new BufferedInputStream(body, 64 * 1024), maxBytes), boundary);
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

    /** Splits a body into parts as it is read; the temporary files of a failed parse are deleted. */
    private static MultipartForm parse(BodyReader in, String boundary) throws IOException {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        boolean ok = false;
        try {
            if (!in.copyUntil(delimiter, OutputStream.nullOutputStream())) {
                throw malformed();
            }
            while (true) {
                int a = in.read();
                int b = in.read();
                if (a == '-' && b == '-') {
                    ok = true;
                    return new MultipartForm(parts); // close delimiter; the epilogue is not read
                }
                while (a == ' ' || a == '\t') {
                    a = b;
                    b = in.read();
                }
                if (a != '\r' || b != '\n') {
                    throw malformed();
                }
                ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
                if (!in.copyUntil(HEADER_END, new BodyReader.Limited(headerBytes, MAX_HEADER_BYTES))) {
                    throw malformed();
                }
                String headers = utf8(headerBytes.toByteArray()).orElseThrow(MultipartForm::malformed);
                if (parts.size() == MAX_PARTS) {
                    throw ApiErrors.badRequest("too_many_parts",
                            "Biểu mẫu có quá nhiều trường (tối đa " + MAX_PARTS + ").");
                }
                parts.add(part(headers, in, nextDelimiter));
            }
        } catch (BodyReader.Limited.Exceeded e) {
            throw malformed();
        } finally {
            if (!ok) {
                deleteFiles(parts);
            }
        }
    }

    /** Reads one part's content up to the next delimiter: a file to a temporary file, a field into memory. */
    private static Part part(String headers, BodyReader in, byte[] nextDelimiter) throws IOException {
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
        String name = ContentDisposition.parameter(header, "name").orElseThrow(MultipartForm::malformed);
        Optional<String> fileName = ContentDisposition.parameter(header, "filename*").flatMap(ContentDisposition::extendedValue)
                .or(() -> ContentDisposition.parameter(header, "filename"))
                .map(f -> f.replaceAll(".*[/\\\\]", "")) // browsers may send a path; keep the last segment
                .filter(f -> !f.isBlank());
        if (ContentDisposition.parameter(header, "filename").isEmpty() && ContentDisposition.parameter(header, "filename*").isEmpty()) {
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            if (!in.copyUntil(nextDelimiter, new BodyReader.Limited(value, FRAMING_MARGIN))) {
                throw malformed();
            }
            return new Part(name, fileName, null, value.toByteArray(), value.size());
        }
        Path file = Files.createTempFile("trolyso-upload-", ".part");
        boolean ok = false;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            if (!in.copyUntil(nextDelimiter, out)) {
                throw malformed();
            }
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
        return new Part(name, fileName, file, null, Files.size(file));
    }

    private static void deleteFiles(List<Part> parts) {
        for (Part p : parts) {
            if (p.file() != null) {
                try {
                    Files.deleteIfExists(p.file());
                } catch (IOException ignored) {
                    // a temporary file: the OS cleans its temp directory
                }
            }
        }
    }

    /** The body went over its limit while it was read. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    static Optional<String> utf8(byte[] bytes) {
        return StrictUtf8.decode(bytes);
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
