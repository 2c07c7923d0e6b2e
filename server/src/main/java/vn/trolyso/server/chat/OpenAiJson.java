package vn.trolyso.server.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The response bodies of the OpenAI-compatible routes (openapi.yaml OpenAiModel, ChatCompletion, the
 * {@code chat.completion.chunk} events), in OpenAI's field names and order, with the {@code trolyso_} extensions.
 */
final class OpenAiJson {
    private OpenAiJson() {
    }

    record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
        static Model of(String id, long created) {
            return new Model(id, "model", created, "trolyso");
        }
    }

    record ModelList(String object, List<Model> data) {
        ModelList(List<Model> data) {
            this("list", data);
        }
    }

    /** {@code stream: false}: the whole answer. */
    record Completion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {
    }

    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {
    }

    record Message(String role, String content,
                   @JsonProperty("trolyso_citations") List<AnswerJson.SourcedCitation> citations,
                   @JsonProperty("trolyso_mode") String mode) {
    }

    /** {@code stream: true}: one event; only the last carries citations, mode and usage. */
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
                 @JsonInclude(Include.NON_NULL) @JsonProperty("trolyso_citations")
                 List<AnswerJson.SourcedCitation> citations,
                 @JsonInclude(Include.NON_NULL) @JsonProperty("trolyso_mode") String mode,
                 @JsonInclude(Include.NON_NULL) Usage usage) {
    }

    /** {@code finish_reason} is written as null until the last chunk. */
    record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason) {
    }

    /** The new text of a chunk: role and "" first, then content, then nothing ({@code {}}) in the last chunk. */
    @JsonInclude(Include.NON_NULL)
    record Delta(String role, String content) {
    }

    /** Estimated token counts, marked {@code "estimated": true}. */
    record Usage(@JsonProperty("prompt_tokens") int promptTokens,
                 @JsonProperty("completion_tokens") int completionTokens,
                 @JsonProperty("total_tokens") int totalTokens, boolean estimated) {
    }
}
