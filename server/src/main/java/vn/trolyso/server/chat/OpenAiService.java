package vn.trolyso.server.chat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ApiException;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.http.JsonBody;
import vn.trolyso.server.http.OpenAiErrors;
import vn.trolyso.server.observe.ServerMetrics;
import vn.trolyso.server.security.Access;
import vn.trolyso.server.security.ClientIdentity;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;
import vn.trolyso.server.security.Scope;

/**
 * The OpenAI-compatible API under {@code /v1}: {@code GET /models} and {@code POST /chat/completions} (a
 * {@code chat.completion}, or {@code chat.completion.chunk} Server-Sent Events ending in {@code data: [DONE]}), so
 * OpenAI client libraries and front ends (Open WebUI, bot frameworks) can use the assistant unchanged. The answer is
 * the one {@code /api/v1/chat} gives (same {@link AnswerRun}, same log and metrics): its text keeps the {@code [n]}
 * markers and the sources travel in {@code trolyso_citations}. Every error is in OpenAI's shape ({@link OpenAiErrors}).
 */
public final class OpenAiService {
    private static final Logger LOG = Logger.getLogger(OpenAiService.class.getName());
    /** Rough characters per token for Vietnamese with diacritics; {@code usage} is an estimate (no tokenizer here). */
    private static final int CHARS_PER_TOKEN = 3;

    private final Supplier<Optional<Assistant>> assistant;
    private final AnswerLog log;
    private final ServerConfig.Limits limits;
    private final ServerMetrics metrics;
    private final boolean rejectWhenBusy;
    private final long created = Instant.now().getEpochSecond();

    /**
     * @param assistant the assistant once the knowledge base is loaded
     * @param whenBusy  the Ollama gateway's policy beyond its queue
     */
    public OpenAiService(Supplier<Optional<Assistant>> assistant, AnswerLog log, ServerConfig.Limits limits,
                         ServerMetrics metrics, OllamaSettings.WhenBusy whenBusy) {
        this.assistant = assistant;
        this.log = log;
        this.limits = limits;
        this.metrics = metrics;
        this.rejectWhenBusy = whenBusy == OllamaSettings.WhenBusy.REJECT;
    }

    /** Under {@code /v1}; the same scope as {@code /api/v1/chat}: it asks the same assistant the same questions. */
    public void routes(Routes routes) {
        RouteAccess chat = RouteAccess.scope(Scope.CHAT);
        routes.get("/models", chat, openAi(this::models))
                .get("/models/{id}", chat, openAi(this::model))
                .post("/chat/completions", chat, openAi(this::completions))
                .refuseOtherMethods("/models", "/chat/completions");
    }

    private void models(ServerRequest req, ServerResponse res) {
        Json.send(res, new OpenAiJson.ModelList(
                OpenAiModels.ids().stream().map(id -> OpenAiJson.Model.of(id, created)).toList()));
    }

    private void model(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        if (!OpenAiModels.ids().contains(id)) {
            throw OpenAiModels.notFound(id);
        }
        Json.send(res, OpenAiJson.Model.of(id, created));
    }

    private void completions(ServerRequest req, ServerResponse res) throws InterruptedException {
        ClientIdentity who = Access.identity(req);
        OpenAiChatRequest request = OpenAiChatRequest.from(JsonBody.readObject(req, limits.maxBodyBytes()),
                limits.maxMessageChars());
        Assistant assistant = this.assistant.get().orElseThrow(ApiErrors::notReady);
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
        Answer answer = finish(c, run.awaitAnswer(c.start(), limits.answerTimeout()));
        OpenAiJson.Message message = new OpenAiJson.Message("assistant", answer.text(),
                AnswerJson.sourced(answer.citations()), answer.mode().apiName());
        Json.send(res, new OpenAiJson.Completion(c.id(), "chat.completion", Instant.now().getEpochSecond(),
                c.request().model(), List.of(new OpenAiJson.Choice(0, message, "stop")), usage(c, answer)));
    }

    private void stream(Completion c, AnswerRun run, ServerResponse res) throws InterruptedException {
        Duration timeout = limits.answerTimeout();
        AnswerRun.Event first = run.firstEventUnlessBusy(rejectWhenBusy);
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.create("X-Accel-Buffering"), "no");
        StringBuilder sent = new StringBuilder();
        try (OutputStream out = res.outputStream()) {
            data(out, Json.string(chunk(c, new OpenAiJson.Delta("assistant", ""))));
            while (true) {
                AnswerRun.Event event = first != null ? first : run.next(AnswerFailures.remaining(c.start(), timeout));
                first = null;
                switch (event) {
                    case null -> {
                        run.cancel();
                        ApiException e = AnswerFailures.timeout();
                        data(out, Json.string(OpenAiErrors.body(e.status(), e.code(), e.getMessage())));
                        return;
                    }
                    case AnswerRun.Queued queued -> comment(out, "queued " + queued.ahead());
                    case AnswerRun.Token token -> {
                        sent.append(token.text());
                        data(out, Json.string(chunk(c, new OpenAiJson.Delta(null, token.text()))));
                    }
                    case AnswerRun.Done done -> {
                        Answer answer = finish(c, done.answer());
                        // The final text may add a notice after the streamed tokens; a client cannot replace what
                        // it has shown, so only that tail is sent.
                        if (answer.text().startsWith(sent.toString()) && answer.text().length() > sent.length()) {
                            data(out, Json.string(chunk(c, new OpenAiJson.Delta(null,
                                    answer.text().substring(sent.length())))));
                        } else if (!answer.text().startsWith(sent.toString())) {
                            LOG.fine("Streamed text differs from the final answer of " + c.id());
                        }
                        data(out, Json.string(new OpenAiJson.Chunk(c.id(), "chat.completion.chunk",
                                Instant.now().getEpochSecond(), c.request().model(),
                                List.of(new OpenAiJson.ChunkChoice(0, new OpenAiJson.Delta(null, null), "stop")),
                                AnswerJson.sourced(answer.citations()), answer.mode().apiName(), usage(c, answer))));
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
        metrics.answer(answer.mode(), answer.llmFallback(), elapsed);
        return answer;
    }

    /** A chunk with new text (not the last one). */
    private static OpenAiJson.Chunk chunk(Completion c, OpenAiJson.Delta delta) {
        return new OpenAiJson.Chunk(c.id(), "chat.completion.chunk", Instant.now().getEpochSecond(),
                c.request().model(), List.of(new OpenAiJson.ChunkChoice(0, delta, null)), null, null, null);
    }

    /** Estimated token counts (characters / {@value #CHARS_PER_TOKEN}), marked {@code "estimated": true}. */
    private static OpenAiJson.Usage usage(Completion c, Answer answer) {
        int prompt = tokens(c.request().promptChars());
        int completion = tokens(answer.text().codePointCount(0, answer.text().length()));
        return new OpenAiJson.Usage(prompt, completion, prompt + completion, true);
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
}
