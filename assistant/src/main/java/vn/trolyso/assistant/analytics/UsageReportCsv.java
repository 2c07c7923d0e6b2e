package vn.trolyso.assistant.analytics;

import java.util.Locale;
import java.util.Map;

/**
 * The usage report as CSV for spreadsheets: one table with a {@code section} column. Starts with a UTF-8 byte order
 * mark so Excel shows Vietnamese correctly.
 */
public final class UsageReportCsv {
    private static final String HEADER = "section,label,value,refusals,no_source,thumbs_down,examples";

    private UsageReportCsv() {
    }

    public static String write(UsageReport r) {
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        line(out, "summary", "from", r.from().toString());
        line(out, "summary", "to", r.to().toString());
        line(out, "summary", "time_zone", r.timeZone());
        line(out, "summary", "total_questions", String.valueOf(r.totalQuestions()));
        line(out, "summary", "average_latency_ms", String.valueOf(r.averageLatencyMs()));
        r.questionsPerDay().forEach(d -> line(out, "questions_per_day", d.day().toString(), String.valueOf(d.questions())));
        for (Map.Entry<String, Long> e : r.answersByMode().entrySet()) {
            line(out, "answers_by_mode", e.getKey(), String.valueOf(e.getValue()));
        }
        r.topQuestions().forEach(q -> line(out, "top_question", q.question(), String.valueOf(q.count())));
        for (UsageReport.UnansweredGroup g : r.unanswered()) {
            line(out, "unanswered", g.representative(), String.valueOf(g.count()), String.valueOf(g.refusals()),
                    String.valueOf(g.noSource()), String.valueOf(g.thumbsDown()), String.join(" | ", g.examples()));
        }
        for (UsageReport.PossiblyWrong w : r.possiblyWrong()) {
            line(out, "possibly_wrong", w.question(), w.askedAt().toString(), "", "", String.valueOf(w.thumbsDown()),
                    w.comment() == null ? String.join(" | ", w.cited()) : w.comment());
        }
        line(out, "summary", "small_talk", String.valueOf(r.smallTalk()));
        line(out, "feedback", "up", String.valueOf(r.feedback().up()));
        line(out, "feedback", "down", String.valueOf(r.feedback().down()));
        line(out, "feedback", "ratio", r.feedback().ratio() == null ? ""
                : String.format(Locale.ROOT, "%.3f", r.feedback().ratio()));
        return out.toString();
    }

    private static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < 7; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(i < cells.length ? escape(cells[i]) : "");
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is neutralised so a question cannot become a spreadsheet formula. */
    static String escape(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
