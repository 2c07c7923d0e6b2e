/**
 * A document as the index sees it: metadata, kind, cards, chunks, the bundled corpus, and the cleaning and section
 * chunking of plain text. Uses knowledge.text (the line grammar) and Jackson, nothing else.
 */
package vn.trolyso.knowledge.document;
