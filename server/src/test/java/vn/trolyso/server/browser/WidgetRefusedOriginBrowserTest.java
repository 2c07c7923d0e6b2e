package vn.trolyso.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import vn.trolyso.server.AppServices;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.testing.ScriptedAssistant;
import vn.trolyso.server.testing.TestServers;

/**
 * A school portal on another origin (a tiny static server on 127.0.0.1, the assistant on localhost) embeds the widget:
 * while the server does not allow the portal's origin, the widget says the site is not allowed and names the setting
 * (not "check the network"); once the administrator creates a widget key for that origin, the same page is answered.
 */
class WidgetRefusedOriginBrowserTest {
    private static final String ADMIN = "ma-quan-tri-cors";
    @TempDir
    static Path dataDir;
    static TrolysoServer.Running server;
    static HttpServer portal;
    static String portalOrigin;

    @BeforeAll
    static void start() throws Exception {
        ScriptedAssistant assistant = new ScriptedAssistant(List.of("Câu trả lời của trợ lý."), Duration.ZERO);
        server = TestServers.startWithKnowledge(dataDir, c -> c.adminToken(ADMIN),
                s -> new AppServices.Knowledge(TestServers.corpus(s), assistant));
        portal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        portal.createContext("/", ex -> {
            String query = ex.getRequestURI().getQuery();
            String key = query != null && query.startsWith("key=") ? query.substring(4) : "";
            String page = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cổng thông tin</title>"
                    + "</head><body><h1>Trường THCS thử nghiệm</h1><script src=\"" + server.baseUrl() + "/widget.js\""
                    + (key.matches("[A-Za-z0-9_-]+") ? " data-api-key=\"" + key + "\"" : "") + "></script></body></html>";
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        portal.start();
        portalOrigin = "http://127.0.0.1:" + portal.getAddress().getPort();
        assertTrue(server.baseUrl().startsWith("http://localhost:"), "the two origins differ");
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.stop(0);
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aRefusedPortalIsToldWhyAndAnAdminKeyForItsOriginLetsItIn() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.driver.get(portalOrigin + "/");
            String answer = ask(browser, "Trường có kế hoạch chuyển đổi số không?");
            assertTrue(answer.contains("Trang web " + portalOrigin + " chưa được phép dùng trợ lý"), answer);
            assertTrue(answer.contains("TROLYSO_ALLOWED_ORIGINS"), answer);
            assertFalse(answer.contains("kiểm tra mạng"), answer);
            assertEquals(1, browser.all(".msg.err").size());
            browser.screenshot("widget-origin-refused");

            HttpResponse<String> created = TestServers.send(TestServers.request(server, "/api/v1/keys")
                    .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Cổng thử\",\"scopes\":[\"widget\"],"
                            + "\"allowedOrigins\":[\"" + portalOrigin + "\"]}")).build());
            assertEquals(201, created.statusCode(), created.body());
            String key = new ObjectMapper().readTree(created.body()).get("key").asText();

            browser.driver.get(URI.create(portalOrigin + "/?key=" + key).toString());
            browser.js("sessionStorage.clear();");
            browser.driver.navigate().refresh();
            String answered = ask(browser, "Trường có kế hoạch chuyển đổi số không?");
            assertTrue(answered.startsWith("Câu trả lời của trợ lý."), answered);
            assertTrue(browser.all(".msg.err").isEmpty());
        }
    }

    private static String ask(Browser browser, String question) {
        browser.in("button.bubble").click();
        WebElement input = browser.in("textarea");
        input.sendKeys(question);
        browser.in("button.send").click();
        return browser.waitFor("the answer", d -> browser.all(".msg.bot[aria-busy]").isEmpty()
                && browser.all(".msg.bot").size() > 1 ? browser.all(".msg.bot").getLast() : null)
                .getText().replaceFirst("^Trợ lý số:\\s*", "").strip();
    }
}
