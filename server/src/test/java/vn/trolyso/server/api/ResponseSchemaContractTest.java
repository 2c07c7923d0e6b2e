package vn.trolyso.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.security.ApiKey;
import vn.trolyso.server.security.Scope;
import vn.trolyso.server.security.Secrets;
import vn.trolyso.server.testing.SampleModules;
import vn.trolyso.server.testing.TestServers;

/**
 * The contract between openapi.yaml and a running server: every route is called (successes, and the errors a client
 * can provoke), every JSON body (each SSE event and OpenAI chunk too) validates against the documented schema, read
 * strictly (exactly the documented fields, see {@link OpenApiDocument}), and every error's code is listed for that
 * operation and status ({@code x-error-codes}). Copies of the document with a route, an error code or a field removed
 * fail the same checks.
 */
class ResponseSchemaContractTest {
    private static final String KEY = "contract-portal-key";
    private static final String FRAMEWORK_ONLY = "contract-framework-only-key";
    private static final String ADMIN = "contract-admin-token";
    private static final String BUNDLED_MODULE = "ai-cho-hoc-sinh";
    private static final String CHAT = "{\"message\":\"Kế hoạch chuyển đổi số trong giáo dục gồm những nội dung gì?\"}";
    @TempDir
    static Path dataDir;
    static TrolysoServer.Running server;
    static final List<Exchange> EXCHANGES = new ArrayList<>();

    /** One request and its answer. */
    record Exchange(String method, String path, int status, String contentType, String body) {
        String name() {
            return method + " " + path + " → " + status;
        }

        boolean json() {
            return contentType.startsWith("application/json");
        }
    }

    @BeforeAll
    static void callEveryRoute() throws Exception {
        server = TestServers.start(dataDir, c -> c.adminToken(ADMIN).apiKeys(false, List.of(
                new ApiKey("portal", Secrets.sha256Hex(KEY), Scope.PORTAL),
                new ApiKey("framework-only", Secrets.sha256Hex(FRAMEWORK_ONLY), Set.of(Scope.FRAMEWORK)))));
        successes();
        errors();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void everySuccessfulResponseMatchesItsSchema() {
        assertEquals(List.of(), successViolations(OpenApiDocument.load()));
    }

    @Test
    void everyErrorIsDocumentedWithItsCodeAndShape() {
        Set<String> codes = new TreeSet<>();
        EXCHANGES.stream().filter(e -> e.status() >= 400).forEach(e -> codes.add(
                parse(e.body()).path("error").path("code").asText()));
        assertTrue(codes.size() >= 40, "the calls provoke too few distinct error codes: " + codes);
        assertEquals(List.of(), errorViolations(OpenApiDocument.load()));
    }

    @Test
    void everyApiOperationListsItsErrorCodesPerStatus() {
        assertEquals(List.of(), errorCodeListViolations(OpenApiDocument.load()));
    }

    /**
     * Codes the calls above cannot provoke (busy, answer_timeout, zip_bomb, …) are still documented: every code the
     * sources raise (ApiException and its factories, the learning, question and ingest exceptions) is listed by some
     * operation or among the common codes.
     */
    @Test
    void everyErrorCodeRaisedInTheSourcesIsDocumented() throws IOException {
        Set<String> sources = new TreeSet<>();
        for (String dir : List.of("src/main/java", "../assistant/src/main/java", "../knowledge/src/main/java")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    sources.addAll(OpenApiDocument.raisedCodes(Files.readString(f)));
                }
            }
        }
        assertTrue(sources.size() > 60 && sources.contains("invalid_conversation_id")
                && sources.contains("zip_bomb"), sources.toString());
        OpenApiDocument doc = OpenApiDocument.load();
        Set<String> documented = new TreeSet<>();
        doc.operations().forEach(op -> op.node().path("x-error-codes").forEach(list -> list.forEach(
                c -> documented.add(c.asText()))));
        doc.root().path("x-common-error-codes").forEach(list -> list.forEach(c -> documented.add(c.asText())));
        sources.removeAll(documented);
        assertEquals(Set.of(), sources, "error codes raised in the sources but listed by no operation");
    }

    @Test
    void removingAnErrorCodeFromACopyFailsTheCheck() {
        OpenApiDocument copy = OpenApiDocument.load().copy();
        removeCode(copy, "/api/v1/chat", "post", "404", "unknown_conversation");
        removeCode(copy, "/api/v1/chat", "post", "400", "invalid_conversation_id");
        List<String> violations = errorViolations(copy);
        assertTrue(violations.stream().anyMatch(v -> v.contains("POST /api/v1/chat → 404")
                && v.contains("unknown_conversation")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("invalid_conversation_id")), violations.toString());
    }

    @Test
    void removingARouteFromACopyFailsTheCheck() {
        OpenApiDocument copy = OpenApiDocument.load().copy();
        ((ObjectNode) copy.root().get("paths")).remove("/api/v1/search");
        ((ObjectNode) copy.root().get("paths").get("/api/v1/conversations/{id}")).remove("delete");
        List<String> violations = new ArrayList<>(successViolations(copy));
        violations.addAll(errorViolations(copy));
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("GET /api/v1/search?q=")
                && v.contains("no documented operation")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("DELETE /api/v1/conversations/")
                && v.contains("no documented operation")), violations.toString());
    }

    @Test
    void aFieldMissingFromACopyOfASchemaFailsTheCheck() {
        OpenApiDocument copy = OpenApiDocument.load().copy();
        ((ObjectNode) copy.root().at("/components/schemas/ChatResponse/properties")).remove("mode");
        ((ObjectNode) copy.root().at("/components/schemas/Citation/properties")).remove("snippet");
        List<String> violations = successViolations(copy);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("POST /api/v1/chat → 200") && v.contains("mode")),
                violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("snippet")), violations.toString());
    }

    // --- the checks, over any version of the document -------------------------------------------------------------

    /** 2xx bodies that do not validate, and documented API operations no call reached with a 2xx. */
    static List<String> successViolations(OpenApiDocument doc) {
        List<String> out = new ArrayList<>();
        Set<String> reached = new TreeSet<>();
        for (Exchange e : EXCHANGES) {
            if (e.status() >= 300) {
                continue;
            }
            var op = doc.operation(e.method(), e.path());
            if (op.isEmpty()) {
                out.add(e.name() + ": no documented operation");
                continue;
            }
            reached.add(op.get().name());
            if (doc.response(op.get(), e.status()) == null) {
                out.add(e.name() + ": status not documented");
                continue;
            }
            if (e.json()) {
                JsonNode schema = doc.strictSchema(op.get(), e.status(), "application/json");
                if (schema == null || !OpenApiDocument.closed(schema)) {
                    out.add(e.name() + ": no application/json schema listing the fields");
                } else {
                    validate(out, e.name(), schema, e.body());
                }
            } else if (e.contentType().startsWith("text/event-stream")) {
                events(doc, op.get(), e, out);
            }
        }
        for (var op : doc.operations()) {
            if ((op.path().startsWith("/api/") || op.path().startsWith("/v1/")) && !reached.contains(op.name())) {
                out.add(op.name() + ": never answered with a 2xx by the calls of this test");
            }
        }
        return out;
    }

    /** Each SSE event (named events of /api/v1/chat/stream, data-only chunks of /v1) against its schema. */
    private static void events(OpenApiDocument doc, OpenApiDocument.Operation op, Exchange e, List<String> out) {
        JsonNode named = doc.response(op, e.status()).path("content").path("text/event-stream").path("x-events");
        int checked = 0;
        for (String block : e.body().split("\n\n")) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            if (data.isEmpty() || data.toString().equals("[DONE]")) {
                continue;
            }
            String schemaName = event != null ? named.path(event).asText(null)
                    : data.toString().startsWith("{\"error\"") ? "OpenAiError" : named.path("data").asText(null);
            if (schemaName == null) {
                out.add(e.name() + ": event " + event + " has no schema in x-events");
                continue;
            }
            validate(out, e.name() + " event " + (event == null ? "data" : event), doc.strictComponent(schemaName),
                    data.toString());
            checked++;
        }
        if (checked < 2) {
            out.add(e.name() + ": fewer than 2 events checked: " + e.body());
        }
    }

    /** Error answers whose status, code or shape the operation does not document. */
    static List<String> errorViolations(OpenApiDocument doc) {
        List<String> out = new ArrayList<>();
        for (Exchange e : EXCHANGES) {
            if (e.status() < 400) {
                continue;
            }
            if (!e.json()) {
                out.add(e.name() + ": error is not JSON: " + e.contentType());
                continue;
            }
            String code = OpenApiDocument.MAPPER.valueToTree(parse(e.body())).path("error").path("code").asText();
            var op = doc.operation(e.method(), e.path());
            JsonNode schema;
            if (op.isEmpty()) {
                if (e.status() != 405) {
                    out.add(e.name() + ": no documented operation");
                    continue;
                }
                schema = doc.strictComponent(e.path().startsWith("/v1/") ? "OpenAiError" : "Error");
                if (!doc.commonErrorCodes(405).contains(code)) {
                    out.add(e.name() + ": code " + code + " not among the common 405 codes");
                }
            } else {
                Set<String> codes = doc.errorCodes(op.get(), e.status());
                if (!codes.contains(code)) {
                    out.add(e.name() + ": code " + code + " not in x-error-codes of " + op.get().name() + " "
                            + e.status() + " " + codes);
                }
                boolean documented = doc.response(op.get(), e.status()) != null;
                if (!documented && !doc.commonErrorStatuses().contains(Integer.toString(e.status()))) {
                    out.add(e.name() + ": status not documented for " + op.get().name());
                }
                schema = documented ? doc.strictSchema(op.get(), e.status(), "application/json") : null;
                if (schema == null) {
                    schema = doc.strictComponent(e.path().startsWith("/v1/") ? "OpenAiError" : "Error");
                }
            }
            validate(out, e.name() + " (" + code + ")", schema, e.body());
        }
        return out;
    }

    /**
     * Every /api and /v1 operation lists codes ({@code x-error-codes}) for exactly its documented error statuses
     * (other than those of the common codes).
     */
    static List<String> errorCodeListViolations(OpenApiDocument doc) {
        List<String> out = new ArrayList<>();
        Set<String> common = doc.commonErrorStatuses();
        for (var op : doc.operations()) {
            if (!op.path().startsWith("/api/") && !op.path().startsWith("/v1/")) {
                continue;
            }
            Set<String> statuses = new TreeSet<>();
            op.node().path("responses").fieldNames().forEachRemaining(s -> {
                if (s.startsWith("4") || s.startsWith("5")) {
                    statuses.add(s);
                }
            });
            Set<String> listed = new TreeSet<>();
            op.node().path("x-error-codes").fieldNames().forEachRemaining(listed::add);
            for (String s : statuses) {
                if (!listed.contains(s) && !common.contains(s)) {
                    out.add(op.name() + ": response " + s + " without x-error-codes");
                }
            }
            for (String s : listed) {
                if (!statuses.contains(s)) {
                    out.add(op.name() + ": x-error-codes " + s + " is not a documented response");
                }
                if (op.node().path("x-error-codes").path(s).isEmpty()) {
                    out.add(op.name() + ": x-error-codes " + s + " is empty");
                }
            }
        }
        return out;
    }

    private static void validate(List<String> out, String what, JsonNode schema, String body) {
        JsonNode json = parse(body);
        if (json == null) {
            out.add(what + ": not JSON: " + body);
            return;
        }
        List<String> errors = OpenApiDocument.validate(schema, json);
        if (!errors.isEmpty()) {
            out.add(what + ": " + errors);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return OpenApiDocument.MAPPER.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static void removeCode(OpenApiDocument doc, String path, String method, String status, String code) {
        ArrayNode codes = (ArrayNode) doc.root().get("paths").get(path).get(method).get("x-error-codes").get(status);
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).asText().equals(code)) {
                codes.remove(i);
                return;
            }
        }
        throw new AssertionError(code + " is not listed for " + method + " " + path + " " + status);
    }

    // --- the calls ------------------------------------------------------------------------------------------------

    private static void successes() throws Exception {
        ok("GET", "/api/v1/framework", KEY, null);
        ok("GET", "/api/v1/framework/competencies/4.2", KEY, null);
        ok("GET", "/api/v1/framework/levels/3", KEY, null);
        ok("GET", "/api/v1/framework/levels/7", KEY, null);
        ok("GET", "/api/v1/framework/grades/5", KEY, null);
        ok("GET", "/api/v1/search?q=" + URLEncoder.encode("chuyển đổi số", StandardCharsets.UTF_8) + "&limit=3",
                KEY, null);
        ok("GET", "/api/v1/documents", KEY, null);

        String uploaded = json(ok("POST", "/api/v1/documents", "admin", multipart("file", "ke-hoach.txt",
                "Kế hoạch thử nghiệm hợp đồng giao diện.\nNội dung: kiểm tra các trường của tài liệu tải lên."
                        .getBytes(StandardCharsets.UTF_8)))).at("/document/id").asText();
        ok("GET", "/api/v1/documents", KEY, null); // now with an uploaded (pending or indexed) document
        ok("GET", "/api/v1/documents/indexing", "admin", null);
        ok("POST", "/api/v1/documents/reindex", "admin", null);
        ok("DELETE", "/api/v1/documents/" + uploaded, "admin", null);

        JsonNode materials = json(ok("GET", "/api/v1/materials?limit=5", KEY, null));
        String moduleId = materials.at("/materials/0/id").asText();
        ok("GET", "/api/v1/materials/" + moduleId, KEY, null);
        ok("POST", "/api/v1/materials", "admin", multipart("file", "hop-dong.md", SampleModules.module(
                "hop-dong-api", "Học phần kiểm tra hợp đồng", "Cụm từ kiểm tra.").getBytes(StandardCharsets.UTF_8)));
        ok("DELETE", "/api/v1/materials/hop-dong-api", "admin", null);

        String profile = json(ok("POST", "/api/v1/profile", KEY,
                jsonBody("{\"role\":\"giao_vien\",\"displayName\":\"Cô An\",\"school\":\"THCS Hợp Đồng\"}")))
                .get("profileId").asText();
        ok("GET", "/api/v1/profile/" + profile, KEY, null);
        JsonNode form = json(ok("GET", "/api/v1/assessment?role=giao_vien", KEY, null));
        StringBuilder answers = new StringBuilder();
        form.get("statements").forEach(s -> answers.append(answers.isEmpty() ? "" : ",")
                .append("{\"statementId\":\"").append(s.get("id").asText()).append("\",\"answer\":\"mot_phan\"}"));
        ok("POST", "/api/v1/assessment/next", KEY, jsonBody("{\"role\":\"giao_vien\",\"answers\":[]}"));
        ok("POST", "/api/v1/assessment", KEY,
                jsonBody("{\"profileId\":\"" + profile + "\",\"answers\":[" + answers + "]}"));
        ok("GET", "/api/v1/profile/" + profile, KEY, null); // now with its assessment
        JsonNode path = json(ok("GET", "/api/v1/learning-path?profileId=" + profile, KEY, null));
        String step = path.at("/modules/0/id").asText();
        ok("POST", "/api/v1/progress", KEY, jsonBody("{\"profileId\":\"" + profile + "\",\"moduleId\":\"" + step
                + "\",\"status\":\"read\"}"));
        JsonNode module = json(call("GET", "/api/v1/materials/" + step, KEY, null));
        StringBuilder checks = new StringBuilder();
        module.get("checkQuestions").forEach(q -> checks.append(checks.isEmpty() ? "" : ",").append(0));
        ok("POST", "/api/v1/progress", KEY, jsonBody("{\"profileId\":\"" + profile + "\",\"moduleId\":\"" + step
                + "\",\"status\":\"done\",\"checkAnswers\":[" + checks + "]}"));

        JsonNode answer = json(ok("POST", "/api/v1/chat", KEY, jsonBody(CHAT)));
        String conversation = answer.get("conversationId").asText();
        ok("POST", "/api/v1/chat/stream", KEY, jsonBody("{\"message\":\"Còn mục tiêu thì sao?\",\"conversationId\":\""
                + conversation + "\"}"));
        ok("POST", "/api/v1/feedback", KEY, jsonBody("{\"messageId\":\"" + answer.get("messageId").asText()
                + "\",\"rating\":\"down\",\"comment\":\"Thiếu nguồn\",\"voterId\":\"contract-voter\"}"));
        ok("POST", "/api/v1/feedback", KEY, jsonBody("{\"messageId\":\"" + answer.get("messageId").asText()
                + "\",\"rating\":\"up\",\"voterId\":\"contract-voter\"}"));
        ok("GET", "/api/v1/conversations/" + conversation, KEY, null);

        ok("GET", "/api/v1/reports/usage", "admin", null);
        ok("GET", "/api/v1/reports/feedback?rating=all", "admin", null);
        ok("GET", "/api/v1/reports/progress", "admin", null);
        ok("GET", "/api/v1/reports/progress?format=csv", "admin", null);
        JsonNode created = json(ok("POST", "/api/v1/keys", "admin", jsonBody(
                "{\"name\":\"Cổng trường\",\"scopes\":[\"widget\"],\"allowedOrigins\":[\"https://truong.edu.vn\"],"
                        + "\"expiresAt\":\"2099-12-31\"}")));
        ok("GET", "/api/v1/keys", "admin", null);
        ok("DELETE", "/api/v1/keys/" + created.get("id").asText(), "admin", null);
        ok("GET", "/api/v1/admin/backup", "admin", null);

        ok("GET", "/v1/models", "bearer", null);
        ok("GET", "/v1/models/trolyso-giao_vien", "bearer", null);
        ok("POST", "/v1/chat/completions", "bearer", jsonBody("{\"model\":\"trolyso\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Kế hoạch chuyển đổi số trong giáo dục gồm những nội dung gì?\"}]}"));
        ok("POST", "/v1/chat/completions", "bearer", jsonBody("{\"model\":\"trolyso\",\"stream\":true,\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"Kế hoạch chuyển đổi số trong giáo dục gồm những nội dung gì?\"}]}"));

        ok("DELETE", "/api/v1/conversations/" + conversation, KEY, null);
    }

    private static void errors() throws Exception {
        String profile = json(call("POST", "/api/v1/profile", KEY, jsonBody("{\"role\":\"hoc_sinh\",\"grade\":7}")))
                .get("profileId").asText();
        call("POST", "/api/v1/chat", KEY, jsonBody("{"));
        call("POST", "/api/v1/chat", KEY, jsonBody("{}"));
        call("POST", "/api/v1/chat", KEY, jsonBody("{\"message\":\"\"}"));
        call("POST", "/api/v1/chat", KEY, jsonBody("{\"message\":\"xin chào\",\"conversationId\":\"bad id!\"}"));
        call("POST", "/api/v1/chat", KEY, jsonBody("{\"message\":\"xin chào\",\"conversationId\":\""
                + UUID.randomUUID() + "\"}"));
        call("POST", "/api/v1/chat", KEY, jsonBody("{\"message\":\"xin chào\",\"materialId\":\"khong-co-hoc-phan\"}"));
        call("POST", "/api/v1/chat", KEY, new Body("text/plain", "xin chào".getBytes(StandardCharsets.UTF_8)));
        call("POST", "/api/v1/chat", FRAMEWORK_ONLY, jsonBody(CHAT));
        call("POST", "/api/v1/chat", "wrong-key", jsonBody(CHAT));
        call("GET", "/api/v1/chat", KEY, null);
        call("POST", "/api/v1/chat/stream", KEY, jsonBody("{\"message\":\"xin chào\",\"conversationId\":\"x y\"}"));
        call("POST", "/api/v1/chat/stream", KEY, jsonBody("{\"message\":\"xin chào\",\"conversationId\":\""
                + UUID.randomUUID() + "\"}"));
        call("POST", "/api/v1/feedback", KEY, jsonBody("{\"messageId\":\"" + UUID.randomUUID()
                + "\",\"rating\":\"up\"}"));
        call("POST", "/api/v1/feedback", KEY, jsonBody("{\"messageId\":\"m\",\"rating\":\"meh\"}"));
        call("POST", "/api/v1/feedback", KEY, jsonBody("{\"messageId\":\"m\",\"rating\":\"up\",\"voterId\":\"x\"}"));
        call("GET", "/api/v1/framework", "wrong-key", null);
        call("GET", "/api/v1/framework/competencies/9.9", KEY, null);
        call("GET", "/api/v1/framework/competencies/abc", KEY, null);
        call("GET", "/api/v1/framework/levels/99", KEY, null);
        call("GET", "/api/v1/framework/levels/xyz", KEY, null);
        call("GET", "/api/v1/framework/grades/13", KEY, null);
        call("GET", "/api/v1/framework/grades/abc", KEY, null);
        call("GET", "/api/v1/search", KEY, null);
        call("GET", "/api/v1/search?q=x&limit=0", KEY, null);
        call("GET", "/api/v1/search?q=x&offset=-1", KEY, null);
        call("GET", "/api/v1/search?q=x", FRAMEWORK_ONLY, null);
        call("GET", "/api/v1/documents?limit=0", KEY, null);
        call("POST", "/api/v1/documents", "admin", jsonBody("{}"));
        call("POST", "/api/v1/documents", null, multipart("file", "a.txt", "a".getBytes(StandardCharsets.UTF_8)));
        call("POST", "/api/v1/documents", "wrong-admin", multipart("file", "a.txt",
                "a".getBytes(StandardCharsets.UTF_8)));
        call("POST", "/api/v1/documents", "admin", multipart("title", null, "Chỉ có tiêu đề".getBytes(
                StandardCharsets.UTF_8)));
        call("DELETE", "/api/v1/documents/khong-co-tai-lieu", "admin", null);
        String bundled = json(call("GET", "/api/v1/documents?limit=1", KEY, null)).at("/documents/0/documentId")
                .asText();
        call("DELETE", "/api/v1/documents/" + bundled, "admin", null);
        call("POST", "/api/v1/documents/reindex", null, null);
        call("GET", "/api/v1/documents/indexing", "wrong-admin", null);
        call("GET", "/api/v1/materials?offset=x", KEY, null);
        call("GET", "/api/v1/materials/khong-co-hoc-phan", KEY, null);
        call("POST", "/api/v1/materials", "admin", multipart("file", "loi.md", "---\nid: loi\n---\n"
                .getBytes(StandardCharsets.UTF_8)));
        call("DELETE", "/api/v1/materials/khong-co-hoc-phan", "admin", null);
        call("DELETE", "/api/v1/materials/" + BUNDLED_MODULE, "admin", null);
        call("POST", "/api/v1/profile", KEY, jsonBody("{\"role\":\"hieu_truong\"}"));
        call("GET", "/api/v1/profile/khong-co", KEY, null);
        call("GET", "/api/v1/assessment?role=hoc_sinh", KEY, null);
        call("GET", "/api/v1/assessment?role=hieu_truong", KEY, null);
        call("POST", "/api/v1/assessment", KEY, jsonBody("{\"profileId\":\"" + profile + "\",\"answers\":[]}"));
        call("POST", "/api/v1/assessment", KEY, jsonBody("{\"profileId\":\"khong-co\",\"answers\":[]}"));
        call("POST", "/api/v1/assessment/next", KEY, jsonBody("{\"role\":\"giao_vien\",\"answers\":"
                + "[{\"statementId\":\"khong-co\",\"answer\":\"co\"}]}"));
        call("GET", "/api/v1/learning-path", KEY, null);
        call("GET", "/api/v1/learning-path?profileId=khong-co", KEY, null);
        call("POST", "/api/v1/progress", KEY, jsonBody("{\"profileId\":\"" + profile
                + "\",\"moduleId\":\"" + BUNDLED_MODULE + "\",\"status\":\"xong\"}"));
        call("POST", "/api/v1/progress", KEY, jsonBody("{\"profileId\":\"" + profile
                + "\",\"moduleId\":\"" + BUNDLED_MODULE + "\",\"status\":\"done\"}"));
        call("POST", "/api/v1/progress", KEY, jsonBody("{\"profileId\":\"" + profile
                + "\",\"moduleId\":\"khong-co\",\"status\":\"read\"}"));
        call("GET", "/api/v1/admin/backup", null, null);
        call("GET", "/api/v1/reports/progress?format=xml", "admin", null);
        call("GET", "/api/v1/reports/usage?from=hom-qua", "admin", null);
        call("GET", "/api/v1/reports/usage?from=2026-05-02&to=2026-05-01", "admin", null);
        call("GET", "/api/v1/reports/feedback?rating=meh", "admin", null);
        call("POST", "/api/v1/keys", "admin", jsonBody("{}"));
        call("POST", "/api/v1/keys", "admin", jsonBody("{\"name\":\"a\",\"scopes\":[\"bay\"]}"));
        call("GET", "/api/v1/keys", null, null);
        call("DELETE", "/api/v1/keys/khong-co", "admin", null);
        call("DELETE", "/api/v1/keys/portal", "admin", null);
        call("GET", "/api/v1/conversations/bad!id", KEY, null);
        call("GET", "/api/v1/conversations/" + UUID.randomUUID(), KEY, null);
        call("DELETE", "/api/v1/conversations/" + UUID.randomUUID(), KEY, null);
        call("GET", "/v1/models", "wrong-bearer", null);
        call("GET", "/v1/models", FRAMEWORK_ONLY, null);
        call("GET", "/v1/models/khong-co", "bearer", null);
        call("POST", "/v1/chat/completions", "bearer", jsonBody("{"));
        call("POST", "/v1/chat/completions", "bearer", jsonBody("{\"messages\":[{\"role\":\"assistant\","
                + "\"content\":\"Chào bạn\"}]}"));
        call("POST", "/v1/chat/completions", "bearer", jsonBody("{\"model\":\"gpt-4\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"xin chào\"}]}"));
        call("GET", "/v1/chat/completions", "bearer", null);
    }

    /** A request body with its content type. */
    record Body(String contentType, byte[] bytes) {
    }

    private static Body jsonBody(String json) {
        return new Body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart form with one part (a file part when {@code fileName} is given). */
    private static Body multipart(String name, String fileName, byte[] content) {
        String boundary = "----contract-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static HttpResponse<String> ok(String method, String path, String auth, Body body) {
        HttpResponse<String> r = call(method, path, auth, body);
        assertTrue(r.statusCode() < 300, method + " " + path + " → " + r.statusCode() + " " + r.body());
        return r;
    }

    /** Sends the request ({@code auth}: a key, "admin", "bearer" (the key as OpenAI clients send it), or a wrong
     * one) and records the exchange. */
    private static HttpResponse<String> call(String method, String path, String auth, Body body) {
        HttpRequest.Builder b = TestServers.request(server, path);
        if (auth != null) {
            switch (auth) {
                case "admin" -> b.header("Authorization", "Bearer " + ADMIN);
                case "wrong-admin" -> b.header("Authorization", "Bearer not-the-token");
                case "bearer" -> b.header("Authorization", "Bearer " + KEY);
                case "wrong-bearer" -> b.header("Authorization", "Bearer not-a-key");
                default -> b.header("X-API-Key", auth);
            }
        }
        if (body != null) {
            b.header("Content-Type", body.contentType());
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        HttpResponse<String> r = TestServers.send(b.build());
        EXCHANGES.add(new Exchange(method, path, r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(""), r.body()));
        return r;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return parse(r.body());
    }
}
