package vn.trolyso.assistant;

/** Answers questions from the knowledge base. Thread-safe. */
public interface Assistant {
    /** Answers one question; blocks until the whole answer is ready. */
    default Answer answer(Question question) {
        return answer(question, TokenSink.NONE);
    }

    /**
     * Answers one question, handing the text to {@code tokens} as it is produced, and returns the final answer
     * (whose text is the concatenation of the tokens, possibly followed by a notice). Never throws for bad
     * input: a question that cannot be answered gets a refusal; an invalid one an {@link InvalidQuestionException}.
     */
    Answer answer(Question question, TokenSink tokens);
}
