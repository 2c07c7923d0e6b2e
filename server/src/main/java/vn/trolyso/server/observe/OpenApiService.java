package vn.trolyso.server.observe;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Serves the hand-written API description {@code openapi.yaml} at {@code /openapi}, and a page to read it at
 * {@code /openapi/ui}: Swagger UI from its webjar on the classpath (no CDN — schools may be offline).
 */
public final class OpenApiService implements HttpService {
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    /** The webjar files the page uses (nothing else of the jar is served). */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png");
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
              <meta charset="utf-8">
              <title>Trợ lý số — tài liệu API</title>
              <link rel="stylesheet" href="/openapi/ui/swagger-ui.css">
              <link rel="icon" type="image/png" href="/openapi/ui/favicon-32x32.png">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/openapi/ui/swagger-ui-bundle.js"></script>
              <script src="/openapi/ui/swagger-ui-standalone-preset.js"></script>
              <script src="/openapi/ui/init.js"></script>
            </body>
            </html>
            """;
    private static final String INIT = """
            window.ui = SwaggerUIBundle({
              url: '/openapi', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null,
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout'
            });
            """;

    private final byte[] document;
    private final String assets;

    public OpenApiService() {
        document = resource("/openapi.yaml");
        Properties pom = new Properties();
        try (InputStream in = OpenApiService.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assets = WEBJAR + pom.getProperty("version") + "/";
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/openapi", this::send)
                .get("/openapi/ui", (req, res) -> text(res, "text/html; charset=utf-8", PAGE))
                .get("/openapi/ui/{file}", this::asset);
    }

    private void send(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "application/yaml; charset=utf-8");
        res.send(document);
    }

    private void asset(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        if (file.equals("init.js")) {
            text(res, "text/javascript; charset=utf-8", INIT);
            return;
        }
        String type = ASSETS.get(file);
        if (type == null) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=86400");
        res.send(resource(assets + file));
    }

    private static void text(ServerResponse res, String type, String body) {
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.send(body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] resource(String path) {
        try (InputStream in = OpenApiService.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
