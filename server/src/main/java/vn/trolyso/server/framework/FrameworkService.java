package vn.trolyso.server.framework;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.trolyso.knowledge.framework.Competency;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.Level;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;
import vn.trolyso.server.security.Scope;

/**
 * {@code /api/v1/framework}: the competency framework as JSON. Register under that path:
 * {@code routing.register("/api/v1/framework", new FrameworkService(framework))}.
 * <ul>
 *   <li>{@code GET /} – the whole structure</li>
 *   <li>{@code GET /competencies/{code}} – one competency ("4.2") with descriptors and indicators for levels 1–5</li>
 *   <li>{@code GET /levels/{bac}} – one level ("3" or "TC1") with every competency's descriptor at that level</li>
 *   <li>{@code GET /grades/{lop}} – the level of a grade (1–12) with the descriptors it requires</li>
 * </ul>
 * Callers need the {@code framework} scope (anonymous callers have it by default: the data is public). Malformed
 * input answers 400, unknown items 404, both as {@code {"error":{"code","message"}}} in Vietnamese.
 */
public final class FrameworkService {
    private static final Pattern CODE = Pattern.compile("\\d{1,2}\\.\\d{1,2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}");

    private final CompetencyFramework framework;
    private final FrameworkJson json;
    private final byte[] whole;

    public FrameworkService(CompetencyFramework framework) {
        this.framework = framework;
        this.json = new FrameworkJson(framework);
        this.whole = Json.bytes(json.whole()); // immutable data: serialise once
    }

    /** Cheap reads of data held in memory: limited apart from chat ({@link RouteAccess#lightRead}). */
    public void routes(Routes routes) {
        RouteAccess read = RouteAccess.lightRead(Scope.FRAMEWORK);
        routes.get("/framework", read, this::whole)
                .get("/framework/competencies/{code}", read, this::competency)
                .get("/framework/levels/{bac}", read, this::level)
                .get("/framework/grades/{lop}", read, this::grade);
    }

    private void whole(ServerRequest req, ServerResponse res) {
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, Json.CONTENT_TYPE);
        res.send(whole);
    }

    private void competency(ServerRequest req, ServerResponse res) {
        String code = req.path().pathParameters().get("code").strip();
        if (!CODE.matcher(code).matches()) {
            throw ApiErrors.badRequest("invalid_competency_code",
                    "Mã năng lực \"" + code + "\" không hợp lệ. Mã có dạng miền.số, ví dụ 4.2 (từ 1.1 đến 6.3).");
        }
        Optional<Competency> c = framework.competency(code);
        if (c.isEmpty()) {
            throw ApiErrors.notFound("competency_not_found",
                    "Không có năng lực " + code + " trong khung năng lực số (có " + framework.competencyCount()
                            + " năng lực, mã từ 1.1 đến 6.3).");
        }
        Json.send(res, json.competencyResponse(c.get()));
    }

    private void level(ServerRequest req, ServerResponse res) {
        String bac = req.path().pathParameters().get("bac").strip();
        Optional<Level> level = framework.findLevel(bac);
        if (level.isEmpty()) {
            if (NUMBER.matcher(bac).matches()) {
                throw ApiErrors.notFound("level_not_found",
                        "Không có bậc " + bac + ": khung năng lực số có " + framework.levelCount() + " bậc (1–8).");
            }
            throw ApiErrors.badRequest("invalid_level", "Bậc \"" + bac
                    + "\" không hợp lệ. Hãy dùng số từ 1 đến 8 hoặc ký hiệu CB1, CB2, TC1, TC2, NC1.");
        }
        Json.send(res, json.levelResponse(level.get()));
    }

    private void grade(ServerRequest req, ServerResponse res) {
        String lop = req.path().pathParameters().get("lop").strip();
        if (!NUMBER.matcher(lop).matches()) {
            throw ApiErrors.badRequest("invalid_grade", "Lớp \"" + lop + "\" không hợp lệ. Hãy dùng số từ 1 đến 12.");
        }
        int grade = Integer.parseInt(lop);
        Optional<Level> level = framework.levelForGrade(grade);
        if (level.isEmpty()) {
            throw ApiErrors.notFound("grade_not_found",
                    "Không có lớp " + grade + " trong bảng gán bậc: khung chỉ gán bậc cho lớp 1–12.");
        }
        Json.send(res, json.gradeResponse(grade, level.get()));
    }
}
