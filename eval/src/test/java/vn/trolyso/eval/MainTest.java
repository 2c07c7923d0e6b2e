package vn.trolyso.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noArgumentsListsEveryCommand() {
        assertEquals(2, run());
        String listing = out.toString(StandardCharsets.UTF_8);
        for (EvalCommand c : Main.COMMANDS) {
            assertTrue(listing.contains(c.name()) && listing.contains(c.summary()), listing);
        }
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, run("no-such-command"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown eval command 'no-such-command'"));
    }

    @Test
    void commandNamesAreUnique() {
        assertEquals(Main.COMMANDS.size(), Main.COMMANDS.stream().map(EvalCommand::name).distinct().count());
    }

    @Test
    void argsParseValuesFlagsAndEquals() {
        EvalArgs a = EvalArgs.parse(List.of("--dataset", "dev", "--verbose", "--out=x.json", "word"),
                java.util.Set.of("dataset", "out"));
        assertEquals("dev", a.value("dataset", "?"));
        assertTrue(a.flag("verbose"));
        assertEquals("x.json", a.out().orElseThrow().toString());
        assertEquals(List.of("word"), a.positional());
        assertEquals(2, run("qa-sets", "--bogus"));
    }
}
