package vn.trolyso.knowledge.search;

/**
 * A query the search cannot run (empty, too long, …). Carries a stable code for API clients and a Vietnamese
 * message for people.
 */
public final class InvalidQueryException extends RuntimeException {
    private final String code;

    public InvalidQueryException(String code, String vietnameseMessage) {
        super(vietnameseMessage);
        this.code = code;
    }

    /** Stable machine-readable code, e.g. {@code empty_query}, {@code query_too_long}. */
    public String code() {
        return code;
    }
}
