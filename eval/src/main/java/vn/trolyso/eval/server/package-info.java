/**
 * The {@code server-bench} benchmark (what the server adds to a chat request, against a WireMock Ollama) and
 * {@link vn.trolyso.eval.server.HttpAssistant}, the assistant asked through a real server's HTTP API by the
 * {@code reader} and {@code answers} commands' {@code --via-http}. May use the server module and eval.report.
 */
package vn.trolyso.eval.server;
