package vn.trolyso.server.config;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed reads of one node of the configuration tree, the same for a value from application.yaml and one from a
 * variable: the one boolean parser, whole numbers, durations ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h},
 * ISO-8601 {@code PT30S} or plain seconds) and lists (a YAML list, or the comma list a variable holds). A value that
 * cannot be read is an {@link IllegalArgumentException} naming its variable.
 */
final class ConfigValues {
    private ConfigValues() {
    }

    /** The node's text, stripped; empty when missing or blank. */
    static Optional<String> text(Config node) {
        return node.asString().asOptional().map(String::strip).filter(v -> !v.isEmpty());
    }

    static String text(Config node, String fallback) {
        return text(node).orElse(fallback);
    }

    static int integer(Config node, int fallback) {
        return text(node).map(v -> parse(node, v, "a whole number", Integer::parseInt)).orElse(fallback);
    }

    static int requiredInteger(Config node) {
        return text(node).map(v -> parse(node, v, "a whole number", Integer::parseInt))
                .orElseThrow(() -> new IllegalArgumentException("Missing " + node.key()));
    }

    static double decimal(Config node, double fallback) {
        return text(node).map(v -> parse(node, v, "a number", Double::parseDouble)).orElse(fallback);
    }

    static boolean bool(Config node, boolean fallback) {
        return text(node).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(ConfigVariables.describe(node) + " must be true or false: "
                    + v);
        }).orElse(fallback);
    }

    static Duration duration(Config node, Duration fallback) {
        return text(node).map(v -> parse(node, v, "a duration such as 30s, 5m or PT30S", ConfigValues::parseDuration))
                .orElse(fallback);
    }

    /** Whole seconds, "30" or "30s", more than zero. */
    static Duration positiveSeconds(Config node, Duration fallback) {
        return Duration.ofSeconds(positiveWhole(node, fallback.toSeconds()));
    }

    static long positiveWhole(Config node, long fallback) {
        return text(node).map(v -> parse(node, v, "a positive whole number", s -> {
            long n = Long.parseLong(s.toLowerCase(Locale.ROOT).replaceAll("s$", ""));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        })).orElse(fallback);
    }

    /** A YAML list, or a comma list (how a variable writes it); blank entries dropped. */
    static Optional<List<String>> list(Config node) {
        if (!node.exists()) {
            return Optional.empty();
        }
        if (node.isLeaf()) {
            return Optional.of(commaList(node.asString().orElse("")));
        }
        return Optional.of(node.asNodeList().orElse(List.of()).stream()
                .map(item -> item.asString().orElse("").strip()).filter(s -> !s.isEmpty()).toList());
    }

    static List<String> commaList(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Duration parseDuration(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("p")) {
            return Duration.parse(s.toUpperCase(Locale.ROOT));
        }
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
        }
        char unit = s.charAt(s.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        long n = Long.parseLong(s.substring(0, s.length() - 1).strip());
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }

    private static <T> T parse(Config node, String value, String what, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(ConfigVariables.describe(node) + " must be " + what + ": " + value);
        }
    }
}
