package vn.trolyso.server.browser;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The widget's "Tự đánh giá" and "Lộ trình học" tabs in headless Chromium: assess → path → mark done. */
class LearningTabsBrowserTest {
    private static StubChatServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = new StubChatServer();
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
        browser.driver.get(server.base() + "/");
        browser.js("sessionStorage.clear(); localStorage.clear();");
        browser.driver.navigate().refresh();
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
