package vn.trolyso.knowledge.search;

import vn.trolyso.knowledge.document.DocumentMetadata;

/**
 * One ranked search result.
 *
 * @param document    metadata of the document the passage belongs to
 * @param chunkId     the chunk's stable id ("documentId#ordinal")
 * @param sectionPath headings leading to the passage
 * @param text        the passage text as indexed (NFC, cleaned)
 * @param score       relevance score; only comparable within one result list
 */
public record Passage(DocumentMetadata document, String chunkId, String sectionPath, String text, float score) {
}
