package vn.trolyso.server.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.trolyso.assistant.AnswerMode;
import vn.trolyso.assistant.analytics.UsageReport;

/** The JSON shape of the usage report (docs/api.md "Reports", openapi.yaml UsageReport). */
final class UsageReportJson {
    private UsageReportJson() {
    }

    static Map<String, Object> report(UsageReport r, boolean questionsLogged, String generatedAt) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", r.from().toString());
        out.put("to", r.to().toString());
        out.put("timeZone", r.timeZone());
        out.put("generatedAt", generatedAt);
        out.put("questionsLogged", questionsLogged);
        out.put("totalQuestions", r.totalQuestions());
        out.put("questionsPerDay", r.questionsPerDay().stream()
                .map(d -> pair("day", d.day().toString(), "questions", d.questions())).toList());
        out.put("answersByMode", byMode(r.answersByMode()));
        out.put("averageLatencyMs", r.averageLatencyMs());
        out.put("topQuestions", r.topQuestions().stream()
                .map(q -> pair("question", q.question(), "count", q.count())).toList());
        out.put("unanswered", r.unanswered().stream().map(UsageReportJson::group).toList());
        Map<String, Object> feedback = new LinkedHashMap<>();
        feedback.put("up", r.feedback().up());
        feedback.put("down", r.feedback().down());
        feedback.put("ratio", r.feedback().ratio());
        out.put("feedback", feedback);
        out.put("smallTalk", r.smallTalk());
        out.put("possiblyWrong", r.possiblyWrong().stream().map(w -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("messageId", w.messageId());
            o.put("askedAt", w.askedAt().atZoneSameInstant(java.time.ZoneId.of(r.timeZone())).toOffsetDateTime()
                    .toString());
            o.put("question", w.question());
            o.put("mode", w.mode());
            o.put("citedDocuments", w.cited());
            o.put("thumbsDown", w.thumbsDown());
            o.put("thumbsUp", w.thumbsUp());
            o.put("comment", w.comment());
            return o;
        }).toList());
        return out;
    }

    /** Every known mode, zeros included, so charts keep the same bars from one period to the next. */
    private static Map<String, Long> byMode(Map<String, Long> counted) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (AnswerMode m : AnswerMode.values()) {
            out.put(m.apiName(), counted.getOrDefault(m.apiName(), 0L));
        }
        counted.forEach(out::putIfAbsent);
        return out;
    }

    /** A two-field object with a stable field order. */
    private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(k1, v1);
        out.put(k2, v2);
        return out;
    }

    private static Map<String, Object> group(UsageReport.UnansweredGroup g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("representative", g.representative());
        out.put("count", g.count());
        out.put("examples", List.copyOf(g.examples()));
        out.put("refusals", g.refusals());
        out.put("noSource", g.noSource());
        out.put("thumbsDown", g.thumbsDown());
        return out;
    }
}
