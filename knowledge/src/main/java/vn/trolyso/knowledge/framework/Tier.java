package vn.trolyso.knowledge.framework;

import java.util.List;

/**
 * A proficiency tier (mức trình độ) grouping two levels.
 *
 * @param name   "Cơ bản", "Trung cấp", "Nâng cao" or "Chuyên sâu"
 * @param levels the level numbers it spans, e.g. [3, 4]
 */
public record Tier(String name, List<Integer> levels) {
    public Tier {
        levels = List.copyOf(levels);
    }
}
