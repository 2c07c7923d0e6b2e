/**
 * Who may call what: API keys (configured and managed), scopes per route, the admin token, rate limits, trusted
 * proxies and CORS. May use server.config, server.http and assistant.store.
 */
package vn.trolyso.server.security;
