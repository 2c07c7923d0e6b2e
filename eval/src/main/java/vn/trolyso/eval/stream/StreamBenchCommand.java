package vn.trolyso.eval.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import vn.trolyso.assistant.llm.OllamaGateway;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.eval.EvalArgs;
import vn.trolyso.eval.EvalCommand;
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
public final class StreamBenchCommand implements EvalCommand {
    private static final String MODEL = "bench-model:latest";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUESTIONS = List.of(
            "Mục đích của kế hoạch ứng dụng trí tuệ nhân tạo trong giáo dục là gì?",
            "Phong trào Bình dân học vụ số nhằm mục tiêu gì?",
            "Kế hoạch đặt ra những chỉ tiêu nào cho năm 2025?",
            "Giáo viên cần được bồi dưỡng những kỹ năng số nào?",
            "Kinh phí thực hiện kế hoạch lấy từ đâu?");
    /** Timeouts of the fault table's gateway, short so it runs in seconds (production: 60 s / 30 s). */
    private static final Duration FIRST_TOKEN_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "stream-bench";
    }

    @Override
    public String summary() {
        return "N concurrent SSE chat streams against a paced fake Ollama: errors, first-token lag, bursts, RSS; "
                + "fault table";
    }

    @Override
    public int run(List<String> rawArgs) {
        Set<String> options = Set.of("streams", "runs", "tokens", "rate", "faults", "server-heap", "out");
        EvalArgs args = EvalArgs.parse(rawArgs, options).requireKnown(options);
        List<Integer> levels = Arrays.stream(args.value("streams", "50,200,500").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        int runs = args.intValue("runs", 1);
        int tokens = args.intValue("tokens", 300);
        double rate = Double.parseDouble(args.value("rate", "40"));
        boolean faults = !args.value("faults", "on").equals("off");
        if (levels.stream().anyMatch(l -> l < 1 || l > 1000) || runs < 1 || runs > 10 || tokens < 10 || rate <= 0) {
            throw new EvalArgs.UsageException("--streams each 1–1000, --runs 1–10, --tokens ≥ 10, --rate > 0");
        }
        Optional<String> serverHeap = args.value("server-heap");
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
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .connectTimeout(Duration.ofSeconds(10)).build();
            URI stream = base.resolve("/api/v1/chat/stream");
            runLevel(client, stream, ollama, Math.min(20, levels.getFirst()), pid); // warm-up: JIT, caches

            Table table = new Table("streams", "run", "errors", "not generative", "first-token lag p50 ms",
                    "p99 ms", "total over floor p50 ms", "p99 ms", "burst", "peak RSS MB", "anon MB", "peak OS threads");
            List<Map<String, Object>> rows = new ArrayList<>();
            boolean met = true;
            for (int n : levels) {
                List<Result> results = new ArrayList<>();
                for (int r = 1; r <= runs; r++) {
                    Result res = runLevel(client, stream, ollama, n, pid);
                    results.add(res);
                    table.row(n, r, res.errors, res.notGenerative, ms(res.lagP50), ms(res.lagP99), ms(res.overP50),
                            ms(res.overP99), res.bursts, res.peakRssMb, res.peakAnonMb, res.peakThreads);
                    rows.add(res.json(n, r));
                }
                if (runs > 1) {
                    Result m = Result.median(results);
                    table.row(n, "median", m.errors, m.notGenerative, ms(m.lagP50), ms(m.lagP99), ms(m.overP50),
                            ms(m.overP99), m.bursts, m.peakRssMb, m.peakAnonMb, m.peakThreads);
                    rows.add(m.json(n, 0));
                }
                Result m = Result.median(results);
                double target = n <= 300 ? 1.5e9 : 3e9;
                met &= m.errors == 0 && m.bursts == 0 && m.lagP99 <= target && m.peakRssMb <= 512;
            }
            System.out.printf("stream-bench: POST /api/v1/chat/stream, fake Ollama %d tokens at %.0f tok/s "
                    + "(floor %d ms per answer), %d run(s) per level%n", tokens, rate, ollama.floor().toMillis(), runs);
            System.out.print(table.render());
            System.out.printf("server: %s; machine: %d cores, Java %s, load average %s%n",
                    serverHeap.map(h -> "own process, -Xmx" + h + " (RSS and threads of the server alone)")
                            .orElse("in this process, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                                    + " MB (RSS and threads include the clients and the stub)"),
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());

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
                List<Map<String, Object>> faultRows = faultTable(client,
                        URI.create(server.baseUrl() + "/api/v1/chat/stream"), ollama);
                figures.put("faults", faultRows);
            }
            JsonReport.writeIfRequested(args.out(), figures);
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
            deleteQuietly(dataDir);
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

    /** One client's view of one stream. */
    private record Stream1(int status, long sentAt, long firstTokenAt, long doneAt, int generation, String mode,
                           boolean notice, String error, List<Long> tokenTimes) {
    }

    /** One level's figures (times in nanoseconds). */
    private record Result(int errors, int notGenerative, long lagP50, long lagP99, long overP50, long overP99,
                          int bursts, long peakRssMb, long peakAnonMb, int peakThreads) {
        Map<String, Object> json(int streams, int run) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("streams", streams);
            m.put("run", run == 0 ? "median" : run);
            m.put("errors", errors);
            m.put("notGenerative", notGenerative);
            m.put("firstTokenLagP50Ms", lagP50 / 1e6);
            m.put("firstTokenLagP99Ms", lagP99 / 1e6);
            m.put("totalOverFloorP50Ms", overP50 / 1e6);
            m.put("totalOverFloorP99Ms", overP99 / 1e6);
            m.put("burstStreams", bursts);
            m.put("peakRssMb", peakRssMb);
            m.put("peakRssAnonMb", peakAnonMb);
            m.put("peakOsThreads", peakThreads);
            return m;
        }

        static Result median(List<Result> rs) {
            return new Result((int) med(rs, Result::errors), (int) med(rs, Result::notGenerative),
                    (long) med(rs, Result::lagP50), (long) med(rs, Result::lagP99), (long) med(rs, Result::overP50),
                    (long) med(rs, Result::overP99), (int) med(rs, Result::bursts), (long) med(rs, Result::peakRssMb),
                    (long) med(rs, Result::peakAnonMb), (int) med(rs, Result::peakThreads));
        }

        private static double med(List<Result> rs, ToDoubleFunction<Result> f) {
            double[] v = rs.stream().mapToDouble(f).sorted().toArray();
            return v[v.length / 2];
        }
    }

    private static Result runLevel(HttpClient client, URI uri, PacedOllama ollama, int n, long serverPid) {
        ollama.forget();
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicLong peakRss = new AtomicLong();
        AtomicLong peakAnon = new AtomicLong();
        AtomicLong peakThreads = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (sampling.get()) {
                peakRss.accumulateAndGet(statusKb(serverPid, "VmRSS:"), Math::max);
                peakAnon.accumulateAndGet(statusKb(serverPid, "RssAnon:"), Math::max);
                peakThreads.accumulateAndGet(statusKb(serverPid, "Threads:"), Math::max);
                sleep(100);
            }
        });
        List<CompletableFuture<Stream1>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String question = QUESTIONS.get(i % QUESTIONS.size());
            all.add(CompletableFuture.supplyAsync(() -> stream(client, uri, question, Duration.ZERO),
                    Executors.newVirtualThreadPerTaskExecutor()));
        }
        List<Stream1> streams = all.stream().map(CompletableFuture::join).toList();
        sampling.set(false);
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitClosed(ollama, Duration.ofSeconds(10));

        long floor = ollama.floor().toNanos();
        List<Long> lags = new ArrayList<>();
        List<Long> overs = new ArrayList<>();
        int errors = 0;
        int notGenerative = 0;
        int bursts = 0;
        for (Stream1 s : streams) {
            if (s.status != 200 || s.error != null || s.doneAt == 0) {
                errors++;
                continue;
            }
            if (!"generative".equals(s.mode) || s.notice) {
                notGenerative++;
                continue;
            }
            Long stubFirst = ollama.firstTokenSentAt(s.generation);
            if (stubFirst != null && s.firstTokenAt > 0) {
                lags.add(s.firstTokenAt - stubFirst);
            }
            overs.add(s.doneAt - s.sentAt - floor);
            long span = s.doneAt - s.sentAt;
            if (s.firstTokenAt - s.sentAt >= 0.9 * span) {
                bursts++;
            }
        }
        return new Result(errors, notGenerative, pct(lags, 0.5), pct(lags, 0.99), pct(overs, 0.5), pct(overs, 0.99),
                bursts, peakRss.get() / 1024, peakAnon.get() / 1024, (int) peakThreads.get());
    }

    /** Sends one streamed chat and reads its events; leaves after {@code leaveAfter} when it is positive. */
    private static Stream1 stream(HttpClient client, URI uri, String question, Duration leaveAfter) {
        long sent = System.nanoTime();
        List<Long> tokenTimes = new ArrayList<>();
        long first = 0;
        int generation = -1;
        String mode = null;
        String error = null;
        boolean notice = false;
        long done = 0;
        int status = 0;
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(180))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":" + JSON.writeValueAsString(question)
                            + "}", StandardCharsets.UTF_8)).build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            if (status != 200) {
                String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                return new Stream1(status, sent, 0, 0, -1, null, false, "HTTP " + status + " "
                        + JSON.readTree(body).path("error").path("code").asText("?"), tokenTimes);
            }
            try (InputStream body = response.body();
                 BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String event = "message";
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (leaveAfter.isPositive() && System.nanoTime() - sent > leaveAfter.toNanos()) {
                        break; // the person closes the tab: closing the body drops the connection
                    }
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        if (event.equals("token") && first != 0) {
                            // the client's own cost stays small: only the first token's JSON is parsed
                            notice |= line.contains("Câu trả lời bị gián đoạn");
                            tokenTimes.add(now);
                            continue;
                        }
                        JsonNode data = JSON.readTree(line.substring(5).strip());
                        switch (event) {
                            case "token" -> {
                                String text = data.path("text").asText();
                                first = now;
                                if (text.startsWith("g")) {
                                    generation = parseGeneration(text);
                                }
                                notice |= text.contains("Câu trả lời bị gián đoạn");
                                tokenTimes.add(now);
                            }
                            case "done" -> {
                                done = now;
                                mode = data.path("mode").asText();
                                notice |= data.path("answer").asText().contains("Câu trả lời bị gián đoạn");
                            }
                            case "error" -> error = "error event " + data.path("code").asText();
                            default -> {
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            error = error == null ? e.getClass().getSimpleName() : error;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        return new Stream1(status, sent, first, done, generation, mode, notice, error, tokenTimes);
    }

    private static int parseGeneration(String text) {
        try {
            return Integer.parseInt(text.substring(1).strip().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Each fault: 4 streams (20 for the clients that leave); what they got, and generations left open 3 s later. */
    private static List<Map<String, Object>> faultTable(HttpClient client, URI uri, PacedOllama ollama) {
        Table table = new Table("fault", "streams", "what the client got", "ended after s (max)",
                "generations open 3 s later");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<PacedOllama.Fault> faults = List.of(PacedOllama.Fault.HANG_AFTER_HEADERS,
                PacedOllama.Fault.HANG_MID_STREAM, PacedOllama.Fault.SLOW_FIRST_TOKEN, PacedOllama.Fault.SERVER_ERROR,
                PacedOllama.Fault.CUT, PacedOllama.Fault.MALFORMED, PacedOllama.Fault.MODEL_NOT_FOUND);
        for (PacedOllama.Fault f : faults) {
            ollama.fault(f);
            rows.add(faultRow(table, f.label, client, uri, ollama, 4, Duration.ZERO));
        }
        ollama.fault(PacedOllama.Fault.NONE);
        rows.add(faultRow(table, "clients leaving after 1 s", client, uri, ollama, 20, Duration.ofSeconds(1)));
        System.out.println("fault table (first-token timeout " + FIRST_TOKEN_TIMEOUT.toSeconds() + " s, stall timeout "
                + STALL_TIMEOUT.toSeconds() + " s; production defaults 60 s and 30 s):");
        System.out.print(table.render());
        return rows;
    }

    private static Map<String, Object> faultRow(Table table, String label, HttpClient client, URI uri,
                                                PacedOllama ollama, int n, Duration leaveAfter) {
        List<CompletableFuture<Stream1>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String q = QUESTIONS.get(i % QUESTIONS.size());
            all.add(CompletableFuture.supplyAsync(() -> stream(client, uri, q, leaveAfter),
                    Executors.newVirtualThreadPerTaskExecutor()));
        }
        List<Stream1> streams = all.stream().map(CompletableFuture::join).toList();
        long ended = streams.stream().mapToLong(s -> Math.max(s.doneAt, s.tokenTimes.isEmpty() ? s.sentAt
                : s.tokenTimes.getLast()) - s.sentAt).max().orElse(0);
        sleep(3000);
        int open = ollama.open();
        Map<String, Long> outcomes = new TreeMap<>();
        for (Stream1 s : streams) {
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
        awaitClosed(ollama, Duration.ofSeconds(10));
        return row;
    }

    private static String outcome(Stream1 s) {
        if (s.error != null) {
            return s.error;
        }
        if (s.doneAt == 0) {
            return "no done event";
        }
        if (s.notice) {
            return "done: " + s.mode + ", tokens + notice";
        }
        return "done: " + s.mode;
    }

    private static void awaitClosed(PacedOllama ollama, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (ollama.open() > 0 && System.nanoTime() < end) {
            sleep(50);
        }
    }

    private static long pct(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static String ms(long nanos) {
        return String.format("%.0f", nanos / 1e6);
    }

    /**
     * A /proc/&lt;pid&gt;/status figure of the server's process in kB (0 where /proc is missing): VmRSS, the whole resident size, and
     * RssAnon, its anonymous part (heap, stacks, buffers; not the memory-mapped index files, which are shared page
     * cache).
     */
    private static long statusKb(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
