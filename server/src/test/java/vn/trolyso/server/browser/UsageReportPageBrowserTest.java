package vn.trolyso.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/** The admin statistics page against the real report API, with question text that tries to be HTML. */
class UsageReportPageBrowserTest {
    private static final String ADMIN = "mat-ma-quan-tri";
    private static final String HOSTILE_QUESTION = "<img src=x onerror=\"window.__pwned=1\"> Trường có kế hoạch dạy bơi không?";
    private static final String HOSTILE_COMMENT = "<script>window.__pwned=2</script>Thiếu tài liệu về bơi";
    private static final String WRONG_QUESTION = "Hạn nộp báo cáo chuyển đổi số là ngày nào?";
    /** 20:30 UTC is 03:30 the next day in Asia/Ho_Chi_Minh: a page showing the browser's own zone would differ. */
    private static final OffsetDateTime ASKED = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)
            .withHour(20).withMinute(30).withSecond(0).withNano(0);
    static TrolysoServer.Running server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(Files.createTempDirectory("trolyso-thong-ke"), c -> c.adminToken(ADMIN), b -> b);
        OffsetDateTime anHourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        try (Connection c = server.services().database().connection()) {
            insert(c, "p1", anHourAgo, "Kinh phí tập huấn Day of AI lấy từ nguồn nào?", "extractive", "ke-hoach", 200);
            insert(c, "p2", anHourAgo, HOSTILE_QUESTION, "refusal", null, 100);
            insert(c, "p3", anHourAgo, "Kế hoạch dạy bơi của trường?", "extractive", "", 300);
            insert(c, "p4", ASKED, WRONG_QUESTION, "extractive", "ke-hoach-chuyen-doi-so", 250);
            insert(c, "p5", anHourAgo, "Xin chào", "refusal", null, 10);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO feedback(message_id, rating, comment) VALUES (?, ?, ?)")) {
                p.setString(1, "p4");
                p.setString(2, "down");
                p.setString(3, "Sai ngày, hạn là 15/10");
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO feedback(message_id, rating, comment) VALUES (?, ?, ?)")) {
                p.setString(1, "p3");
                p.setString(2, "down");
                p.setString(3, HOSTILE_COMMENT);
                p.executeUpdate();
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static void insert(Connection c, String id, OffsetDateTime at, String question, String mode, String cited,
                               int latency) throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO answer_log(message_id, conversation_id, asked_at,"
                + " question, mode, cited_documents, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, "c-" + id);
            p.setObject(3, at);
            p.setString(4, question);
            p.setString(5, mode);
            p.setString(6, cited);
            p.setInt(7, latency);
            p.executeUpdate();
        }
    }

    @Test
    void showsTheReportWithChartsAndRendersDataAsText() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.driver.get(server.baseUrl() + "/admin/thong-ke.html");
            browser.driver.findElement(By.id("token")).sendKeys("sai-ma");
            browser.driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
            browser.waitFor("the wrong-token message", d -> d.findElement(By.id("status")).getText()
                    .equals("Mã quản trị không đúng.") ? true : null);

            browser.driver.findElement(By.id("token")).clear();
            browser.driver.findElement(By.id("token")).sendKeys(ADMIN);
            browser.driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
            WebElement unanswered = browser.waitFor("the report",
                    d -> d.findElement(By.cssSelector("section[data-section=unanswered]")));

            assertEquals("5", text(browser, "[data-card=total] .value"));
            assertEquals("0%", text(browser, "[data-card=ratio] .value"));
            assertEquals(30, browser.driver.findElements(By.cssSelector("section[data-section=per-day] rect[data-day]")).size());
            assertEquals("Trích từ tài liệu 3", text(browser, "tr[data-mode=extractive]"));
            assertEquals("Mô hình ngôn ngữ 0", text(browser, "tr[data-mode=generative]"));
            assertEquals("Khung năng lực 0", text(browser, "tr[data-mode=framework]"));
            assertEquals("Từ chối / không có trong tài liệu 2", text(browser, "tr[data-mode=refusal]"));
            assertEquals("Câu hỏi chưa trả lời được — tài liệu nào còn thiếu?",
                    unanswered.findElement(By.tagName("h2")).getText());
            // the HTML in a question is shown as text (and its different wording makes it a group of its own)
            List<WebElement> groups = unanswered.findElements(By.cssSelector("tbody tr"));
            assertEquals(3, groups.size(), unanswered.getText());
            assertFalse(unanswered.getText().contains("Xin chào"), "a greeting is no unanswered question");
            assertTrue(unanswered.getText().contains("Lời chào và trò chuyện xã giao (1 lần trong kỳ) không được tính."));
            WebElement wrong = browser.driver.findElement(By.cssSelector("section[data-section=possibly-wrong]"));
            assertEquals("Câu trả lời có thể sai — cần xem lại", wrong.findElement(By.tagName("h2")).getText());
            List<WebElement> wrongRows = wrong.findElements(By.cssSelector("tbody tr"));
            assertEquals(1, wrongRows.size(), wrong.getText());
            String row = wrongRows.getFirst().getText();
            assertTrue(row.contains(WRONG_QUESTION) && row.contains("ke-hoach-chuyen-doi-so")
                    && row.contains("Sai ngày, hạn là 15/10"), row);
            assertTrue(row.contains("03:30"), "shown in TROLYSO_TIME_ZONE (Asia/Ho_Chi_Minh), not the browser's: " + row);
            assertTrue(unanswered.getText().contains(HOSTILE_QUESTION), unanswered.getText());
            assertTrue(unanswered.getText().contains("Kế hoạch dạy bơi của trường?"), unanswered.getText());
            assertTrue(browser.driver.findElement(By.cssSelector("section[data-section=feedback]")).getText()
                    .contains(HOSTILE_COMMENT));
            assertEquals(0L, browser.js("return document.querySelectorAll('#report img, #report script').length;"));
            assertEquals(null, browser.js("return window.__pwned === undefined ? null : window.__pwned;"));
            assertTrue(browser.driver.findElement(By.cssSelector("a[href='tien-do.html']")).isDisplayed());
            browser.viewport(1280, 2200);
            assertTrue(Files.size(browser.screenshot("thong-ke")) > 10_000);
            browser.driver.findElement(By.id("csv")).click(); // the shared report-page wiring of admin.js
            browser.waitFor("the CSV download", d -> d.findElement(By.id("status")).getText()
                    .equals("Đã tải tệp CSV.") ? true : null);

            browser.viewport(360, 740);
            assertTrue(Files.size(browser.screenshot("thong-ke-phone")) > 5_000);
            assertEquals(360L, browser.js("return window.innerWidth;"));
            assertEquals(browser.js("return document.documentElement.clientWidth;"),
                    browser.js("return document.documentElement.scrollWidth;"), "nothing wider than the phone");
            browser.viewport(360, 4000);
            browser.screenshot("thong-ke-phone-full");
        }
    }

    private static String text(Browser browser, String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText().replace('\n', ' ');
    }
}
