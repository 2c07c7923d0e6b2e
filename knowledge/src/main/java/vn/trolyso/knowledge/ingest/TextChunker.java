package vn.trolyso.knowledge.ingest;

import java.util.List;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.document.DocumentMetadata;

/** Splits a stored document's cleaned text into citable chunks (the knowledge base's chunker, for uploads). */
@FunctionalInterface
public interface TextChunker {
    List<Chunk> chunk(DocumentMetadata metadata, String text);
}
