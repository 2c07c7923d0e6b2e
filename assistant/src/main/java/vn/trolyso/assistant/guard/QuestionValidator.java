package vn.trolyso.assistant.guard;

import java.text.Normalizer;
import java.util.regex.Pattern;
import vn.trolyso.assistant.InvalidQuestionException;

/** Cleans a typed question (control characters, Unicode form, spacing) and rejects what cannot be answered. */
public final class QuestionValidator {
    public static final int MAX_CHARS = 2_000;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private QuestionValidator() {
    }

    /**
     * The question in NFC with control and format characters removed and whitespace collapsed.
     *
     * @throws InvalidQuestionException {@code empty_message} or {@code message_too_long}
     */
    public static String clean(String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidQuestionException("empty_message", "Vui lòng nhập câu hỏi.");
        }
        if (message.length() > MAX_CHARS * 2) {
            throw tooLong();
        }
        String s = Normalizer.normalize(message, Normalizer.Form.NFC);
        s = CONTROL.matcher(s).replaceAll("");
        s = s.replace('\u00D0', 'Đ');
        s = SPACES.matcher(s).replaceAll(" ").strip();
        if (s.isEmpty()) {
            throw new InvalidQuestionException("empty_message", "Vui lòng nhập câu hỏi.");
        }
        if (s.length() > MAX_CHARS) {
            throw tooLong();
        }
        return s;
    }

    private static InvalidQuestionException tooLong() {
        return new InvalidQuestionException("message_too_long",
                "Câu hỏi quá dài (tối đa " + "2.000" + " ký tự). Vui lòng rút gọn câu hỏi.");
    }
}
