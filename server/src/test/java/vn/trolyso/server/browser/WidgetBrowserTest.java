package vn.trolyso.server.browser;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.trolyso.assistant.answering.AssistantFactory;
import vn.trolyso.assistant.answering.AssistantSettings;
import vn.trolyso.knowledge.KnowledgeBase;
import vn.trolyso.knowledge.KnowledgeSources;
import vn.trolyso.knowledge.document.DocumentSource;
import vn.trolyso.knowledge.framework.FrameworkLoader;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The widget in a real headless Chromium against the real server (bundled corpus, no-LLM mode) with one extra indexed
 * document full of HTML payloads: chat over SSE, citations, feedback stored, nothing from a question, an answer or a
 * document executes, keyboard, reload, phone width; and the learning tabs: adaptive assessment → path → module read (not completed), kept across a reload.
 */
class WidgetBrowserTest {
    private static final String ADMIN = "ma-quan-tri-widget";
    @TempDir
    static Path dataDir;
    private static TrolysoServer.Running server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.startWithKnowledge(dataDir, c -> c.adminToken(ADMIN), services -> {
            List<DocumentSource> sources = new ArrayList<>(KnowledgeSources.defaults(dataDir));
            sources.add(new HostileDocumentSource());
            KnowledgeBase kb = KnowledgeBase.open(dataDir, sources);
            return new AppServices.Knowledge(kb,
                    AssistantFactory.create(kb, FrameworkLoader.loadBundled(), AssistantSettings.defaults()));
        });
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

    @BeforeEach
    void freshPage() {
        browser.viewport(1280, 800);
        browser.driver.get(server.baseUrl() + "/");
        browser.js("sessionStorage.clear(); localStorage.clear();");
        browser.driver.navigate().refresh();
        // Records which API calls the widget makes, to tell the streamed path from the fallback.
        browser.js("window.__calls = []; const f = window.fetch;"
                + "window.fetch = (u, o) => { window.__calls.push(String(u).replace(/^https?:\\/\\/[^/]+/, '')); return f(u, o); };");
    }

    private WebElement lastAnswer() {
        return browser.waitFor("a finished answer", d -> browser.all(".msg.bot[aria-busy]").isEmpty()
                && browser.all(".msg.bot").size() > 1 ? browser.all(".msg.bot").getLast() : null);
    }

    private String lastMessageId() {
        return (String) browser.js("return JSON.parse(sessionStorage.getItem('trolyso.chat')).messages.at(-1).messageId;");
    }

    @Test
    void streamsACitedAnswerFromTheCorpusAndStoresFeedback() throws Exception {
        browser.in("button.bubble").click();
        assertEquals("textarea Câu hỏi", browser.focused(), "opening the panel focuses the input");
        browser.screenshot("desktop-open");

        browser.in(".sugg button").click();
        WebElement answer = lastAnswer();
        assertEquals(List.of("/api/v1/chat/stream"), browser.js("return window.__calls;"), "answered over SSE");
        WebElement cite = answer.findElement(By.cssSelector(".cite"));
        cite.click();
        WebElement note = browser.waitFor("an open footnote", d -> browser.all(".cites details[open]").stream()
                .findFirst().orElse(null));
        assertTrue(note.getText().contains("Kiến An"), note.getText());
        assertTrue(browser.all(".sugg button").stream().noneMatch(WebElement::isDisplayed), "starters hide once asked");
        browser.screenshot("desktop-answer");

        String messageId = lastMessageId();
        browser.in(".fb button[data-rating=up]").click();
        browser.waitFor("thumbs up pressed",
                d -> "true".equals(browser.in(".fb button[data-rating=up]").getDomAttribute("aria-pressed")) ? true : null);
        assertEquals("up", storedRating(messageId), "the feedback is in the database");

        browser.driver.navigate().refresh();
        browser.waitFor("the restored conversation", d -> browser.all(".msg.user").size() == 1 ? true : null);
        assertEquals("true", browser.in(".fb button[data-rating=up]").getDomAttribute("aria-pressed"),
                "conversation and rating kept across reload");

        browser.in(".panel header button").click(); // Cuộc trò chuyện mới
        browser.waitFor("an empty conversation", d -> browser.all(".msg.user").isEmpty() ? true : null);
        assertTrue(browser.in(".sugg button").isDisplayed(), "starters come back with a new conversation");
    }

    @Test
    void htmlInQuestionsAnswersAndDocumentsNeverExecutes() throws Exception {
        browser.in("button.bubble").click();
        String hostile = "Chỉ tiêu là gì? <img src=x onerror=\"window.__xss='question'\"><script>window.__xss='q2'</script>";
        browser.in("textarea").sendKeys(hostile, Keys.ENTER);
        lastAnswer();
        assertEquals("Bạn: " + hostile, browser.all(".msg.user").getLast().getDomProperty("textContent"));

        browser.in("textarea").sendKeys(HostileDocumentSource.QUESTION, Keys.ENTER);
        browser.waitFor("two answers", d -> browser.all(".msg.bot .fb").size() == 2 ? true : null);
        WebElement answer = lastAnswer();
        List<WebElement> notes = answer.findElements(By.cssSelector(".cites details"));
        WebElement hostileNote = notes.stream().filter(n -> n.getDomProperty("textContent").contains("máy chiếu"))
                .findFirst().orElseThrow(() -> new AssertionError("the hostile document is cited: " + answer.getText()));
        hostileNote.findElement(By.tagName("summary")).click();
        assertTrue(hostileNote.getText().contains("<img src=x"), "document HTML is shown as text: " + hostileNote.getText());
        browser.screenshot("desktop-hostile");

        assertNull(browser.js("return window.__xss;"), "no HTML from a question, answer or document executed");
        assertTrue(browser.all(".msg img, .msg script, .msg b, .msg iframe, .msg a[href^=javascript]").isEmpty(),
                "HTML stays text");

        browser.viewport(360, 740);
        browser.screenshot("phone-answer");
        browser.in("textarea").sendKeys(Keys.ESCAPE);
        browser.waitFor("the panel closed", d -> browser.all(".panel").getFirst().isDisplayed() ? null : true);
        assertEquals("button Mở Trợ lý số", browser.focused(), "Esc closes and returns focus to the bubble");
    }

    @Test
    void fallsBackToPlainChatWhenStreamingFails() {
        browser.js("const f = window.fetch; window.fetch = (u, o) => String(u).endsWith('/chat/stream')"
                + " ? Promise.reject(new TypeError('blocked')) : f(u, o);");
        browser.in("button.bubble").click();
        browser.in(".sugg button").click();
        WebElement answer = lastAnswer();
        assertEquals(List.of("/api/v1/chat"), browser.js("return window.__calls;"), "answered by POST /api/v1/chat");
        assertFalse(answer.findElements(By.cssSelector(".cite")).isEmpty(), "the fallback answer keeps its citations");
        assertFalse(answer.findElements(By.cssSelector(".fb")).isEmpty(), "and can be rated");
    }

    @Test
    void assessesThenFollowsTheLearningPathAndKeepsTheProfile() throws Exception {
        browser.in("button.bubble").click();
        browser.in("#tls-tab-assess").click();
        assertTrue(browser.in("#tls-assess .note").getText().contains("chọn vai trò"), "asks for a role first");
        new Select(browser.in("select[aria-label='Vai trò của bạn']")).selectByValue("giao_vien");
        String[] answers = {"co", "mot_phan", "chua"};
        int asked = LearningLoopBrowserTest.answerAdaptively(browser, "#tls-assess", text -> answers[text.length() % 3]);
        assertTrue(asked >= 6 && asked <= 36, "asked " + asked);
        WebElement result = browser.in("#tls-assess .result");
        assertEquals(6, result.findElements(By.tagName("li")).size(), "one estimate per framework domain");
        assertTrue(result.getText().contains("Bậc") && result.getText().contains("mục tiêu: bậc 5"), result.getText());
        browser.in("#tls-assess button.primary").click(); // Xem lộ trình học

        WebElement firstModule = browser.in("#tls-path .path li");
        String title = firstModule.findElement(By.tagName("strong")).getText();
        browser.screenshot("desktop-path");
        firstModule.findElement(By.cssSelector("button[data-module]")).click();
        assertEquals(title, browser.in("#tls-path h3").getText(), "the module reader opens");
        browser.in("#tls-path button[data-read]").click();
        browser.waitFor("read recorded", d -> browser.all("#tls-path span.ok").isEmpty() ? null : true);
        browser.in("#tls-path button.link").click(); // ← Lộ trình học
        browser.waitFor("the path shows the module as read",
                d -> browser.all("#tls-path .path li[data-status=read]").size() == 1 ? true : null);
        assertTrue(browser.all("#tls-path .path li.done").isEmpty(), "read is not completed");

        String profileId = (String) browser.js("return JSON.parse(localStorage.getItem('trolyso.learner')).profileId;");
        String path = TestServers.get(server, "/api/v1/learning-path?profileId=" + profileId).body();
        assertTrue(path.contains("\"status\":\"read\"") && !path.contains("\"done\":true"), "stored on the server: " + path);

        browser.driver.navigate().refresh();
        browser.waitFor("the path after a reload", d -> browser.all("#tls-path .path li[data-status=read]").size() == 1 ? true : null);
        browser.viewport(360, 740);
        browser.screenshot("phone-path");
    }

    @Test
    void thumbsAreSvgIconsWithNamesAndADownVoteTakesACommentAndCanBeChanged() throws Exception {
        browser.in("button.bubble").click();
        browser.in(".sugg button").click();
        lastAnswer();
        String messageId = lastMessageId();
        List<WebElement> thumbs = browser.all(".fb button");
        assertEquals(2, thumbs.size());
        assertEquals("Câu trả lời hữu ích", thumbs.get(0).getDomAttribute("aria-label"));
        assertEquals("Câu trả lời chưa hữu ích", thumbs.get(1).getDomAttribute("aria-label"));
        for (WebElement thumb : thumbs) {
            assertEquals(1, thumb.findElements(By.cssSelector("svg path")).size(), "an inline SVG icon");
            assertEquals("", thumb.getText(), "no emoji that renders as an empty box without an emoji font");
        }

        browser.in(".fb button[data-rating=down]").click();
        WebElement comment = browser.in(".fbc textarea");
        assertEquals("textarea Góp ý thêm", browser.focused(), "the comment box takes the focus after 👎");
        assertEquals("down", storedRating(messageId), "the vote counts before any comment");
        comment.sendKeys("Thiếu thời gian cụ thể của từng đợt");
        browser.in(".fbc button").click();
        browser.waitFor("the comment sent", d -> browser.all(".fbc").isEmpty() ? true : null);
        assertEquals("true", browser.in(".fb button[data-rating=down]").getDomAttribute("aria-pressed"));
        assertEquals(List.of("down|Thiếu thời gian cụ thể của từng đợt"), storedRatings(messageId));
        // …and fills the admin page's "Góp ý kèm đánh giá chưa hài lòng"
        var comments = TestServers.send(TestServers.request(server, "/api/v1/reports/feedback?rating=down")
                .header("Authorization", "Bearer " + ADMIN).GET().build());
        assertEquals(200, comments.statusCode(), comments.body());
        assertTrue(comments.body().contains("\"comment\":\"Thiếu thời gian cụ thể của từng đợt\""), comments.body());

        browser.in(".fb button[data-rating=up]").click(); // changing one's mind changes the vote, never adds one
        browser.waitFor("thumbs up pressed",
                d -> "true".equals(browser.in(".fb button[data-rating=up]").getDomAttribute("aria-pressed")) ? true : null);
        assertEquals(List.of("up|null"), storedRatings(messageId));
        browser.screenshot("widget-feedback");
    }

    private static List<String> storedRatings(String messageId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = server.services().database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT rating, comment FROM feedback WHERE message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getString(2));
                }
            }
        }
        return out;
    }

    private static String storedRating(String messageId) throws Exception {
        try (Connection c = server.services().database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT rating FROM feedback WHERE message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
