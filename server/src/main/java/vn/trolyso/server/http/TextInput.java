package vn.trolyso.server.http;

/** Checks user-typed text fields: no control characters (except tab and line breaks), no broken surrogates. */
public final class TextInput {
    private TextInput() {
    }

    /** Throws 400 invalid_characters when {@code text} holds characters no person types. */
    public static void requireClean(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw invalid(field);
            }
            if (Character.isLowSurrogate(c) || isControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                throw invalid(field);
            }
        }
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    private static ApiException invalid(String field) {
        return ApiErrors.badRequest("invalid_characters",
                "Trường \"" + field + "\" chứa ký tự điều khiển hoặc ký tự không hợp lệ.");
    }

    /** Length in characters as people count them (code points), not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
