/**
 * Search as the rest of the system asks for it: queries, passages, and the interfaces of dense retrieval and
 * embedding. May use knowledge.document only.
 */
package vn.trolyso.knowledge.search;
