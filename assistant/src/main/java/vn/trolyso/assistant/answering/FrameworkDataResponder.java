package vn.trolyso.assistant.answering;

import java.util.Optional;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkAnswer;
import vn.trolyso.knowledge.framework.FrameworkAnswerer;
import vn.trolyso.knowledge.framework.FrameworkIntent;
import vn.trolyso.knowledge.framework.FrameworkQuestionRecognizer;

/** Framework answers from the structured data: the recogniser decides, the answerer composes (profile grade). */
final class FrameworkDataResponder implements FrameworkResponder {
    private final FrameworkQuestionRecognizer recognizer;
    private final FrameworkAnswerer answerer;

    FrameworkDataResponder(CompetencyFramework framework) {
        this.recognizer = new FrameworkQuestionRecognizer(framework);
        this.answerer = new FrameworkAnswerer(framework);
    }

    @Override
    public Optional<Reply> respond(String question, UserProfile profile) {
        return recognizer.recognize(question).map(intent -> reply(intent, profile));
    }

    @Override
    public Optional<Reply> respondFollowUp(String question, String earlierQuestion, UserProfile profile) {
        return recognizer.recognize(earlierQuestion).flatMap(earlier -> recognizer.recognizeFollowUp(question, earlier))
                .map(intent -> reply(intent, profile));
    }

    private Reply reply(FrameworkIntent intent, UserProfile profile) {
        FrameworkAnswer a = answerer.answer(intent, profile.grade());
        return new Reply(a.text(), a.sources(), a.undescribed());
    }
}
