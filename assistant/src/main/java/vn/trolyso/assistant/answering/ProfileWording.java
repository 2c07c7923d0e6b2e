package vn.trolyso.assistant.answering;

import vn.trolyso.assistant.Role;
import vn.trolyso.assistant.UserProfile;

/** How an answer addresses the person asking, by role. */
final class ProfileWording {
    private ProfileWording() {
    }

    /** A short opening line for the answer, or "" when the role is unknown. */
    static String lead(UserProfile profile) {
        Role role = profile.role();
        if (role == null) {
            return "";
        }
        return switch (role) {
            case GIAO_VIEN -> "Thưa thầy/cô, theo tài liệu:";
            case HOC_SINH -> "Em tham khảo nhé, tài liệu viết:";
            case PHU_HUYNH -> "Thưa quý phụ huynh, theo tài liệu:";
            case CAN_BO_QUAN_LY -> "Theo văn bản:";
            case NHAN_VIEN -> "Theo tài liệu:";
        };
    }

    /** Pupils get the shortest answers. */
    static int maxSentences(UserProfile profile, int usual) {
        return profile.role() == Role.HOC_SINH ? Math.min(usual, 2) : usual;
    }

    static String withLead(UserProfile profile, String text) {
        String lead = lead(profile);
        return lead.isEmpty() ? text : lead + " " + text;
    }
}
