package vn.trolyso.assistant.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a chat message says around its question: a greeting ("Kính chào anh/chị,"), thanks for the last answer ("Dạ
 * em cảm ơn ạ."), who asks ("Chị ở Hội Phụ nữ phường Kiến An, đang tính mở lớp cho các mẹ."), thanks in advance
 * ("Em xin chân thành cảm ơn.") and what the person will do with the answer (", để HPN lên lịch cho chị em"). None
 * of it is what is asked, and its words ("cảm ơn", "Hội Phụ nữ") are in no document, so searched with the question
 * they read as a topic the documents lack. Only the place the introduction names is kept, when the question names
 * none.
 */
public final class MessageFraming {
    /** "Kính chào anh/chị,", "Dạ em chào anh/chị ạ.", "Chào bot,", "Kính gửi anh/chị,": up to its punctuation. */
    private static final Pattern GREETING = Pattern.compile("(?iU)^\\s*(?:dạ\\s+)?(?:" + ChatPerson.SELF + "\\s+)?"
            + "(?:(?:xin|kính)\\s+chào|chào(?!\\s+mừng)|kính\\s+gửi)\\b[^.!?,;:]{0,40}?[,.!;:]+\\s*");

    /** "Dạ em cảm ơn ạ.", "Cảm ơn bạn!": thanks for the previous answer, as a sentence of its own. */
    private static final Pattern LEADING_THANKS = Pattern.compile("(?iU)^\\s*(?:dạ\\s+)?(?:vâng\\s+)?(?:"
            + ChatPerson.SELF + "\\s+)?(?:xin\\s+)?(?:chân thành\\s+|trân trọng\\s+)?c[ảá]m\\s+ơn\\b"
            + "[^.!?]{0,40}[.!]+\\s*");

    /** "… là ai ạ? Em xin chân thành cảm ơn.": thanks after the question, to the end of the message. */
    private static final Pattern TRAILING_THANKS = Pattern.compile("(?iU)(?<=[.?!])\\s*(?:dạ\\s+)?(?:"
            + ChatPerson.SELF + "\\s+)?(?:xin\\s+)?(?:chân thành\\s+|trân trọng\\s+)?c[ảá]m\\s+ơn\\b"
            + "[^.!?]{0,40}[.!]*\\s*$");

    /**
     * "… là ngày nào hả ad, để HPN lên lịch cho chị em": what the person will do with the answer, after the question,
     * with the person or their body (an initialism) doing it. "…, để làm gì?" is itself asked, and stays.
     */
    private static final Pattern TRAILING_PURPOSE = Pattern.compile("(?U)\\s*[,;]\\s*(?iu:để)\\s+(?:(?iu:em|e|mình"
            + "|tôi|tớ|con|cháu|(?:chúng|tụi|bọn)\\s+(?:em|tôi|mình))|\\p{Lu}{2,})\\s+[^?]*$");

    /**
     * Who asks, then a full stop and the question: "Mình là tổ trưởng tổ Tin trường THCS bên Đồ Sơn. Buổi tập huấn …
     * kéo dài bao lâu?" (group 1: what follows "là / làm / ở …").
     */
    private static final Pattern INTRODUCTION = Pattern.compile("(?iU)^\\s*" + ChatPerson.SELF
            + "\\s+" + ChatPerson.INTRODUCING + "\\b([^.!?;]*)[.!;]+\\s+(?=\\S)");

    /** A proper name of two or more capitalised words ("Đồ Sơn", "Ngô Gia Tự"); "THCS" is no name. */
    private static final Pattern PROPER_NAME = Pattern.compile("(?U)\\b\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)+\\b");

    private MessageFraming() {
    }

    /** A clause of a message: what lies between its punctuation marks. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.?!;,:]+");
    /**
     * A clause in which the person says who they are: "Chị ở Hội Phụ nữ phường", "mình bên hội khuyến học" ("Em muốn
     * hỏi …" asks).
     */
    private static final Pattern ABOUT_SELF = Pattern.compile("(?iU)^\\s*(?:dạ\\s+)?" + ChatPerson.SELF
            + "\\s+(?:" + ChatPerson.INTRODUCING + "|bên|thuộc|trong)\\b");

    /**
     * The clauses of a question that ask, without those in which the person says who they are ("Phong trào … lấy
     * tiền từ đâu? Mình bên hội khuyến học muốn biết …" asks nothing of the study promotion society).
     */
    public static java.util.List<String> askingClauses(String question) {
        return java.util.Arrays.stream(CLAUSE_BREAK.split(question))
                .filter(clause -> !clause.isBlank() && !ABOUT_SELF.matcher(clause).find()).toList();
    }

    /**
     * The message without its greeting, thanks, introduction and purpose; the whole message when nothing else is left.
     */
    public static String question(String message) {
        String question = TRAILING_PURPOSE.matcher(TRAILING_THANKS.matcher(message).replaceFirst(""))
                .replaceFirst("");
        String before;
        do {
            before = question;
            question = strip(strip(question, GREETING), LEADING_THANKS);
        } while (!question.equals(before));
        question = withoutIntroduction(question);
        return question.isBlank() ? message : question;
    }

    private static String strip(String text, Pattern framing) {
        Matcher m = framing.matcher(text);
        return m.lookingAt() && m.end() < text.length() ? text.substring(m.end()) : text;
    }

    /**
     * The question without the introduction before it: who asks is not what is asked ("tổ trưởng", "tổ Tin" are no
     * topic of "kéo dài bao lâu?"), but the place they name is, when the question names none ("ở Đồ Sơn: …"). A
     * place after the word introducing it ("phường Kiến An") is preferred to any capitalised name ("Hội Phụ nữ").
     */
    private static String withoutIntroduction(String message) {
        Matcher intro = INTRODUCTION.matcher(message);
        if (!intro.find()) {
            return message;
        }
        String question = message.substring(intro.end());
        if (PROPER_NAME.matcher(question).find()) {
            return question;
        }
        List<String> names = names(ChatPerson.NAMED_PLACE, intro.group(1));
        if (names.isEmpty()) {
            names = names(PROPER_NAME, intro.group(1));
        }
        return names.isEmpty() ? question : "ở " + String.join(", ", names) + ": " + question;
    }

    private static List<String> names(Pattern pattern, String text) {
        List<String> names = new ArrayList<>();
        Matcher name = pattern.matcher(text);
        while (name.find()) {
            names.add(name.group(name.groupCount() >= 1 ? 1 : 0));
        }
        return names;
    }
}
