package vn.trolyso.eval;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * One benchmark of the eval module, run as {@code ./trolyso eval <name> [options]}: a picocli {@link Command} whose
 * name, one-line description and {@code @Option} fields are its whole command line. Register new commands in
 * {@link Main#COMMANDS}. Every command prints a readable table ({@link vn.trolyso.eval.report.Table}) and, given
 * {@code --out FILE} ({@link CommonOptions}), writes its figures as JSON ({@link vn.trolyso.eval.report.JsonReport}).
 */
public interface EvalCommand {
    /** The command word, e.g. {@code retrieval}: the {@link Command#name()} of the class. */
    default String name() {
        return spec().name();
    }

    /** One line for the command list, in English: the {@link Command#description()} of the class. */
    default String summary() {
        return String.join(" ", spec().usageMessage().description());
    }

    /**
     * Parses {@code args} into the command's option fields, then runs it ({@code --help} prints its options).
     *
     * @param args the arguments after the command word
     * @return the process exit code: 0 success, 1 a target missed or the run failed
     * @throws UsageException on an unknown option, a missing or malformed value (Main exits with 2)
     */
    default int run(List<String> args) {
        CommandLine cli = new CommandLine(this);
        try {
            cli.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            return 0;
        }
        return execute();
    }

    /**
     * Runs the command with its options parsed.
     *
     * @return the process exit code: 0 success, 1 a target missed or the run failed
     */
    int execute();

    private CommandLine.Model.CommandSpec spec() {
        return new CommandLine(this).getCommandSpec();
    }
}
