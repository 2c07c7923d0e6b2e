/**
 * Several nodes on one PostgreSQL: the uploaded documents and the school's learning modules kept in the database
 * ({@link vn.trolyso.server.sharing.SharedSources}) and a generation counter each node polls to bring its copy and its
 * own index up to date ({@link vn.trolyso.server.sharing.SourceSync}).
 */
package vn.trolyso.server.sharing;
