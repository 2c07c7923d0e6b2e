package vn.trolyso.assistant.learning;

/**
 * A request the learning features cannot serve: a stable {@link #code()} for API clients and a Vietnamese message
 * for people. {@link #notFound()} tells the HTTP layer to answer 404 instead of 400.
 */
public final class LearningException extends RuntimeException {
    private final String code;
    private final boolean notFound;

    private LearningException(String code, String message, boolean notFound) {
        super(message);
        this.code = code;
        this.notFound = notFound;
    }

    public static LearningException invalid(String code, String message) {
        return new LearningException(code, message, false);
    }

    public static LearningException notFound(String code, String message) {
        return new LearningException(code, message, true);
    }

    public String code() {
        return code;
    }

    public boolean notFound() {
        return notFound;
    }
}
