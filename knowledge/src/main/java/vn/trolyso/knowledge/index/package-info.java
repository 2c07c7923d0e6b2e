/**
 * The Lucene index: the fields of a chunk, index generations on disk, BM25 query building and the ranking
 * parameters. May use knowledge.document, knowledge.text and the status types of the knowledge package.
 */
package vn.trolyso.knowledge.index;
