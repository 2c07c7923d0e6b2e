/**
 * The {@code framework} benchmark: exactness of the framework answers on the framework QA items. May use
 * knowledge.framework, eval.qa and eval.report.
 */
package vn.trolyso.eval.framework;
