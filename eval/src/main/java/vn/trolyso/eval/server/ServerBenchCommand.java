package vn.trolyso.eval.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.trolyso.eval.ScratchDirs;
import vn.trolyso.eval.EvalCommand;
import vn.trolyso.eval.CommonOptions;
import vn.trolyso.eval.UsageException;
import vn.trolyso.eval.report.JsonReport;
import vn.trolyso.eval.report.Table;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;

/**
 * {@code server-bench}: what the server adds to each chat request when the LLM itself costs nothing. Starts the real
 * server (production wiring, bundled corpus) beside a WireMock Ollama that streams a short answer instantly, then
 * sends POST /api/v1/chat from 1, 10 and 50 concurrent clients over loopback and reports p50/p99 latency and
 * throughput; the stub's own round trip is measured alone and reported for comparison. Bounded in requests and time.
 */
@Command(name = "server-bench",
        description = "server overhead per chat request beside an instant stub LLM at 1/10/50 clients (p50, p99, "
                + "req/s)")
public final class ServerBenchCommand implements EvalCommand {
    private static final String MODEL = "bench-model:latest";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUESTIONS = List.of(
            "Mục đích của kế hoạch ứng dụng trí tuệ nhân tạo trong giáo dục là gì?",
            "Phong trào Bình dân học vụ số nhằm mục tiêu gì?",
            "Ai chịu trách nhiệm triển khai kế hoạch chuyển đổi số ở phường?",
            "Kế hoạch đặt ra những chỉ tiêu nào cho năm 2025?",
            "Giáo viên cần được bồi dưỡng những kỹ năng số nào?",
            "Kinh phí thực hiện kế hoạch lấy từ đâu?");

    @Mixin
    private CommonOptions common;
    @Option(names = "--requests", description = "requests per level (default 300)")
    private int requests = 300;
    @Option(names = "--levels", split = ",", defaultValue = "1,10,50", paramLabel = "N,N,…",
            description = "concurrent clients per level (default 1,10,50)")
    private List<Integer> levels;
    @Option(names = "--max-seconds", description = "time budget per level (default 60)")
    private int maxSeconds = 60;

    @Override
    public int execute() {
        if (requests < 1 || requests > 100_000 || maxSeconds < 1 || levels.stream().anyMatch(l -> l < 1 || l > 200)) {
            throw new UsageException("--requests 1–100000, --max-seconds ≥ 1, --levels each 1–200");
        }
        WireMockServer ollama = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort().containerThreads(Math.max(20, levels.stream().mapToInt(i -> i).max().orElse(1) * 2 + 10))
                .disableRequestJournal());
        ollama.start();
        Path dataDir = null;
        TrolysoServer.Running server = null;
        try {
            stubOllama(ollama);
            dataDir = Files.createTempDirectory("trolyso-server-bench");
            ServerConfig config = HttpAssistant.localConfig(dataDir,
                    Map.of("OLLAMA_BASE_URL", ollama.baseUrl(), "OLLAMA_MODEL", MODEL));
            server = TrolysoServer.start(config);
            awaitReady(server);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI chat = URI.create(server.baseUrl() + "/api/v1/chat");
            Map<String, Integer> modes = new ConcurrentHashMap<>();
            runLevel(client, chat, 1, 30, maxSeconds, modes); // warm-up: JIT, index caches, connection pool
            modes.clear();

            List<Map<String, Object>> rows = new ArrayList<>();
            Table table = new Table("clients", "requests", "p50 ms", "p99 ms", "req/s", "errors");
            Level stub = stubBaseline(client, URI.create(ollama.baseUrl() + "/api/chat"), Math.min(requests, 200));
            for (int clients : levels) {
                Level level = runLevel(client, chat, clients, requests, maxSeconds, modes);
                table.row(clients, level.count(), ms(level.p50()), ms(level.p99()), String.format("%.1f",
                        level.throughput()), level.errors());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("clients", clients);
                row.put("requests", level.count());
                row.put("p50Ms", level.p50() / 1e6);
                row.put("p99Ms", level.p99() / 1e6);
                row.put("requestsPerSecond", level.throughput());
                row.put("errors", level.errors());
                rows.add(row);
            }
            System.out.println("server-bench: POST /api/v1/chat over loopback, WireMock Ollama streaming instantly");
            System.out.print(table.render());
            System.out.printf("stub Ollama alone (1 client): p50 %s ms, p99 %s ms%n", ms(stub.p50()), ms(stub.p99()));
            System.out.println("answer modes seen: " + modes);
            System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + Runtime.version());
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("levels", rows);
            figures.put("stubP50Ms", stub.p50() / 1e6);
            figures.put("stubP99Ms", stub.p99() / 1e6);
            figures.put("modes", modes);
            JsonReport.writeIfRequested(common.out(), figures);
            boolean generative = modes.getOrDefault("generative", 0) > 0;
            if (!generative) {
                System.err.println("server-bench: no generative answer was produced; the stub was not used");
                return 1;
            }
            return rows.stream().anyMatch(r -> ((Integer) r.get("errors")) > 0) ? 1 : 0;
        } catch (IOException e) {
            System.err.println("server-bench failed: " + e.getMessage());
            return 1;
        } finally {
            if (server != null) {
                server.stop();
            }
            ollama.stop();
            ScratchDirs.delete(dataDir);
        }
    }

    /** Measured latencies (nanoseconds) of one concurrency level. */
    record Level(List<Long> latencies, long wallNanos, int errors) {
        int count() {
            return latencies.size();
        }

        long p50() {
            return percentile(0.50);
        }

        long p99() {
            return percentile(0.99);
        }

        double throughput() {
            return latencies.size() / (wallNanos / 1e9);
        }

        private long percentile(double p) {
            if (latencies.isEmpty()) {
                return 0;
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }
    }

    private static Level runLevel(HttpClient client, URI chat, int clients, int requests, int maxSeconds,
                                  Map<String, Integer> modes) {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread.ofVirtual().start(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                        String body = "{\"message\":" + JSON.writeValueAsString(QUESTIONS.get(i % QUESTIONS.size()))
                                + "}";
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(chat)
                                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        long elapsed = System.nanoTime() - t0;
                        if (r.statusCode() == 200) {
                            latencies.add(elapsed);
                            JsonNode answer = JSON.readTree(r.body());
                            modes.merge(answer.path("mode").asText("?"), 1, Integer::sum);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Level(List.copyOf(latencies), System.nanoTime() - start, errors.get());
    }

    /** The stub's own round trip, so the table can be read as server overhead. */
    private static Level stubBaseline(HttpClient client, URI stubChat, int requests) {
        List<Long> latencies = new ArrayList<>();
        int errors = 0;
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(stubChat)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + MODEL + "\",\"stream\":true}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    latencies.add(System.nanoTime() - t0);
                } else {
                    errors++;
                }
            } catch (IOException e) {
                errors++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Level(latencies, System.nanoTime() - start, errors);
    }

    private static void stubOllama(WireMockServer ollama) {
        ollama.stubFor(get(urlEqualTo("/api/tags")).willReturn(okJson(
                "{\"models\":[{\"name\":\"" + MODEL + "\",\"model\":\"" + MODEL + "\",\"size\":1,"
                        + "\"details\":{\"format\":\"gguf\",\"family\":\"qwen2\"}}]}")));
        StringBuilder ndjson = new StringBuilder();
        for (String piece : List.of("Theo kế hoạch, ", "mục tiêu là nâng cao ", "năng lực số cho giáo viên ",
                "và học sinh [1].")) {
            ndjson.append("{\"model\":\"").append(MODEL).append("\",\"created_at\":\"2025-10-01T08:00:00Z\","
                    + "\"message\":{\"role\":\"assistant\",\"content\":").append(quote(piece)).append("},\"done\":false}\n");
        }
        ndjson.append("{\"model\":\"").append(MODEL).append("\",\"created_at\":\"2025-10-01T08:00:01Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                + "\"prompt_eval_count\":800,\"eval_count\":30}\n");
        ollama.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson").withBody(ndjson.toString())));
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReady(TrolysoServer.Running server) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!server.services().ready() || !server.services().ollamaStatus().usable()) {
            if (!server.services().loadError().isEmpty() || System.nanoTime() > deadline) {
                throw new IllegalStateException("server not ready: " + server.services().loadError()
                        + " ollama " + server.services().ollamaStatus().state());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
