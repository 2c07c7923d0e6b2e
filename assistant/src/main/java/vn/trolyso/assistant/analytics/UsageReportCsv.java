package vn.trolyso.assistant.analytics;

import java.util.Locale;
import java.util.Map;
import vn.trolyso.assistant.report.SpreadsheetCsv;

/**
 * The usage report as CSV for spreadsheets: one table with a {@code section} column, written by
 * {@link SpreadsheetCsv} (byte-order mark, RFC 4180 quoting with CRLF, formulas neutralised).
 */
public final class UsageReportCsv {
    private UsageReportCsv() {
    }

    /** The file's text, starting with the byte-order mark. */
    public static String write(UsageReport r) {
        SpreadsheetCsv out = new SpreadsheetCsv(SpreadsheetCsv.LineEnd.CRLF,
                "section", "label", "value", "refusals", "no_source", "thumbs_down", "examples");
        out.row("summary", "from", r.from().toString());
        out.row("summary", "to", r.to().toString());
        out.row("summary", "time_zone", r.timeZone());
        out.row("summary", "total_questions", String.valueOf(r.totalQuestions()));
        out.row("summary", "average_latency_ms", String.valueOf(r.averageLatencyMs()));
        r.questionsPerDay().forEach(d -> out.row("questions_per_day", d.day().toString(), String.valueOf(d.questions())));
        for (Map.Entry<String, Long> e : r.answersByMode().entrySet()) {
            out.row("answers_by_mode", e.getKey(), String.valueOf(e.getValue()));
        }
        r.topQuestions().forEach(q -> out.row("top_question", q.question(), String.valueOf(q.count())));
        for (UsageReport.UnansweredGroup g : r.unanswered()) {
            out.row("unanswered", g.representative(), String.valueOf(g.count()), String.valueOf(g.refusals()),
                    String.valueOf(g.noSource()), String.valueOf(g.thumbsDown()), String.join(" | ", g.examples()));
        }
        for (UsageReport.PossiblyWrong w : r.possiblyWrong()) {
            out.row("possibly_wrong", w.question(), w.askedAt().toString(), "", "", String.valueOf(w.thumbsDown()),
                    w.comment() == null ? String.join(" | ", w.cited()) : w.comment());
        }
        out.row("summary", "small_talk", String.valueOf(r.smallTalk()));
        out.row("feedback", "up", String.valueOf(r.feedback().up()));
        out.row("feedback", "down", String.valueOf(r.feedback().down()));
        out.row("feedback", "ratio", r.feedback().ratio() == null ? ""
                : String.format(Locale.ROOT, "%.3f", r.feedback().ratio()));
        return out.withByteOrderMark();
    }

    /** One cell as the file writes it (see {@link SpreadsheetCsv#cell}). */
    static String escape(String value) {
        return SpreadsheetCsv.cell(value);
    }
}
