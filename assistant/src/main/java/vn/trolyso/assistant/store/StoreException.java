package vn.trolyso.assistant.store;

/** A database operation of a store failed (the server answers 500 internal_error, never the SQL detail). */
public final class StoreException extends RuntimeException {
    public StoreException(String what, Throwable cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
