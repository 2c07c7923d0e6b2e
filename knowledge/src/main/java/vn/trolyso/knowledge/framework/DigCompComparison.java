package vn.trolyso.knowledge.framework;

/**
 * The framework set beside the European DigComp 2.2, as the reference data compiled it ({@code digcomp_doi_chieu}).
 * Which domain and competency match which is in {@link Domain#digCompArea()} and {@link Competency#digComp()}.
 *
 * @param version  DigComp 2.2 and its counts ("5 lĩnh vực, 21 năng lực, 8 mức thành thạo")
 * @param relation how the two line up, with the compiler's caveat that no official text states it
 */
public record DigCompComparison(String version, String relation) {
}
