package vn.trolyso.server.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HttpMediaTypes;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.trolyso.knowledge.framework.Competency;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.Level;

/**
 * {@code /api/v1/framework}: the competency framework as JSON. Register under that path:
 * {@code routing.register("/api/v1/framework", new FrameworkService(framework))}.
 * <ul>
 *   <li>{@code GET /} – the whole structure</li>
 *   <li>{@code GET /competencies/{code}} – one competency ("4.2") with descriptors and indicators for levels 1–5</li>
 *   <li>{@code GET /levels/{bac}} – one level ("3" or "TC1") with every competency's descriptor at that level</li>
 *   <li>{@code GET /grades/{lop}} – the level of a grade (1–12) with the descriptors it requires</li>
 * </ul>
 * Malformed input answers 400, unknown items 404, both as {@code {"error":{"code","message"}}} in Vietnamese.
 */
public final class FrameworkService implements HttpService {
    private static final Pattern CODE = Pattern.compile("\\d{1,2}\\.\\d{1,2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CompetencyFramework framework;
    private final FrameworkJson json;
    private final byte[] whole;

    public FrameworkService(CompetencyFramework framework) {
        this.framework = framework;
        this.json = new FrameworkJson(framework);
        this.whole = bytes(json.whole()); // immutable data: serialise once
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> sendJson(res, 200, whole))
                .get("/competencies/{code}", this::competency)
                .get("/levels/{bac}", this::level)
                .get("/grades/{lop}", this::grade);
    }

    private void competency(ServerRequest req, ServerResponse res) {
        String code = req.path().pathParameters().get("code").strip();
        if (!CODE.matcher(code).matches()) {
            error(res, 400, "invalid_competency_code",
                    "Mã năng lực \"" + code + "\" không hợp lệ. Mã có dạng miền.số, ví dụ 4.2 (từ 1.1 đến 6.3).");
            return;
        }
        Optional<Competency> c = framework.competency(code);
        if (c.isEmpty()) {
            error(res, 404, "competency_not_found",
                    "Không có năng lực " + code + " trong khung năng lực số (có " + framework.competencyCount()
                            + " năng lực, mã từ 1.1 đến 6.3).");
            return;
        }
        sendJson(res, 200, bytes(json.competencyResponse(c.get())));
    }

    private void level(ServerRequest req, ServerResponse res) {
        String bac = req.path().pathParameters().get("bac").strip();
        Optional<Level> level = framework.findLevel(bac);
        if (level.isEmpty()) {
            if (NUMBER.matcher(bac).matches()) {
                error(res, 404, "level_not_found",
                        "Không có bậc " + bac + ": khung năng lực số có " + framework.levelCount() + " bậc (1–8).");
            } else {
                error(res, 400, "invalid_level", "Bậc \"" + bac
                        + "\" không hợp lệ. Hãy dùng số từ 1 đến 8 hoặc ký hiệu CB1, CB2, TC1, TC2, NC1.");
            }
            return;
        }
        sendJson(res, 200, bytes(json.levelResponse(level.get())));
    }

    private void grade(ServerRequest req, ServerResponse res) {
        String lop = req.path().pathParameters().get("lop").strip();
        if (!NUMBER.matcher(lop).matches()) {
            error(res, 400, "invalid_grade", "Lớp \"" + lop + "\" không hợp lệ. Hãy dùng số từ 1 đến 12.");
            return;
        }
        int grade = Integer.parseInt(lop);
        Optional<Level> level = framework.levelForGrade(grade);
        if (level.isEmpty()) {
            error(res, 404, "grade_not_found",
                    "Không có lớp " + grade + " trong bảng gán bậc: khung chỉ gán bậc cho lớp 1–12.");
            return;
        }
        sendJson(res, 200, bytes(json.gradeResponse(grade, level.get())));
    }

    private static void error(ServerResponse res, int status, String code, String message) {
        sendJson(res, status, bytes(Map.of("error", Map.of("code", code, "message", message))));
    }

    private static void sendJson(ServerResponse res, int status, byte[] body) {
        res.status(status);
        res.headers().contentType(HttpMediaTypes.JSON_UTF_8);
        res.send(body);
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("framework JSON", e);
        }
    }
}
