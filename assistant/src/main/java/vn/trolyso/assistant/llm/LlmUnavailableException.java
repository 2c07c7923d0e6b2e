package vn.trolyso.assistant.llm;

/**
 * The LLM could not produce (the rest of) an answer. The caller decides what to do from two facts:
 * {@link #tokensEmitted()} false → nothing reached the user yet: answer in the no-LLM mode instead;
 * true → the user already saw part of the answer: end it with {@link #vietnameseMessage()} as a notice.
 */
public final class LlmUnavailableException extends Exception {

    /** Why the LLM failed. The API name (lowercase) is stable for logs, metrics and health details. */
    public enum Reason {
        /** Generative mode is disabled or has no model configured. */
        NOT_CONFIGURED,
        /** Ollama answers but the configured model has not been pulled. */
        MODEL_NOT_PULLED,
        /** Nothing listens at the configured address. */
        CONNECTION_REFUSED,
        /** Ollama answered with an HTTP error (5xx or another unexpected status). */
        SERVER_ERROR,
        /** No token arrived within the first-token timeout. */
        FIRST_TOKEN_TIMEOUT,
        /** The whole answer took longer than the overall deadline. */
        DEADLINE_EXCEEDED,
        /** The answer had begun, then no token came for the stall timeout. */
        STALLED,
        /** The stream broke off or contained something that is not Ollama's NDJSON. */
        MALFORMED_STREAM,
        /** Recent calls failed; the circuit breaker is not letting calls through until its cool-down ends. */
        CIRCUIT_OPEN,
        /** Every generation slot is taken and the queue in front of them is full (or the wait ran out). */
        BUSY;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;
    private final boolean tokensEmitted;
    private final String vietnameseMessage;

    public LlmUnavailableException(Reason reason, boolean tokensEmitted, String vietnameseMessage, String detail,
                                   Throwable cause) {
        super(reason.apiName() + ": " + detail, cause);
        this.reason = reason;
        this.tokensEmitted = tokensEmitted;
        this.vietnameseMessage = vietnameseMessage;
    }

    /** A failure with the standard Vietnamese message for its reason. */
    public static LlmUnavailableException of(Reason reason, boolean tokensEmitted, String model, String detail,
                                             Throwable cause) {
        return new LlmUnavailableException(reason, tokensEmitted, messageFor(reason, tokensEmitted, model), detail,
                cause);
    }

    public Reason reason() {
        return reason;
    }

    /** True when part of the answer had already been handed to the token sink. */
    public boolean tokensEmitted() {
        return tokensEmitted;
    }

    /** What to tell the person (a notice ending a cut-off answer, or the reason the model is not used). */
    public String vietnameseMessage() {
        return vietnameseMessage;
    }

    static String messageFor(Reason reason, boolean tokensEmitted, String model) {
        if (tokensEmitted) {
            return "(Câu trả lời bị gián đoạn do mô hình ngôn ngữ gặp sự cố. Phần trên có thể chưa đầy đủ; "
                    + "vui lòng hỏi lại sau ít phút.)";
        }
        return switch (reason) {
            case NOT_CONFIGURED -> "Chế độ sinh câu trả lời bằng mô hình ngôn ngữ chưa được bật.";
            case MODEL_NOT_PULLED -> "Máy chủ Ollama chưa có mô hình \"" + model + "\". Quản trị viên cần chạy lệnh: "
                    + "ollama pull " + model;
            case CONNECTION_REFUSED -> "Không kết nối được tới máy chủ Ollama.";
            case SERVER_ERROR -> "Máy chủ Ollama báo lỗi khi xử lý câu hỏi.";
            case FIRST_TOKEN_TIMEOUT, DEADLINE_EXCEEDED, STALLED -> "Mô hình ngôn ngữ phản hồi quá chậm.";
            case MALFORMED_STREAM -> "Máy chủ Ollama trả về dữ liệu không hợp lệ.";
            case CIRCUIT_OPEN -> "Mô hình ngôn ngữ đang tạm ngưng sau nhiều lỗi liên tiếp; hệ thống sẽ thử lại sau.";
            case BUSY -> "Mô hình ngôn ngữ đang bận trả lời nhiều câu hỏi khác.";
        };
    }
}
