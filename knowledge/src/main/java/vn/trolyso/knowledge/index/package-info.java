/**
 * The Lucene index: the fields of a chunk, index generations on disk and their single-flight rebuild, BM25 query
 * building, the ranking parameters, and the hybrid searcher that reads a generation (BM25 fused with a dense
 * retriever through Lucene's reciprocal rank fusion). May use knowledge.document, knowledge.search, knowledge.text
 * and the status types of the knowledge package.
 */
package vn.trolyso.knowledge.index;
