package vn.trolyso.assistant.framework;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.trolyso.knowledge.framework.Competency;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.Domain;
import vn.trolyso.knowledge.framework.FrameworkAnswer;
import vn.trolyso.knowledge.framework.FrameworkAnswerer;
import vn.trolyso.knowledge.framework.FrameworkIntent;
import vn.trolyso.knowledge.framework.FrameworkQuestionType;
import vn.trolyso.knowledge.framework.Level;
import vn.trolyso.knowledge.search.Passage;

/**
 * The framework look-ups offered to the generative model as LangChain4j tools. Each tool returns the exact text
 * composed from the data (the same as the no-LLM answers), followed by the sections it comes from, so that the model
 * quotes rather than recalls. Bad arguments give a Vietnamese explanation instead of an exception, which the model
 * can relay. Register with {@code AiServices.builder(...).tools(new FrameworkTools(framework))} or use
 * {@code ToolSpecifications.toolSpecificationsFrom(FrameworkTools.class)}.
 */
public final class FrameworkTools {
    private final CompetencyFramework framework;
    private final FrameworkAnswerer answerer;

    public FrameworkTools(CompetencyFramework framework) {
        this.framework = framework;
        this.answerer = new FrameworkAnswerer(framework);
    }

    @Tool(name = "framework_level_for_grade", value = "Bậc (level) của khung năng lực số (Thông tư 02/2025/TT-BGDĐT) "
            + "mà học sinh một lớp (1–12) cần đạt, kèm ký hiệu, mức trình độ và đặc điểm của bậc.")
    public String levelForGrade(@P(name = "grade", value = "lớp học, từ 1 đến 12") int grade) {
        return render(answer(FrameworkQuestionType.LEVEL_FOR_GRADE, List.of(grade), List.of(), null, null));
    }

    @Tool(name = "framework_level", value = "Mô tả một bậc (1–8) của khung năng lực số: mức trình độ, lớp học tương "
            + "ứng, đặc điểm. Bậc 6–8 không có mô tả trong dữ liệu.")
    public String level(@P(name = "level", value = "bậc: số 1–8, ký hiệu như TC1, hoặc tên như 'trung cấp 1'") String level) {
        Optional<Level> l = framework.findLevel(level);
        if (l.isEmpty()) {
            return unknownLevel(level);
        }
        return render(answer(FrameworkQuestionType.LEVEL, List.of(), List.of(l.get().number()), null, null));
    }

    @Tool(name = "framework_competency", value = "Một năng lực thành phần của khung năng lực số: miền, mô tả và yêu "
            + "cầu cần đạt ở từng bậc 1–5.")
    public String competency(@P(name = "competency", value = "mã năng lực (ví dụ 4.2) hoặc tên, có hoặc không dấu") String competency) {
        Optional<Competency> c = framework.findCompetency(competency);
        if (c.isEmpty()) {
            return unknownCompetency(competency);
        }
        return render(answer(FrameworkQuestionType.COMPETENCY, List.of(), List.of(), c.get().code(), null));
    }

    @Tool(name = "framework_requirements", value = "Yêu cầu cần đạt và các chỉ báo của một năng lực thành phần ở một "
            + "bậc, hoặc ở bậc của một lớp học. Cho 'level' hoặc 'grade'.")
    public String requirements(@P(name = "competency", value = "mã năng lực (ví dụ 3.4) hoặc tên, có hoặc không dấu") String competency,
                               @P(name = "level", value = "bậc: số 1–8, ký hiệu như TC2, hoặc tên như 'trung cấp 2'", required = false)
                               String level,
                               @P(name = "grade", value = "lớp học 1–12 (khi không cho bậc)", required = false) Integer grade) {
        Optional<Competency> c = framework.findCompetency(competency);
        if (c.isEmpty()) {
            return unknownCompetency(competency);
        }
        if (level != null && !level.isBlank()) {
            Optional<Level> l = framework.findLevel(level);
            if (l.isEmpty()) {
                return unknownLevel(level);
            }
            return render(answer(FrameworkQuestionType.REQUIREMENTS, List.of(), List.of(l.get().number()),
                    c.get().code(), null));
        }
        if (grade == null) {
            return "Cần cho biết bậc (1–8) hoặc lớp (1–12) để tra yêu cầu cần đạt.";
        }
        return render(answer(FrameworkQuestionType.REQUIREMENTS, List.of(grade), List.of(), c.get().code(), null));
    }

    @Tool(name = "framework_compare_levels", value = "So sánh yêu cầu cần đạt của một năng lực thành phần ở hai bậc.")
    public String compareLevels(@P(name = "competency", value = "mã năng lực (ví dụ 6.2) hoặc tên") String competency,
                                @P(name = "firstLevel", value = "bậc thứ nhất (số, ký hiệu hoặc tên)") String firstLevel,
                                @P(name = "secondLevel", value = "bậc thứ hai (số, ký hiệu hoặc tên)") String secondLevel) {
        Optional<Competency> c = framework.findCompetency(competency);
        if (c.isEmpty()) {
            return unknownCompetency(competency);
        }
        Optional<Level> a = framework.findLevel(firstLevel);
        Optional<Level> b = framework.findLevel(secondLevel);
        if (a.isEmpty()) {
            return unknownLevel(firstLevel);
        }
        if (b.isEmpty()) {
            return unknownLevel(secondLevel);
        }
        return render(answer(FrameworkQuestionType.COMPARE_LEVELS, List.of(),
                List.of(a.get().number(), b.get().number()), c.get().code(), null));
    }

    @Tool(name = "framework_domain", value = "Một miền năng lực của khung năng lực số và các năng lực thành phần của miền.")
    public String domain(@P(name = "domain", value = "mã miền 1–6 hoặc tên miền, ví dụ 'An toàn'") String domain) {
        Optional<Domain> d = framework.findDomain(domain);
        if (d.isEmpty()) {
            return "Không có miền \"" + domain + "\" trong khung năng lực số. Các miền: " + framework.domains().stream()
                    .map(x -> x.code() + ". " + x.name()).collect(Collectors.joining("; ")) + ".";
        }
        return render(answer(FrameworkQuestionType.DOMAIN, List.of(), List.of(), null, d.get().code()));
    }

    @Tool(name = "framework_overview", value = "Cấu trúc khung năng lực số cho người học: số miền, năng lực thành phần, "
            + "mức trình độ, bậc, và bảng gán bậc theo lớp.")
    public String overview() {
        return render(answer(FrameworkQuestionType.STRUCTURE, List.of(), List.of(), null, null)) + "\n\n"
                + render(answer(FrameworkQuestionType.TIERS, List.of(), List.of(), null, null));
    }

    private FrameworkAnswer answer(FrameworkQuestionType type, List<Integer> grades, List<Integer> levels,
                                   String competency, String domain) {
        return answerer.answer(new FrameworkIntent(type, grades, levels, competency, domain, false), null);
    }

    /** The answer without [n] markers, then its sources by section, which the model can cite. */
    static String render(FrameworkAnswer answer) {
        String text = answer.text().replaceAll("\\s?\\[\\d+]", "");
        String sources = answer.sources().stream().map(FrameworkTools::sourceLine).collect(Collectors.joining("\n"));
        return text + "\nNguồn:\n" + sources;
    }

    private static String sourceLine(Passage p) {
        return "- " + p.document().title() + " › " + p.sectionPath();
    }

    private String unknownCompetency(String reference) {
        return "Không tìm thấy năng lực thành phần \"" + reference + "\" trong khung năng lực số (có "
                + framework.competencyCount() + " năng lực, mã từ 1.1 đến 6.3). Hãy dùng mã như 4.2 hoặc tên đầy đủ.";
    }

    private String unknownLevel(String reference) {
        return "Không có bậc \"" + reference + "\": khung năng lực số có " + framework.levelCount()
                + " bậc (1–8; ký hiệu CB1, CB2, TC1, TC2, NC1 cho bậc 1–5).";
    }
}
