package vn.trolyso.assistant.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What staff asked in a period and how well the assistant served them.
 *
 * @param from             first day (inclusive, in the report's time zone)
 * @param to               last day (inclusive)
 * @param timeZone         the zone days are counted in
 * @param totalQuestions   answers given in the period
 * @param questionsPerDay  one entry per day of the period, zeros included
 * @param answersByMode    count per answer mode ("extractive", "generative", "framework", "refusal")
 * @param averageLatencyMs mean answer time (0 when no answers)
 * @param topQuestions     most frequent questions (same question up to case, accents and punctuation)
 * @param unanswered       refused, unsourced or thumbs-down questions grouped by similarity, biggest group first;
 *                         greetings and small talk left out
 * @param feedback         thumbs up/down given to answers of the period
 * @param smallTalk        greetings and small talk ("xin chào", "cảm ơn", "bạn là ai") in the period
 * @param possiblyWrong    answers given from sources that got a thumbs-down, newest first
 */
public record UsageReport(LocalDate from, LocalDate to, String timeZone, long totalQuestions,
                          List<DayCount> questionsPerDay, Map<String, Long> answersByMode, long averageLatencyMs,
                          List<QuestionCount> topQuestions, List<UnansweredGroup> unanswered, Feedback feedback,
                          long smallTalk, List<PossiblyWrong> possiblyWrong) {

    public record DayCount(LocalDate day, long questions) {
    }

    public record QuestionCount(String question, long count) {
    }

    /**
     * Similar questions the assistant could not answer well.
     *
     * @param representative the most frequent wording in the group
     * @param count          how many times questions of the group were asked
     * @param examples       other wordings (at most 5)
     * @param refusals       how many were refused
     * @param noSource       how many were answered without any cited document
     * @param thumbsDown     how many got a thumbs-down
     */
    public record UnansweredGroup(String representative, long count, List<String> examples, long refusals,
                                  long noSource, long thumbsDown) {
    }

    /**
     * An answer that cited sources (or the framework) and still got a thumbs-down: perhaps wrong, perhaps from an
     * outdated document. The answer log carries no evidence score from the answerer, so a thumbs-down is the signal.
     *
     * @param messageId  the answer's id
     * @param askedAt    when it was asked
     * @param question   the question, or {@link UsageReports#NOT_STORED}
     * @param mode       how it was answered
     * @param cited      the cited document ids
     * @param thumbsDown thumbs-down ratings it got
     * @param thumbsUp   thumbs-up ratings it got
     * @param comment    the latest comment left with a thumbs-down, or null
     */
    public record PossiblyWrong(String messageId, java.time.OffsetDateTime askedAt, String question, String mode,
                                List<String> cited, long thumbsDown, long thumbsUp, String comment) {
    }

    /**
     * @param up    thumbs-up ratings
     * @param down  thumbs-down ratings
     * @param ratio share of thumbs-up among ratings (0–1), null when nobody rated
     */
    public record Feedback(long up, long down, Double ratio) {
    }
}
