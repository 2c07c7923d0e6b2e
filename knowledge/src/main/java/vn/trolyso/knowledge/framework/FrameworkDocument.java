package vn.trolyso.knowledge.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.trolyso.knowledge.document.Chunk;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.document.IndexableDocument;
import vn.trolyso.knowledge.search.Passage;

/**
 * The framework rendered as one citable document: overview passages (structure, levels and grades, each domain,
 * each competency) and one passage per competency × level 1–5. The exact answers cite these same passages, so a
 * citation from an exact answer and one from search point at the same chunk ids.
 */
public final class FrameworkDocument {
    public static final String ID = "khung-nang-luc-so";
    public static final DocumentMetadata METADATA = new DocumentMetadata(ID,
            "Khung năng lực số cho người học (Thông tư 02/2025/TT-BGDĐT)", "Bộ Giáo dục và Đào tạo", "",
            "24/01/2025", "Thông tư", DocumentKind.FRAMEWORK, "framework/khung-nang-luc-so.json");

    private static final String SEP = Chunk.SECTION_SEPARATOR;

    private final List<Chunk> chunks = new ArrayList<>();
    private final Chunk structure;
    private final Chunk levelTable;
    private final Chunk undescribedLevels;
    /** Điều 2's confirmed definitions ("Năng lực số là …"), and their passage (null when there are none). */
    private final List<FrameworkTerms.Term> definedTerms = FrameworkTerms.bundled();
    private final Chunk terms;
    /** The comparison with DigComp 2.2 (null when the data has none). */
    private final Chunk digComp;
    private final Map<String, Chunk> domainChunks = new HashMap<>();
    private final Map<String, Chunk> competencyChunks = new HashMap<>();
    private final Map<String, Chunk> competencyLevelChunks = new HashMap<>();

    public FrameworkDocument(CompetencyFramework framework) {
        structure = add("Cấu trúc khung năng lực số", structureText(framework));
        levelTable = add("Mức trình độ, bậc và lớp", levelTableText(framework));
        undescribedLevels = add("Mức trình độ, bậc và lớp" + SEP + "Bậc 6–8", undescribedLevelsText(framework));
        for (Domain d : framework.domains()) {
            domainChunks.put(d.code(), add(d.label(), domainText(d)));
            for (Competency c : d.competencies()) {
                String path = d.label() + SEP + c.label();
                competencyChunks.put(c.code(), add(path, competencyText(d, c)));
                for (Level l : framework.levels()) {
                    if (l.hasDescriptors()) {
                        competencyLevelChunks.put(key(c.code(), l.number()),
                                add(path + SEP + l.label(), competencyLevelText(c, l)));
                    }
                }
            }
        }
        // Last, so that the chunk ids of the passages before it stay what they were.
        terms = definedTerms.isEmpty() ? null : add("Thuật ngữ (Điều 2)", definedTerms.stream()
                .map(t -> t.name() + " " + t.definition()).collect(Collectors.joining(" ")));
        digComp = framework.digComp().map(c -> add("Đối chiếu DigComp 2.2", digCompText(framework, c))).orElse(null);
    }

    private Chunk add(String sectionPath, String text) {
        Chunk chunk = new Chunk(ID, chunks.size(), sectionPath, text);
        chunks.add(chunk);
        return chunk;
    }

    private static String key(String code, int level) {
        return code + "@" + level;
    }

    public IndexableDocument document() {
        return new IndexableDocument(METADATA, chunks);
    }

    public List<Chunk> chunks() {
        return List.copyOf(chunks);
    }

    public Passage structure() {
        return passage(structure);
    }

    public Passage levelTable() {
        return passage(levelTable);
    }

    /** The passage saying levels 6–8 have no descriptors in the data. */
    public Passage undescribedLevels() {
        return passage(undescribedLevels);
    }

    /** The passage of Điều 2's definitions, if the reference gives any. */
    public java.util.Optional<Passage> terms() {
        return java.util.Optional.ofNullable(terms).map(FrameworkDocument::passage);
    }

    /** The passage setting the framework beside DigComp 2.2, if the reference gives it. */
    public java.util.Optional<Passage> digComp() {
        return java.util.Optional.ofNullable(digComp).map(FrameworkDocument::passage);
    }

    /** Điều 2's definition of a term ("Năng lực số"), matched without diacritics or case. */
    public java.util.Optional<FrameworkTerms.Term> term(String name) {
        return definedTerms.stream().filter(t -> FrameworkText.fold(t.name()).equals(FrameworkText.fold(name)))
                .findFirst();
    }

    public Passage domain(String code) {
        return passage(require(domainChunks.get(code), "domain " + code));
    }

    public Passage competency(String code) {
        return passage(require(competencyChunks.get(code), "competency " + code));
    }

    /** The passage of one competency at level 1–5. */
    public Passage competencyAtLevel(String code, int level) {
        return passage(require(competencyLevelChunks.get(key(code, level)), "competency " + code + " level " + level));
    }

    private static Chunk require(Chunk chunk, String what) {
        if (chunk == null) {
            throw new IllegalArgumentException("no framework passage for " + what);
        }
        return chunk;
    }

    static Passage passage(Chunk chunk) {
        return new Passage(METADATA, chunk.id(), chunk.sectionPath(), chunk.text(), 1f);
    }

    private static String structureText(CompetencyFramework f) {
        String domains = f.domains().stream().map(d -> d.code() + ". " + d.name()).collect(Collectors.joining("; "));
        String tiers = f.tiers().stream().map(t -> t.name() + " (bậc " + t.levels().get(0) + "–"
                + t.levels().get(t.levels().size() - 1) + ")").collect(Collectors.joining(", "));
        return "Khung năng lực số cho người học ban hành kèm theo " + FrameworkProvenance.CIRCULAR + " gồm "
                + f.domainCount() + " miền năng lực, " + f.competencyCount() + " năng lực thành phần, "
                + f.tierCount() + " mức trình độ và " + f.levelCount() + " bậc. Các miền năng lực: " + domains
                + ". Các mức trình độ: " + tiers + ". Yêu cầu cần đạt theo bậc 1–5 cho học sinh lớp 1–12 được mô tả trong "
                + FrameworkProvenance.GUIDANCE_APPENDIX + ".";
    }

    private static String levelTableText(CompetencyFramework f) {
        StringBuilder sb = new StringBuilder("Gán bậc theo lớp học (")
                .append(FrameworkProvenance.GUIDANCE_APPENDIX).append("): ");
        List<String> rows = new ArrayList<>();
        for (Level l : f.levels()) {
            if (!l.grades().isEmpty()) {
                rows.add("bậc " + l.number() + " (" + l.symbol() + ", " + l.name() + ", mức " + l.tier() + ") dành cho "
                        + gradesText(l.grades()) + " – " + l.tasks() + "; " + lowerFirst(l.autonomy()));
            }
        }
        sb.append(String.join("; ", rows)).append(". Bậc 6, 7, 8 chưa được gán cho cấp học nào.");
        return sb.toString();
    }

    private static String undescribedLevelsText(CompetencyFramework f) {
        List<String> names = f.levels().stream().filter(l -> !l.hasDescriptors())
                .map(l -> "bậc " + l.number() + " (mức " + l.tier() + ")").toList();
        return "Khung năng lực số có 8 bậc, nhưng " + FrameworkProvenance.GUIDANCE_APPENDIX
                + " chỉ mô tả yêu cầu cần đạt cho bậc 1–5 (học sinh phổ thông lớp 1–12). Dữ liệu không có mô tả cho "
                + String.join(", ", names) + "; việc xếp các bậc này vào mức trình độ chưa được xác minh.";
    }

    private static String digCompText(CompetencyFramework f, DigCompComparison c) {
        String areas = f.domains().stream().map(d -> "miền " + d.code() + ". " + d.name() + ": "
                + (d.digCompArea() == null ? "không có trong DigComp 2.2" : d.digCompArea()))
                .collect(Collectors.joining("; "));
        return "Đối chiếu khung năng lực số với khung châu Âu " + c.version() + ". " + c.relation()
                + " Tương ứng theo miền: " + areas + ".";
    }

    private static String domainText(Domain d) {
        String list = d.competencies().stream().map(Competency::label).collect(Collectors.joining("; "));
        return "Miền " + d.code() + ". " + d.name() + ": " + d.description() + " Miền này gồm "
                + d.competencies().size() + " năng lực thành phần: " + list + ".";
    }

    private static String competencyText(Domain d, Competency c) {
        return "Năng lực thành phần " + c.label() + " (miền " + d.code() + ". " + d.name() + "): " + c.description();
    }

    private static String competencyLevelText(Competency c, Level l) {
        String head = c.label() + " – " + l.label() + ", " + l.name() + ", dành cho " + gradesText(l.grades()) + ": ";
        return c.descriptor(l.number())
                .map(d -> head + d + " Chỉ báo: " + c.indicators(l.number()).stream()
                        .map(i -> i.code() + " " + i.text()).collect(Collectors.joining(" ")))
                .orElse(head + "dữ liệu không có mô tả yêu cầu cần đạt cho bậc này của năng lực " + c.code() + ".");
    }

    /** "lớp 6, 7" / "lớp 10, 11, 12". */
    static String gradesText(List<Integer> grades) {
        return "lớp " + grades.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
