package vn.trolyso.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import vn.trolyso.eval.answers.AnswersCommand;
import vn.trolyso.eval.framework.FrameworkEvalCommand;
import vn.trolyso.eval.qa.QaSetsCommand;
import vn.trolyso.eval.reader.ReaderCommand;
import vn.trolyso.eval.retrieval.RetrievalCommand;
import vn.trolyso.eval.server.ServerBenchCommand;
import vn.trolyso.eval.stream.StreamBenchCommand;

/**
 * Entry point of the benchmarks: {@code java -jar eval/target/eval.jar <command> [options]} (or
 * {@code ./trolyso eval <command> …}). Without a command it lists the commands.
 */
public final class Main {
    /** Every eval command, in the order they are listed. Add yours here. */
    static final List<EvalCommand> COMMANDS = List.of(
            new RetrievalCommand(),
            new QaSetsCommand(),
            new FrameworkEvalCommand(),
            new AnswersCommand(),
            new ReaderCommand(),
            new ServerBenchCommand(),
            new StreamBenchCommand());

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
            printCommands(out);
            return args.isEmpty() ? 2 : 0;
        }
        Optional<EvalCommand> command = find(args.get(0));
        if (command.isEmpty()) {
            err.println("Unknown eval command '" + args.get(0) + "'.");
            printCommands(err);
            return 2;
        }
        try {
            return command.get().run(args.subList(1, args.size()));
        } catch (UsageException e) {
            err.println(command.get().name() + ": " + e.getMessage());
            return 2;
        }
    }

    static Optional<EvalCommand> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static void printCommands(PrintStream out) {
        out.println("Trợ lý số eval — usage: ./trolyso eval <command> [options] [--out FILE.json]");
        out.println();
        int width = COMMANDS.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (EvalCommand c : COMMANDS) {
            out.println("  " + c.name() + " ".repeat(width - c.name().length()) + "  " + c.summary());
        }
        out.flush();
    }
}
