package vn.trolyso.eval;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every eval command has ({@code @Mixin}): {@code --out FILE.json} and {@code --help}. */
public final class CommonOptions {
    @Option(names = "--out", paramLabel = "FILE.json", description = "also write the figures as JSON to this file")
    private Path out;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show the options and exit")
    private boolean help;

    /** The file asked for with {@code --out}, if any. */
    public Optional<Path> out() {
        return Optional.ofNullable(out);
    }
}
