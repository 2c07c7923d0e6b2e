/**
 * The {@code answers} benchmark: answer, refusal and citation accuracy of the assistant over the QA sets. May use
 * the assistant and knowledge modules and eval.qa, eval.reader and eval.report.
 */
package vn.trolyso.eval.answers;
