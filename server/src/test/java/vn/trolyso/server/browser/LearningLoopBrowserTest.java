package vn.trolyso.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/**
 * Issue 13's loop in real Chromium on the real server (no-LLM mode), at desktop and phone width: a grade-7 pupil takes
 * the adaptive self-assessment, opens the first module of the path, fails its check (not completed, path unchanged),
 * passes on retry (completed, "next" moves on) and asks "tóm tắt bài này", answered citing that module.
 */
class LearningLoopBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROGRESS = Pattern.compile("^Câu (\\d+)/(\\d+) · .+");
    @TempDir
    static Path dataDir;
    private static TrolysoServer.Running server;
    private static Browser browser;

    /** A school module (parents only, so it is not on the pupil's path) whose text is full of HTML and script. */
    static final String HOSTILE = """
            ---
            id: bai-co-ma-doc
            title: "Bài có <b>mã</b> độc"
            competencies: ["4.2"]
            levels: [2]
            audience: [PHHS]
            duration_minutes: 5
            basic: true
            summary: "Tóm tắt <img src=x onerror=window.__pwned=1>"
            ---

            ## Mục <script>window.__pwned=1</script>
            Dòng có <img src=x onerror="window.__pwned=1"> và **chữ đậm**.
            ### Tiêu đề nhỏ <iframe src="javascript:window.__pwned=1"></iframe>
            - [liên kết xấu](javascript:window.__pwned=1)
            - [liên kết tốt](https://example.org/)

            ## Câu hỏi kiểm tra
            1. Câu <img src=x onerror=window.__pwned=1>?
               - [x] Có <script>window.__pwned=1</script>
               - [ ] Không
            2. Câu hai?
               - [ ] A
               - [x] B
            """;

    @BeforeAll
    static void start() throws Exception {
        java.nio.file.Files.createDirectories(dataDir.resolve("materials"));
        java.nio.file.Files.writeString(dataDir.resolve("materials").resolve("bai-co-ma-doc.md"), HOSTILE);
        server = TestServers.start(dataDir, c -> c);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /**
     * Answers the adaptive self-assessment shown in {@code pane} until its result appears, choosing by statement text;
     * checks the "Câu n/total" progress on the way. Returns how many statements were asked.
     */
    static int answerAdaptively(Browser browser, String pane, Function<String, String> choose) {
        int asked = 0;
        while (true) {
            int expected = asked + 1;
            Object state = browser.waitFor("statement " + expected + " or the result", d -> {
                if (!browser.all(pane + " .result").isEmpty()) {
                    return "done";
                }
                List<WebElement> notes = browser.all(pane + " p.note");
                if (notes.isEmpty() || browser.all(pane + " .stmt button").isEmpty()) {
                    return null;
                }
                Matcher m = PROGRESS.matcher(notes.getFirst().getText());
                return m.matches() && Integer.parseInt(m.group(1)) == expected
                        && browser.all(pane + " .stmt button[disabled]").isEmpty() ? m : null;
            });
            if ("done".equals(state)) {
                return asked;
            }
            Matcher m = (Matcher) state;
            assertTrue(Integer.parseInt(m.group(2)) >= expected && Integer.parseInt(m.group(2)) <= 36, m.group());
            String text = browser.in(pane + " p.q").getText();
            browser.in(pane + " .stmt button[data-answer=" + choose.apply(text) + "]").click();
            asked++;
            assertTrue(asked <= 36, "never more than the full form");
        }
    }

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(TestServers.get(server, path).body());
    }

    /** The right options of a module's check, learnt through the API by a throw-away parent profile. */
    private static List<Integer> correctOptions(String moduleId, int questions) throws Exception {
        String probe = JSON.readTree(TestServers.postJson(server, "/api/v1/profile", "{\"role\":\"phu_huynh\"}").body())
                .get("profileId").asText();
        String zeros = "[" + String.join(",", java.util.Collections.nCopies(questions, "0")) + "]";
        JsonNode r = JSON.readTree(TestServers.postJson(server, "/api/v1/progress", "{\"profileId\":\"" + probe
                + "\",\"moduleId\":\"" + moduleId + "\",\"status\":\"done\",\"checkAnswers\":" + zeros + "}").body());
        return JSON.convertValue(r.get("check").get("correctOptions"), JSON.getTypeFactory().constructCollectionType(List.class, Integer.class));
    }

    private static void choose(List<Integer> options) {
        for (int i = 0; i < options.size(); i++) {
            browser.in("#tls-path .check input[name=q" + i + "][value='" + options.get(i) + "']").click();
        }
        browser.in("#tls-path .check button.primary").click();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 360})
    void pupilAssessesFailsPassesAndAsksAboutTheLesson(int width) throws Exception {
        String size = width < 500 ? "phone" : "desktop";
        browser.viewport(width, width < 500 ? 740 : 800);
        browser.driver.get(server.baseUrl() + "/");
        browser.js("sessionStorage.clear(); localStorage.clear();");
        browser.driver.navigate().refresh();
        browser.in("button.bubble").click();
        new Select(browser.in("select[aria-label='Vai trò của bạn']")).selectByValue("hoc_sinh");
        new Select(browser.in("select[aria-label='Lớp']")).selectByValue("7");
        browser.in("#tls-tab-assess").click();

        // A consistent pupil at the target: "có" up to bậc 3, "chưa" above.
        Map<String, Integer> levels = new HashMap<>();
        get("/api/v1/assessment?role=hoc_sinh&grade=7").get("statements")
                .forEach(s -> levels.put(s.get("text").asText(), s.get("level").asInt()));
        browser.waitFor("the first statement", d -> browser.all("#tls-assess p.q").isEmpty() ? null : true);
        assertTrue(browser.in("#tls-assess p.note").getText().startsWith("Câu 1/"), browser.in("#tls-assess p.note").getText());
        browser.screenshot(size + "-adaptive-assessment");
        int asked = answerAdaptively(browser, "#tls-assess", text -> levels.get(text) <= 3 ? "co" : "chua");
        assertEquals(18, asked, "two statements at bậc 3 and one at bậc 4 per domain");
        WebElement result = browser.in("#tls-assess .result");
        assertEquals(6, result.findElements(By.tagName("li")).size());
        assertTrue(result.getText().contains("Bậc 3"), result.getText());
        browser.in("#tls-assess button.primary").click(); // Xem lộ trình học

        String profileId = (String) browser.js("return JSON.parse(localStorage.getItem('trolyso.learner')).profileId;");
        JsonNode pathBefore = get("/api/v1/learning-path?profileId=" + profileId);
        String moduleId = pathBefore.get("next").get("id").asText();
        WebElement first = browser.in("#tls-path .path li");
        assertEquals(moduleId, first.findElement(By.cssSelector("button[data-module]")).getAttribute("data-module"));
        first.findElement(By.cssSelector("button[data-module]")).click();

        JsonNode material = get("/api/v1/materials/" + moduleId);
        assertEquals(material.get("title").asText(), browser.in("#tls-path h3").getText());
        String meta = browser.in("#tls-path h3 + .meta").getText();
        assertTrue(meta.contains(material.get("durationMinutes").asText() + " phút")
                && meta.contains(material.get("competencies").get(0).asText()), meta);
        assertEquals(material.get("sections").size(), browser.all("#tls-path .lesson h4").size());
        browser.screenshot(size + "-module-reader");

        int questions = material.get("checkQuestions").size();
        List<Integer> correct = correctOptions(moduleId, questions);
        List<Integer> wrong = new java.util.ArrayList<>();
        for (int i = 0; i < questions; i++) {
            wrong.add((correct.get(i) + 1) % material.get("checkQuestions").get(i).get("options").size());
        }
        choose(wrong);
        browser.waitFor("the failed result", d -> browser.in("#tls-path .check p.note[role=status]").getText().contains("Chưa đạt") ? true : null);
        assertEquals(questions, browser.all("#tls-path .check fieldset.wrong").size(), "each wrong answer is marked");
        browser.screenshot(size + "-check-failed");
        JsonNode afterFail = get("/api/v1/learning-path?profileId=" + profileId);
        assertEquals(moduleId, afterFail.get("next").get("id").asText(), "path unchanged");
        assertFalse(afterFail.get("modules").get(0).get("done").asBoolean(), "not completed");
        assertEquals("attempted", afterFail.get("modules").get(0).get("status").asText());
        assertEquals(pathBefore.get("remainingMinutes"), afterFail.get("remainingMinutes"));

        choose(correct);
        browser.waitFor("the passed result", d -> browser.in("#tls-path .check p.note[role=status]").getText().contains("Đạt!") ? true : null);
        assertEquals(questions, browser.all("#tls-path .check fieldset.right").size());
        JsonNode afterPass = get("/api/v1/learning-path?profileId=" + profileId);
        assertTrue(afterPass.get("modules").get(0).get("done").asBoolean(), "completed");
        String next = afterPass.get("next").get("id").asText();
        assertNotEquals(moduleId, next, "next moves on");
        assertEquals(next, browser.in("#tls-path button[data-next]").getAttribute("data-next"));
        browser.screenshot(size + "-check-passed");

        browser.in("#tls-path input[aria-label='Câu hỏi về bài này']").sendKeys("tóm tắt bài này");
        browser.in("#tls-path form.ask button.send").click();
        WebElement answer = browser.waitFor("the lesson answer", d -> browser.all(".msg.bot[aria-busy]").isEmpty()
                && browser.all(".msg.bot").size() > 1 ? browser.all(".msg.bot").getLast() : null);
        assertTrue(answer.getText().contains(material.get("summary").asText().substring(0, 20)), answer.getText());
        List<WebElement> cites = answer.findElements(By.cssSelector(".cites summary"));
        assertFalse(cites.isEmpty(), answer.getText());
        assertTrue(cites.getFirst().getText().contains(material.get("title").asText()), cites.getFirst().getText());
        browser.screenshot(size + "-ask-about-lesson");
    }

    @org.junit.jupiter.api.Test
    void noHtmlFromAModuleFileExecutesInTheReader() throws Exception {
        assertEquals(200, TestServers.get(server, "/api/v1/materials/bai-co-ma-doc").statusCode(), "the hostile module loaded");
        String profileId = JSON.readTree(TestServers.postJson(server, "/api/v1/profile", "{\"role\":\"phu_huynh\"}").body())
                .get("profileId").asText();
        browser.viewport(1280, 800);
        browser.driver.get(server.baseUrl() + "/");
        browser.js("sessionStorage.clear(); localStorage.setItem('trolyso.learner', JSON.stringify({profileId: arguments[0],"
                + " role: 'phu_huynh', grade: null}));", profileId);
        browser.driver.navigate().refresh();
        browser.js("window.__pwned = 0;");
        browser.in("button.bubble").click();
        browser.in("#tls-tab-path").click();
        browser.in("#tls-path button[data-module='bai-co-ma-doc']").click();
        assertEquals("Bài có <b>mã</b> độc", browser.in("#tls-path h3").getText(), "markup shown as text");
        assertTrue(browser.in("#tls-path .lesson").getText().contains("<img src=x onerror=\"window.__pwned=1\">"));
        assertEquals(1, browser.all("#tls-path .lesson strong").size(), "**bold** is rendered");
        assertEquals(1, browser.all("#tls-path .lesson h5").size(), "### heading is rendered");
        assertEquals(List.of("https://example.org/"), browser.all("#tls-path .lesson a").stream()
                .map(a -> a.getAttribute("href")).toList(), "only the http(s) link is a link");
        for (String tag : List.of("img", "script", "iframe", "b")) {
            assertTrue(browser.all("#tls-path " + tag).isEmpty(), "no <" + tag + "> element from the file");
        }
        browser.in("#tls-path .check input[name=q0][value='0']").click();
        browser.in("#tls-path .check input[name=q1][value='1']").click();
        browser.in("#tls-path .check button.primary").click();
        browser.waitFor("the check result", d -> browser.in("#tls-path .check p.note[role=status]").getText().contains("Đạt!") ? true : null);
        assertEquals(0L, browser.js("return window.__pwned;"), "nothing from the module executed");
        browser.screenshot("desktop-hostile-module");
    }

    @org.junit.jupiter.api.Test
    void aSuggestedModuleOpensFromTheAnswer() throws Exception {
        browser.viewport(1280, 800);
        browser.driver.get(server.baseUrl() + "/");
        browser.js("sessionStorage.clear(); localStorage.clear();");
        browser.driver.navigate().refresh();
        browser.in("button.bubble").click();
        new Select(browser.in("select[aria-label='Vai trò của bạn']")).selectByValue("hoc_sinh");
        new Select(browser.in("select[aria-label='Lớp']")).selectByValue("7");
        browser.in("textarea").sendKeys("Làm sao nhận biết tin nhắn lừa đảo?");
        browser.in("button.send").click();
        WebElement answer = browser.waitFor("the answer", d -> browser.all(".msg.bot[aria-busy]").isEmpty()
                && browser.all(".msg.bot").size() > 1 ? browser.all(".msg.bot").getLast() : null);
        Matcher suggested = Pattern.compile("Gợi ý học tiếp: (.+)").matcher(answer.getText());
        assertTrue(suggested.find(), answer.getText());
        answer.findElement(By.cssSelector("button[data-open]")).click();
        assertEquals(suggested.group(1).strip(), browser.in("#tls-path h3").getText(), "the suggested module opens");
        assertEquals("true", browser.in("#tls-tab-path").getAttribute("aria-selected"));
    }
}
