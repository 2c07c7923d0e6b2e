package vn.trolyso.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one eval command: {@code --name value}, {@code --name=value} and bare {@code --flag}s, plus
 * positional words. A value-taking option is declared by the command through {@link #parse(List, Set)} so that
 * {@code --out report.json} is never mistaken for a flag followed by a word.
 */
public final class EvalArgs {
    private final Map<String, String> options;
    private final List<String> positional;

    private EvalArgs(Map<String, String> options, List<String> positional) {
        this.options = options;
        this.positional = positional;
    }

    /**
     * Parses arguments.
     *
     * @param args          the command's arguments
     * @param valueOptions  names (without dashes) of the options that take a value, e.g. {@code out}, {@code dataset}
     * @throws UsageException on a value option without its value
     */
    public static EvalArgs parse(List<String> args, Set<String> valueOptions) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (valueOptions.contains(name)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                options.put(name, args.get(++i));
            } else {
                options.put(name, "true");
            }
        }
        return new EvalArgs(options, List.copyOf(positional));
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String value(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    public Optional<Path> path(String name) {
        return value(name).map(Path::of);
    }

    public int intValue(String name, int defaultValue) {
        String v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " needs a whole number, got '" + v + "'");
        }
    }

    public boolean flag(String name) {
        return "true".equalsIgnoreCase(options.get(name));
    }

    /** The {@code --out FILE} every command honours, if given. */
    public Optional<Path> out() {
        return path("out");
    }

    public List<String> positional() {
        return positional;
    }

    /** Fails on options the command does not know, so a typo is not silently ignored. */
    public EvalArgs requireKnown(Set<String> known) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + " (known: " + known + ")");
            }
        }
        return this;
    }

    /** Bad command-line usage; {@link Main} prints the message and exits with code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
