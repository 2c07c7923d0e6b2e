package vn.trolyso.knowledge.text;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The initials people type for the places and schools whose documents the knowledge base holds: "PN" for Phú Nhuận,
 * "KA" for Kiến An, "ĐS" for Đồ Sơn, "NGT" for Ngô Gia Tự ("CBQL, GV ở PN phải …", "KH BDHVS phường KA"). Learned
 * from the documents' issuers, so a ward's own deployment knows its own places; initials two places share are left
 * out, and the bundled abbreviations win over these ({@link Abbreviations#withLearned}).
 */
public final class PlaceInitials {
    /**
     * A name after the word naming what it is ("phường Kiến An", "quận Phú Nhuận", "Trường tiểu học Ngô Gia Tự"):
     * two to four capitalised syllables ending the issuer (group 1).
     */
    private static final Pattern PLACE_NAME = Pattern.compile("(?iU)\\b(?:phường|xã|quận|huyện|tỉnh|thành phố"
            + "|thị trấn|thị xã|tiểu học|trung học cơ sở|trung học phổ thông|THCS|THPT|mầm non|trường)\\s+"
            + "(?-i:(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){1,3}))\\s*$");

    private PlaceInitials() {
    }

    /** Initials → place name ("PN" → "Phú Nhuận"), from the issuers of the knowledge base's documents. */
    public static Map<String, String> learn(Iterable<String> issuers) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> shared = new HashSet<>();
        for (String issuer : issuers) {
            if (issuer == null) {
                continue;
            }
            Matcher m = PLACE_NAME.matcher(VietnameseText.normalize(issuer).strip());
            if (!m.find()) {
                continue;
            }
            String name = m.group(1);
            StringBuilder initials = new StringBuilder();
            for (String syllable : name.split("\\s+")) {
                initials.appendCodePoint(syllable.codePointAt(0));
            }
            String key = initials.toString();
            String before = out.putIfAbsent(key, name);
            if (before != null && !before.equals(name)) {
                shared.add(key);
            }
        }
        shared.forEach(out::remove);
        return out;
    }
}
