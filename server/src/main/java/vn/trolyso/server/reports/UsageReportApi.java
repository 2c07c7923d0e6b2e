package vn.trolyso.server.reports;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import vn.trolyso.assistant.analytics.UsageReport;
import vn.trolyso.assistant.analytics.UsageReportCsv;
import vn.trolyso.assistant.analytics.UsageReports;
import vn.trolyso.assistant.store.AnswerStore;
import vn.trolyso.assistant.report.SpreadsheetCsv;
import vn.trolyso.assistant.store.Database;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.Json;
import vn.trolyso.server.security.RouteAccess;
import vn.trolyso.server.security.Routes;

/**
 * Admin reports on how the assistant is used, under /api/v1: {@code GET /reports/usage} (JSON or CSV) and
 * {@code GET /reports/feedback} (the comments left with ratings). Both need the admin token.
 */
public final class UsageReportApi {
    static final int DEFAULT_COMMENTS = 100;
    static final int MAX_COMMENTS = 500;

    private final UsageReports reports;
    private final AnswerStore answers;
    private final ZoneId zone;
    private final boolean questionsLogged;
    private final Clock clock;

    /**
     * @param database        the answer log and the feedback the reports read
     * @param answers         the answer log's store (the one the chat routes write to)
     * @param zone            the zone report days are counted in
     * @param questionsLogged false when question text is kept out of the answer log (the reports say so)
     */
    public UsageReportApi(Database database, AnswerStore answers, ZoneId zone, boolean questionsLogged, Clock clock) {
        this.reports = new UsageReports(database);
        this.answers = answers;
        this.zone = zone;
        this.questionsLogged = questionsLogged;
        this.clock = clock;
    }

    public void routes(Routes routes) {
        routes.get("/reports/usage", RouteAccess.admin(), this::usage)
                .get("/reports/feedback", RouteAccess.admin(), this::feedback)
                .refuseOtherMethods("/reports/usage", "/reports/feedback");
    }

    private void usage(ServerRequest req, ServerResponse res) {
        String format = req.query().first("format").orElse("json").strip();
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiErrors.badRequest("invalid_format", "Định dạng chỉ có thể là json hoặc csv.");
        }
        ReportPeriod period = period(req);
        UsageReport report = reports.report(period.from(), period.to(), zone);
        if (format.equals("json")) {
            Json.send(res, UsageReportJson.report(report, questionsLogged, clock.instant().toString()));
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
        res.header(HeaderNames.CONTENT_DISPOSITION,
                "attachment; filename=\"thong-ke-" + period.from() + "-" + period.to() + ".csv\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(SpreadsheetCsv.fileBytes(UsageReportCsv.write(report)));
    }

    private void feedback(ServerRequest req, ServerResponse res) {
        String rating = switch (req.query().first("rating").orElse("down").strip()) {
            case "down" -> "down";
            case "up" -> "up";
            case "all" -> null;
            default -> throw ApiErrors.badRequest("invalid_rating", "Loại đánh giá chỉ có thể là down, up hoặc all.");
        };
        int limit = limit(req.query().first("limit").orElse(null));
        ReportPeriod period = period(req);
        Json.send(res, new UsageReportJson.Comments(period.from().toString(), period.to().toString(), zone.getId(),
                questionsLogged, answers.comments(period.from().atStartOfDay(zone).toOffsetDateTime(),
                        period.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime(), rating, limit).stream()
                .map(UsageReportJson.Comment::of).toList()));
    }

    private ReportPeriod period(ServerRequest req) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return ReportPeriod.parse(param(req, "from"), param(req, "to"), today);
    }

    /** A query parameter; an empty one (a cleared date field) counts as absent. */
    private static Optional<String> param(ServerRequest req, String name) {
        return req.query().first(name).asOptional().filter(v -> !v.isBlank());
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_COMMENTS;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= MAX_COMMENTS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiErrors.badRequest("invalid_limit", "Số góp ý cần lấy phải là số nguyên từ 1 đến " + MAX_COMMENTS + ".");
    }
}
