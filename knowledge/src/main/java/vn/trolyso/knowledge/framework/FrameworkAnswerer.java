package vn.trolyso.knowledge.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.trolyso.knowledge.search.Passage;

/**
 * Composes exact Vietnamese answers from the framework data for a recognised {@link FrameworkIntent}. Every
 * statement comes from the data; levels without descriptors (6–8, and the gaps the data marks) are said to have
 * none, never filled in. Thread-safe.
 */
public final class FrameworkAnswerer {
    static final String BASIS = "Theo " + FrameworkProvenance.CIRCULAR + " và "
            + FrameworkProvenance.GUIDANCE_APPENDIX;
    static final String DESCRIPTOR_NOTE = "Ghi chú: mô tả yêu cầu cần đạt bậc 1–5 lấy từ các bản chép lại khớp nhau của "
            + FrameworkProvenance.GUIDANCE_APPENDIX + ", chưa đối chiếu với bản PDF chính thức.";

    private final CompetencyFramework framework;
    private final FrameworkDocument document;

    public FrameworkAnswerer(CompetencyFramework framework) {
        this.framework = framework;
        this.document = new FrameworkDocument(framework);
    }

    /** The passages the answers cite (the same ones {@link FrameworkSource} indexes). */
    public FrameworkDocument document() {
        return document;
    }

    /**
     * Answers a framework question.
     *
     * @param intent       what the recogniser found
     * @param profileGrade the asker's grade from the profile (1–12) or null; used when the question says
     *                     "học sinh của tôi"/"lớp tôi" or names no grade where one is needed
     */
    public FrameworkAnswer answer(FrameworkIntent intent, Integer profileGrade) {
        Sources sources = new Sources();
        List<Integer> grades = intent.grades();
        if ((intent.ownClass() || grades.isEmpty()) && profileGrade != null && intent.levels().isEmpty()
                && needsGrade(intent.type())) {
            grades = List.of(profileGrade);
        }
        String text = switch (usable(intent)) {
            case LEVEL_FOR_GRADE -> levelForGrade(grades, intent.ownClass(), sources);
            case LEVEL -> level(intent.levels().get(0), sources);
            case REQUIREMENTS -> requirements(intent, grades, sources);
            case COMPARE_LEVELS -> compare(intent, grades, sources);
            case COMPETENCY -> competency(intent.competencyCode(), sources);
            case DOMAIN -> domain(intent.domainCode(), sources);
            case LIST_DOMAINS -> listDomains(sources);
            case TIERS -> tiers(sources);
            case DEFINITION -> definition(sources);
            case STRUCTURE -> structure(sources);
            case SOURCE -> legalSource(sources);
            case DIGCOMP -> digComp(intent, sources);
        };
        // "Bậc 7 phải làm được những gì?", "Lớp 1–3 cần đạt gì ở năng lực 6.1?": the data has no requirement for
        // it, so the question is declined.
        boolean undescribedLevel = intent.type() == FrameworkQuestionType.REQUIREMENTS && !intent.levels().isEmpty()
                && framework.level(intent.levels().get(0)).map(l -> !l.hasDescriptors()).orElse(false);
        return new FrameworkAnswer(text, sources.list, undescribedLevel || sources.undescribed);
    }

    /**
     * The question type, falling back to a broader one when the intent lacks what its type needs (callers other
     * than the recogniser may build intents by hand) or names an unknown competency or domain.
     */
    private FrameworkQuestionType usable(FrameworkIntent intent) {
        boolean competency = knownCompetency(intent);
        boolean domain = intent.domainCode() != null && framework.domain(intent.domainCode()).isPresent();
        return switch (intent.type()) {
            case LEVEL -> intent.levels().isEmpty() ? FrameworkQuestionType.TIERS : FrameworkQuestionType.LEVEL;
            case COMPETENCY -> competency ? FrameworkQuestionType.COMPETENCY : FrameworkQuestionType.STRUCTURE;
            case DOMAIN -> domain ? FrameworkQuestionType.DOMAIN : FrameworkQuestionType.LIST_DOMAINS;
            case DIGCOMP -> document.digComp().isPresent() ? FrameworkQuestionType.DIGCOMP
                    : FrameworkQuestionType.STRUCTURE;
            case REQUIREMENTS -> competency || domain ? FrameworkQuestionType.REQUIREMENTS
                    : intent.levels().isEmpty() ? FrameworkQuestionType.LEVEL_FOR_GRADE : FrameworkQuestionType.LEVEL;
            default -> intent.type();
        };
    }

    private boolean knownCompetency(FrameworkIntent intent) {
        return intent.competencyCode() != null && framework.competency(intent.competencyCode()).isPresent();
    }

    private static boolean needsGrade(FrameworkQuestionType type) {
        return type == FrameworkQuestionType.LEVEL_FOR_GRADE || type == FrameworkQuestionType.REQUIREMENTS;
    }

    private String levelForGrade(List<Integer> grades, boolean ownClass, Sources sources) {
        if (grades.isEmpty()) {
            return (ownClass ? "Bạn chưa cho biết mình dạy lớp nào (có thể khai báo lớp trong hồ sơ). " : "")
                    + BASIS + ", bậc được gán theo lớp như sau " + sources.cite(document.levelTable()) + ": "
                    + gradeTable() + ".";
        }
        java.util.Map<Level, List<Integer>> byLevel = new java.util.LinkedHashMap<>();
        for (int grade : grades) {
            Optional<Level> level = framework.levelForGrade(grade);
            if (level.isEmpty()) {
                return invalidGrade(grade, sources);
            }
            byLevel.computeIfAbsent(level.get(), k -> new ArrayList<>()).add(grade);
        }
        List<String> parts = new ArrayList<>();
        byLevel.forEach((l, gs) -> parts.add("học sinh " + FrameworkDocument.gradesText(gs) + " ở " + levelPhrase(l)));
        Level first = byLevel.keySet().iterator().next();
        StringBuilder sb = new StringBuilder(BASIS).append(", ").append(joinVi(parts))
                .append(" ").append(sources.cite(document.levelTable())).append(".");
        if (byLevel.size() == 1) {
            sb.append(" Bậc ").append(first.number()).append(" dành cho ").append(first.schoolStage())
                    .append(". Đặc điểm: ").append(lowerFirst(first.tasks()))
                    .append("; ").append(lowerFirst(first.autonomy())).append(".");
        }
        sb.append(" Yêu cầu cần đạt ở bậc này được mô tả riêng cho từng năng lực trong ")
                .append(framework.competencyCount()).append(" năng lực thành phần.");
        return sb.toString();
    }

    private String level(int number, Sources sources) {
        Optional<Level> found = framework.level(number);
        if (found.isEmpty()) {
            return invalidLevel(number, sources);
        }
        Level l = found.get();
        Tier tier = framework.tierOf(l);
        if (!l.hasDescriptors()) {
            return "Bậc " + l.number() + " thuộc mức " + tier.name() + " (mức này gồm bậc " + joinNumbers(tier.levels())
                    + ") của khung năng lực số theo " + FrameworkProvenance.CIRCULAR + " "
                    + sources.cite(document.structure()) + ". Dữ liệu không có mô tả yêu cầu cần đạt cho bậc "
                    + l.number() + ": " + FrameworkProvenance.GUIDANCE_APPENDIX
                    + " chỉ mô tả bậc 1–5 cho học sinh lớp 1–12, và bậc " + l.number()
                    + " chưa được gán cho cấp học nào " + sources.cite(document.undescribedLevels())
                    + ". Việc xếp bậc " + l.number() + " vào mức " + tier.name() + " chưa được xác minh.";
        }
        return BASIS + ", " + levelPhrase(l) + " thuộc mức " + tier.name() + ", dành cho "
                + l.schoolStage() + " "
                + sources.cite(document.levelTable()) + ". Đặc điểm của bậc: " + lowerFirst(l.tasks()) + "; "
                + lowerFirst(l.autonomy()) + ". Yêu cầu cần đạt ở bậc " + l.number() + " được mô tả cho từng năng lực trong "
                + framework.competencyCount() + " năng lực thành phần, mở đầu bằng: \"" + l.lead() + "\"";
    }

    private String requirements(FrameworkIntent intent, List<Integer> grades, Sources sources) {
        Optional<Level> level;
        String who;
        if (!intent.levels().isEmpty()) {
            level = framework.level(intent.levels().get(0));
            if (level.isEmpty()) {
                return invalidLevel(intent.levels().get(0), sources);
            }
            who = "ở " + levelPhrase(level.get());
        } else if (!grades.isEmpty()) {
            level = framework.levelForGrade(grades.get(0));
            if (level.isEmpty()) {
                return invalidGrade(grades.get(0), sources);
            }
            who = "học sinh lớp " + grades.get(0) + ", " + levelPhrase(level.get()) + ",";
        } else {
            return (knownCompetency(intent) ? competency(intent.competencyCode(), sources)
                    : domain(intent.domainCode(), sources))
                    + " Bạn chưa cho biết lớp hoặc bậc; có thể hỏi cụ thể, ví dụ \"lớp 8 cần đạt gì\".";
        }
        Level l = level.get();
        if (!l.hasDescriptors()) {
            return level(l.number(), sources);
        }
        if (knownCompetency(intent)) {
            Competency c = framework.competency(intent.competencyCode()).orElseThrow();
            return competencyRequirement(c, l, who, sources) + "\n" + DESCRIPTOR_NOTE;
        }
        Domain d = framework.domain(intent.domainCode()).orElseThrow();
        StringBuilder sb = new StringBuilder(BASIS).append(", với miền ").append(d.code()).append(". ")
                .append(d.name()).append(", ").append(who).append(" cần đạt:");
        for (Competency c : d.competencies()) {
            sb.append("\n- ").append(c.label()).append(": ");
            Optional<String> descriptor = c.descriptor(l.number());
            sb.append(descriptor.orElse("dữ liệu không có mô tả cho bậc này."))
                    .append(" ").append(sources.cite(document.competencyAtLevel(c.code(), l.number())));
        }
        return sb.append("\n").append(DESCRIPTOR_NOTE).toString();
    }

    private String competencyRequirement(Competency c, Level l, String who, Sources sources) {
        Passage p = document.competencyAtLevel(c.code(), l.number());
        Optional<String> descriptor = c.descriptor(l.number());
        if (descriptor.isEmpty()) {
            sources.undescribed = true;
            return BASIS + ", năng lực " + c.label() + " không có mô tả yêu cầu cần đạt cho " + levelPhrase(l)
                    + " trong dữ liệu " + sources.cite(p) + "." + notesFor(c, l);
        }
        StringBuilder sb = new StringBuilder(BASIS).append(", với năng lực ").append(c.label()).append(", ")
                .append(who).append(" cần đạt: ").append(descriptor.get()).append(" ").append(sources.cite(p))
                .append("\nCác chỉ báo:");
        for (Indicator i : c.indicators(l.number())) {
            sb.append("\n- ").append(i.code()).append(": ").append(i.text());
        }
        return sb.append(notesFor(c, l)).toString();
    }

    /** Verification notes of the data that concern this level (they name it as "Bậc n"). */
    private static String notesFor(Competency c, Level l) {
        String marker = "Bậc " + l.number();
        String notes = c.notes().stream().filter(n -> n.startsWith(marker)).collect(Collectors.joining(" "));
        return notes.isEmpty() ? "" : "\nLưu ý về dữ liệu: " + notes;
    }

    private String compare(FrameworkIntent intent, List<Integer> grades, Sources sources) {
        List<Level> levels = new ArrayList<>();
        for (int n : intent.levels()) {
            Optional<Level> l = framework.level(n);
            if (l.isEmpty()) {
                return invalidLevel(n, sources);
            }
            levels.add(l.get());
        }
        for (int g : grades) {
            Optional<Level> l = framework.levelForGrade(g);
            if (l.isEmpty()) {
                return invalidGrade(g, sources);
            }
            if (!levels.contains(l.get())) {
                levels.add(l.get());
            }
        }
        if (levels.size() < 2) {
            return levels.isEmpty() ? structure(sources) : level(levels.get(0).number(), sources);
        }
        Level a = levels.get(0);
        Level b = levels.get(1);
        // "Bậc 6 và bậc 7 cần đạt gì?": neither is described, so there is nothing to compare and it is declined.
        sources.undescribed |= !a.hasDescriptors() && !b.hasDescriptors();
        if (!knownCompetency(intent)) {
            StringBuilder sb = new StringBuilder(BASIS).append(", hai bậc khác nhau ở độ phức tạp của nhiệm vụ và mức tự chủ ")
                    .append(sources.cite(document.levelTable())).append(":");
            for (Level l : List.of(a, b)) {
                sb.append("\n- ").append(levelPhrase(l)).append(": ");
                if (l.hasDescriptors()) {
                    sb.append(FrameworkDocument.gradesText(l.grades())).append("; ").append(lowerFirst(l.tasks()))
                            .append("; ").append(lowerFirst(l.autonomy())).append(".");
                } else {
                    sb.append("dữ liệu không có mô tả cho bậc này ").append(sources.cite(document.undescribedLevels())).append(".");
                }
            }
            return sb.toString();
        }
        LevelComparison cmp = framework.compare(intent.competencyCode(), a.number(), b.number()).orElseThrow();
        Competency c = cmp.competency();
        StringBuilder sb = new StringBuilder(BASIS).append(", năng lực ").append(c.label()).append(" ở hai bậc:");
        for (Level l : List.of(a, b)) {
            sb.append("\n- ").append(levelPhrase(l));
            if (!l.hasDescriptors()) {
                sb.append(": dữ liệu không có mô tả cho bậc này (").append(FrameworkProvenance.GUIDANCE_APPENDIX)
                        .append(" chỉ mô tả bậc 1–5) ").append(sources.cite(document.undescribedLevels())).append(".");
                continue;
            }
            sb.append(", ").append(FrameworkDocument.gradesText(l.grades())).append(": ");
            sb.append(c.descriptor(l.number()).orElse("dữ liệu không có mô tả cho bậc này."))
                    .append(" ").append(sources.cite(document.competencyAtLevel(c.code(), l.number())));
        }
        if (a.hasDescriptors() && b.hasDescriptors()) {
            sb.append("\nKhác biệt chung giữa hai bậc: ").append(levelPhrase(a)).append(" – ").append(lowerFirst(a.tasks()))
                    .append(", ").append(lowerFirst(a.autonomy())).append("; ").append(levelPhrase(b)).append(" – ")
                    .append(lowerFirst(b.tasks())).append(", ").append(lowerFirst(b.autonomy())).append(" ")
                    .append(sources.cite(document.levelTable())).append(".");
        }
        return sb.append("\n").append(DESCRIPTOR_NOTE).toString();
    }

    private String competency(String code, Sources sources) {
        Competency c = framework.competency(code).orElseThrow();
        Domain d = framework.domainOf(c);
        StringBuilder sb = new StringBuilder("Theo ").append(FrameworkProvenance.CIRCULAR).append(", năng lực thành phần ")
                .append(c.label()).append(" thuộc miền ").append(d.code()).append(". ").append(d.name()).append(": ")
                .append(c.description()).append(" ").append(sources.cite(document.competency(code)));
        if (!c.alternativeNames().isEmpty()) {
            sb.append("\nTên khác đang lưu hành: ").append(String.join("; ", c.alternativeNames())).append(".");
        }
        sb.append("\nYêu cầu cần đạt theo ").append(FrameworkProvenance.GUIDANCE_APPENDIX).append(":");
        for (Level l : framework.levels()) {
            if (!l.hasDescriptors()) {
                continue;
            }
            sb.append("\n- ").append(levelPhrase(l)).append(", ").append(FrameworkDocument.gradesText(l.grades())).append(": ")
                    .append(c.descriptor(l.number()).orElse("dữ liệu không có mô tả cho bậc này."))
                    .append(" ").append(sources.cite(document.competencyAtLevel(code, l.number())));
        }
        sb.append("\nBậc 6–8: dữ liệu không có mô tả ").append(sources.cite(document.undescribedLevels())).append(".");
        return sb.append("\n").append(DESCRIPTOR_NOTE).toString();
    }

    private String domain(String code, Sources sources) {
        Domain d = framework.domain(code).orElseThrow();
        String list = d.competencies().stream().map(Competency::label).collect(Collectors.joining("; "));
        return "Theo " + FrameworkProvenance.CIRCULAR + ", miền năng lực thứ " + d.code() + " là miền " + d.code() + ". "
                + d.name() + ", gồm " + d.competencies().size() + " năng lực thành phần: " + list + " "
                + sources.cite(document.domain(code)) + ". Mô tả miền: " + d.description()
                + " (mô tả miền chưa đối chiếu được với văn bản chính thức.)";
    }

    private String listDomains(Sources sources) {
        String list = framework.domains().stream().map(d -> d.code() + ". " + d.name()).collect(Collectors.joining("; "));
        return "Theo " + FrameworkProvenance.CIRCULAR + ", khung năng lực số cho người học gồm "
                + framework.domainCount() + " miền năng lực: " + list + " " + sources.cite(document.structure())
                + ". Các miền có tổng cộng " + framework.competencyCount() + " năng lực thành phần.";
    }

    private String tiers(Sources sources) {
        String list = framework.tiers().stream().map(t -> "mức " + t.name() + " gồm bậc " + joinNumbers(t.levels()))
                .collect(Collectors.joining("; "));
        return "Theo " + FrameworkProvenance.CIRCULAR + ", khung có " + framework.tierCount() + " mức trình độ và "
                + framework.levelCount() + " bậc: " + list + " " + sources.cite(document.structure())
                + ". Theo " + FrameworkProvenance.GUIDANCE_APPENDIX + ", học sinh phổ thông được gán bậc 1–5: "
                + gradeTable() + " " + sources.cite(document.levelTable()) + ". Bậc 6–8 chưa gán cho cấp học nào và dữ liệu không có mô tả "
                + sources.cite(document.undescribedLevels()) + ".";
    }

    /** Điều 2's definition of digital competence, else (a reference without it) the structure. */
    private String definition(Sources sources) {
        return document.terms().flatMap(p -> document.term("Năng lực số")
                        .map(t -> "Theo " + FrameworkProvenance.CIRCULAR + " (Điều 2), năng lực số " + t.definition()
                                + " " + sources.cite(p)))
                .orElseGet(() -> structure(sources));
    }

        private String structure(Sources sources) {
        return "Theo " + FrameworkProvenance.CIRCULAR + ", khung năng lực số cho người học gồm "
                + framework.domainCount() + " miền năng lực, " + framework.competencyCount()
                + " năng lực thành phần, " + framework.tierCount() + " mức trình độ và " + framework.levelCount()
                + " bậc " + sources.cite(document.structure()) + ". Các miền: " + framework.domains().stream()
                .map(d -> d.code() + ". " + d.name()).collect(Collectors.joining("; "))
                + ". Yêu cầu cần đạt cho học sinh lớp 1–12 (bậc 1–5) được mô tả trong "
                + FrameworkProvenance.GUIDANCE_APPENDIX + ".";
    }

    /**
     * The framework beside DigComp 2.2: of the competency or domain asked, the one it matches (or that it has none,
     * as domain 6); else how the two line up. The data marks the matching as the compiler's inference.
     */
    private String digComp(FrameworkIntent intent, Sources sources) {
        DigCompComparison comparison = framework.digComp().orElseThrow();
        String cite = sources.cite(document.digComp().orElseThrow());
        String unit;
        if (knownCompetency(intent)) {
            Competency c = framework.competency(intent.competencyCode()).orElseThrow();
            unit = "năng lực thành phần " + c.label() + (c.digComp() == null ? " không có trong DigComp 2.2 (thuộc "
                    + "miền " + framework.domainOf(c).code() + ", miền bổ sung của Việt Nam)"
                    : " tương ứng năng lực " + c.digComp() + " của DigComp 2.2");
        } else if (intent.domainCode() != null && framework.domain(intent.domainCode()).isPresent()) {
            Domain d = framework.domain(intent.domainCode()).orElseThrow();
            // the data writes a domain without a match as a remark in brackets: "(không có trong DigComp 2.2 – …)"
            unit = "miền " + d.code() + ". " + d.name() + (d.digCompArea() == null || d.digCompArea().startsWith("(")
                    ? " không có trong DigComp 2.2: đây là miền bổ sung của Việt Nam"
                    : " tương ứng lĩnh vực " + d.digCompArea() + " của DigComp 2.2");
        } else {
            return "Theo dữ liệu đối chiếu của khung năng lực số, khung châu Âu được đối chiếu là "
                    + comparison.version() + " " + cite + ". " + comparison.relation();
        }
        return "Theo dữ liệu đối chiếu khung năng lực số với khung châu Âu DigComp 2.2, " + unit + " " + cite
                + ". (Đối chiếu này là suy luận của người tổng hợp dữ liệu; chưa thấy văn bản chính thức nêu rõ.)";
    }

    private String legalSource(Sources sources) {
        FrameworkProvenance p = framework.provenance();
        return "Khung năng lực số cho người học được quy định tại " + p.legalBasis() + " "
                + sources.cite(document.structure()) + ". Yêu cầu cần đạt theo bậc 1–5 cho học sinh phổ thông được hướng dẫn tại "
                + p.guidance() + " " + sources.cite(document.levelTable()) + ".";
    }

    /**
     * A grade the level table has not. "Lớp 13" is a slip the answer corrects; a preschool child is no learner the
     * framework describes, so that question is declined, with why.
     */
    private String invalidGrade(int grade, Sources sources) {
        sources.undescribed |= grade == FrameworkQuestionRecognizer.PRESCHOOL;
        String who = grade == FrameworkQuestionRecognizer.PRESCHOOL ? "Trẻ mầm non (mẫu giáo) không có"
                : "Không có lớp " + grade;
        return who + " trong bảng gán bậc: " + FrameworkProvenance.GUIDANCE_APPENDIX
                + " (hướng dẫn " + FrameworkProvenance.CIRCULAR + ") chỉ gán bậc cho lớp 1–12: " + gradeTable() + " "
                + sources.cite(document.levelTable()) + ".";
    }

    private String invalidLevel(int level, Sources sources) {
        return "Khung năng lực số theo " + FrameworkProvenance.CIRCULAR + " chỉ có " + framework.levelCount()
                + " bậc (bậc 1–" + framework.levelCount() + "), không có bậc " + level + " "
                + sources.cite(document.structure()) + ".";
    }

    private String gradeTable() {
        return framework.levels().stream().filter(l -> !l.grades().isEmpty())
                .map(l -> FrameworkDocument.gradesText(l.grades()) + " → bậc " + l.number() + " (" + l.symbol() + ")")
                .collect(Collectors.joining("; "));
    }

    /** "bậc 3 – Trung cấp 1 (TC1)", as the framework's own text writes it, or "bậc 6". */
    static String levelPhrase(Level l) {
        return l.symbol() == null ? "bậc " + l.number() : "bậc " + l.number() + " – " + l.name() + " (" + l.symbol() + ")";
    }

    private static String joinNumbers(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(" và "));
    }

    private static String joinVi(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " và " + parts.get(parts.size() - 1);
    }

    private static String lowerFirst(String s) {
        return FrameworkDocument.lowerFirst(s);
    }

    /** Numbers passages in order of first citation. */
    private static final class Sources {
        final List<Passage> list = new ArrayList<>();
        /** The question asks what a level requires and the data describes nothing for it. */
        boolean undescribed;

        String cite(Passage p) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).chunkId().equals(p.chunkId())) {
                    return "[" + (i + 1) + "]";
                }
            }
            list.add(p);
            return "[" + list.size() + "]";
        }
    }
}
