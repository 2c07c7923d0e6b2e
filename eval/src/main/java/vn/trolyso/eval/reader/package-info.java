/**
 * The {@code reader} benchmark: the no-LLM reader against gold extractive answers, beside a naive baseline. May use
 * the assistant and knowledge modules, eval.retrieval and eval.report.
 */
package vn.trolyso.eval.reader;
