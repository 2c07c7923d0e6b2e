package vn.trolyso.assistant.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkLoader;

class FrameworkToolsTest {
    private static CompetencyFramework framework;
    private static FrameworkTools tools;

    @BeforeAll
    static void load() {
        framework = FrameworkLoader.loadBundled();
        tools = new FrameworkTools(framework);
    }

    @Test
    void levelForGradeGivesTheMappedLevel() {
        String text = tools.levelForGrade(8);
        assertTrue(text.contains("lớp 8 ở bậc 4 – Trung cấp 2 (TC2)"), text);
        assertFalse(text.matches("(?s).*\\[\\d+].*"), "markers are removed for the model");
        assertTrue(text.contains("Nguồn:\n- Khung năng lực số cho người học (Thông tư 02/2025/TT-BGDĐT) › Mức trình độ, bậc và lớp"), text);
        assertTrue(tools.levelForGrade(13).contains("Không có lớp 13"));
    }

    @Test
    void requirementsByLevelOrGradeQuoteTheData() {
        String descriptor = framework.competency("3.4").orElseThrow().descriptor(4).orElseThrow();
        assertTrue(tools.requirements("lap trinh", "TC2", null).contains(descriptor));
        assertTrue(tools.requirements("3.4", null, 9).contains(descriptor));
        assertTrue(tools.requirements("3.4", "bậc 7", null).contains("không có mô tả"));
        assertTrue(tools.requirements("9.9", "3", null).startsWith("Không tìm thấy năng lực thành phần \"9.9\""));
        assertTrue(tools.requirements("3.4", "bậc 9", null).startsWith("Không có bậc \"bậc 9\""));
        assertTrue(tools.requirements("3.4", null, null).startsWith("Cần cho biết bậc"));
    }

    @Test
    void otherLookUps() {
        assertTrue(tools.competency("bảo vệ dữ liệu cá nhân").contains("4.2 Bảo vệ dữ liệu cá nhân và quyền riêng tư thuộc miền 4. An toàn"));
        assertTrue(tools.domain("an toan").contains("4.4 Bảo vệ môi trường"));
        assertTrue(tools.domain("abc").startsWith("Không có miền"));
        assertTrue(tools.level("trung cấp 1").contains("bậc 3 – Trung cấp 1 (TC1)"));
        assertTrue(tools.level("6").contains("không có mô tả"));
        String cmp = tools.compareLevels("6.2", "3", "4");
        assertTrue(cmp.contains(framework.competency("6.2").orElseThrow().descriptor(3).orElseThrow()));
        assertTrue(cmp.contains(framework.competency("6.2").orElseThrow().descriptor(4).orElseThrow()));
        assertTrue(tools.overview().contains("6 miền năng lực, 24 năng lực thành phần"));
    }

    @Test
    void specificationsDescribeEveryToolAndItsParameters() {
        List<ToolSpecification> specs = ToolSpecifications.toolSpecificationsFrom(FrameworkTools.class);
        Map<String, ToolSpecification> byName = specs.stream()
                .collect(Collectors.toMap(ToolSpecification::name, s -> s));
        assertEquals(List.of("framework_compare_levels", "framework_competency", "framework_domain",
                "framework_level", "framework_level_for_grade", "framework_overview", "framework_requirements"),
                byName.keySet().stream().sorted().toList());
        ToolSpecification req = byName.get("framework_requirements");
        assertTrue(req.description().contains("Yêu cầu cần đạt"));
        assertEquals(List.of("competency", "level", "grade"), List.copyOf(req.parameters().properties().keySet()));
        assertEquals(List.of("competency"), req.parameters().required());
        assertEquals(List.of("grade"), byName.get("framework_level_for_grade").parameters().required());
    }

    @Test
    void toolsRunThroughLangChain4jExecutorWithJsonArguments() {
        String result = execute("framework_requirements", "{\"competency\": \"4.2\", \"grade\": 7}");
        String descriptor = framework.competency("4.2").orElseThrow().descriptor(3).orElseThrow();
        assertTrue(result.contains(descriptor), result);
        assertTrue(execute("framework_level_for_grade", "{\"grade\": 1}").contains("bậc 1 – Cơ bản 1 (CB1)"));
    }

    private static String execute(String name, String arguments) {
        Method method = Arrays.stream(FrameworkTools.class.getMethods())
                .filter(m -> m.isAnnotationPresent(dev.langchain4j.agent.tool.Tool.class))
                .filter(m -> m.getAnnotation(dev.langchain4j.agent.tool.Tool.class).name().equals(name))
                .findFirst().orElseThrow();
        ToolExecutionRequest request = ToolExecutionRequest.builder().id("1").name(name).arguments(arguments).build();
        return new DefaultToolExecutor(tools, method).execute(request, "memory");
    }
}
