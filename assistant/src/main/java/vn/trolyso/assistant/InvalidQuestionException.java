package vn.trolyso.assistant;

/** A question that cannot be processed at all (empty, too long). Stable code plus a Vietnamese message. */
public final class InvalidQuestionException extends RuntimeException {
    private final String code;

    public InvalidQuestionException(String code, String vietnameseMessage) {
        super(vietnameseMessage);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
