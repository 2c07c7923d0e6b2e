package vn.trolyso.assistant.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of the learners' digital competency framework (Thông tư 02/2025/TT-BGDĐT, data in
 * {@code framework/khung-nang-luc-so.json}) that self-assessment and learning paths need: levels with their wording,
 * domains, competencies, descriptors and indicators per level.
 */
public final class LearningFramework {
    static final String RESOURCE = "/framework/khung-nang-luc-so.json";

    /** A level (bậc) and how the framework words it. */
    public record Level(int number, String name, String tier, String tasks, String autonomy, List<Integer> grades) {
    }

    /** One indicator (chỉ báo), e.g. 1.1.TC1a. */
    public record Indicator(String code, String text) {
    }

    public record Competency(String code, String name, Map<Integer, String> descriptors,
                             Map<Integer, List<Indicator>> indicators) {
    }

    public record Domain(String code, String name, String description, List<Competency> competencies) {
    }

    private final Map<Integer, Level> levels;
    private final List<Domain> domains;

    private LearningFramework(Map<Integer, Level> levels, List<Domain> domains) {
        this.levels = levels;
        this.domains = domains;
    }

    /** Reads the framework bundled with the knowledge module. */
    public static LearningFramework bundled() {
        try (InputStream in = LearningFramework.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing framework data on the classpath: " + RESOURCE);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static LearningFramework parse(JsonNode root) {
        Map<Integer, Level> levels = new TreeMap<>();
        for (JsonNode l : root.path("levels")) {
            List<Integer> grades = new ArrayList<>();
            l.path("lop").forEach(g -> grades.add(g.asInt()));
            levels.put(l.path("bac").asInt(), new Level(l.path("bac").asInt(), l.path("ten").asText(),
                    l.path("muc").asText(), l.path("nhiem_vu").asText(""), l.path("tu_chu").asText(""), List.copyOf(grades)));
        }
        List<Domain> domains = new ArrayList<>();
        for (JsonNode d : root.path("domains")) {
            List<Competency> competencies = new ArrayList<>();
            for (JsonNode c : d.path("competencies")) {
                Map<Integer, String> descriptors = new TreeMap<>();
                c.path("descriptors").properties().forEach(e -> descriptors.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
                Map<Integer, List<Indicator>> indicators = new TreeMap<>();
                c.path("chi_bao").properties().forEach(e -> {
                    List<Indicator> list = new ArrayList<>();
                    e.getValue().forEach(i -> list.add(new Indicator(i.path("ma").asText(), i.path("noi_dung").asText())));
                    indicators.put(Integer.parseInt(e.getKey()), List.copyOf(list));
                });
                competencies.add(new Competency(c.path("code").asText(), c.path("name").asText(),
                        Map.copyOf(descriptors), Map.copyOf(indicators)));
            }
            domains.add(new Domain(d.path("code").asText(), d.path("name").asText(), d.path("mo_ta_mien").asText(""),
                    List.copyOf(competencies)));
        }
        return new LearningFramework(Map.copyOf(levels), List.copyOf(domains));
    }

    public List<Domain> domains() {
        return domains;
    }

    public Optional<Domain> domain(String code) {
        return domains.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Level level(int number) {
        Level level = levels.get(number);
        if (level == null) {
            throw new IllegalArgumentException("No framework level " + number);
        }
        return level;
    }

    /** The highest level the framework describes with indicators (bậc 5 in the data published for schools). */
    public int highestDescribedLevel() {
        return domains.stream().flatMap(d -> d.competencies().stream())
                .flatMap(c -> c.indicators().keySet().stream()).max(Integer::compare).orElseThrow();
    }

    /** The level expected of a pupil in a grade (1–12), as the framework's guidance assigns grades to levels. */
    public int levelOfGrade(int grade) {
        return levels.values().stream().filter(l -> l.grades().contains(grade)).map(Level::number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No framework level for grade " + grade));
    }
}
