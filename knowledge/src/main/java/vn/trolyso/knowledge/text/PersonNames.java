package vn.trolyso.knowledge.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's name in text as written: three or four capitalised syllables ("Phạm Hoàng Tuấn", "Vũ Thị Minh") that
 * are not a school's or a place's name ("Trường Tiểu học Ngô Gia Tự", "phường Kiến An").
 */
public final class PersonNames {
    /** Group 1: the name. */
    public static final Pattern NAME = Pattern.compile(
            "(?U)(?<!(?:[Tt]rường|[Hh]ọc|[Ss]ở|TH|THCS|THPT|[Pp]hường|[Xx]ã|[Qq]uận|[Tt]ỉnh|[Pp]hố|[Đđ]ường|[Vv]iện)\\s)"
                    + "\\b(?!(?:Trường|Tiểu|Học|Trung|Cơ|Sở|Phổ|Thông|Mầm|Non|Phường|Quận)\\b)"
                    + "((?:\\p{Lu}\\p{Ll}+\\s+){2,3}\\p{Lu}\\p{Ll}+)");

    private PersonNames() {
    }

    /** The first person's name in the text, if any. */
    public static Optional<String> first(String text) {
        Matcher m = NAME.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
