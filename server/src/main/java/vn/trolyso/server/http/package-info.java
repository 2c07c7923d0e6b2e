/**
 * HTTP plumbing shared by the routes: JSON bodies and output, the JSON error format with stable codes, text input
 * checks and connection guards; no routes. May use the assistant and knowledge exceptions it maps to errors.
 */
package vn.trolyso.server.http;
