package vn.trolyso.knowledge.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A component competency (năng lực thành phần), e.g. 4.2.
 *
 * @param code             "1.1" … "6.3"
 * @param domainCode       "1" … "6"
 * @param name             the name used by the data
 * @param alternativeNames other names in circulation (tên khác)
 * @param description      what the competency is (mô tả)
 * @param digComp          the matching DigComp 2.2 competency, or null
 * @param descriptors      level (1–5) → requirement text; a level may be missing where the data says so
 * @param indicators       level (1–5) → indicators
 * @param status           verification marker (trạng thái)
 * @param nameStatus       verification marker of the name (tên trạng thái), or null
 * @param notes            verification notes (ghi chú)
 * @param descriptionNote  note about the description's sources, or null
 */
public record Competency(String code, String domainCode, String name, List<String> alternativeNames,
                         String description, String digComp, Map<Integer, String> descriptors,
                         Map<Integer, List<Indicator>> indicators, String status, String nameStatus,
                         List<String> notes, String descriptionNote) {
    public Competency {
        alternativeNames = List.copyOf(alternativeNames);
        descriptors = Map.copyOf(descriptors);
        indicators = Map.copyOf(indicators);
        notes = List.copyOf(notes);
    }

    public Optional<String> descriptor(int level) {
        return Optional.ofNullable(descriptors.get(level));
    }

    public List<Indicator> indicators(int level) {
        return indicators.getOrDefault(level, List.of());
    }

    /** "4.2 Bảo vệ dữ liệu cá nhân và quyền riêng tư". */
    public String label() {
        return code + " " + name;
    }
}
