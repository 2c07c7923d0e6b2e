package vn.trolyso.eval;

/** Bad command-line usage of an eval command; {@link Main} prints the message and exits with code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
