package vn.trolyso.assistant;

/** Receives an answer's text piece by piece while it is produced (for streaming to the user). */
@FunctionalInterface
public interface TokenSink {
    TokenSink NONE = text -> { };

    void onToken(String text);
}
