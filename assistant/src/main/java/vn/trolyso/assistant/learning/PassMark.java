package vn.trolyso.assistant.learning;

/**
 * The one rule for passing a module's check questions (modules have 2–4): with 3 or more questions, all but one must
 * be right; with fewer, all of them. A module counts as completed only when its check has been passed once.
 */
public final class PassMark {
    private PassMark() {
    }

    /** How many right answers pass a check of {@code questions} questions. */
    public static int required(int questions) {
        return questions >= 3 ? questions - 1 : questions;
    }

    public static boolean passed(int correct, int questions) {
        return questions > 0 && correct >= required(questions);
    }
}
