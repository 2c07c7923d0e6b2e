/**
 * Thumbs up or down and comments on answers ({@code /api/v1/feedback}) and their store. May use assistant.store,
 * server.http and server.security.
 */
package vn.trolyso.server.feedback;
