package vn.trolyso.knowledge.text;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The organisations of a ward or a school that people ask about besides its offices: the Fatherland Front and the
 * mass organisations under it, the school's own bodies (the Party cell, the pioneers, the parents' board) and the
 * ward's police, health station and military command. A plan that never names one says nothing of what it does
 * ("Đoàn Thanh niên phường được giao gì?"). Each is matched on folded text, in any of the ways it is written.
 */
public enum Organisation {
    YOUTH_UNION("Đoàn Thanh niên", "doan thanh nien|doan tncs|chi doan|doan vien|thanh nien cong san"),
    WOMENS_UNION("Hội Liên hiệp Phụ nữ", "phu nu"),
    VETERANS("Hội Cựu chiến binh", "cuu chien binh"),
    FARMERS("Hội Nông dân", "hoi nong dan"),
    FATHERLAND_FRONT("Mặt trận Tổ quốc", "mat tran to quoc|mttq"),
    /** "công đoàn"; folded it is also "công đoạn" (a stage), so it is matched as written unless typed bare. */
    TRADE_UNION("Công đoàn", null),
    POLICE("Công an", "cong an"),
    HEALTH_STATION("Trạm Y tế", "tram y te"),
    PARENTS_BOARD("Ban đại diện cha mẹ học sinh",
            "ban dai dien (?:cha me|phu huynh)|hoi (?:cha me hoc sinh|phu huynh)"),
    STUDY_PROMOTION("Hội Khuyến học", "khuyen hoc"),
    PIONEERS("Đội Thiếu niên Tiền phong", "doi thieu nien|lien doi|tong phu trach doi"),
    PARTY_COMMITTEE("Đảng ủy", "dang uy|chi bo"),
    MILITARY_COMMAND("Ban Chỉ huy Quân sự", "quan su");

    private static final Pattern TRADE_UNION_WRITTEN = Pattern.compile("(?iU)\\bcông đoàn\\b");
    private static final Pattern TRADE_UNION_BARE = Pattern.compile("\\bcong doan\\b");

    private final String displayName;
    /** Its written forms, matched on folded text; null for {@link #TRADE_UNION}. */
    private final Pattern foldedForms;

    Organisation(String displayName, String foldedRegex) {
        this.displayName = displayName;
        this.foldedForms = foldedRegex == null ? null : Pattern.compile("\\b(?:" + foldedRegex + ")\\b");
    }

    /** Its name as people write it ("Đoàn Thanh niên"). */
    public String displayName() {
        return displayName;
    }

    /** True when the text names this organisation. */
    public boolean namedIn(String text) {
        String nfc = VietnameseText.normalize(text);
        return namedIn(nfc, VietnameseText.fold(nfc));
    }

    /** The same, given the text normalised and folded once for every organisation. */
    private boolean namedIn(String nfc, String folded) {
        if (this == TRADE_UNION) {
            return TRADE_UNION_WRITTEN.matcher(nfc).find()
                    || !VietnameseText.hasDiacritics(nfc) && TRADE_UNION_BARE.matcher(folded).find();
        }
        return foldedForms.matcher(folded).find();
    }

    /** The first organisation the text names, if any. */
    public static Optional<Organisation> firstIn(String text) {
        String nfc = VietnameseText.normalize(text);
        String folded = VietnameseText.fold(nfc);
        return Arrays.stream(values()).filter(o -> o.namedIn(nfc, folded)).findFirst();
    }
}
