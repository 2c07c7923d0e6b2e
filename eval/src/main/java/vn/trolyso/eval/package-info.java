/**
 * The benchmarks' entry point ({@code ./trolyso eval …}) and its command-line parsing; never run by the tests. May
 * use every module.
 */
package vn.trolyso.eval;
