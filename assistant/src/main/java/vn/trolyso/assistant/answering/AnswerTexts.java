package vn.trolyso.assistant.answering;

/** Fixed Vietnamese notes the pipeline appends to answers. */
public final class AnswerTexts {
    /** Ends every extractive answer when no LLM is configured. */
    public static final String EXTRACTIVE_NOTE = "(Trả lời trích từ tài liệu; mô hình ngôn ngữ chưa được kết nối.)";
    /** Ends an extractive answer given because the configured LLM failed before answering. */
    public static final String FALLBACK_NOTE =
            "(Mô hình ngôn ngữ tạm thời không phản hồi; câu trả lời được trích từ tài liệu.)";
    /** Ends a generative answer that broke off midway. */
    public static final String INTERRUPTED_NOTE =
            "\n\n(Câu trả lời bị gián đoạn do mô hình ngôn ngữ ngừng phản hồi; phần trên có thể chưa đầy đủ. "
                    + "Vui lòng hỏi lại sau.)";
    /**
     * Ends an extractive answer given because Ollama lacks the configured model; {@code message} names the command
     * ("… Quản trị viên cần chạy lệnh: ollama pull qwen2.5:7b-instruct").
     */
    public static String modelMissingNote(String message) {
        return "(Mô hình ngôn ngữ chưa sẵn sàng: " + message + ". Câu trả lời được trích từ tài liệu.)";
    }

    public static final String SUGGESTION_PREFIX = "Gợi ý học tiếp: ";

    private AnswerTexts() {
    }
}
