/**
 * Chat over JSON and Server-Sent Events, the answer log, the conversations (kept in the database) and their history.
 * May use the assistant module, server.http and server.security.
 */
package vn.trolyso.server.chat;
