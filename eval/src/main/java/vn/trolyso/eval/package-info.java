/**
 * The benchmarks' entry point ({@code ./trolyso eval …}) and its command line (picocli: {@code EvalCommand},
 * {@code CommonOptions}); never run by the tests. May use every module.
 */
package vn.trolyso.eval;
