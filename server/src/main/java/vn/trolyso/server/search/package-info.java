/**
 * The document search API. May use knowledge.search, server.documents, server.http and server.security.
 */
package vn.trolyso.server.search;
