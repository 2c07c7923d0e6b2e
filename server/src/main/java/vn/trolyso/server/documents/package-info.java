/**
 * Administration of documents: multipart uploads, listing, metadata and deletion. May use knowledge (ingest,
 * document), server.http and server.security.
 */
package vn.trolyso.server.documents;
