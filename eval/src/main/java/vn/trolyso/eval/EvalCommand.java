package vn.trolyso.eval;

import java.util.List;

/**
 * One benchmark of the eval module, run as {@code ./trolyso eval <name> [options]}. Register new commands in
 * {@link Main#COMMANDS}. Every command prints a readable table ({@link vn.trolyso.eval.report.Table}) and, given
 * {@code --out FILE}, writes its figures as JSON ({@link vn.trolyso.eval.report.JsonReport}).
 */
public interface EvalCommand {
    /** The command word, e.g. {@code retrieval}. */
    String name();

    /** One line for the command list, in English. */
    String summary();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command word (parse them with {@link EvalArgs})
     * @return the process exit code: 0 success, 1 a target missed or the run failed, 2 bad usage
     */
    int run(List<String> args);
}
