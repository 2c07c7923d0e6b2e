package vn.trolyso.server.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkLoader;
import vn.trolyso.knowledge.materials.Material;
import vn.trolyso.knowledge.materials.MaterialParser;

/** The learning-module template teachers copy from docs/hoc-lieu.md is accepted by the server's own parser. */
class DocsTemplatesTest {
    @Test
    void theLearningModuleTemplateIsAValidModule() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "hoc-lieu.md"), UTF_8);
        int start = doc.indexOf("```markdown\n");
        int end = doc.indexOf("\n```", start + 12);
        assertTrue(start >= 0 && end > start, "no ```markdown block in docs/hoc-lieu.md");
        Material m = MaterialParser.parse("tro-choi-on-tap-truc-tuyen.md", doc.substring(start + 12, end + 1));
        assertEquals("tro-choi-on-tap-truc-tuyen", m.id());
        assertEquals(2, m.checkQuestions().size());
        assertTrue(m.sections().size() >= 3, m.sections().toString());
        CompetencyFramework framework = FrameworkLoader.loadBundled();
        for (String code : m.competencies()) {
            assertTrue(framework.competency(code).isPresent(), "no competency " + code + " in the framework");
        }
    }
}
