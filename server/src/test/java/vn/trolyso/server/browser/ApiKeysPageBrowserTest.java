package vn.trolyso.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/** The admin page "Khóa API" in Chromium: a key created there works at once, a key revoked there is refused at once. */
class ApiKeysPageBrowserTest {
    private static final String TOKEN = "ma-quan-tri-trang-khoa";
    private static final String NAME = "Cổng <b>thông tin</b> trường";

    @TempDir
    Path dataDir;

    @Test
    void createsAKeyShownOnceThatWorksAndRevokesIt() throws Exception {
        try (TrolysoServer.Running server = TestServers.start(dataDir,
                c -> c.adminToken(TOKEN).apiKeys(true, List.of()), b -> b);
             Browser browser = Browser.start()) {
            assertEquals(401, materials(server, null).statusCode(), "keys are required on this server");
            browser.driver.get(server.baseUrl() + "/admin/khoa-api.html");
            browser.driver.findElement(By.id("token")).sendKeys(TOKEN);
            browser.driver.findElement(By.cssSelector("#auth button[type=submit]")).click();
            browser.waitFor("the empty list", d -> d.findElement(By.id("keys")).getText()
                    .contains("Chưa có khóa nào") ? true : null);

            browser.driver.findElement(By.id("name")).sendKeys(NAME);
            browser.driver.findElement(By.id("origins")).sendKeys("https://truong.edu.vn");
            browser.driver.findElement(By.id("createButton")).click();
            WebElement secret = browser.waitFor("the new key", d -> {
                WebElement e = d.findElement(By.id("secret"));
                return e.isDisplayed() && e.getText().startsWith("tls_") ? e : null;
            });
            String key = secret.getText();
            assertTrue(browser.driver.findElement(By.id("snippet")).getText().contains("data-api-key=\"" + key + "\""));
            WebElement row = browser.waitFor("the key listed", d -> d.findElement(By.cssSelector("#keys tr[data-id]")));
            assertTrue(row.getText().contains(NAME), row.getText()); // as text, not HTML
            assertTrue(row.getText().contains("Đang dùng"), row.getText());
            assertTrue(row.getText().contains("trò chuyện, học tập"), row.getText());
            assertFalse(row.getText().contains(key), "the list never shows the whole key");
            assertTrue(browser.driver.findElements(By.cssSelector("#keys b")).isEmpty());

            assertEquals(200, materials(server, key).statusCode(), "the new key works at once");
            browser.viewport(1280, 1000);
            assertTrue(Files.size(browser.screenshot("admin-api-keys")) > 10_000);

            row.findElement(By.cssSelector("button.danger")).click();
            Alert confirm = browser.waitFor("the confirmation", ExpectedConditions.alertIsPresent());
            assertTrue(confirm.getText().contains(NAME), confirm.getText());
            confirm.accept();
            browser.waitFor("the key revoked", d -> d.findElement(By.cssSelector("#keys tr[data-id]")).getText()
                    .contains("Đã thu hồi") ? true : null);
            HttpResponse<String> refused = materials(server, key);
            assertEquals(401, refused.statusCode(), "the revoked key is refused at once");
            assertTrue(refused.body().contains("invalid_api_key"), refused.body());

            // an invalid origin is explained in Vietnamese
            browser.driver.findElement(By.id("name")).sendKeys("Sai");
            browser.driver.findElement(By.id("origins")).sendKeys("truong.edu.vn/trang-chu");
            browser.driver.findElement(By.id("createButton")).click();
            browser.waitFor("the refusal", d -> d.findElement(By.id("status")).getText()
                    .contains("không hợp lệ. Hãy ghi dạng https://truong.edu.vn") ? true : null);
        }
    }

    private static HttpResponse<String> materials(TrolysoServer.Running server, String key) {
        var b = TestServers.request(server, "/api/v1/materials").GET();
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return TestServers.send(b.build());
    }
}
