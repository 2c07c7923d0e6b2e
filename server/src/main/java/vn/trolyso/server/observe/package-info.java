/**
 * Health, metrics and {@code /openapi}. May use the assistant package's types.
 */
package vn.trolyso.server.observe;
