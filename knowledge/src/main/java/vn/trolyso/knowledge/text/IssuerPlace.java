package vn.trolyso.knowledge.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place or school a document's issuer names: "Kiến An" of "Ủy ban nhân dân phường Kiến An", "Ngô Gia Tự" of
 * "Trường tiểu học Ngô Gia Tự", "Phú Nhuận" of "Phòng Giáo dục và Đào tạo quận Phú Nhuận". The one reading of an
 * issuer's place, for the initials people type for it ({@link PlaceInitials}) and for matching a question that names
 * it to that place's documents.
 */
public final class IssuerPlace {
    /**
     * A name after the word naming what it is ("phường Kiến An", "quận Phú Nhuận", "Trường tiểu học Ngô Gia Tự"):
     * two to four capitalised syllables ending the issuer (group 1). Capitals alone name no place: "Trường Đại học
     * Công nghệ Thông Tin" ends in two capitalised words that are no name.
     */
    private static final Pattern PLACE_NAME = Pattern.compile("(?iU)\\b(?:phường|xã|quận|huyện|tỉnh|thành phố"
            + "|thị trấn|thị xã|tiểu học|trung học cơ sở|trung học phổ thông|THCS|THPT|mầm non|trường)\\s+"
            + "(?-i:(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){1,3}))\\s*$");

    private IssuerPlace() {
    }

    /** The place or school the issuer ends with, as written ("Kiến An"); empty when it names none. */
    public static Optional<String> of(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.empty();
        }
        Matcher m = PLACE_NAME.matcher(VietnameseText.normalize(issuer).strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
