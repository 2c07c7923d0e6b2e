package vn.trolyso.knowledge;

/** A build of the knowledge index failed; the previous generation (if any) keeps serving. */
public final class IndexBuildException extends RuntimeException {
    public IndexBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
