package vn.trolyso.server.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.trolyso.knowledge.framework.Competency;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.Domain;
import vn.trolyso.knowledge.framework.FrameworkProvenance;
import vn.trolyso.knowledge.framework.Indicator;
import vn.trolyso.knowledge.framework.Level;
import vn.trolyso.knowledge.framework.Tier;

/**
 * The JSON shapes of the framework API (maps in insertion order, serialised by Jackson). Keys are English, values
 * Vietnamese as in the data; every response carries the {@code metadata} block with sources and verification notes.
 */
final class FrameworkJson {
    static final String UNDESCRIBED_LEVELS = "Bậc 6–8 không có mô tả yêu cầu cần đạt trong dữ liệu: Phụ lục Công văn "
            + "3456/BGDĐT-GDPT chỉ mô tả bậc 1–5 (học sinh lớp 1–12); bậc 6–8 chưa gán cho cấp học nào.";

    private final CompetencyFramework framework;
    private final Map<String, Object> metadata;

    FrameworkJson(CompetencyFramework framework) {
        this.framework = framework;
        this.metadata = metadata(framework);
    }

    Map<String, Object> whole() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metadata", metadata);
        m.put("counts", Map.of("domains", framework.domainCount(), "competencies", framework.competencyCount(),
                "tiers", framework.tierCount(), "levels", framework.levelCount()));
        m.put("tiers", framework.tiers().stream().map(FrameworkJson::tier).toList());
        m.put("levels", framework.levels().stream().map(FrameworkJson::level).toList());
        m.put("domains", framework.domains().stream().map(d -> domain(d, true)).toList());
        return m;
    }

    Map<String, Object> competencyResponse(Competency c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("competency", competency(c, true));
        m.put("domain", domain(framework.domainOf(c), false));
        m.put("metadata", metadata);
        return m;
    }

    Map<String, Object> levelResponse(Level l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", level(l));
        m.put("descriptorsAvailable", l.hasDescriptors());
        m.put("competencies", atLevel(l));
        m.put("metadata", metadata);
        return m;
    }

    Map<String, Object> gradeResponse(int grade, Level l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grade", grade);
        m.put("level", level(l));
        m.put("competencies", atLevel(l));
        m.put("metadata", metadata);
        return m;
    }

    /** Each competency's descriptor and indicators at one level (empty list for levels without descriptors). */
    private List<Map<String, Object>> atLevel(Level l) {
        if (!l.hasDescriptors()) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Competency c : framework.competencies()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", c.code());
            m.put("domainCode", c.domainCode());
            m.put("name", c.name());
            m.putAll(cell(c, l.number()));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> cell(Competency c, int level) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("descriptor", c.descriptor(level).orElse(null));
        m.put("indicators", c.indicators(level).stream().map(FrameworkJson::indicator).toList());
        if (c.descriptor(level).isEmpty()) {
            m.put("note", "Dữ liệu không có mô tả cho bậc " + level + " của năng lực " + c.code() + ".");
        }
        return m;
    }

    private static Map<String, Object> indicator(Indicator i) {
        return Map.of("code", i.code(), "text", i.text());
    }

    private static Map<String, Object> tier(Tier t) {
        return Map.of("name", t.name(), "levels", t.levels());
    }

    static Map<String, Object> level(Level l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bac", l.number());
        m.put("symbol", l.symbol());
        m.put("name", l.name());
        m.put("tier", l.tier());
        m.put("schoolStage", l.schoolStage());
        m.put("grades", l.grades());
        m.put("tasks", l.tasks());
        m.put("autonomy", l.autonomy());
        m.put("lead", l.lead());
        m.put("hasDescriptors", l.hasDescriptors());
        m.put("status", l.status());
        m.put("note", l.note());
        return m;
    }

    private Map<String, Object> domain(Domain d, boolean withCompetencies) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code());
        m.put("name", d.name());
        m.put("alternativeNames", d.alternativeNames());
        m.put("description", d.description());
        m.put("descriptionStatus", d.descriptionStatus());
        m.put("digCompArea", d.digCompArea());
        if (withCompetencies) {
            m.put("competencies", d.competencies().stream().map(c -> competency(c, true)).toList());
        } else {
            m.put("competencies", d.competencies().stream().map(c -> Map.of("code", c.code(), "name", c.name())).toList());
        }
        return m;
    }

    private Map<String, Object> competency(Competency c, boolean withLevels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("domainCode", c.domainCode());
        m.put("name", c.name());
        m.put("alternativeNames", c.alternativeNames());
        m.put("description", c.description());
        m.put("digComp", c.digComp());
        m.put("status", c.status());
        m.put("nameStatus", c.nameStatus());
        m.put("notes", c.notes());
        m.put("descriptionNote", c.descriptionNote());
        if (withLevels) {
            List<Map<String, Object>> levels = new ArrayList<>();
            for (Level l : framework.levels()) {
                if (l.hasDescriptors()) {
                    Map<String, Object> lm = new LinkedHashMap<>();
                    lm.put("bac", l.number());
                    lm.put("symbol", l.symbol());
                    lm.putAll(cell(c, l.number()));
                    levels.add(lm);
                }
            }
            m.put("levels", levels);
        }
        return m;
    }

    private static Map<String, Object> metadata(CompetencyFramework f) {
        FrameworkProvenance p = f.provenance();
        Map<String, Object> sources = new LinkedHashMap<>();
        sources.put("legalBasis", p.legalBasis());
        sources.put("guidance", p.guidance());
        sources.put("trainingMaterial", p.trainingMaterial());
        sources.put("descriptorTranscriptions", p.dataSources());
        sources.put("structureSources", p.structureSources());
        List<String> notes = new ArrayList<>();
        notes.add(p.reliability());
        if (p.tierNote() != null) {
            notes.add(p.tierNote());
        }
        notes.addAll(p.gradeNotes());
        if (p.indicatorCodeNote() != null) {
            notes.add(p.indicatorCodeNote());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Khung năng lực số cho người học (Thông tư 02/2025/TT-BGDĐT)");
        m.put("sources", sources);
        m.put("compiledOn", p.compiledOn());
        m.put("verificationNotes", notes);
        m.put("undescribedLevels", List.of(6, 7, 8));
        m.put("undescribedLevelsNote", UNDESCRIBED_LEVELS);
        return m;
    }
}
