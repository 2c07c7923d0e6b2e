package vn.trolyso.assistant.guard;

/** What the scope guard decided about a question before any retrieval. */
public enum ScopeVerdict {
    /** Possibly answerable from the documents: go on. */
    IN_SCOPE,
    /** A topic the assistant does not cover (weather, prices, essay writing, …). */
    OUT_OF_SCOPE,
    /** An attempt to change the assistant's rules or to extract its instructions. */
    INJECTION,
    /** A greeting or a question about the assistant itself. */
    GREETING
}
