/**
 * Chat over JSON and Server-Sent Events, the answer log and the mapping of conversation ids. May use the assistant
 * module, server.http and server.security.
 */
package vn.trolyso.server.chat;
