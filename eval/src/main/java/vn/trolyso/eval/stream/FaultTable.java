package vn.trolyso.eval.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.trolyso.eval.report.Table;

/**
 * The fault table: for each way Ollama can misbehave, 4 streams (20 for the clients that leave), what the clients
 * got, when they last heard of the stream, and how many generations the stub still had open 3 s later.
 */
final class FaultTable {
    private static final List<PacedOllama.Fault> FAULTS = List.of(PacedOllama.Fault.HANG_AFTER_HEADERS,
            PacedOllama.Fault.HANG_MID_STREAM, PacedOllama.Fault.SLOW_FIRST_TOKEN, PacedOllama.Fault.SERVER_ERROR,
            PacedOllama.Fault.CUT, PacedOllama.Fault.MALFORMED, PacedOllama.Fault.MODEL_NOT_FOUND);

    private final ChatStreamClient client;
    private final PacedOllama ollama;
    private final Table table = new Table("fault", "streams", "what the client got", "ended after s (max)",
            "generations open 3 s later");

    FaultTable(ChatStreamClient client, PacedOllama ollama) {
        this.client = client;
        this.ollama = ollama;
    }

    /** Runs every fault, prints the table under {@code heading} and returns its rows as JSON objects. */
    List<Map<String, Object>> run(String heading) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PacedOllama.Fault f : FAULTS) {
            ollama.fault(f);
            rows.add(row(f.label, 4, Duration.ZERO));
        }
        ollama.fault(PacedOllama.Fault.NONE);
        rows.add(row("clients leaving after 1 s", 20, Duration.ofSeconds(1)));
        System.out.println(heading);
        System.out.print(table.render());
        return rows;
    }

    private Map<String, Object> row(String label, int n, Duration leaveAfter) {
        List<ChatStreamClient.Stream> streams = client.concurrently(n, leaveAfter);
        long ended = streams.stream().mapToLong(ChatStreamClient.Stream::endedAfter).max().orElse(0);
        StreamBenchCommand.sleep(3000);
        int open = ollama.open();
        Map<String, Long> outcomes = new TreeMap<>();
        for (ChatStreamClient.Stream s : streams) {
            outcomes.merge(leaveAfter.isPositive() ? "left after " + leaveAfter.toSeconds() + " s" : outcome(s), 1L,
                    Long::sum);
        }
        String got = outcomes.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey())
                .reduce((a, b) -> a + "; " + b).orElse("");
        table.row(label, n, got, String.format("%.1f", ended / 1e9), open);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fault", label);
        row.put("streams", n);
        row.put("outcomes", outcomes);
        row.put("endedAfterSeconds", ended / 1e9);
        row.put("generationsOpenAfter3s", open);
        StreamBenchCommand.awaitClosed(ollama, Duration.ofSeconds(10));
        return row;
    }

    private static String outcome(ChatStreamClient.Stream s) {
        if (s.error() != null) {
            return s.error();
        }
        if (s.doneAt() == 0) {
            return "no done event";
        }
        if (s.notice()) {
            return "done: " + s.mode() + ", tokens + notice";
        }
        return "done: " + s.mode();
    }
}
