package vn.trolyso.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void optionsTakeValuesInEitherFormAndUnknownOnesAreUsageErrors(@TempDir Path dir) {
        Path json = dir.resolve("x.json");
        assertEquals(0, run("qa-sets", "--out=" + json));
        assertTrue(Files.isRegularFile(json), "--out=FILE");
        assertEquals(0, run("qa-sets", "--out", dir.resolve("y.json").toString()));
        assertTrue(Files.isRegularFile(dir.resolve("y.json")), "--out FILE");
        assertEquals(2, run("qa-sets", "--bogus"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("qa-sets: Unknown option: '--bogus'"), err::toString);
        assertEquals(2, run("server-bench", "--requests", "many"));
    }

    @Test
    void aQaFileThatCannotBeReadIsAUsageErrorNamingTheLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\": \"x1\", \"question\": \"Lớp 7 ở bậc mấy?\"}\n", StandardCharsets.UTF_8);
        assertEquals(2, run("answers", "--file", bad.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("answers: --file ") && message.contains("bad.jsonl line 1: missing q/turns"),
                message);
        assertEquals(2, run("answers", "--file", dir.resolve("none.jsonl").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read QA file"), err::toString);
    }
}
