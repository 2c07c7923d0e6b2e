package vn.trolyso.server.framework;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import vn.trolyso.knowledge.framework.Competency;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.Domain;
import vn.trolyso.knowledge.framework.FrameworkProvenance;
import vn.trolyso.knowledge.framework.Level;

/**
 * The response bodies of the framework API, as records serialised by Jackson in component order. Keys are English,
 * values Vietnamese as in the data; every response carries the {@code metadata} block with sources and verification
 * notes.
 */
final class FrameworkJson {
    static final String UNDESCRIBED_LEVELS = "Bậc 6–8 không có mô tả yêu cầu cần đạt trong dữ liệu: Phụ lục Công văn "
            + "3456/BGDĐT-GDPT chỉ mô tả bậc 1–5 (học sinh lớp 1–12); bậc 6–8 chưa gán cho cấp học nào.";

    /** {@code GET /framework}. */
    record Whole(Metadata metadata, Counts counts, List<TierJson> tiers, List<LevelJson> levels,
                 List<DomainJson<CompetencyJson>> domains) {
    }

    record Counts(int domains, int competencies, int tiers, int levels) {
    }

    record TierJson(String name, List<Integer> levels) {
    }

    record LevelJson(int bac, String symbol, String name, String tier, String schoolStage, List<Integer> grades,
                     String tasks, String autonomy, String lead, boolean hasDescriptors, String status, String note) {
    }

    /** A domain with its competencies in full ({@code GET /framework}) or as code and name (one competency's). */
    record DomainJson<C>(String code, String name, List<String> alternativeNames, String description,
                         String descriptionStatus, String digCompArea, List<C> competencies) {
    }

    record CompetencyRef(String code, String name) {
    }

    record CompetencyJson(String code, String domainCode, String name, List<String> alternativeNames,
                          String description, String digComp, String status, String nameStatus, List<String> notes,
                          String descriptionNote, List<CompetencyLevel> levels) {
    }

    /** A competency at one described level. */
    record CompetencyLevel(int bac, String symbol, @JsonUnwrapped Cell cell) {
    }

    /** Descriptor and indicators of a competency at a level; {@code note} only when the data has no descriptor. */
    record Cell(String descriptor, List<IndicatorJson> indicators, @JsonInclude(Include.NON_NULL) String note) {
    }

    record IndicatorJson(String code, String text) {
    }

    /** Every competency at one level. */
    record AtLevel(String code, String domainCode, String name, @JsonUnwrapped Cell cell) {
    }

    record CompetencyResponse(CompetencyJson competency, DomainJson<CompetencyRef> domain, Metadata metadata) {
    }

    record LevelResponse(LevelJson level, boolean descriptorsAvailable, List<AtLevel> competencies,
                         Metadata metadata) {
    }

    record GradeResponse(int grade, LevelJson level, List<AtLevel> competencies, Metadata metadata) {
    }

    record Metadata(String title, Sources sources, String compiledOn, List<String> verificationNotes,
                    List<Integer> undescribedLevels, String undescribedLevelsNote) {
    }

    record Sources(String legalBasis, String guidance, String trainingMaterial, List<String> descriptorTranscriptions,
                   List<String> structureSources) {
    }

    private final CompetencyFramework framework;
    private final Metadata metadata;

    FrameworkJson(CompetencyFramework framework) {
        this.framework = framework;
        this.metadata = metadata(framework);
    }

    Whole whole() {
        return new Whole(metadata, new Counts(framework.domainCount(), framework.competencyCount(),
                framework.tierCount(), framework.levelCount()),
                framework.tiers().stream().map(t -> new TierJson(t.name(), t.levels())).toList(),
                framework.levels().stream().map(FrameworkJson::level).toList(),
                framework.domains().stream().map(d -> domain(d, d.competencies().stream().map(this::competency)
                        .toList())).toList());
    }

    CompetencyResponse competencyResponse(Competency c) {
        Domain d = framework.domainOf(c);
        return new CompetencyResponse(competency(c),
                domain(d, d.competencies().stream().map(x -> new CompetencyRef(x.code(), x.name())).toList()),
                metadata);
    }

    LevelResponse levelResponse(Level l) {
        return new LevelResponse(level(l), l.hasDescriptors(), atLevel(l), metadata);
    }

    GradeResponse gradeResponse(int grade, Level l) {
        return new GradeResponse(grade, level(l), atLevel(l), metadata);
    }

    /** Each competency's descriptor and indicators at one level (empty list for levels without descriptors). */
    private List<AtLevel> atLevel(Level l) {
        if (!l.hasDescriptors()) {
            return List.of();
        }
        return framework.competencies().stream()
                .map(c -> new AtLevel(c.code(), c.domainCode(), c.name(), cell(c, l.number()))).toList();
    }

    private static Cell cell(Competency c, int level) {
        return new Cell(c.descriptor(level).orElse(null),
                c.indicators(level).stream().map(i -> new IndicatorJson(i.code(), i.text())).toList(),
                c.descriptor(level).isEmpty()
                        ? "Dữ liệu không có mô tả cho bậc " + level + " của năng lực " + c.code() + "." : null);
    }

    static LevelJson level(Level l) {
        return new LevelJson(l.number(), l.symbol(), l.name(), l.tier(), l.schoolStage(), l.grades(), l.tasks(),
                l.autonomy(), l.lead(), l.hasDescriptors(), l.status(), l.note());
    }

    private static <C> DomainJson<C> domain(Domain d, List<C> competencies) {
        return new DomainJson<>(d.code(), d.name(), d.alternativeNames(), d.description(), d.descriptionStatus(),
                d.digCompArea(), competencies);
    }

    private CompetencyJson competency(Competency c) {
        List<CompetencyLevel> levels = new ArrayList<>();
        for (Level l : framework.levels()) {
            if (l.hasDescriptors()) {
                levels.add(new CompetencyLevel(l.number(), l.symbol(), cell(c, l.number())));
            }
        }
        return new CompetencyJson(c.code(), c.domainCode(), c.name(), c.alternativeNames(), c.description(),
                c.digComp(), c.status(), c.nameStatus(), c.notes(), c.descriptionNote(), levels);
    }

    private static Metadata metadata(CompetencyFramework f) {
        FrameworkProvenance p = f.provenance();
        List<String> notes = new ArrayList<>();
        notes.add(p.reliability());
        if (p.tierNote() != null) {
            notes.add(p.tierNote());
        }
        notes.addAll(p.gradeNotes());
        if (p.indicatorCodeNote() != null) {
            notes.add(p.indicatorCodeNote());
        }
        return new Metadata("Khung năng lực số cho người học (Thông tư 02/2025/TT-BGDĐT)",
                new Sources(p.legalBasis(), p.guidance(), p.trainingMaterial(), p.dataSources(),
                        p.structureSources()), p.compiledOn(), notes, List.of(6, 7, 8), UNDESCRIBED_LEVELS);
    }
}
