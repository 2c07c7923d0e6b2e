/**
 * The {@code stream-bench} benchmark: concurrent SSE streams through the real server against a paced fake Ollama,
 * and its fault table. May use the server and assistant modules and eval.report.
 */
package vn.trolyso.eval.stream;
