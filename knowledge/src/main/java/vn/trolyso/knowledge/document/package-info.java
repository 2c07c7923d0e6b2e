/**
 * A document as the index sees it: metadata, kind, cards, chunks, the bundled corpus, and the cleaning and section
 * chunking of plain text. Uses nothing else of Trợ lý số (Jackson only).
 */
package vn.trolyso.knowledge.document;
