package vn.trolyso.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/** The learning-progress admin page against the real report API: token check, groups, chart and table. */
class ProgressReportPageBrowserTest {
    private static final String ADMIN = "mat-ma-tien-do";
    private static final String SCHOOL = "Trường Tiểu học Đoàn Lập";

    @Test
    void showsStaffAndPupilGroupsForASchool(@TempDir Path dataDir) throws Exception {
        try (TrolysoServer.Running server = TestServers.start(dataDir, c -> c.adminToken(ADMIN), b -> b)) {
            for (String profile : new String[] {"{\"role\":\"giao_vien\",\"school\":\"" + SCHOOL + "\"}",
                    "{\"role\":\"hoc_sinh\",\"grade\":4,\"school\":\"" + SCHOOL + "\"}"}) {
                assertEquals(201, TestServers.postJson(server, "/api/v1/profile", profile).statusCode());
            }
            try (Browser browser = Browser.start()) {
                browser.driver.get(server.baseUrl() + "/admin/tien-do.html");
                browser.driver.findElement(By.id("token")).sendKeys("sai-ma");
                browser.driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
                browser.waitFor("the wrong-token message", d -> d.findElement(By.id("status")).getText()
                        .equals("Mã quản trị không đúng.") ? true : null);

                browser.driver.findElement(By.id("token")).clear();
                browser.driver.findElement(By.id("token")).sendKeys(ADMIN);
                browser.driver.findElement(By.id("school")).sendKeys(SCHOOL);
                browser.driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
                WebElement staff = browser.waitFor("the staff group",
                        d -> d.findElement(By.cssSelector("section[data-group=staff]")));
                assertTrue(staff.getText().contains("(1 người)"), staff.getText());
                assertTrue(staff.findElements(By.cssSelector("svg rect")).size() > 0, "a chart");
                assertTrue(staff.getText().contains("Chưa đạt"), staff.getText());
                WebElement pupils = browser.driver.findElement(By.cssSelector("section[data-group=pupils]"));
                assertTrue(pupils.getText().contains("(1 người)"), pupils.getText());
                assertTrue(browser.driver.findElement(By.id("status")).getText().contains(SCHOOL));
                // the same clock as the other admin pages: the server's TROLYSO_TIME_ZONE, named
                assertTrue(browser.driver.findElement(By.id("status")).getText().endsWith("(múi giờ Asia/Ho_Chi_Minh)."),
                        browser.driver.findElement(By.id("status")).getText());
                browser.screenshot("tien-do");

                browser.driver.findElement(By.id("csv")).click(); // the shared report-page wiring of admin.js
                browser.waitFor("the CSV download", d -> d.findElement(By.id("status")).getText()
                        .equals("Đã tải tệp CSV.") ? true : null);
                browser.driver.findElement(By.id("token")).clear();
                browser.driver.findElement(By.id("csv")).click();
                browser.waitFor("the missing-token message", d -> d.findElement(By.id("status")).getText()
                        .equals("Hãy nhập mã quản trị.") ? true : null);
            }
        }
    }
}
