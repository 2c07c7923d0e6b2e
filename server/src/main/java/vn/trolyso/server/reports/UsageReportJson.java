package vn.trolyso.server.reports;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.trolyso.assistant.AnswerMode;
import vn.trolyso.assistant.analytics.UsageReport;
import vn.trolyso.assistant.store.AnswerStore;

/** The response bodies of the reports (docs/api.md "Reports", openapi.yaml UsageReport, FeedbackComments). */
final class UsageReportJson {
    private UsageReportJson() {
    }

    record Report(String from, String to, String timeZone, String generatedAt, boolean questionsLogged,
                  long totalQuestions, List<Day> questionsPerDay, Map<String, Long> answersByMode,
                  long averageLatencyMs, List<Question> topQuestions, List<Unanswered> unanswered, Feedback feedback,
                  long smallTalk, List<PossiblyWrong> possiblyWrong) {
    }

    record Day(String day, long questions) {
    }

    record Question(String question, long count) {
    }

    record Unanswered(String representative, long count, List<String> examples, long refusals, long noSource,
                      long thumbsDown) {
    }

    record Feedback(long up, long down, Double ratio) {
    }

    record PossiblyWrong(String messageId, String askedAt, String question, String mode, List<String> citedDocuments,
                         long thumbsDown, long thumbsUp, String comment) {
    }

    /** {@code GET /reports/feedback-comments}. */
    record Comments(String from, String to, String timeZone, boolean questionsLogged, List<Comment> comments) {
    }

    record Comment(String messageId, String rating, String comment, String createdAt, String question, String mode) {
        static Comment of(AnswerStore.Comment c) {
            return new Comment(c.messageId(), c.rating(), c.comment(),
                    c.createdAt().withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString(), c.question(), c.mode());
        }
    }

    static Report report(UsageReport r, boolean questionsLogged, String generatedAt) {
        ZoneId zone = ZoneId.of(r.timeZone());
        return new Report(r.from().toString(), r.to().toString(), r.timeZone(), generatedAt, questionsLogged,
                r.totalQuestions(),
                r.questionsPerDay().stream().map(d -> new Day(d.day().toString(), d.questions())).toList(),
                byMode(r.answersByMode()), r.averageLatencyMs(),
                r.topQuestions().stream().map(q -> new Question(q.question(), q.count())).toList(),
                r.unanswered().stream().map(g -> new Unanswered(g.representative(), g.count(),
                        List.copyOf(g.examples()), g.refusals(), g.noSource(), g.thumbsDown())).toList(),
                new Feedback(r.feedback().up(), r.feedback().down(), r.feedback().ratio()), r.smallTalk(),
                r.possiblyWrong().stream().map(w -> new PossiblyWrong(w.messageId(),
                        w.askedAt().atZoneSameInstant(zone).toOffsetDateTime().toString(), w.question(), w.mode(),
                        w.cited(), w.thumbsDown(), w.thumbsUp(), w.comment())).toList());
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
}
