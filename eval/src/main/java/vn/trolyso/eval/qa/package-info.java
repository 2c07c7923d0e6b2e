/**
 * The bundled QA sets the benchmarks read, and the {@code qa-sets} command that describes them. May use eval.report.
 */
package vn.trolyso.eval.qa;
