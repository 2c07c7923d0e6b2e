package vn.trolyso.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.UserProfile;
import vn.trolyso.server.http.ApiErrors;
import vn.trolyso.server.http.JsonBody;
import vn.trolyso.server.http.TextInput;

/**
 * A validated chat request: {@code {"message", "conversationId"?, "profile"?: {"role"?, "grade"?}, "materialId"?}}.
 *
 * @param message        the question, non-blank and within the length limit
 * @param conversationId the conversation to continue, or null
 * @param profile        who is asking
 * @param materialId     the training module the question is asked from (answered from it first), or null
 */
public record ChatRequest(String message, String conversationId, UserProfile profile, String materialId) {
    private static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";
    private static final String MATERIAL_ID_PATTERN = "[A-Za-z0-9_-]{1,100}";

    /** Whether {@code id} has the shape of a conversation id. */
    static boolean isConversationId(String id) {
        return id != null && id.matches(ID_PATTERN);
    }

    /** Validates the parsed body; every problem is a 400 with a stable code. */
    public static ChatRequest from(ObjectNode body, int maxMessageChars) {
        String message = JsonBody.requiredString(body, "message");
        if (message.isBlank()) {
            throw ApiErrors.badRequest("empty_message", "Câu hỏi đang trống. Hãy nhập nội dung câu hỏi.");
        }
        TextInput.requireClean("message", message);
        int length = TextInput.length(message);
        if (length > maxMessageChars) {
            throw ApiErrors.badRequest("message_too_long", "Câu hỏi quá dài (" + length + " ký tự). Tối đa "
                    + maxMessageChars + " ký tự.");
        }
        String conversationId = JsonBody.optionalString(body, "conversationId");
        if (conversationId != null && !conversationId.matches(ID_PATTERN)) {
            throw ApiErrors.badRequest("invalid_conversation_id",
                    "Mã cuộc trò chuyện không hợp lệ (1–64 ký tự chữ, số, '-' hoặc '_').");
        }
        String materialId = JsonBody.optionalString(body, "materialId");
        if (materialId != null && !materialId.strip().matches(MATERIAL_ID_PATTERN)) {
            throw ApiErrors.badRequest("invalid_material_id", "Mã học phần (materialId) không hợp lệ.");
        }
        return new ChatRequest(message.strip(), conversationId, profile(body.get("profile")),
                materialId == null ? null : materialId.strip());
    }

    private static UserProfile profile(JsonNode node) {
        if (node == null || node.isNull()) {
            return UserProfile.UNKNOWN;
        }
        if (!node.isObject()) {
            throw ApiErrors.invalidField("profile", "phải là một đối tượng {\"role\", \"grade\"}.");
        }
        Role role = null;
        JsonNode r = node.get("role");
        if (r != null && !r.isNull()) {
            if (!r.isTextual()) {
                throw invalidRole();
            }
            role = Role.fromApiName(r.asText()).orElseThrow(ChatRequest::invalidRole);
        }
        Integer grade = null;
        JsonNode g = node.get("grade");
        if (g != null && !g.isNull()) {
            if (!g.canConvertToInt() || !g.isIntegralNumber() || g.asInt() < 1 || g.asInt() > 12) {
                throw ApiErrors.badRequest("invalid_grade", "Khối lớp phải là số nguyên từ 1 đến 12.");
            }
            grade = g.asInt();
        }
        return new UserProfile(role, grade);
    }

    private static RuntimeException invalidRole() {
        return ApiErrors.badRequest("invalid_role", "Vai trò không hợp lệ. Dùng một trong: giao_vien, can_bo_quan_ly,"
                + " nhan_vien, hoc_sinh, phu_huynh.");
    }
}
