package vn.trolyso.knowledge.framework;

/** The framework data file is malformed or incomplete; the message names the item and field at fault. */
public final class FrameworkDataException extends RuntimeException {
    public FrameworkDataException(String message) {
        super(message);
    }

    public FrameworkDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
