package vn.trolyso.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Stubs of Ollama's real HTTP API shapes (/api/tags, /api/chat streaming NDJSON and JSON), for tests. */
public final class OllamaStubs {
    public static final String MODEL = "qwen2.5:7b-instruct";

    private OllamaStubs() {
    }

    /**
     * Settings pointing at the stub. The timeouts are generous because build machines can be heavily loaded; the
     * tests of the timeouts themselves shorten them.
     */
    public static OllamaSettings settings(WireMockExtension server) {
        return OllamaSettings.defaults().withBaseUrl(server.baseUrl()).withModel(MODEL)
                .withTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(30))
                .withCircuit(3, Duration.ofSeconds(30));
    }

    /**
     * Sends one request through LangChain4j's HTTP client so that class loading and the stub's first-request cost
     * (seconds on a loaded build machine) do not count against the timeouts under test.
     */
    public static void warmUp(WireMockExtension server) {
        tags(server, MODEL);
        new OllamaProbe(settings(server)).probeNow();
        server.resetAll();
    }

    /** GET /api/tags listing the given models. */
    public static void tags(WireMockExtension server, String... models) {
        String list = List.of(models).stream().map(m -> """
                {"name":"%s","model":"%s","modified_at":"2025-05-04T17:37:44.706015396-07:00","size":4683087332,\
                "digest":"845dbda0ea48ed749caafd9e6037047aa19acfcfd82e704d7ca97d631a0b697e",\
                "details":{"parent_model":"","format":"gguf","family":"qwen2","families":["qwen2"],\
                "parameter_size":"7.6B","quantization_level":"Q4_K_M"}}""".formatted(m, m))
                .collect(Collectors.joining(","));
        server.stubFor(get(urlEqualTo("/api/tags")).willReturn(okJson("{\"models\":[" + list + "]}")));
    }

    /** The NDJSON body Ollama streams for the given pieces, ending with the done:true line. */
    public static String ndjson(String... pieces) {
        StringBuilder b = new StringBuilder();
        for (String p : pieces) {
            b.append(chunk(p)).append('\n');
        }
        b.append("""
                {"model":"%s","created_at":"2025-10-01T08:00:01.000Z","message":{"role":"assistant","content":""},\
                "done":true,"done_reason":"stop","total_duration":1200000000,"load_duration":10000000,\
                "prompt_eval_count":812,"prompt_eval_duration":400000000,"eval_count":%d,\
                "eval_duration":700000000}""".formatted(MODEL, pieces.length)).append('\n');
        return b.toString();
    }

    /** One streamed line carrying {@code piece}. */
    public static String chunk(String piece) {
        return """
                {"model":"%s","created_at":"2025-10-01T08:00:00.000Z","message":{"role":"assistant","content":%s},\
                "done":false}""".formatted(MODEL, json(piece));
    }

    /** A streaming 200 answer with the given body. */
    public static ResponseDefinitionBuilder streaming(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-ndjson").withBody(body);
    }

    /** The non-streaming /api/chat answer carrying {@code content}. */
    public static ResponseDefinitionBuilder completeJson(String content) {
        return okJson("""
                {"model":"%s","created_at":"2025-10-01T08:00:00.000Z","message":{"role":"assistant","content":%s},\
                "done":true,"done_reason":"stop","total_duration":900000000,"prompt_eval_count":120,\
                "eval_count":18}""".formatted(MODEL, json(content)));
    }

    /** Ollama's 404 when the model has not been pulled. */
    public static ResponseDefinitionBuilder modelNotFound(String model) {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"model \\\"" + model + "\\\" not found, try pulling it first\"}");
    }

    public static void chat(WireMockExtension server, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo("/api/chat")).willReturn(response));
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
