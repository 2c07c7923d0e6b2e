/**
 * How the benchmarks report: JSON reports and plain-text tables. Uses nothing else of Trợ lý số.
 */
package vn.trolyso.eval.report;
