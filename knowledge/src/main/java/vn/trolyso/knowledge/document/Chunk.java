package vn.trolyso.knowledge.document;

/**
 * A citable passage of one document.
 *
 * @param documentId  the owning document's id
 * @param ordinal     position of the chunk in its document (0-based)
 * @param sectionPath headings leading to the chunk, joined by " › ", e.g. "III. NỘI DUNG › 3. Địa điểm"
 * @param text        the passage text, already cleaned (NFC, no page-number debris)
 */
public record Chunk(String documentId, int ordinal, String sectionPath, String text) {
    public static final String SECTION_SEPARATOR = " › ";

    /** Stable id of the chunk within the index. */
    public String id() {
        return documentId + "#" + ordinal;
    }
}
