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

    /**
     * The exact answer to a follow-up that takes the competency or the grade it lacks from the earlier framework
     * question ("lớp 8 thì phần đó cần đạt gì?"); empty when it is not one.
     */
    default Optional<Reply> respondFollowUp(String question, String earlierQuestion, UserProfile profile) {
        return Optional.empty();
    }

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
