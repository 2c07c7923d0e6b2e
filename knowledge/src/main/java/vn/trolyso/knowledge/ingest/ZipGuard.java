package vn.trolyso.knowledge.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Inflates a ZIP container once, with bounded counting, before any parser touches it: a file that would inflate
 * beyond the limits (a zip bomb disguised as DOCX) is refused without ever holding the inflated bytes.
 */
final class ZipGuard {
    /** Below this many inflated bytes the ratio is not judged: small files compress very well legitimately. */
    private static final long RATIO_GRACE_BYTES = 10L * 1024 * 1024;

    private ZipGuard() {
    }

    /** Returns the entry names after checking the inflation bounds. */
    static Set<String> entryNames(byte[] zip, IngestLimits limits) {
        Set<String> names = new HashSet<>();
        long inflated = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
                int read;
                while ((read = in.read(buffer)) > 0) {
                    inflated += read;
                    boolean tooBig = inflated > limits.maxUnpackedBytes();
                    boolean tooDense = inflated > RATIO_GRACE_BYTES
                            && inflated > (long) limits.maxCompressionRatio() * zip.length;
                    if (tooBig || tooDense) {
                        throw zipBomb();
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IngestException("corrupt_document", "Tệp DOCX bị hỏng, không đọc được nội dung.", e);
        }
        if (names.isEmpty()) {
            throw new IngestException("corrupt_document", "Tệp DOCX bị hỏng, không đọc được nội dung.");
        }
        return names;
    }

    static IngestException zipBomb() {
        return new IngestException("zip_bomb", "Tệp bị từ chối: khi giải nén, nội dung lớn bất thường so với kích"
                + " thước tệp (nghi là \"zip bomb\").");
    }
}
