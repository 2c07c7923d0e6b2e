package vn.trolyso.assistant;

/** Receives an answer's text piece by piece while it is produced (for streaming to the user). */
@FunctionalInterface
public interface TokenSink {
    TokenSink NONE = text -> { };

    void onToken(String text);

    /**
     * The answer waits for a free generation slot, {@code ahead} requests before it. Called at most once, before
     * any token; a sink that shows progress tells the person they are queued.
     */
    default void onQueued(int ahead) {
    }
}
