package vn.trolyso.assistant.llm;

import java.time.Instant;
import java.util.List;

/**
 * What the last probe of Ollama found (reported as a health detail; decides generative vs no-LLM mode).
 *
 * @param enabled       whether generative mode is configured at all
 * @param reachable     Ollama answered {@code GET /api/tags}
 * @param modelPulled   the configured model is among the pulled models
 * @param model         the configured model
 * @param pulledModels  the models Ollama has (empty when unreachable)
 * @param detail        a short English explanation for logs and the health endpoint
 * @param vietnameseMessage what to tell an administrator (names {@code ollama pull <model>} when it is missing)
 * @param checkedAt     when the probe ran
 */
public record OllamaStatus(boolean enabled, boolean reachable, boolean modelPulled, String model,
                           List<String> pulledModels, String detail, String vietnameseMessage, Instant checkedAt) {
    public OllamaStatus {
        pulledModels = List.copyOf(pulledModels);
    }

    /** True when a generative answer can be attempted. */
    public boolean usable() {
        return enabled && reachable && modelPulled;
    }

    /** A stable one-word summary: {@code disabled}, {@code unreachable}, {@code model_missing} or {@code ready}. */
    public String state() {
        if (!enabled) {
            return "disabled";
        }
        if (!reachable) {
            return "unreachable";
        }
        return modelPulled ? "ready" : "model_missing";
    }
}
