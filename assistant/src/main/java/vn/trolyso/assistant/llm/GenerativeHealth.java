package vn.trolyso.assistant.llm;

/**
 * Generative answering as the health endpoint shows it.
 *
 * @param state  {@code disabled}, {@code unreachable}, {@code model_missing}, {@code degraded} or {@code ready}
 * @param detail a short English explanation
 */
public record GenerativeHealth(String state, String detail) {
    public boolean ready() {
        return state.equals("ready");
    }
}
