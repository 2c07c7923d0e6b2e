package vn.trolyso.knowledge.ingest;

/**
 * Bounds that protect the service from hostile or accidental huge files.
 *
 * @param maxFileBytes         largest accepted upload (default 20 MB)
 * @param maxUnpackedBytes     largest total a DOCX may inflate to (default 200 MB)
 * @param maxCompressionRatio  largest inflated/compressed ratio of one DOCX entry above 1 MB (default 100)
 */
public record IngestLimits(long maxFileBytes, long maxUnpackedBytes, int maxCompressionRatio) {
    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

    public IngestLimits {
        if (maxFileBytes <= 0 || maxUnpackedBytes <= 0 || maxCompressionRatio <= 1) {
            throw new IllegalArgumentException("Ingest limits must be positive");
        }
    }

    public static IngestLimits defaults() {
        return new IngestLimits(DEFAULT_MAX_FILE_BYTES, 200L * 1024 * 1024, 100);
    }

    public IngestLimits withMaxFileBytes(long bytes) {
        return new IngestLimits(bytes, maxUnpackedBytes, maxCompressionRatio);
    }
}
