package vn.trolyso.knowledge.document;

import java.util.List;

/** A document ready for the index: its metadata and its chunks. Every source of content produces these. */
public record IndexableDocument(DocumentMetadata metadata, List<Chunk> chunks) {
    public IndexableDocument {
        chunks = List.copyOf(chunks);
    }
}
