package vn.trolyso.knowledge.ingest;

/**
 * A file that cannot be ingested. Carries a stable code for API clients and a Vietnamese message for people; nothing
 * is stored or indexed when it is thrown.
 */
public final class IngestException extends RuntimeException {
    private final String code;

    public IngestException(String code, String vietnameseMessage) {
        super(vietnameseMessage);
        this.code = code;
    }

    public IngestException(String code, String vietnameseMessage, Throwable cause) {
        super(vietnameseMessage, cause);
        this.code = code;
    }

    /**
     * Stable machine-readable code: {@code unsupported_type}, {@code empty_document}, {@code invalid_encoding},
     * {@code encrypted_document}, {@code corrupt_document}, {@code too_large}, {@code zip_bomb}, {@code scanned_pdf},
     * {@code duplicate_document}, {@code invalid_metadata}.
     */
    public String code() {
        return code;
    }
}
