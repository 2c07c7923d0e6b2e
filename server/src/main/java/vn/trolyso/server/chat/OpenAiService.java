package vn.trolyso.server.chat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.assistant.store.AnswerStore;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ApiException;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.http.JsonBody;
import vn.trolyso.server.http.OpenAiErrors;
import vn.trolyso.server.security.Access;
import vn.trolyso.server.security.ClientIdentity;
import vn.trolyso.server.security.Scope;

/**
 * The OpenAI-compatible API under {@code /v1}: {@code GET /models} and {@code POST /chat/completions} (a
 * {@code chat.completion}, or {@code chat.completion.chunk} Server-Sent Events ending in {@code data: [DONE]}), so
 * OpenAI client libraries and front ends (Open WebUI, bot frameworks) can use the assistant unchanged. The answer is
 * the one {@code /api/v1/chat} gives (same {@link AnswerRun}, same log and metrics): its text keeps the {@code [n]}
 * markers and the sources travel in {@code trolyso_citations}. Every error is in OpenAI's shape ({@link OpenAiErrors}).
 */
public final class OpenAiService implements HttpService {
    private static final Logger LOG = Logger.getLogger(OpenAiService.class.getName());
    private static final Duration BUSY_DECISION_WAIT = Duration.ofSeconds(2);
    /** Rough characters per token for Vietnamese with diacritics; {@code usage} is an estimate (no tokenizer here). */
    private static final int CHARS_PER_TOKEN = 3;

    private final AppServices services;
    private final AnswerLog log;
    private final long created = Instant.now().getEpochSecond();

    public OpenAiService(AppServices services) {
        this.services = services;
        this.log = new AnswerLog(new AnswerStore(services.database()), services.config().logQuestions());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/models", openAi(this::models))
                .any("/models", methodNotAllowed("GET"))
                .get("/models/{id}", openAi(this::model))
                .post("/chat/completions", openAi(this::completions))
                .any("/chat/completions", methodNotAllowed("POST"));
    }

    private void models(ServerRequest req, ServerResponse res) {
        Access.require(req, Scope.CHAT);
        Json.send(res, Map.of("object", "list",
                "data", OpenAiModels.ids().stream().map(id -> OpenAiModels.json(id, created)).toList()));
    }

    private void model(ServerRequest req, ServerResponse res) {
        Access.require(req, Scope.CHAT);
        String id = req.path().pathParameters().get("id");
        if (!OpenAiModels.ids().contains(id)) {
            throw OpenAiModels.notFound(id);
        }
        Json.send(res, OpenAiModels.json(id, created));
    }

    private void completions(ServerRequest req, ServerResponse res) throws InterruptedException {
        ClientIdentity who = Access.require(req, Scope.CHAT);
        OpenAiChatRequest request = OpenAiChatRequest.from(
                JsonBody.readObject(req, services.config().limits().maxBodyBytes()),
                services.config().limits().maxMessageChars());
        if (!services.ready()) {
            throw ApiErrors.notReady();
        }
        Assistant assistant = services.assistant().orElseThrow(ApiErrors::notReady);
        Completion c = new Completion(request, who, UUID.randomUUID().toString(), System.nanoTime());
        // The client sends the whole transcript each time: it keeps the conversation, the assistant remembers nothing.
        AnswerRun run = AnswerRun.start(assistant, request.question().keptByCaller(c.id(), c.messageId(),
                request.question().history()));
        if (request.stream()) {
            stream(c, run, res);
        } else {
            whole(c, run, res);
        }
    }

    /** One completion being answered; its id is {@code chatcmpl-<messageId>} (the messageId feedback refers to). */
    private record Completion(OpenAiChatRequest request, ClientIdentity who, String messageId, long start) {
        String id() {
            return "chatcmpl-" + messageId;
        }
    }

    private void whole(Completion c, AnswerRun run, ServerResponse res) throws InterruptedException {
        Duration timeout = services.config().limits().answerTimeout();
        while (true) {
            AnswerRun.Event event = run.next(remaining(c.start(), timeout));
            switch (event) {
                case null -> {
                    run.cancel();
                    throw timeout();
                }
                case AnswerRun.Queued ignored -> {
                }
                case AnswerRun.Token ignored -> {
                }
                case AnswerRun.Done done -> {
                    Answer answer = finish(c, done.answer());
                    Map<String, Object> message = new LinkedHashMap<>();
                    message.put("role", "assistant");
                    message.put("content", answer.text());
                    message.put("trolyso_citations", AnswerJson.sourced(answer.citations()));
                    message.put("trolyso_mode", answer.mode().apiName());
                    Map<String, Object> choice = new LinkedHashMap<>();
                    choice.put("index", 0);
                    choice.put("message", message);
                    choice.put("finish_reason", "stop");
                    Map<String, Object> body = envelope(c, "chat.completion");
                    body.put("choices", List.of(choice));
                    body.put("usage", usage(c, answer));
                    Json.send(res, body);
                    return;
                }
                case AnswerRun.Failed failed -> throw new ApiException(
                        failed.badInput() ? Status.BAD_REQUEST_400 : Status.SERVICE_UNAVAILABLE_503,
                        failed.code(), failed.message());
                case AnswerRun.Busy busy -> throw busy(busy);
            }
        }
    }

    private void stream(Completion c, AnswerRun run, ServerResponse res) throws InterruptedException {
        Duration timeout = services.config().limits().answerTimeout();
        AnswerRun.Event first = null;
        if (services.ollamaGateway().settings().whenBusy() == OllamaSettings.WhenBusy.REJECT) {
            // as on /api/v1/chat/stream: a refusal must still be able to be a 503 with Retry-After
            first = run.next(BUSY_DECISION_WAIT);
            if (first instanceof AnswerRun.Busy busy) {
                throw busy(busy);
            }
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.create("X-Accel-Buffering"), "no");
        StringBuilder sent = new StringBuilder();
        try (OutputStream out = res.outputStream()) {
            data(out, Json.string(chunk(c, Map.of("role", "assistant", "content", ""), null)));
            while (true) {
                AnswerRun.Event event = first != null ? first : run.next(remaining(c.start(), timeout));
                first = null;
                switch (event) {
                    case null -> {
                        run.cancel();
                        ApiException e = timeout();
                        data(out, Json.string(OpenAiErrors.body(e.status(), e.code(), e.getMessage())));
                        return;
                    }
                    case AnswerRun.Queued queued -> comment(out, "queued " + queued.ahead());
                    case AnswerRun.Token token -> {
                        sent.append(token.text());
                        data(out, Json.string(chunk(c, Map.of("content", token.text()), null)));
                    }
                    case AnswerRun.Done done -> {
                        Answer answer = finish(c, done.answer());
                        // The final text may add a notice after the streamed tokens; a client cannot replace what
                        // it has shown, so only that tail is sent.
                        if (answer.text().startsWith(sent.toString()) && answer.text().length() > sent.length()) {
                            data(out, Json.string(chunk(c, Map.of("content",
                                    answer.text().substring(sent.length())), null)));
                        } else if (!answer.text().startsWith(sent.toString())) {
                            LOG.fine("Streamed text differs from the final answer of " + c.id());
                        }
                        Map<String, Object> last = chunk(c, Map.of(), "stop");
                        last.put("trolyso_citations", AnswerJson.sourced(answer.citations()));
                        last.put("trolyso_mode", answer.mode().apiName());
                        last.put("usage", usage(c, answer));
                        data(out, Json.string(last));
                        data(out, "[DONE]");
                        return;
                    }
                    case AnswerRun.Failed failed -> {
                        data(out, Json.string(OpenAiErrors.body(failed.badInput() ? Status.BAD_REQUEST_400
                                : Status.SERVICE_UNAVAILABLE_503, failed.code(), failed.message())));
                        return;
                    }
                    case AnswerRun.Busy busy -> {
                        data(out, Json.string(OpenAiErrors.body(Status.SERVICE_UNAVAILABLE_503, "busy",
                                busy.message())));
                        return;
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, "Client left during an OpenAI stream", e);
        } finally {
            run.cancel();
        }
    }

    private Answer finish(Completion c, Answer answer) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - c.start());
        log.record(c.request().question().message(), answer, elapsed, c.who().keyId());
        services.metrics().answer(answer.mode(), answer.llmFallback(), elapsed);
        return answer;
    }

    private Map<String, Object> envelope(Completion c, String object) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("object", object);
        m.put("created", Instant.now().getEpochSecond());
        m.put("model", c.request().model());
        return m;
    }

    private Map<String, Object> chunk(Completion c, Map<String, Object> delta, String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        Map<String, Object> m = envelope(c, "chat.completion.chunk");
        m.put("choices", List.of(choice));
        return m;
    }

    /** Estimated token counts (characters / {@value #CHARS_PER_TOKEN}), marked {@code "estimated": true}. */
    private static Map<String, Object> usage(Completion c, Answer answer) {
        int prompt = tokens(c.request().promptChars());
        int completion = tokens(answer.text().codePointCount(0, answer.text().length()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prompt_tokens", prompt);
        m.put("completion_tokens", completion);
        m.put("total_tokens", prompt + completion);
        m.put("estimated", true);
        return m;
    }

    private static int tokens(int chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    private static void data(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void comment(OutputStream out, String text) throws IOException {
        out.write((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Duration remaining(long start, Duration timeout) {
        return timeout.minusNanos(System.nanoTime() - start);
    }

    private static ApiException busy(AnswerRun.Busy busy) {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "busy", busy.message(),
                Map.of("Retry-After", Long.toString(busy.retryAfterSeconds())));
    }

    private static ApiException timeout() {
        return new ApiException(Status.SERVICE_UNAVAILABLE_503, "answer_timeout",
                "Trợ lý trả lời quá lâu. Vui lòng thử lại sau.");
    }

    /** Wraps a handler so every failure leaves in OpenAI's error shape (the routing's mapping is /api's shape). */
    private static Handler openAi(Handler handler) {
        return (req, res) -> {
            try {
                handler.handle(req, res);
            } catch (ApiException e) {
                OpenAiErrors.send(res, e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Unexpected failure on " + req.path().path(), e);
                OpenAiErrors.send(res, new ApiException(Status.INTERNAL_SERVER_ERROR_500, "internal_error",
                        "Đã xảy ra lỗi ngoài ý muốn. Vui lòng thử lại sau."));
            }
        };
    }

    private static Handler methodNotAllowed(String allow) {
        return (req, res) -> OpenAiErrors.send(res, new ApiException(Status.METHOD_NOT_ALLOWED_405,
                "method_not_allowed", "Phương thức " + req.prologue().method().text()
                + " không được hỗ trợ ở địa chỉ này (dùng: " + allow + ").", Map.of("Allow", allow)));
    }
}
