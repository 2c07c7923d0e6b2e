package vn.trolyso.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/** {@code /openapi/ui} in Chromium: Swagger UI renders openapi.yaml from the server's own assets, nothing else. */
class OpenApiUiBrowserTest {
    @TempDir
    Path dataDir;

    @Test
    void rendersTheApiDescriptionFromTheServersOwnAssets() throws Exception {
        try (TrolysoServer.Running server = TestServers.start(dataDir, c -> c, b -> b);
             Browser browser = Browser.start()) {
            browser.driver.get(server.baseUrl() + "/openapi/ui");
            browser.waitFor("the operations", d -> d.findElements(By.cssSelector(".opblock-summary-path")).size() > 30
                    ? true : null);
            String paths = browser.driver.findElements(By.cssSelector(".opblock-summary-path")).stream()
                    .map(e -> e.getAttribute("data-path")).toList().toString();
            assertTrue(paths.contains("/v1/chat/completions") && paths.contains("/api/v1/conversations/{id}"), paths);
            assertTrue(browser.driver.findElement(By.cssSelector(".info .title")).getText().contains("Trợ lý số API"));
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) browser.js(
                    "return performance.getEntriesByType('resource').map(e => e.name);");
            assertTrue(loaded.size() >= 4, loaded.toString());
            List<String> elsewhere = loaded.stream().filter(u -> !u.startsWith(server.baseUrl())).toList();
            assertEquals(List.of(), elsewhere, "every asset comes from the server (no CDN)");
            browser.viewport(1280, 1000);
            assertTrue(Files.size(browser.screenshot("openapi-ui")) > 10_000);
        }
    }
}
