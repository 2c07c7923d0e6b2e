package vn.trolyso.server.chat;

import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.assistant.Answer;
import vn.trolyso.assistant.Assistant;
import vn.trolyso.assistant.Question;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.conversation.FollowUpRewriter;
import vn.trolyso.assistant.conversation.Turn;
import vn.trolyso.assistant.llm.OllamaSettings;
import vn.trolyso.assistant.store.AnswerStore;
import vn.trolyso.assistant.store.ConversationStore;
import vn.trolyso.assistant.store.StoreException;
import vn.trolyso.knowledge.materials.Material;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.ApiException;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.http.JsonBody;
import vn.trolyso.server.learning.MaterialCatalogue;
import vn.trolyso.server.observe.ServerMetrics;
import vn.trolyso.server.security.Access;
import vn.trolyso.server.security.ClientIdentity;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;
import vn.trolyso.server.security.Scope;

/**
 * {@code POST /chat} (one JSON answer) and {@code POST /chat/stream} (Server-Sent Events: meta, token…, then done or
 * error). The server assigns the message id (and the conversation id when the client sent none) before answering,
 * so the stream can announce them first; the assistant answers under the same ids. Conversations (owner, profile,
 * last turns) are kept in the database ({@link ConversationStore}), so a follow-up can reach any node and outlives a
 * restart; every answer is logged for feedback, reports and the history.
 */
public final class ChatService {
    private static final Logger LOG = Logger.getLogger(ChatService.class.getName());

    private final Supplier<Optional<Assistant>> assistant;
    private final MaterialCatalogue materials;
    private final AnswerLog log;
    private final ConversationStore conversations;
    private final ConversationHistory history;
    private final ServerConfig.Limits limits;
    private final ServerMetrics metrics;
    private final boolean rejectWhenBusy;

    /**
     * @param assistant     the assistant once the knowledge base is loaded
     * @param materials     the training modules a question may be about
     * @param answers       the answer log, where the conversations' history is read from
     * @param conversations the conversations (owner, profile, last turns) follow-ups continue
     * @param whenBusy      the Ollama gateway's policy beyond its queue
     */
    public ChatService(Supplier<Optional<Assistant>> assistant, MaterialCatalogue materials, AnswerLog log,
                       AnswerStore answers, ConversationStore conversations, ServerConfig.Limits limits,
                       ServerMetrics metrics, OllamaSettings.WhenBusy whenBusy) {
        this.assistant = assistant;
        this.materials = materials;
        this.log = log;
        this.history = new ConversationHistory(answers);
        this.conversations = conversations;
        this.limits = limits;
        this.metrics = metrics;
        this.rejectWhenBusy = whenBusy == OllamaSettings.WhenBusy.REJECT;
    }

    /** {@code POST /chat}, {@code POST /chat/stream}, and {@code GET}/{@code DELETE /conversations/{id}} over them. */
    public void routes(Routes routes) {
        RouteAccess chat = RouteAccess.scope(Scope.CHAT);
        routes.post("/chat", chat, this::chat)
                .post("/chat/stream", chat, this::stream)
                .refuseOtherMethods("/chat", "/chat/stream");
        new ConversationService(conversations, history).routes(routes);
    }

    private record Prepared(ChatRequest request, Assistant assistant, ClientIdentity who, String conversationId,
                            String messageId, Material lesson, UserProfile profile, List<Turn> earlier) {
        Question question() {
            return new Question(request.message(), conversationId, profile, lesson)
                    .keptByCaller(conversationId, messageId, earlier);
        }
    }

    private Prepared prepare(ServerRequest req) {
        ClientIdentity who = Access.identity(req);
        ChatRequest request = ChatRequest.from(JsonBody.readObject(req, limits.maxBodyBytes()),
                limits.maxMessageChars());
        Assistant assistant = this.assistant.get().orElseThrow(ApiErrors::notReady);
        Material lesson = request.materialId() == null ? null : materials.library().find(request.materialId())
                .orElseThrow(() -> ApiErrors.notFound("unknown_module", "Không có học phần với mã '"
                        + request.materialId() + "'."));
        String conversationId = request.conversationId();
        UserProfile profile = request.profile();
        List<Turn> earlier = List.of();
        if (conversationId == null) {
            conversationId = UUID.randomUUID().toString();
            conversations.create(conversationId, who.keyId(), profile);
        } else {
            ConversationStore.Conversation known = continued(conversationId, who);
            earlier = conversations.turns(conversationId);
            if (profile.role() == null && profile.grade() == null) {
                profile = known.profile(); // a follow-up without a profile is asked by the same person
            }
        }
        return new Prepared(request, assistant, who, conversationId, UUID.randomUUID().toString(), lesson, profile,
                earlier);
    }

    /**
     * Checks that the caller may continue {@code conversationId} (a conversation the server handed out to the same
     * caller; anything else is 404 unknown_conversation, never silently adopted). A conversation logged before
     * conversations were kept in the database is taken over from the answer log, its logged turns as its memory.
     */
    private ConversationStore.Conversation continued(String conversationId, ClientIdentity who) {
        Optional<ConversationStore.Conversation> known = conversations.find(conversationId);
        if (known.isPresent()) {
            if (!known.get().owner().equals(who.keyId())) {
                throw ConversationService.unknown(conversationId);
            }
            return known.get();
        }
        List<ConversationHistory.Turn> logged = history.turns(conversationId, who.keyId());
        if (logged.isEmpty()) {
            throw ConversationService.unknown(conversationId);
        }
        try {
            conversations.create(conversationId, who.keyId(), UserProfile.UNKNOWN);
        } catch (StoreException e) {
            // another node took it over at the same moment and records its turns
            return conversations.find(conversationId).filter(c -> c.owner().equals(who.keyId())).orElseThrow(() -> e);
        }
        List<Turn> replayed = FollowUpRewriter.replay(logged.stream().filter(t -> t.question() != null)
                .map(t -> new Turn(t.question(), null, t.answer() == null ? "" : t.answer())).toList(),
                Integer.MAX_VALUE);
        replayed.forEach(t -> conversations.append(conversationId, t, null));
        return conversations.find(conversationId).orElseThrow(() -> ConversationService.unknown(conversationId));
    }

    private void chat(ServerRequest req, ServerResponse res) throws InterruptedException {
        Prepared p = prepare(req);
        long start = System.nanoTime();
        AnswerRun run = AnswerRun.start(p.assistant(), p.question());
        Answer answer = finish(p, run.awaitAnswer(start, limits.answerTimeout()), start);
        Json.send(res, AnswerJson.of(p.conversationId(), p.messageId(), answer));
    }

    private void stream(ServerRequest req, ServerResponse res) throws InterruptedException {
        Prepared p = prepare(req);
        long start = System.nanoTime();
        AnswerRun run = AnswerRun.start(p.assistant(), p.question());
        Duration timeout = limits.answerTimeout();
        AnswerRun.Event first = run.firstEventUnlessBusy(rejectWhenBusy);
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.create("X-Accel-Buffering"), "no");
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            emit(sink, "meta", new AnswerJson.Meta(p.conversationId(), p.messageId()));
            while (true) {
                AnswerRun.Event event = first != null ? first : run.next(AnswerFailures.remaining(start, timeout));
                first = null;
                switch (event) {
                    case null -> {
                        run.cancel();
                        ApiException e = AnswerFailures.timeout();
                        emit(sink, "error", errorData(e.code(), e.getMessage()));
                        return;
                    }
                    case AnswerRun.Queued queued -> emit(sink, "queued", new AnswerJson.Queued(queued.ahead(),
                            "Đang xếp hàng chờ mô hình ngôn ngữ (" + queued.ahead()
                                    + " câu hỏi trước bạn)…"));
                    case AnswerRun.Token token -> emit(sink, "token", new AnswerJson.Token(token.text()));
                    case AnswerRun.Done done -> {
                        Answer answer = finish(p, done.answer(), start);
                        emit(sink, "done", AnswerJson.of(p.conversationId(), p.messageId(), answer));
                        return;
                    }
                    case AnswerRun.Failed failed -> {
                        emit(sink, "error", errorData(failed.code(), failed.message()));
                        return;
                    }
                    case AnswerRun.Busy busy -> {
                        emit(sink, "error", new AnswerJson.StreamError("busy", busy.message(),
                                busy.retryAfterSeconds()));
                        return;
                    }
                }
            }
        } catch (UncheckedIOException e) {
            LOG.log(Level.FINE, "Client left during a stream", e);
        } finally {
            // However the handler ends (client gone, whatever Helidon threw, timeout), nobody reads this answer any
            // more: stop it, so the LLM stream it holds is closed and Ollama stops generating. A no-op when done.
            run.cancel();
        }
    }

    private Answer finish(Prepared p, Answer answer, long start) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String standalone = answer.standaloneQuestion() != null ? answer.standaloneQuestion() : p.request().message();
        try {
            conversations.append(p.conversationId(), new Turn(p.request().message(), standalone, answer.text()),
                    p.profile());
        } catch (StoreException e) {
            // the answer is given all the same; the next follow-up just lacks this turn as context
            LOG.log(Level.WARNING, "Could not keep a turn of conversation " + p.conversationId(), e);
        }
        log.record(p.request().message(), answer, elapsed, p.who().keyId());
        metrics.answer(answer.mode(), answer.llmFallback(), elapsed);
        return answer;
    }

    private static AnswerJson.StreamError errorData(String code, String message) {
        return new AnswerJson.StreamError(code, message, null);
    }

    private static void emit(SseSink sink, String name, Object data) {
        sink.emit(SseEvent.builder().name(name).data(Json.string(data)).build());
    }
}
