package vn.trolyso.assistant.learning;

/**
 * A "Tôi có thể …" statement of the self-assessment, reworded from one framework indicator.
 *
 * @param id             the indicator code, e.g. "1.1.TC1a" (stable: answers refer to it)
 * @param domainCode     the framework domain, e.g. "1"
 * @param competencyCode the competency, e.g. "1.1"
 * @param level          the level (bậc) the indicator belongs to
 * @param text           the statement shown to the person
 */
public record Statement(String id, String domainCode, String competencyCode, int level, String text) {
}
