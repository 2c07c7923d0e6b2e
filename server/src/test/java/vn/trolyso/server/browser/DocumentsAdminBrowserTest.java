package vn.trolyso.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.SampleModules;
import vn.trolyso.server.testing.TestServers;

/**
 * The document admin page in headless Chromium against the real server (production wiring, bundled corpus): enter the
 * token, upload a Vietnamese text file through the file input, watch it get indexed, find it through the search API,
 * delete it through the page's confirmation, watch it go. The title carries an HTML payload that must stay text.
 */
class DocumentsAdminBrowserTest {
    private static final String TOKEN = "browser-admin-token";
    private static final String TITLE = "Lịch trực thư viện <img src=x onerror=\"window.__xss=1\">";
    private static final String TEXT = "Thư viện trường mở cửa cho học sinh đọc sách vào giờ ra chơi buổi sáng. "
            + "Cô Nguyễn Thị Hạnh trực thư viện từ thứ Hai đến thứ Sáu, học sinh mượn tối đa hai cuốn sách mỗi tuần.";
    private static final String QUERY = "cô Hạnh trực thư viện mượn sách";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path files;
    private static TrolysoServer.Running server;

    @BeforeAll
    static void start() {
        server = TestServers.start(dataDir, c -> c.adminToken(TOKEN));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void uploadsIndexesAndDeletesADocumentWithoutRunningItsTitle() throws Exception {
        Path file = Files.writeString(files.resolve("lich-truc-thu-vien.txt"), TEXT, StandardCharsets.UTF_8);
        try (Browser browser = Browser.start()) {
            browser.viewport(1280, 800);
            browser.driver.get(server.baseUrl() + "/admin/tai-lieu.html");
            browser.driver.findElement(By.id("token")).sendKeys(TOKEN);
            browser.driver.findElement(By.cssSelector("#auth button[type=submit]")).click();
            browser.waitFor("the bundled documents", d -> d.findElements(By.cssSelector("#documents tr")).isEmpty() ? null : true);

            browser.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.driver.findElement(By.cssSelector("#upload input[name=title]")).sendKeys(TITLE);
            browser.driver.findElement(By.id("uploadButton")).click();
            WebElement row = browser.waitFor("the uploaded row, indexed", d -> {
                WebElement r = uploadedRow(browser);
                return r != null && r.getText().contains("Đã lập chỉ mục") ? r : null;
            });
            String id = row.getDomAttribute("data-id");
            assertTrue(row.getText().startsWith(TITLE), "the title is shown as text: " + row.getText());
            assertTrue(row.getText().contains("Trường tải lên") && row.getText().contains("TEXT"), row.getText());
            browser.waitFor("the indexer idle", d -> d.findElement(By.id("indexing")).getText().startsWith("Sẵn sàng") ? true : null);
            browser.waitFor("the upload reported indexed", d -> d.findElement(By.id("status")).getText()
                    .startsWith("Đã lập chỉ mục xong “" + TITLE + "”") ? true : null);
            assertTrue(searchIds().contains(id), "searchable through the API");
            assertTrue(browser.driver.findElements(By.cssSelector("#documents img")).isEmpty(), "no element from the title");
            browser.viewport(1280, 1000); // tall enough to show the top of the list
            assertTrue(Files.size(browser.screenshot("admin-documents")) > 10_000);

            row.findElement(By.cssSelector("button.danger")).click();
            Alert confirm = browser.waitFor("the confirmation", ExpectedConditions.alertIsPresent());
            assertTrue(confirm.getText().contains(TITLE), confirm.getText());
            confirm.accept();
            browser.waitFor("the row gone", d -> uploadedRow(browser) == null ? true : null);
            assertTrue(browser.driver.findElement(By.id("status")).getText().startsWith("Đã xóa “" + TITLE + "”"));
            browser.waitFor("the indexer idle", d -> d.findElement(By.id("indexing")).getText().startsWith("Sẵn sàng") ? true : null);
            browser.waitFor("the deletion reported done", d -> d.findElement(By.id("status")).getText()
                    .endsWith("chỉ mục đã cập nhật.") ? true : null);
            assertFalse(searchIds().contains(id), "no longer searchable");
            assertNull(browser.js("return window.__xss;"), "the title never ran as HTML");
        }
    }

    @Test
    void addsALearningModuleAndShowsWhyAMalformedOneIsRefused() throws Exception {
        String module = SampleModules.module("tro-choi-on-tap-truc-tuyen", "Trò chơi ôn tập trực tuyến", "");
        Path good = Files.writeString(files.resolve("tro-choi.md"), module, StandardCharsets.UTF_8);
        Path bad = Files.writeString(files.resolve("sai.md"), module.replace("[\"5.3\"]", "[\"9.9\"]"),
                StandardCharsets.UTF_8);
        try (Browser browser = Browser.start()) {
            browser.viewport(1280, 800);
            browser.driver.get(server.baseUrl() + "/admin/tai-lieu.html");
            browser.driver.findElement(By.id("token")).sendKeys(TOKEN);
            browser.driver.findElement(By.cssSelector("#auth button[type=submit]")).click();
            browser.waitFor("the document list", d -> d.findElements(By.cssSelector("#documents tr")).isEmpty() ? null : true);

            browser.driver.findElement(By.id("materialFile")).sendKeys(bad.toAbsolutePath().toString());
            browser.driver.findElement(By.id("materialButton")).click();
            WebElement status = browser.waitFor("the refusal", d -> {
                WebElement e = d.findElement(By.id("status"));
                return e.getText().contains("9.9") ? e : null;
            });
            assertEquals("error", status.getDomAttribute("class"), status.getText());

            browser.driver.findElement(By.id("materialFile")).sendKeys(good.toAbsolutePath().toString());
            browser.driver.findElement(By.id("materialButton")).click();
            browser.waitFor("the module indexed", d -> d.findElement(By.id("status")).getText()
                    .startsWith("Đã lập chỉ mục xong học liệu “Trò chơi ôn tập trực tuyến”") ? true : null);
        }
        HttpResponse<String> listed = TestServers.send(TestServers.request(server, "/api/v1/materials/tro-choi-on-tap-truc-tuyen")
                .header("Authorization", "Bearer " + TOKEN).build());
        assertEquals(200, listed.statusCode(), listed.body());
    }

    private static WebElement uploadedRow(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#documents tr")).stream()
                .filter(r -> r.getText().contains("Trường tải lên")).findFirst().orElse(null);
    }

    private static List<String> searchIds() throws IOException {
        HttpResponse<String> r = TestServers.send(TestServers.request(server, "/api/v1/search?k=5&q="
                + URLEncoder.encode(QUERY, StandardCharsets.UTF_8)).header("Authorization", "Bearer " + TOKEN).build());
        assertEquals(200, r.statusCode(), r.body());
        List<String> ids = new ArrayList<>();
        new ObjectMapper().readTree(r.body()).get("hits").forEach(h -> ids.add(h.get("documentId").asText()));
        return ids;
    }
}
