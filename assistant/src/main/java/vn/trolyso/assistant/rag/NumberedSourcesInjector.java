package vn.trolyso.assistant.rag;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.ContentInjector;
import java.util.List;

/**
 * Puts the sources into the user message as a Vietnamese numbered list ([1] title — issuer — section, then the
 * text) followed by the question. LangChain4j's DefaultContentInjector writes an English template without numbers,
 * which the model could not cite.
 */
final class NumberedSourcesInjector implements ContentInjector {
    private final PromptBuilder prompts;

    NumberedSourcesInjector(PromptBuilder prompts) {
        this.prompts = prompts;
    }

    @Override
    public ChatMessage inject(List<Content> contents, ChatMessage chatMessage) {
        String question = ((UserMessage) chatMessage).singleText();
        return prompts.sourcesAndQuestion(question, contents.stream().map(PassageContents::toPassage).toList());
    }
}
