package vn.trolyso.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import vn.trolyso.assistant.Question;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.assistant.conversation.Turn;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.Json;

/**
 * A validated {@code POST /v1/chat/completions} body: {@code model}, {@code messages}, {@code stream}. The last
 * message must be the user's question (validated exactly as {@code POST /api/v1/chat} validates {@code message});
 * the earlier user/assistant pairs become the conversation so far, for the follow-up rewriting. System (and
 * developer, tool) messages are ignored: the assistant's own rules stay in force.
 *
 * @param model         the model id asked for ({@link OpenAiModels#DEFAULT} when absent)
 * @param question      the question for the assistant, with the transcript as its history
 * @param stream        true for {@code chat.completion.chunk} Server-Sent Events
 * @param promptChars   the characters of every message sent (for the estimated {@code prompt_tokens})
 */
record OpenAiChatRequest(String model, Question question, boolean stream, int promptChars) {

    static OpenAiChatRequest from(ObjectNode body, int maxMessageChars) {
        String model = body.hasNonNull("model") ? text(body.get("model"), "model") : OpenAiModels.DEFAULT;
        Role role = OpenAiModels.role(model).orElse(null);
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw ApiErrors.invalidField("stream", "phải là true hoặc false.");
        }
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            throw ApiErrors.missingField("messages");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw ApiErrors.invalidField("messages", "phải là một danh sách tin nhắn {\"role\", \"content\"} không rỗng.");
        }
        List<String[]> kept = new ArrayList<>(); // {role, content} of the user and assistant messages
        int promptChars = 0;
        for (JsonNode m : messages) {
            if (!m.isObject() || !m.hasNonNull("role") || !m.get("role").isTextual()) {
                throw ApiErrors.invalidField("messages", "mỗi tin nhắn cần có \"role\" và \"content\".");
            }
            String content = content(m.get("content"));
            promptChars += content.codePointCount(0, content.length());
            String r = m.get("role").asText();
            if (r.equals("user") || r.equals("assistant")) {
                kept.add(new String[] {r, content});
            }
        }
        if (kept.isEmpty() || !kept.getLast()[0].equals("user")) {
            throw ApiErrors.badRequest("last_message_not_user",
                    "Tin nhắn cuối cùng trong \"messages\" phải là câu hỏi của người dùng (role \"user\").");
        }
        ObjectNode chat = Json.MAPPER.createObjectNode().put("message", kept.getLast()[1]);
        ChatRequest validated = ChatRequest.from(chat, maxMessageChars);
        Question question = new Question(validated.message(), null,
                role == null ? UserProfile.UNKNOWN : new UserProfile(role, null), null,
                transcript(kept.subList(0, kept.size() - 1)));
        return new OpenAiChatRequest(model, question, stream != null && stream.asBoolean(false), promptChars);
    }

    /** Each user message with the assistant message that follows it (if any) is one earlier turn. */
    private static List<Turn> transcript(List<String[]> messages) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i)[0].equals("user") || messages.get(i)[1].isBlank()) {
                continue;
            }
            String q = messages.get(i)[1].strip();
            String a = i + 1 < messages.size() && messages.get(i + 1)[0].equals("assistant") ? messages.get(i + 1)[1] : "";
            turns.add(new Turn(q, null, a)); // its standalone form is worked out by the assistant
        }
        return turns;
    }

    /** A message's text: a string, or the text parts of a content array (images and other parts are ignored). */
    private static String content(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : node) {
                if (part.isObject() && "text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                    text.append(text.isEmpty() ? "" : "\n").append(part.get("text").asText());
                }
            }
            return text.toString();
        }
        throw ApiErrors.invalidField("messages", "\"content\" phải là chuỗi hoặc danh sách phần văn bản.");
    }

    private static String text(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw ApiErrors.invalidField(field, "phải là chuỗi.");
        }
        return node.asText();
    }
}
