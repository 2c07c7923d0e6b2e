package vn.trolyso.assistant.conversation;

import java.util.regex.Pattern;

/**
 * How a person in the chat speaks of themselves and of places: one home for the words {@link MessageFraming} (which
 * sets an introduction aside) and {@link FollowUpRewriter} (which reads the unit it names for "trường tôi") both read.
 */
final class ChatPerson {
    /** What a person calls themselves: "em", "mình", "tôi", and by age or role "con", "chị", "thầy", "bác" …. */
    static final String SELF = "(?:em|con|cháu|mình|tôi|tớ|chị|anh|cô|thầy|bà|ông|bác)";

    /** The verbs after it that introduce who the person is: "là", "làm", "công tác", "dạy", "học", "đang", "ở". */
    static final String INTRODUCING = "(?:là|làm|công tác|dạy|học|đang|ở)";

    /**
     * A place named with its capitals after a word that introduces one ("phường Kiến An", "bên P. Kiến An", "ở Đồ
     * Sơn", "trường TH Đoàn Lập"): group 1 is the name.
     */
    static final Pattern NAMED_PLACE = Pattern.compile(
            "(?U)(?iu:\\b(?:phường|xã|quận|huyện|trường|ở|tại|bên)\\s+"
                    + "(?:(?:p|q|tp)\\.\\s*|(?:tiểu học|thcs|thpt|th)\\s+)?"
                    + "|(?<![\\p{L}])(?:p|q|tp)\\.\\s*)"
                    + "(?!Hội\\b)(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){0,3})"); // "Văn hóa - Xã hội" is no xã

    private ChatPerson() {
    }
}
