package vn.trolyso.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.trolyso.knowledge.framework.Competency;
import vn.trolyso.knowledge.framework.CompetencyFramework;
import vn.trolyso.knowledge.framework.FrameworkLoader;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.TestServers;

/** The teachers' framework explorer in headless Chromium, against the real service with anonymous (default) access. */
class FrameworkExplorerBrowserTest {
    private static CompetencyFramework framework;
    private static TrolysoServer.Running server;

    @BeforeAll
    static void start() throws Exception {
        framework = FrameworkLoader.loadBundled();
        server = TestServers.start(Files.createTempDirectory("trolyso-explorer"), c -> c, b -> b.framework(framework));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tableCellsShowDescriptorsAndAGradeHighlightsItsLevel() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.driver.get(server.baseUrl() + "/khung-nang-luc-so.html");
            List<WebElement> cells = browser.waitFor(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("td.kn-cell"));
                return found.size() == 24 * 5 ? found : null;
            });
            assertEquals(24 * 5, cells.size());
            assertEquals(6, browser.driver.findElements(By.cssSelector("tr.kn-domain")).size());

            Competency programming = framework.competency("3.4").orElseThrow();
            browser.driver.findElement(By.cssSelector("td.kn-cell[data-code='3.4'][data-bac='4']")).click();
            WebElement detail = browser.driver.findElement(By.id("kn-detail"));
            browser.waitFor(d -> detail.getText().contains("3.4.TC2a") ? detail : null);
            assertTrue(detail.getText().contains(programming.descriptor(4).orElseThrow()), detail.getText());
            assertTrue(detail.getText().contains("Bậc 4 (TC2"), detail.getText());

            WebElement gap = browser.driver.findElement(By.cssSelector("td.kn-cell[data-code='6.1'][data-bac='1']"));
            assertEquals("Không có mô tả", gap.getText());

            new Select(browser.driver.findElement(By.id("kn-grade"))).selectByValue("8");
            browser.waitFor(d -> d.findElement(By.id("kn-grade-info")).getText().startsWith("Lớp 8 → bậc 4") ? true : null);
            List<WebElement> highlighted = browser.driver.findElements(By.cssSelector(".kn-highlight"));
            assertEquals(1 + 24, highlighted.size(), "the level-4 header and its 24 cells");
            assertTrue(highlighted.stream().allMatch(e -> "4".equals(e.getAttribute("data-bac"))));
            assertTrue(browser.driver.findElement(By.id("kn-sources")).getText().contains("Thông tư 02/2025/TT-BGDĐT"));
            assertTrue(Files.size(browser.screenshot("khung-nang-luc-so")) > 10_000);
        }
    }

    @Test
    void demoPageFooterLinksToTheExplorer() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.driver.get(server.baseUrl() + "/");
            WebElement link = browser.waitFor(d -> d.findElement(By.cssSelector("footer a[href='/khung-nang-luc-so.html']")));
            assertEquals("Tra cứu khung năng lực số", link.getText());
        }
    }
}
