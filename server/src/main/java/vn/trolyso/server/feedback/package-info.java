/**
 * Thumbs up or down and comments on answers ({@code /api/v1/feedback}), stored through assistant.store.AnswerStore.
 * May use assistant.store, server.http and server.security.
 */
package vn.trolyso.server.feedback;
