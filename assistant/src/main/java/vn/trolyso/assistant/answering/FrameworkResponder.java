package vn.trolyso.assistant.answering;

import java.util.List;
import java.util.Optional;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.knowledge.search.Passage;

/** Answers questions about the learners' digital competency framework exactly, from its structured data. */
@FunctionalInterface
public interface FrameworkResponder {
    /** No framework answers (the framework data is not loaded). */
    FrameworkResponder NONE = (question, profile) -> Optional.empty();

    /**
     * The exact answer when the question is about the framework.
     *
     * @return text with [n] markers referring to {@link Reply#sources()} by 1-based position
     */
    Optional<Reply> respond(String question, UserProfile profile);

    /** Exact answers from the learners' digital competency framework data. */
    static FrameworkResponder of(vn.trolyso.knowledge.framework.CompetencyFramework framework) {
        return new FrameworkDataResponder(framework);
    }

    /** @param declines the data has no answer to what is asked, and the text says so */
    record Reply(String text, List<Passage> sources, boolean declines) {
        public Reply {
            sources = List.copyOf(sources);
        }
    }
}
