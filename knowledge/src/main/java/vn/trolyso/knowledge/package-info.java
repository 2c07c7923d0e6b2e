/**
 * The knowledge base behind every answer: the {@code KnowledgeBase} facade (search, index builds, status) and the
 * bundled sources it is built from ({@code KnowledgeSources}). Uses the knowledge subpackages and Lucene; never the
 * assistant or the server.
 */
package vn.trolyso.knowledge;
