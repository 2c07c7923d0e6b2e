package vn.trolyso.knowledge.framework;

import java.util.List;

/**
 * A competency domain (miền năng lực).
 *
 * @param code              "1" … "6"
 * @param name              e.g. "An toàn"
 * @param alternativeNames  other names in circulation
 * @param description       the domain description (mô tả miền)
 * @param descriptionStatus verification marker of the description
 * @param digCompArea       the matching DigComp 2.2 area, or null (domain 6 has none)
 * @param competencies      its competencies in code order
 */
public record Domain(String code, String name, List<String> alternativeNames, String description,
                     String descriptionStatus, String digCompArea, List<Competency> competencies) {
    public Domain {
        alternativeNames = List.copyOf(alternativeNames);
        competencies = List.copyOf(competencies);
    }

    /** "Miền 4. An toàn". */
    public String label() {
        return "Miền " + code + ". " + name;
    }
}
