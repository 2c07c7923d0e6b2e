package vn.trolyso.server.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.trolyso.server.TrolysoServer;
import vn.trolyso.server.config.ServerConfig;
import vn.trolyso.server.testing.NginxConfig;
import vn.trolyso.server.testing.TestServers;

/**
 * The nginx example of the operator guide ({@code docs/nginx/trolyso.conf}) in front of a real server: Debian's
 * nginx runs the file with only its ports, name and certificate replaced (a self-signed certificate for localhost,
 * so HTTPS is exercised too), on loopback. Clients are told apart by binding different loopback addresses
 * (127.0.0.2, 127.0.0.3, …), which nginx passes on in X-Forwarded-For. Ollama is a raw-socket stub whose streamed
 * answer holds back everything after its first piece until the test has received that piece through nginx.
 * Skipped (with the reason) where nginx is not installed; {@code ./trolyso test} installs it as root.
 */
class NginxProxyTest {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path EXAMPLE = Path.of("..", "docs", "nginx", "trolyso.conf");
    static final String MODEL = "stub-model:latest";
    static final String TOKEN = "nginx-test-token";
    static final int BURST = 5;

    @TempDir
    static Path dataDir;
    @TempDir
    static Path nginxDir;
    static ServerSocket ollama;
    static CountDownLatch firstPieceSeen = new CountDownLatch(1);
    static final AtomicBoolean restHeld = new AtomicBoolean();
    static TrolysoServer.Running server;
    static Process nginx;
    static int httpsPort;
    static int httpPort;
    static SSLContext tls;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(NGINX), "nginx is not installed (apt-get install nginx-light); "
                + "./trolyso test installs it when run as root");
        ollama = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!ollama.isClosed()) {
                try {
                    Socket s = ollama.accept();
                    Thread.ofVirtual().start(() -> serveOllama(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
        ServerConfig config = ServerConfig.load(Map.of("SERVER_HOST", "127.0.0.1", "SERVER_PORT", "0",
                "TROLYSO_DATA_DIR", dataDir.toString(),
                "OLLAMA_BASE_URL", "http://127.0.0.1:" + ollama.getLocalPort(), "OLLAMA_MODEL", MODEL,
                "TROLYSO_ADMIN_TOKEN", TOKEN, "TROLYSO_TRUSTED_PROXIES", "127.0.0.1",
                "TROLYSO_RATE_BURST", String.valueOf(BURST), "TROLYSO_RATE_PER_MINUTE_IP", String.valueOf(BURST)));
        server = TrolysoServer.start(config);
        TestServers.awaitReady(server);
        TestServers.awaitOllamaReady(server);
        startNginx();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.stop();
        }
        if (ollama != null) {
            ollama.close();
        }
    }

    @Test
    void aChatIsAnsweredOverHttpsAndPlainHttpRedirectsToIt() throws Exception {
        HttpResponse<String> r = client("127.0.0.5").send(post("/api/v1/chat",
                "{\"message\":\"Mục đích của kế hoạch ứng dụng trí tuệ nhân tạo là gì?\"}"), ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"answer\""), r.body());
        HttpResponse<String> page = client("127.0.0.5").send(get("/"), ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<html"), page.body());

        HttpResponse<String> plain = client("127.0.0.5").send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort + "/api/v1/chat")).GET().build(), ofString());
        assertEquals(301, plain.statusCode());
        assertEquals("https://localhost/api/v1/chat", plain.headers().firstValue("Location").orElse(""));
    }

    @Test
    void aStreamedAnswerArrivesPieceByPiece() throws Exception {
        HttpResponse<Stream<String>> r = client("127.0.0.6").send(post("/api/v1/chat/stream",
                "{\"message\":\"Mục đích của kế hoạch ứng dụng trí tuệ nhân tạo là gì?\"}"),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        boolean sawToken = false;
        boolean sawDone = false;
        Iterator<String> lines = r.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            String event = line.startsWith("event:") ? line.substring(6).strip() : "";
            if (event.equals("token") && !sawToken) {
                sawToken = true;
                // The stub is still holding the rest of the answer: this piece came through nginx on its own.
                assertTrue(restHeld.get(), "the rest of the answer was already sent");
                firstPieceSeen.countDown();
            }
            if (event.equals("done")) {
                sawDone = true;
            }
        }
        assertTrue(sawToken && sawDone, "token then done events");
    }

    @Test
    void theRateLimitCountsEachClientBehindTheProxyAndIgnoresTheirOwnForwardedFor() throws Exception {
        HttpClient a = client("127.0.0.2");
        int refusedAt = -1;
        for (int i = 1; i <= BURST + 5 && refusedAt < 0; i++) {
            // Each request claims another client address; nginx appends the real one, which is the one counted.
            HttpResponse<String> r = a.send(HttpRequest.newBuilder(url("/api/v1/materials"))
                    .header("X-Forwarded-For", "10.9.9." + i).GET().build(), ofString());
            if (r.statusCode() == 429) {
                refusedAt = i;
                assertTrue(r.body().contains("\"error\""), r.body());
            } else {
                assertEquals(200, r.statusCode(), r.body());
            }
        }
        assertTrue(refusedAt > 1 && refusedAt <= BURST + 1, "refused at request " + refusedAt);
        HttpResponse<String> b = client("127.0.0.3").send(get("/api/v1/materials"), ofString());
        assertEquals(200, b.statusCode(), "another client behind the same proxy is not limited: " + b.body());
    }

    @Test
    void aDocumentLargerThanNginxsDefaultBodyLimitReachesTheServer() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024];
        String boundary = "nginxtestboundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(UTF_8));
        body.writeBytes(big);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
        HttpResponse<String> r = client("127.0.0.7").send(HttpRequest.newBuilder(url("/api/v1/documents"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), ofString());
        // The server's own verdict on the file (JSON), not nginx's "413 Request Entity Too Large" page.
        assertTrue(r.statusCode() != 413 && r.body().startsWith("{\"error\""), r.statusCode() + " " + r.body());
    }

    static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString(UTF_8);
    }

    static URI url(String path) {
        return URI.create("https://localhost:" + httpsPort + path);
    }

    static HttpRequest get(String path) {
        return HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    static HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, UTF_8)).build();
    }

    /** A client connecting from its own loopback address, as a separate machine behind the proxy would. */
    static HttpClient client(String localAddress) throws IOException {
        return HttpClient.newBuilder().sslContext(tls).localAddress(InetAddress.getByName(localAddress))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static void startNginx() throws Exception {
        httpsPort = freePort();
        httpPort = freePort();
        Path cert = nginxDir.resolve("cert.pem");
        Path key = nginxDir.resolve("key.pem");
        selfSignedCertificate(cert, key);
        String site = Files.readString(EXAMPLE, UTF_8);
        site = replace(site, "server 127.0.0.1:8080;", "server 127.0.0.1:" + server.port() + ";");
        site = replace(site, "listen 443 ssl;", "listen 127.0.0.1:" + httpsPort + " ssl;");
        site = replace(site, "listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        site = replace(site, "/etc/letsencrypt/live/tro-ly-so.truong.edu.vn/fullchain.pem", cert.toString());
        site = replace(site, "/etc/letsencrypt/live/tro-ly-so.truong.edu.vn/privkey.pem", key.toString());
        site = site.replace("tro-ly-so.truong.edu.vn", "localhost");
        Files.writeString(nginxDir.resolve("trolyso.conf"), site);
        String d = nginxDir.toString();
        Files.writeString(nginxDir.resolve("nginx.conf"),
                NginxConfig.main(nginxDir, "    include " + d + "/trolyso.conf;"));
        nginx = new ProcessBuilder(NGINX.toString(), "-e", d + "/error.log", "-p", d, "-c", d + "/nginx.conf",
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(nginxDir.resolve("out.log").toFile())
                .start();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            if (!nginx.isAlive()) {
                fail("nginx exited: " + Files.readString(nginxDir.resolve("out.log")) + logOf("error.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", httpsPort), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        fail("nginx did not listen: " + logOf("error.log"));
    }

    static String logOf(String name) throws IOException {
        Path p = nginxDir.resolve(name);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    /** The example must still contain what the test replaces, or it no longer tests the documented file. */
    static String replace(String text, String what, String with) {
        assertTrue(text.contains(what), "docs/nginx/trolyso.conf no longer contains: " + what);
        return text.replace(what, with);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** keytool (of this JDK) makes the key pair; the key and certificate are written as PEM for nginx. */
    static void selfSignedCertificate(Path certPem, Path keyPem) throws Exception {
        Path p12 = nginxDir.resolve("tls.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "tls", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        PrivateKey privateKey = (PrivateKey) ks.getKey("tls", "changeit".toCharArray());
        Certificate cert = ks.getCertificate("tls");
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(UTF_8));
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(privateKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(certPem, "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cert.getEncoded())));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
    }

    /** Ollama's /api/tags and /api/chat; a streamed answer sends one piece, then waits for the test to see it. */
    static void serveOllama(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            String head = readHead(in);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            String body = new String(in.readNBytes(length), UTF_8);
            if (head.startsWith("GET /api/tags")) {
                respond(out, "{\"models\":[{\"name\":\"" + MODEL + "\",\"model\":\"" + MODEL
                        + "\",\"size\":1,\"details\":{\"format\":\"gguf\"}}]}");
                return;
            }
            if (!body.replace(" ", "").contains("\"stream\":true")) {
                respond(out, "{\"model\":\"" + MODEL + "\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"Mục đích của kế hoạch.\"},\"done\":true,\"done_reason\":\"stop\"}");
                return;
            }
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(UTF_8));
            chunk(out, piece("Kế hoạch nhằm "));
            boolean first = restHeld.compareAndSet(false, true);
            if (first) {
                firstPieceSeen.await(20, TimeUnit.SECONDS);
                restHeld.set(false);
            }
            chunk(out, piece("nâng cao năng lực số [1]."));
            chunk(out, "{\"model\":\"" + MODEL + "\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                    + "\"done\":true,\"done_reason\":\"stop\"}\n");
            out.write("0\r\n\r\n".getBytes(UTF_8));
            out.flush();
        } catch (IOException | InterruptedException ignored) {
            // the client left
        }
    }

    static String piece(String text) {
        return "{\"model\":\"" + MODEL + "\",\"message\":{\"role\":\"assistant\",\"content\":\"" + text
                + "\"},\"done\":false}\n";
    }

    static void respond(OutputStream out, String json) throws IOException {
        byte[] b = json.getBytes(UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                + "\r\nConnection: close\r\n\r\n").getBytes(UTF_8));
        out.write(b);
        out.flush();
    }

    static void chunk(OutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(UTF_8);
        out.write((Integer.toHexString(b.length) + "\r\n").getBytes(UTF_8));
        out.write(b);
        out.write("\r\n".getBytes(UTF_8));
        out.flush();
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (b.size() >= 4 && b.toString(UTF_8).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return b.toString(UTF_8);
    }
}
