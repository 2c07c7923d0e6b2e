package vn.trolyso.server.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
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

    @Test
    void asksStreamsCitesRatesAndNeverRunsHtml() throws Exception {
        browser.viewport(1280, 800);
        browser.driver.get(server.base() + "/");
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
    }
}
