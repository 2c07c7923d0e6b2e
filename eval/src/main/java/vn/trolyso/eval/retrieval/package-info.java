/**
 * The {@code retrieval} benchmark (P@1, hit@5, MRR@10, nDCG@10, search latency) and the CSV reader of its question
 * sets. May use the knowledge module, assistant.llm (embeddings), eval.qa and eval.report.
 */
package vn.trolyso.eval.retrieval;
