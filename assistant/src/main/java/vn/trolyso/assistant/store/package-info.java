/**
 * The embedded H2 database and its schema migrations ({@code db/migration/V*.sql}). Uses nothing else of Trợ lý số.
 */
package vn.trolyso.assistant.store;
