package vn.trolyso.assistant.rag;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.trolyso.assistant.framework.FrameworkTools;
import vn.trolyso.assistant.llm.LlmUnavailableException;
import vn.trolyso.assistant.llm.OllamaGateway;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkDocument;
import vn.trolyso.knowledge.framework.FrameworkQuestionRecognizer;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.text.VietnameseText;

/**
 * For questions about the competency framework, one non-streaming call offers the {@link FrameworkTools} to the
 * model; the look-ups it asks for are run with LangChain4j's {@link DefaultToolExecutor} and their exact results
 * become numbered sources of the answer (so the answer cites the framework data, never the model's memory).
 * The final answer is then streamed like any other; a model that asks for no tool just gets the retrieved sources.
 */
final class FrameworkToolRound {
    private static final Logger LOG = Logger.getLogger(FrameworkToolRound.class.getName());
    private static final int MAX_CALLS = 3;
    private static final String INSTRUCTION = """
            Bạn tra cứu khung năng lực số cho người học (Thông tư 02/2025/TT-BGDĐT) bằng các công cụ được cung cấp. \
            Hãy gọi công cụ phù hợp nhất (tối đa 3 lần) để lấy dữ liệu trả lời câu hỏi; không tự trả lời từ trí nhớ.""";

    private final FrameworkTools tools;
    private final FrameworkQuestionRecognizer recognizer;
    private final List<ToolSpecification> specifications;
    private final Map<String, Method> methods = new HashMap<>();

    FrameworkToolRound(CompetencyFramework framework) {
        this.tools = new FrameworkTools(framework);
        this.recognizer = new FrameworkQuestionRecognizer(framework);
        this.specifications = ToolSpecifications.toolSpecificationsFrom(FrameworkTools.class);
        for (Method m : FrameworkTools.class.getMethods()) {
            Tool tool = m.getAnnotation(Tool.class);
            if (tool != null) {
                methods.put(tool.name().isEmpty() ? m.getName() : tool.name(), m);
            }
        }
    }

    /** Whether the question is about the framework (then the tools are offered). */
    boolean concerns(String question) {
        return recognizer.recognize(question).isPresent()
                || VietnameseText.stripDiacritics(question).toLowerCase(Locale.ROOT).contains("khung nang luc");
    }

    /** Lets the model pick framework look-ups for {@code question}; returns their results as passages. */
    List<Passage> lookUp(OllamaGateway gateway, String question) throws LlmUnavailableException {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(INSTRUCTION), UserMessage.from(question))
                .toolSpecifications(specifications)
                .build();
        AiMessage reply = gateway.chat(request, gateway.settings().firstTokenTimeout()).aiMessage();
        List<Passage> results = new ArrayList<>();
        if (reply == null || !reply.hasToolExecutionRequests()) {
            return results;
        }
        for (ToolExecutionRequest call : reply.toolExecutionRequests()) {
            if (results.size() == MAX_CALLS) {
                break;
            }
            Method method = methods.get(call.name());
            if (method == null) {
                LOG.fine(() -> "model asked for an unknown tool " + call.name());
                continue;
            }
            try {
                String text = new DefaultToolExecutor(tools, method).execute(call, "framework");
                results.add(new Passage(FrameworkDocument.METADATA, FrameworkDocument.ID + "#tool-" + call.name()
                        + "-" + results.size(), "Tra cứu dữ liệu khung năng lực số", text, 1f));
            } catch (RuntimeException e) {
                // Bad arguments from the model: skip this look-up, the retrieved sources still answer.
                LOG.log(Level.FINE, "framework tool " + call.name() + " failed", e);
            }
        }
        return results;
    }
}
