package vn.trolyso.server;

import io.helidon.webserver.http.HttpRouting;
import vn.trolyso.server.chat.ChatService;
import vn.trolyso.server.chat.OpenAiService;
import vn.trolyso.server.documents.DocumentsAdminService;
import vn.trolyso.server.feedback.FeedbackService;
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
import vn.trolyso.server.security.AdminAuth;

/**
 * The one place where every HTTP route of the service is registered. Add your service here (keep the API under
 * {@code /api/v1}, admin-only routes under {@code /api/v1/admin}); use {@link ApiErrors} / {@code JsonBody} for errors
 * and bodies, and {@link AdminAuth#guard()} or {@link AdminAuth#require} for admin-only routes. API-key scopes are
 * enforced per path prefix by {@code RouteScopes}. Document new paths in {@code openapi.yaml}.
 */
final class ApiRoutes {
    static final String API = "/api/v1";

    private ApiRoutes() {
    }

    static void register(HttpRouting.Builder routing, AppServices services, AdminAuth admin) {
        ChatService chat = new ChatService(services);
        routing.register(API, chat)
                .register(API, chat.conversations())
                .register(API, new FeedbackService(services))
                .register(API, new DocumentsAdminService(services, admin)) // before SearchService's GET /documents
                .register(API, new SearchService(services))
                .register(API + "/framework", new FrameworkService(services.framework()))
                .register(API, new MaterialsAdminService(services, admin)) // before LearningApi's 405 on /materials
                .register(API, new LearningApi(services, admin))
                .register(API, new UsageReportApi(services, admin))
                .register(API, new ApiKeysAdminService(services, admin))
                .register(API, new BackupService(services, admin))
                .register(new OpenApiService())
                .register("/v1", new OpenAiService(services)); // OpenAI-compatible (docs/api.md)
        // Must stay last: any other /api path is a JSON 404.
        routing.any("/api/*", ApiErrors.unknownRoute());
        routing.any("/v1/*", OpenAiErrors.unknownRoute());
    }
}
