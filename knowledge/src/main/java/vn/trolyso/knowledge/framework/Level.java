package vn.trolyso.knowledge.framework;

import java.util.List;
import java.util.Optional;

/**
 * A proficiency level (bậc) 1–8.
 *
 * @param number      1–8
 * @param tier        the tier name ("Cơ bản", …)
 * @param symbol      "CB1", "TC2", … or null for levels 6–8 (no official symbol in the data)
 * @param name        "Trung cấp 1", "Nâng cao (bậc 6)", …
 * @param schoolStage e.g. "THCS – lớp 6, 7", or null
 * @param grades      school grades mapped to this level (empty for levels 6–8)
 * @param tasks       complexity of tasks (nhiệm vụ), or null
 * @param autonomy    autonomy (tự chủ), or null
 * @param lead        the lead-in sentence of the descriptors (câu dẫn), or null
 * @param status      verification marker (trạng thái) as in the data
 * @param note        verification note (ghi chú), or null
 */
public record Level(int number, String tier, String symbol, String name, String schoolStage, List<Integer> grades,
                    String tasks, String autonomy, String lead, String status, String note) {
    /** Levels above this have no descriptors in the data (Công văn 3456 describes levels 1–5 only). */
    public static final int HIGHEST_DESCRIBED = 5;

    public Level {
        grades = List.copyOf(grades);
    }

    public boolean hasDescriptors() {
        return number <= HIGHEST_DESCRIBED;
    }

    public Optional<String> symbolIfAny() {
        return Optional.ofNullable(symbol);
    }

    /** "Bậc 3 (TC1)" or "Bậc 6". */
    public String label() {
        return symbol == null ? "Bậc " + number : "Bậc " + number + " (" + symbol + ")";
    }
}
