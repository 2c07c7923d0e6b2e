package vn.trolyso.knowledge.framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The learners' digital competency framework (Thông tư 02/2025/TT-BGDĐT) as validated, immutable data with the
 * look-ups teachers need. Build it with {@link FrameworkLoader}. Thread-safe.
 */
public final class CompetencyFramework {
    private static final Pattern LEVEL_NUMBER = Pattern.compile("^(?:bac|level|muc)?\\s*([0-9]+)$");
    private static final Pattern LEVEL_SYMBOL = Pattern.compile("^(cb|tc|nc|cs)\\s*([12])$");
    private static final Pattern CODE = Pattern.compile("^(?:nang luc|nltp)?\\s*([0-9]\\.[0-9])$");

    private final FrameworkProvenance provenance;
    private final List<Tier> tiers;
    private final List<Level> levels;
    private final List<Domain> domains;
    private final Map<String, Competency> competencies = new LinkedHashMap<>();
    private final DigCompComparison digComp;

    CompetencyFramework(FrameworkProvenance provenance, List<Tier> tiers, List<Level> levels, List<Domain> domains,
                        DigCompComparison digComp) {
        this.provenance = provenance;
        this.digComp = digComp;
        this.tiers = List.copyOf(tiers);
        this.levels = List.copyOf(levels);
        this.domains = List.copyOf(domains);
        domains.forEach(d -> d.competencies().forEach(c -> competencies.put(c.code(), c)));
    }

    public FrameworkProvenance provenance() {
        return provenance;
    }

    /** How the framework stands beside DigComp 2.2, when the data says. */
    public Optional<DigCompComparison> digComp() {
        return Optional.ofNullable(digComp);
    }

    public List<Tier> tiers() {
        return tiers;
    }

    /** Levels 1–8 in order. */
    public List<Level> levels() {
        return levels;
    }

    public List<Domain> domains() {
        return domains;
    }

    /** All 24 competencies in code order. */
    public List<Competency> competencies() {
        return List.copyOf(competencies.values());
    }

    public int domainCount() {
        return domains.size();
    }

    public int competencyCount() {
        return competencies.size();
    }

    public int levelCount() {
        return levels.size();
    }

    public int tierCount() {
        return tiers.size();
    }

    /** Level 1–8, or empty. */
    public Optional<Level> level(int number) {
        return number >= 1 && number <= levels.size() ? Optional.of(levels.get(number - 1)) : Optional.empty();
    }

    /** The level a school grade (1–12) is mapped to, or empty for other numbers. */
    public Optional<Level> levelForGrade(int grade) {
        return levels.stream().filter(l -> l.grades().contains(grade)).findFirst();
    }

    /**
     * A level from how people write it: "3", "bậc 3", "bac 3", "TC1", "tc 1", "Trung cấp 1", "trung cap 1",
     * "Nâng cao 2" (= bậc 6).
     */
    public Optional<Level> findLevel(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String f = FrameworkText.fold(reference);
        Matcher m = LEVEL_NUMBER.matcher(f);
        if (m.matches()) {
            return m.group(1).length() > 2 ? Optional.empty() : level(Integer.parseInt(m.group(1)));
        }
        m = LEVEL_SYMBOL.matcher(f);
        if (m.matches()) {
            String tierName = switch (m.group(1)) {
                case "cb" -> "co ban";
                case "tc" -> "trung cap";
                case "nc" -> "nang cao";
                default -> "chuyen sau";
            };
            return levelInTier(tierName, Integer.parseInt(m.group(2)));
        }
        for (Tier tier : tiers) {
            String name = FrameworkText.fold(tier.name());
            if (f.startsWith(name)) {
                String rest = f.substring(name.length()).strip();
                if (rest.matches("[12]")) {
                    return levelInTier(name, Integer.parseInt(rest));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Level> levelInTier(String foldedTierName, int position) {
        return tiers.stream().filter(t -> FrameworkText.fold(t.name()).equals(foldedTierName)).findFirst()
                .flatMap(t -> position <= t.levels().size() ? level(t.levels().get(position - 1)) : Optional.empty());
    }

    /** The tier a level belongs to. */
    public Tier tierOf(Level level) {
        return tiers.stream().filter(t -> t.levels().contains(level.number())).findFirst().orElseThrow();
    }

    /** A tier by name with or without diacritics ("Trung cấp", "trung cap"). */
    public Optional<Tier> findTier(String name) {
        String f = name == null ? "" : FrameworkText.fold(name);
        return tiers.stream().filter(t -> FrameworkText.fold(t.name()).equals(f)).findFirst();
    }

    public Optional<Domain> domain(String code) {
        return domains.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** A domain by code ("4", "miền 4") or name with or without diacritics ("An toàn", "an toan"). */
    public Optional<Domain> findDomain(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String f = FrameworkText.fold(reference).replaceFirst("^mien\\s*", "");
        if (f.matches("[0-9]")) {
            return domain(f);
        }
        for (Domain d : domains) {
            if (FrameworkText.fold(d.name()).equals(f)
                    || d.alternativeNames().stream().anyMatch(a -> FrameworkText.fold(a).equals(f))) {
                return Optional.of(d);
            }
        }
        List<Domain> containing = domains.stream()
                .filter(d -> f.length() >= 4 && FrameworkText.containsWords(FrameworkText.fold(d.name()), f)).toList();
        return containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
    }

    /** Competency by exact code "1.1" … "6.3". */
    public Optional<Competency> competency(String code) {
        return Optional.ofNullable(code == null ? null : competencies.get(code.strip()));
    }

    /**
     * A competency by code ("4.2", "năng lực 4.2") or by name with or without diacritics, whole or in part
     * ("bao ve du lieu ca nhan", "Lập trình"). A partial name matching several competencies finds none.
     */
    public Optional<Competency> findCompetency(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String f = FrameworkText.fold(reference);
        Matcher m = CODE.matcher(f);
        if (m.matches()) {
            return competency(m.group(1));
        }
        for (Competency c : competencies.values()) {
            if (names(c).anyMatch(n -> n.equals(f))) {
                return Optional.of(c);
            }
        }
        List<Competency> containing = competencies.values().stream()
                .filter(c -> names(c).anyMatch(n -> FrameworkText.containsWords(n, f))).toList();
        if (containing.size() == 1) {
            return Optional.of(containing.get(0));
        }
        if (!containing.isEmpty()) {
            return Optional.empty();
        }
        // the reference holds a whole name, e.g. "năng lực lập trình ở bậc 3": the longest name wins
        return competencies.values().stream()
                .filter(c -> names(c).anyMatch(n -> FrameworkText.containsWords(f, n)))
                .max(Comparator.comparingInt(c -> names(c).filter(n -> FrameworkText.containsWords(f, n))
                        .mapToInt(String::length).max().orElse(0)));
    }

    private static java.util.stream.Stream<String> names(Competency c) {
        List<String> all = new ArrayList<>(c.alternativeNames());
        all.add(0, c.name());
        return all.stream().map(FrameworkText::fold);
    }

    /** The competencies of a domain, in code order (empty for an unknown domain). */
    public List<Competency> competenciesOf(String domainCode) {
        return domain(domainCode).map(Domain::competencies).orElse(List.of());
    }

    public Domain domainOf(Competency competency) {
        return domain(competency.domainCode()).orElseThrow();
    }

    /** Two levels of one competency side by side; empty when the code or a level does not exist. */
    public Optional<LevelComparison> compare(String competencyCode, int firstLevel, int secondLevel) {
        return competency(competencyCode).flatMap(c -> level(firstLevel)
                .flatMap(a -> level(secondLevel).map(b -> new LevelComparison(c, a, b))));
    }
}
