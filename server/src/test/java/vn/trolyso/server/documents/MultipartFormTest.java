package vn.trolyso.server.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming multipart parser: file parts go to a temporary file, deleted with the form; limits hold. */
class MultipartFormTest {
    private static final String BOUNDARY = "----bnd42";

    @Test
    void aFilePartIsSpooledToATemporaryFileWithItsExactBytesAndDeletedOnClose() throws Exception {
        // Content that starts the delimiter again and again without completing it, plus random bytes.
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("a\r\n--\r\n----bnd4\r\n------bnd4\r\n-".getBytes(StandardCharsets.ISO_8859_1));
        byte[] random = new byte[300_000];
        new Random(7).nextBytes(random);
        file.writeBytes(random);
        file.writeBytes("\r\n--".getBytes(StandardCharsets.ISO_8859_1));
        byte[] content = file.toByteArray();

        Path spooled;
        try (MultipartForm form = MultipartForm.parse(new ByteArrayInputStream(body(content)), BOUNDARY,
                10_000_000)) {
            MultipartForm.Part part = form.part("file").orElseThrow();
            assertEquals("bài giảng.pdf", part.fileName().orElseThrow());
            spooled = part.file();
            assertTrue(spooled != null && Files.exists(spooled), "the file part is on disk, not in memory");
            assertEquals(content.length, part.size());
            assertArrayEquals(content, part.content());
            assertEquals("Tiêu đề", form.part("title").orElseThrow().text());
        }
        assertFalse(Files.exists(spooled), "closing the form deletes the temporary file");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhileItIsReadAndLeavesNoFile() throws Exception {
        byte[] big = new byte[200_000];
        long before = tempUploads();
        assertThrows(MultipartForm.TooLarge.class, () -> MultipartForm.parse(new ByteArrayInputStream(body(big)),
                BOUNDARY, 100_000));
        assertEquals(before, tempUploads(), "the partial temporary file was deleted");
    }

    private static long tempUploads() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("trolyso-upload-")).count();
        }
    }

    private static byte[] body(byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("preamble\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                + "Tiêu đề\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename*=UTF-8''b%C3%A0i%20gi%E1%BA%A3ng.pdf\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        b.writeBytes(content);
        b.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }
}
