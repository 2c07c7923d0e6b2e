/**
 * Getting documents in: uploads and their store, text extraction (PDF, DOCX, HTML, Markdown, text), metadata
 * guessing, the inbox and background indexing. May use knowledge.document and knowledge.text, with PDFBox, POI and
 * jsoup.
 */
package vn.trolyso.knowledge.ingest;
