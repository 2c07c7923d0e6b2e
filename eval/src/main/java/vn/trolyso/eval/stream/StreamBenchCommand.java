package vn.trolyso.eval.stream;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.trolyso.assistant.llm.OllamaGateway;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.assistant.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.trolyso.eval.ScratchDirs;
import vn.trolyso.eval.EvalCommand;
import vn.trolyso.eval.CommonOptions;
import vn.trolyso.eval.UsageException;
import vn.trolyso.eval.report.JsonReport;
import vn.trolyso.eval.report.Table;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;

/**
 * {@code stream-bench}: N concurrent SSE chat streams through the real server (production wiring, bundled corpus, in
 * this process) against {@link PacedOllama}, a fake Ollama that generates every answer at a fixed rate. Reports per
 * level: errors, the first-token lag over the stub's own first token (p50/p99), the total time over the stub's
 * floor, "burst" streams (no token before the last 10 % of the stream's time), peak RSS (/proc/self/status, this
 * whole process: server, stub and clients) and peak platform threads. Then a fault table: for each way Ollama can
 * misbehave, what the clients got and how many generations the stub still had open 3 s later.
 */
@Command(name = "stream-bench",
        description = "N concurrent SSE chat streams against a paced fake Ollama: errors, first-token lag, bursts, "
                + "RSS; fault table")
public final class StreamBenchCommand implements EvalCommand {
    private static final String MODEL = "bench-model:latest";
    /** Timeouts of the fault table's gateway, short so it runs in seconds (production: 60 s / 30 s). */
    private static final Duration FIRST_TOKEN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(5);

    @Mixin
    private CommonOptions common;
    @Option(names = "--streams", split = ",", defaultValue = "50,200,500", paramLabel = "N,N,…",
            description = "concurrent streams per level (default 50,200,500)")
    private List<Integer> levels;
    @Option(names = "--runs", description = "runs per level, the median reported (default 1)")
    private int runs = 1;
    @Option(names = "--tokens", description = "tokens per answer (default 300)")
    private int tokens = 300;
    @Option(names = "--rate", description = "tokens per second of each answer (default 40)")
    private double rate = 40;
    @Option(names = "--faults", paramLabel = "on|off", description = "run the fault table (default on)")
    private String faults = "on";
    @Option(names = "--server-heap", paramLabel = "SIZE", description = "run the server in its own JVM with -Xmx"
            + "SIZE, so that RSS and threads are the server's alone")
    private String serverHeap;

    @Override
    public int execute() {
        boolean faults = !this.faults.equals("off");
        if (levels.stream().anyMatch(l -> l < 1 || l > 1000) || runs < 1 || runs > 10 || tokens < 10 || rate <= 0) {
            throw new UsageException("--streams each 1–1000, --runs 1–10, --tokens ≥ 10, --rate > 0");
        }
        Optional<String> serverHeap = Optional.ofNullable(this.serverHeap);
        Path dataDir = null;
        TrolysoServer.Running server = null;
        ServerProcess child = null;
        try (PacedOllama ollama = new PacedOllama(MODEL, tokens, rate)) {
            dataDir = Files.createTempDirectory("trolyso-stream-bench");
            int maxStreams = levels.stream().mapToInt(i -> i).max().orElse(1);
            URI base;
            long pid;
            if (serverHeap.isPresent()) {
                // The server alone in its own JVM (java -Xmx<heap> … vn.trolyso.server.Main), so that its RSS and
                // threads are measured without the clients and the stub.
                child = ServerProcess.start(dataDir.resolve("load"), ollama.baseUrl(), MODEL, maxStreams,
                        serverHeap.get());
                base = child.baseUrl();
                pid = child.pid();
            } else {
                server = start(dataDir.resolve("load"), ollama, maxStreams, false);
                base = URI.create(server.baseUrl());
                pid = ProcessHandle.current().pid();
            }
            ChatStreamClient client = new ChatStreamClient(base.resolve("/api/v1/chat/stream"));
            LevelResult.measure(client, ollama, Math.min(20, levels.getFirst()), pid); // warm-up: JIT, caches

            Table table = new Table("streams", "run", "errors", "not generative", "first-token lag p50 ms",
                    "p99 ms", "total over floor p50 ms", "p99 ms", "burst", "peak RSS MB", "anon MB", "peak OS threads");
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean met = true;
            for (int n : levels) {
                List<LevelResult> results = new ArrayList<>();
                for (int r = 1; r <= runs; r++) {
                    LevelResult res = LevelResult.measure(client, ollama, n, pid);
                    results.add(res);
                    table.row(res.row(n, r));
                    rows.add(res.json(n, r));
                }
                LevelResult m = LevelResult.median(results);
                if (runs > 1) {
                    table.row(m.row(n, "median"));
                    rows.add(m.json(n, 0));
                }
                double target = n <= 300 ? 1.5e9 : 3e9;
                met &= m.errors() == 0 && m.bursts() == 0 && m.lagP99() <= target && m.peakRssMb() <= 512;
            }
            System.out.printf("stream-bench: POST /api/v1/chat/stream, fake Ollama %d tokens at %.0f tok/s "
                    + "(floor %d ms per answer), %d run(s) per level%n", tokens, rate, ollama.floor().toMillis(), runs);
            System.out.print(table.render());
            System.out.printf("server: %s; machine: %d cores, Java %s, load average %s%n",
                    serverHeap.map(h -> "own process, -Xmx" + h + " (RSS and threads of the server alone)")
                            .orElse("in this process, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                                    + " MB (RSS and threads include the clients and the stub)"),
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), ProcessSampler.loadAverage());

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("levels", rows);
            if (faults) {
                if (server != null) {
                    server.stop();
                }
                if (child != null) {
                    child.close();
                    child = null;
                }
                server = start(dataDir.resolve("faults"), ollama, 64, true);
                ChatStreamClient faultClient = new ChatStreamClient(
                        URI.create(server.baseUrl() + "/api/v1/chat/stream"));
                figures.put("faults", new FaultTable(faultClient, ollama).run("fault table (first-token timeout "
                        + FIRST_TOKEN_TIMEOUT.toSeconds() + " s, stall timeout " + STALL_TIMEOUT.toSeconds()
                        + " s; production defaults 60 s and 30 s):"));
            }
            JsonReport.writeIfRequested(common.out(), figures);
            return met ? 0 : 1;
        } catch (IOException e) {
            System.err.println("stream-bench failed: " + e.getMessage());
            return 1;
        } finally {
            if (server != null) {
                server.stop();
            }
            if (child != null) {
                child.close();
            }
            ScratchDirs.delete(dataDir);
        }
    }

    /**
     * The production wiring with the bench's gateway: as many generation slots as streams (the stub, unlike one
     * Ollama, runs them all at once), a breaker that does not open during the fault table; the production timeouts
     * for the load levels, short ones for the fault table.
     */
    private static TrolysoServer.Running start(Path dataDir, PacedOllama ollama, int maxStreams, boolean shortTimeouts)
            throws IOException {
        Files.createDirectories(dataDir);
        ServerConfig config = ServerConfig.load(Map.of("SERVER_HOST", "127.0.0.1", "SERVER_PORT", "0",
                "TROLYSO_DATA_DIR", dataDir.toString(), "OLLAMA_BASE_URL", ollama.baseUrl(), "OLLAMA_MODEL", MODEL,
                "TROLYSO_RATE_PER_MINUTE_IP", "10000000", "TROLYSO_RATE_BURST", "1000000",
                "TROLYSO_LOG_QUESTIONS", "false"));
        OllamaSettings settings = AppServices.ollamaSettings(config)
                .withConcurrency(Math.min(1024, maxStreams), OllamaSettings.DEFAULT_MAX_QUEUE)
                .withCircuit(1_000_000, Duration.ofSeconds(1));
        if (shortTimeouts) {
            settings = settings.withStallTimeout(STALL_TIMEOUT)
                    .withTimeouts(settings.connectTimeout(), FIRST_TOKEN_TIMEOUT, settings.overallDeadline());
        }
        Database db = Database.open(config.dataDir());
        AppServices services = AppServices.builder(config).database(db).closeOnShutdown(db)
                .ollama(OllamaGateway.create(settings)).build();
        services.load(AppServices::defaultKnowledge);
        TrolysoServer.Running server = TrolysoServer.start(config, services);
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!services.ollamaStatus().usable() && System.nanoTime() < end) {
            sleep(50);
        }
        return server;
    }

    static void awaitClosed(PacedOllama ollama, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (ollama.open() > 0 && System.nanoTime() < end) {
            sleep(50);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
