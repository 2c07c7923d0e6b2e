package vn.trolyso.server.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The widget in a real headless Chromium against a running server: chat, citations, feedback, hostile HTML. */
class WidgetBrowserTest {
    private static StubChatServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = new StubChatServer();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @BeforeEach
    void freshPage() {
        browser.viewport(1280, 800);
        browser.driver.get(server.base() + "/");
        browser.js("sessionStorage.clear(); localStorage.clear();");
        browser.driver.navigate().refresh();
    }

    @Test
    void asksStreamsCitesRatesAndNeverRunsHtml() throws Exception {
        browser.in("button.bubble").click();
        WebElement input = browser.in("textarea");
        assertEquals("textarea Câu hỏi", browser.focused(), "opening the panel focuses the input");
        browser.screenshot("desktop-open");

        String hostile = "Chỉ tiêu là gì? <img src=x onerror=\"window.__xss=4\"><script>window.__xss=5</script>";
        input.sendKeys(hostile, Keys.ENTER);
        WebElement answer = browser.waitFor(d -> browser.all(".msg.bot .fb").isEmpty() ? null
                : browser.all(".msg.bot").getLast());
        assertTrue(answer.getText().contains("chỉ tiêu"), answer.getText());
        assertEquals("Bạn: " + hostile, browser.all(".msg.user").getLast().getDomProperty("textContent"));
        WebElement cite = browser.in(".msg.bot .cite");
        cite.click();
        WebElement note = browser.waitFor(d -> browser.all(".cites details[open]").stream().findFirst().orElse(null));
        assertTrue(note.getText().contains("II. Chỉ tiêu"), note.getText());
        browser.screenshot("desktop-answer");

        browser.in(".fb button[data-rating=up]").click();
        browser.waitFor(d -> "true".equals(browser.in(".fb button[data-rating=up]").getDomAttribute("aria-pressed")));
        assertEquals(1, server.feedback.size());
        assertEquals("up", server.feedback.getFirst().get("rating").asText());

        assertNull(browser.js("return window.__xss;"), "no HTML from a question, answer or document executed");
        assertTrue(browser.all(".msg img, .msg script, .msg b, .msg i").isEmpty(), "HTML stays text");

        browser.driver.navigate().refresh();
        browser.waitFor(d -> browser.all(".msg.user").size() == 1 ? true : null);
        assertTrue(browser.in(".msg.bot .cite").isDisplayed(), "conversation kept across reload");

        browser.viewport(360, 740);
        browser.screenshot("phone-answer");
        browser.in("textarea").sendKeys(Keys.ESCAPE);
        browser.waitFor(d -> browser.all(".panel").getFirst().isDisplayed() ? null : true);
        assertFalse(browser.all(".panel").getFirst().isDisplayed(), "Esc closes the panel");
        assertEquals("button Mở Trợ lý số", browser.focused(), "focus returns to the bubble");
    }

    @Test
    void fallsBackToPlainChatWhenStreamingFails() {
        browser.js("const f = window.fetch; window.fetch = (u, o) => String(u).endsWith('/chat/stream')"
                + " ? Promise.reject(new TypeError('blocked')) : f(u, o);");
        browser.in("button.bubble").click();
        browser.in(".sugg button").click();
        WebElement answer = browser.waitFor(d -> browser.all(".msg.bot .fb").isEmpty() ? null
                : browser.all(".msg.bot").getLast());
        assertTrue(answer.getText().contains("chỉ tiêu"), answer.getText());
        assertFalse(browser.all(".msg.bot .cite").isEmpty(), "the fallback answer keeps its citations");
    }

    @Test
    void assessesThenFollowsTheLearningPath() throws Exception {
        browser.in("button.bubble").click();
        browser.in("[role=tab]#tls-tab-assess").click();
        assertTrue(browser.in("#tls-assess .note").getText().contains("chọn vai trò"));
        new Select(browser.in("select[aria-label='Vai trò của bạn']")).selectByValue("giao_vien");
        List<WebElement> statements = browser.waitFor(d -> browser.all("#tls-assess .stmt").isEmpty() ? null
                : browser.all("#tls-assess .stmt"));
        browser.in("#tls-assess button.primary").click();
        assertTrue(browser.in("#tls-assess [role=status]").getText().contains("chưa chọn"), "unanswered statements are reported");
        String[] answers = {"co", "mot_phan", "chua"};
        for (int i = 0; i < statements.size(); i++) {
            statements.get(i).findElement(By.cssSelector("input[value=" + answers[i % 3] + "]")).click();
        }
        browser.screenshot("desktop-assessment");
        browser.in("#tls-assess button.primary").click();
        WebElement result = browser.in("#tls-assess .result");
        assertTrue(result.getText().contains("Bậc"), result.getText());
        browser.in("#tls-assess button.primary").click();

        WebElement firstModule = browser.in("#tls-path .path li");
        String title = firstModule.findElement(By.tagName("strong")).getText();
        browser.screenshot("desktop-path");
        firstModule.findElement(By.cssSelector("button[data-module]")).click();
        browser.waitFor(d -> browser.all("#tls-path .path li.done").size() == 1 ? true : null);
        assertEquals(title, browser.in("#tls-path .path li.done strong").getText());
        assertTrue(browser.in("#tls-path .note").getText().startsWith("Đã học 1/"), browser.in("#tls-path .note").getText());
        browser.viewport(360, 740);
        browser.screenshot("phone-path");
    }
}
