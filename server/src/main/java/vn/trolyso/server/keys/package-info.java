/**
 * Administration of API keys ({@code /api/v1/keys}). May use server.http and server.security.
 */
package vn.trolyso.server.keys;
