package vn.trolyso.knowledge;

import vn.trolyso.knowledge.document.DocumentMetadata;

/**
 * One indexed document as lists show it.
 *
 * @param metadata   the document's metadata (title, issuer, place, date, type, kind, source)
 * @param chunkCount how many passages of it are in the index
 */
public record DocumentSummary(DocumentMetadata metadata, int chunkCount) {
}
