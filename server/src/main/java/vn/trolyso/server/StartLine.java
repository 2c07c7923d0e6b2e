package vn.trolyso.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.trolyso.assistant.llm.OllamaStatus;

/**
 * What the server prints once it listens, for the person who started it: the addresses users type (the machine's
 * LAN addresses when it listens on every interface, since staff reach it from other machines), the answering mode,
 * and why Ollama is not used, in plain Vietnamese / English rather than exception names.
 */
final class StartLine {
    private StartLine() {
    }

    /** The whole message (several lines). */
    static String text(String host, int port, List<String> lanAddresses, OllamaStatus ollama, URI ollamaUrl,
                       Path dataDir) {
        StringBuilder b = new StringBuilder("Trợ lý số đang chạy / is running:");
        for (String url : urls(host, port, lanAddresses)) {
            b.append("\n  ").append(url);
        }
        if (isWildcard(host) && lanAddresses.isEmpty()) {
            b.append("\n  (không tìm thấy địa chỉ mạng LAN nào của máy này / no LAN address found)");
        }
        b.append("\n  Chế độ / mode: ").append(mode(ollama, ollamaUrl));
        b.append("\n  Dữ liệu / data: ").append(dataDir.toAbsolutePath().normalize());
        return b.toString();
    }

    /**
     * The URLs to open: on a wildcard host, localhost then every LAN address; on a loopback host, localhost only;
     * otherwise the bound host.
     */
    static List<String> urls(String host, int port, List<String> lanAddresses) {
        List<String> urls = new ArrayList<>();
        if (isWildcard(host)) {
            urls.add("http://localhost:" + port + "/   (máy này / this machine)");
            for (String ip : lanAddresses) {
                urls.add("http://" + ip + ":" + port + "/   (mạng LAN / LAN)");
            }
        } else if (isLoopback(host)) {
            urls.add("http://localhost:" + port + "/   (chỉ máy này / this machine only, SERVER_HOST=" + host + ")");
        } else {
            urls.add("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/");
        }
        return urls;
    }

    /** The answering mode and, when Ollama is not used, the reason in words an IT teacher can act on. */
    static String mode(OllamaStatus s, URI url) {
        String model = s.model();
        return switch (s.state()) {
            case "ready" -> "trả lời bằng mô hình ngôn ngữ " + model + " qua Ollama tại " + url
                    + " / generative (" + model + " via Ollama at " + url + ")";
            case "disabled" -> "chỉ trả lời từ tài liệu, chưa bật mô hình ngôn ngữ"
                    + " / answers from the documents only, no language model configured";
            case "model_missing" -> "chỉ trả lời từ tài liệu: Ollama tại " + url + " chưa có mô hình " + model
                    + " (chạy: ollama pull " + model + ") / answers from the documents only: Ollama has no model "
                    + model + " (run: ollama pull " + model + ")";
            default -> "chỉ trả lời từ tài liệu: " + unreachable(s.detail(), url)
                    + " / answers from the documents only: " + unreachableEnglish(s.detail(), url);
        };
    }

    private static String unreachable(String detail, URI url) {
        String reason = reasonOf(detail);
        return switch (reason) {
            case "connection_refused" -> "không kết nối được Ollama tại " + url
                    + " (Ollama chưa chạy, hoặc OLLAMA_BASE_URL sai)";
            case "first_token_timeout", "deadline_exceeded" -> "Ollama tại " + url + " không trả lời kịp";
            case "server_error" -> "Ollama tại " + url + " báo lỗi";
            case "malformed_stream" -> "địa chỉ " + url + " không trả lời như Ollama (OLLAMA_BASE_URL sai?)";
            default -> "không dùng được Ollama tại " + url;
        };
    }

    private static String unreachableEnglish(String detail, URI url) {
        String reason = reasonOf(detail);
        return switch (reason) {
            case "connection_refused" -> "cannot connect to Ollama at " + url + " (not running, or wrong OLLAMA_BASE_URL)";
            case "first_token_timeout", "deadline_exceeded" -> "Ollama at " + url + " did not answer in time";
            case "server_error" -> "Ollama at " + url + " answered with an error";
            case "malformed_stream" -> url + " does not answer like Ollama (wrong OLLAMA_BASE_URL?)";
            default -> "Ollama at " + url + " is not usable";
        };
    }

    /** The probe's detail starts with the failure reason's API name, e.g. "connection_refused: ClosedChannel…". */
    private static String reasonOf(String detail) {
        int colon = detail == null ? -1 : detail.indexOf(':');
        return colon < 0 ? "" : detail.substring(0, colon).strip();
    }

    static boolean isWildcard(String host) {
        return host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /** Every IPv4 address of this machine's interfaces that are up, except loopback and link-local (169.254.x). */
    static List<String> lanAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : nic.inetAddresses().toList()) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        out.add(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        out.sort(Comparator.naturalOrder());
        return out.stream().distinct().toList();
    }
}
