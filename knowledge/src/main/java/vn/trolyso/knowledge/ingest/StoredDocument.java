package vn.trolyso.knowledge.ingest;

import vn.trolyso.knowledge.document.DocumentMetadata;

/**
 * A document kept in the school's document store.
 *
 * @param metadata   what citations show (kind {@code OFFICIAL}; {@code source} is the uploaded file name)
 * @param format     format detected from the content
 * @param sha256     hash of the original bytes (duplicate detection)
 * @param sizeBytes  size of the original
 * @param uploadedAt ISO-8601 instant of the (last) upload
 * @param characters length of the extracted text
 */
public record StoredDocument(DocumentMetadata metadata, DocumentFormat format, String sha256, long sizeBytes,
                             String uploadedAt, int characters) {
    public String id() {
        return metadata.id();
    }
}
