package vn.trolyso.assistant.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What LangChain4j's own {@link OllamaStreamingChatModel} does today with the streams {@link OllamaChatStream} was
 * written for, against the same stubs as {@code OllamaGatewayTest}. These tests document the library, not our code:
 * the day one fails after a LangChain4j upgrade, read the new behaviour and see whether our transport is still needed
 * (docs/generative.md gives the other reason, the synchronous read without a handle to cancel).
 */
class BareLangChain4jStreamTest {
    @RegisterExtension
    static final OllamaStubServer ollama = OllamaStubServer.warmedUp();

    /**
     * What the handler of one bare streaming call heard: the partial texts, then "complete: <text>" or
     * "error: <class>", or nothing more when it was not told within {@code quiet} after the stub sent everything.
     */
    private static List<String> streamOnce(Duration quiet) throws Exception {
        OllamaStreamingChatModel model = OllamaStreamingChatModel.builder()
                .baseUrl(ollama.baseUrl()).modelName(OllamaStubs.MODEL).timeout(Duration.ofSeconds(15)).build();
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        model.chat(List.of(UserMessage.from("Kế hoạch triển khai khi nào?")), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                events.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                events.add("complete: " + response.aiMessage().text());
                ended.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                events.add("error: " + error.getClass().getSimpleName());
                ended.complete(null);
            }
        });
        try {
            ended.get(quiet.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the handler was never told how the stream ended
        }
        return List.copyOf(events);
    }

    /**
     * The stub of {@code OllamaGatewayTest.streamThatStopsHalfway}: two tokens, then the connection closes without the
     * done line. LangChain4j 1.18.1 tells the handler neither complete nor error, so a caller waiting for the end
     * waits forever; {@link OllamaChatStream} reports it as a malformed stream.
     */
    @Test
    void aStreamCutBeforeItsDoneLineIsNeverReportedToTheHandler() throws Exception {
        OllamaStubs.chat(ollama, OllamaStubs.streaming(OllamaStubs.chunk("Theo kế hoạch ") + "\n"
                + OllamaStubs.chunk("thời gian ") + "\n"));

        List<String> events = streamOnce(Duration.ofSeconds(5));

        assertEquals(List.of("Theo kế hoạch ", "thời gian "), events, "no complete, no error");
    }

    /** Ollama's in-stream error line: LangChain4j 1.18.1 reports it (as our transport does, by its own parser). */
    @Test
    void anErrorLineInTheStreamIsReportedAsAnError() throws Exception {
        OllamaStubs.chat(ollama, OllamaStubs.streaming(OllamaStubs.chunk("Theo kế hoạch ") + "\n"
                + "{\"error\":\"an error was encountered while running the model: unexpected EOF\"}\n"));

        List<String> events = streamOnce(Duration.ofSeconds(15));

        assertEquals(List.of("Theo kế hoạch ", "error: OllamaStreamingException"), events);
    }
}
