package vn.trolyso.server;

import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import vn.trolyso.server.chat.AnswerLog;
import vn.trolyso.server.chat.ChatService;
import vn.trolyso.server.chat.OpenAiService;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.documents.DocumentsAdminService;
import vn.trolyso.server.feedback.FeedbackService;
import vn.trolyso.assistant.answering.AssistantSettings;
import vn.trolyso.assistant.store.AnswerStore;
import vn.trolyso.assistant.store.ConversationStore;
import vn.trolyso.server.framework.FrameworkService;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.OpenAiErrors;
import vn.trolyso.server.keys.ApiKeysAdminService;
import vn.trolyso.server.learning.LearningApi;
import vn.trolyso.server.learning.MaterialsAdminService;
import vn.trolyso.server.observe.OpenApiService;
import vn.trolyso.server.ops.BackupService;
import vn.trolyso.server.reports.UsageReportApi;
import vn.trolyso.server.search.SearchService;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.RouteTable;
import vn.trolyso.server.security.Routes;

/**
 * The one place where every HTTP route of the service is registered, each service built with the parts of
 * {@link AppServices} it uses. Keep the API under {@code /api/v1}, admin-only routes under {@code /api/v1/admin};
 * a service declares each route with its access ({@link RouteAccess}: an API-key scope or the admin token) and the
 * paths whose other methods answer 405, so the order of registration does not matter. Use {@link ApiErrors} /
 * {@code JsonBody} for errors and bodies. Document new paths in {@code openapi.yaml}.
 */
final class ApiRoutes {
    static final String API = "/api/v1";

    private ApiRoutes() {
    }

    static void register(HttpRouting.Builder routing, AppServices s, RouteTable table) {
        ServerConfig config = s.config();
        ServerConfig.Limits limits = config.limits();
        var whenBusy = s.ollamaGateway().settings().whenBusy();
        Routes api = table.routes(routing, API, ApiErrors::methodNotAllowed);
        AnswerStore answers = new AnswerStore(s.database());
        AnswerLog log = new AnswerLog(answers, config.logQuestions());
        AssistantSettings memory = AssistantSettings.defaults();
        ConversationStore conversations = new ConversationStore(s.database(), memory.historyTurns(),
                memory.conversationIdle(), Clock.systemUTC());
        new ChatService(s::assistant, s.materials(), log, answers,
                conversations, limits, s.metrics(), whenBusy).routes(api);
        new FeedbackService(answers, limits.maxBodyBytes()).routes(api);
        new DocumentsAdminService(s.documents(), s::knowledgeBase).routes(api);
        new SearchService(s::knowledgeBase, s.documents().store(), limits.maxMessageChars(),
                config.reports().timeZone()).routes(api);
        new FrameworkService(s.framework()).routes(api);
        new MaterialsAdminService(s.materials(), s.documents(), s::knowledgeBase).routes(api);
        new LearningApi(s.learning(), s.targetLevels(), s.framework(), config.reports().timeZone(),
                limits.maxBodyBytes()).routes(api);
        new UsageReportApi(s.database(), answers, config.reports().timeZone(), config.logQuestions(), Clock.systemUTC())
                .routes(api);
        new ApiKeysAdminService(s.managedApiKeys(), s.apiKeys(), config.reports().timeZone(), limits.maxBodyBytes())
                .routes(api);
        new BackupService(config.dataDir(), s.database()).routes(api);
        routing.register(new OpenApiService());
        // OpenAI-compatible (docs/api.md), errors in OpenAI's shape
        Routes openAi = table.routes(routing, "/v1", OpenAiErrors::methodNotAllowed);
        new OpenAiService(s::assistant, log, limits, s.metrics(),
                whenBusy).routes(openAi);
        // Must stay last: a path served under other methods answers 405, any other /api path a JSON 404.
        routing.any("/api/*", table.fallback(ApiErrors.unknownRoute()));
        routing.any("/v1/*", table.fallback(OpenAiErrors.unknownRoute()));
    }
}
