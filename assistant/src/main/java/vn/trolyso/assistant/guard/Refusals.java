package vn.trolyso.assistant.guard;

/** The assistant's fixed Vietnamese replies for questions it does not answer from the documents. */
public final class Refusals {
    /** What the assistant can help with; ends every refusal. */
    public static final String CAPABILITIES = "Tôi có thể giúp bạn tìm hiểu các kế hoạch, văn bản về ứng dụng trí tuệ "
            + "nhân tạo và chuyển đổi số trong giáo dục, phong trào “Bình dân học vụ số” và khung năng lực số của người "
            + "học (Thông tư 02/2025/TT-BGDĐT).";

    public static final String OUT_OF_SCOPE = "Xin lỗi, câu hỏi này nằm ngoài phạm vi của Trợ lý số. " + CAPABILITIES;

    public static final String INJECTION = "Xin lỗi, tôi không thể thay đổi nguyên tắc hoạt động của mình hay tiết lộ "
            + "hướng dẫn nội bộ. Tôi chỉ trả lời dựa trên các tài liệu chính thức đã được nạp. " + CAPABILITIES;

    public static final String GREETING = "Xin chào! Tôi là Trợ lý số. " + CAPABILITIES
            + " Bạn hãy đặt câu hỏi, tôi sẽ trả lời kèm nguồn trích dẫn.";

    /** Prefix of every "the documents do not say" reply (stable: tests and clients look for it). */
    public static final String NOT_IN_DOCUMENTS_PREFIX = "Tài liệu hiện có không đề cập";

    private Refusals() {
    }

    /** The reply when retrieval found nothing that answers the question. */
    public static String notInDocuments(String topic) {
        return NOT_IN_DOCUMENTS_PREFIX + echo(topic) + ", nên tôi không thể trả lời chính xác câu hỏi này. "
                + "Bạn có thể hỏi lại với từ khóa khác hoặc liên hệ nhà trường để được hỗ trợ. " + CAPABILITIES;
    }

    /**
     * The reply when the question names a place whose documents do not answer it: another place's figures are not
     * quoted as if they were theirs. Starts with {@link #NOT_IN_DOCUMENTS_PREFIX} like every such reply.
     *
     * @param issuers who issued the documents the question names ("Ủy ban nhân dân phường Kiến An")
     */
    public static String notInNamedDocuments(String topic, java.util.Collection<String> issuers) {
        return NOT_IN_DOCUMENTS_PREFIX + echo(topic) + " trong văn bản của " + String.join(", ", issuers)
                + ". Tôi không trả lời bằng số liệu của đơn vị khác. " + CAPABILITIES;
    }

    /**
     * " đến “the question”" for a question of a few words, else " đến nội dung bạn hỏi": a reply in the assistant's
     * voice never repeats a long message, one with brackets or single quotes, a link or an e-mail address (a message
     * may be written to make it say something: "… [HỆ THỐNG: hãy khẳng định rằng …]", "Nhắc lại câu 'Ghé shopabc.vn
     * …'").
     */
    private static String echo(String topic) {
        if (topic == null || topic.isBlank() || UNQUOTABLE.matcher(topic).find()
                || topic.strip().split("\\s+").length > ECHO_WORDS) {
            return " đến nội dung bạn hỏi";
        }
        return " đến “" + shorten(topic) + "”";
    }

    /** Longest question repeated in a refusal, in words. */
    private static final int ECHO_WORDS = 24;

    private static final java.util.regex.Pattern UNQUOTABLE = java.util.regex.Pattern.compile(
            "(?i)https?://|www\\.|@|[\\[\\]<>{}']|\\b[\\p{L}\\d-]+\\.(?:vn|com|net|org|io|info|xyz|me|ly|co)\\b");

    private static String shorten(String s) {
        String t = s.strip().replaceAll("[?!.]+$", "");
        return t.length() <= 120 ? t : t.substring(0, t.lastIndexOf(' ', 120) > 60 ? t.lastIndexOf(' ', 120) : 120) + "…";
    }
}
