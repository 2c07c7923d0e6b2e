/**
 * The competency framework's read API as JSON. May use knowledge.framework, server.http and server.security.
 */
package vn.trolyso.server.framework;
