package vn.trolyso.assistant.store;

/**
 * The database cannot be reached or opened: a wrong {@code TROLYSO_DB_*} setting, a PostgreSQL that is down, or an
 * embedded H2 file another running instance holds. A separate type so the start-up message can say which.
 */
public final class DatabaseUnavailableException extends IllegalStateException {
    private final boolean embedded;

    DatabaseUnavailableException(String message, boolean embedded, Throwable cause) {
        super(message, cause);
        this.embedded = embedded;
    }

    /** True for the embedded H2 database in the data directory. */
    public boolean embedded() {
        return embedded;
    }
}
