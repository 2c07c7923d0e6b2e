/**
 * The {@code server-bench} benchmark: what the server adds to a chat request, against a WireMock Ollama. May use the
 * server module and eval.report.
 */
package vn.trolyso.eval.server;
