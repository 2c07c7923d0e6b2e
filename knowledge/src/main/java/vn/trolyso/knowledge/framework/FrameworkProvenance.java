package vn.trolyso.knowledge.framework;

import java.util.List;

/**
 * Where the framework data comes from and how far it is verified; the product shows this wherever it matters.
 *
 * @param legalBasis         the circular (Thông tư 02/2025/TT-BGDĐT …)
 * @param guidance           the guidance letter with the level descriptors (Công văn 3456/BGDĐT-GDPT …)
 * @param trainingMaterial   the training material with the indicator table
 * @param dataSources        the transcriptions the descriptors were taken from
 * @param structureSources   sources confirming the structure
 * @param reliability        the verification statement (độ tin cậy)
 * @param compiledOn         date the data was compiled
 * @param tierNote           note about the tier/level split (levels 6–8 unverified)
 * @param gradeNotes         notes about the grade mapping
 * @param indicatorCodeNote  note about indicator codes
 */
public record FrameworkProvenance(String legalBasis, String guidance, String trainingMaterial,
                                  List<String> dataSources, List<String> structureSources, String reliability,
                                  String compiledOn, String tierNote, List<String> gradeNotes,
                                  String indicatorCodeNote) {
    public static final String CIRCULAR = "Thông tư 02/2025/TT-BGDĐT";
    public static final String GUIDANCE_APPENDIX = "Phụ lục Công văn 3456/BGDĐT-GDPT";

    public FrameworkProvenance {
        dataSources = List.copyOf(dataSources);
        structureSources = List.copyOf(structureSources);
        gradeNotes = List.copyOf(gradeNotes);
    }
}
