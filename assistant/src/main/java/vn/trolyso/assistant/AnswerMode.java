package vn.trolyso.assistant;

import java.util.Locale;

/** How an answer was produced. The API name is the lowercase constant name. */
public enum AnswerMode {
    /** Written by the LLM from numbered sources. */
    GENERATIVE,
    /** Extracted from the best passages without an LLM (the no-LLM mode). */
    EXTRACTIVE,
    /** Composed exactly from the competency framework data. */
    FRAMEWORK,
    /** A polite refusal: out of scope, an injection attempt, or nothing in the documents. */
    REFUSAL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
