package vn.trolyso.assistant.llm;

import java.util.List;

/**
 * Generative answering as the health endpoint shows it.
 *
 * @param state    {@code disabled}, {@code unreachable}, {@code model_missing}, {@code degraded} or {@code ready}
 * @param detail   a short English explanation
 * @param backends each Ollama server of the pool (one unless OLLAMA_BASE_URLS names several)
 */
public record GenerativeHealth(String state, String detail, List<Backend> backends) {

    /**
     * One Ollama server as health shows it.
     *
     * @param url       its address
     * @param inFlight  generations it is running for this node now
     * @param capacity  generations it may run at once
     * @param up        in rotation: its last probe found it with the model and its circuit lets calls through
     * @param state     its own state, named as the pool's
     * @param lastError what went wrong with it, in plain words ("" when nothing)
     */
    public record Backend(String url, int inFlight, int capacity, boolean up, String state, String lastError) {
    }

    public GenerativeHealth {
        backends = List.copyOf(backends);
    }

    public GenerativeHealth(String state, String detail) {
        this(state, detail, List.of());
    }

    public boolean ready() {
        return state.equals("ready");
    }

    GenerativeHealth withBackends(List<Backend> value) {
        return new GenerativeHealth(state, detail, value);
    }
}
