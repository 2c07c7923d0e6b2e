package vn.trolyso.eval.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** The bench's clients: streamed chats sent to {@code POST /api/v1/chat/stream}, each timed event by event. */
final class ChatStreamClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTERRUPTED_NOTICE = "Câu trả lời bị gián đoạn";
    private static final List<String> QUESTIONS = List.of(
            "Mục đích của kế hoạch ứng dụng trí tuệ nhân tạo trong giáo dục là gì?",
            "Phong trào Bình dân học vụ số nhằm mục tiêu gì?",
            "Kế hoạch đặt ra những chỉ tiêu nào cho năm 2025?",
            "Giáo viên cần được bồi dưỡng những kỹ năng số nào?",
            "Kinh phí thực hiện kế hoạch lấy từ đâu?");

    /**
     * One client's view of one stream (times from {@link System#nanoTime()}; 0 = never).
     *
     * @param generation the stub's generation number the first token names, -1 when unknown
     * @param notice     the answer carried the "interrupted" notice
     */
    record Stream(int status, long sentAt, long firstTokenAt, long doneAt, int generation, String mode,
                  boolean notice, String error, List<Long> tokenTimes) {
        /** When the client last heard of the stream, relative to sending. */
        long endedAfter() {
            return Math.max(doneAt, tokenTimes.isEmpty() ? sentAt : tokenTimes.getLast()) - sentAt;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;

    ChatStreamClient(URI streamUri) {
        this.uri = streamUri;
    }

    /** {@code n} streams at once (the bundled questions in turn), each left after {@code leaveAfter} if positive. */
    List<Stream> concurrently(int n, Duration leaveAfter) {
        List<CompletableFuture<Stream>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String question = QUESTIONS.get(i % QUESTIONS.size());
            all.add(CompletableFuture.supplyAsync(() -> stream(question, leaveAfter),
                    Executors.newVirtualThreadPerTaskExecutor()));
        }
        return all.stream().map(CompletableFuture::join).toList();
    }

    /** Sends one streamed chat and reads its events; leaves after {@code leaveAfter} when it is positive. */
    private Stream stream(String question, Duration leaveAfter) {
        long sent = System.nanoTime();
        List<Long> tokenTimes = new ArrayList<>();
        long first = 0;
        int generation = -1;
        String mode = null;
        String error = null;
        boolean notice = false;
        long done = 0;
        int status = 0;
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(180))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"message\":" + JSON.writeValueAsString(question)
                            + "}", StandardCharsets.UTF_8)).build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            if (status != 200) {
                String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                return new Stream(status, sent, 0, 0, -1, null, false, "HTTP " + status + " "
                        + JSON.readTree(body).path("error").path("code").asText("?"), tokenTimes);
            }
            try (InputStream body = response.body();
                 BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String event = "message";
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (leaveAfter.isPositive() && System.nanoTime() - sent > leaveAfter.toNanos()) {
                        break; // the person closes the tab: closing the body drops the connection
                    }
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        if (event.equals("token") && first != 0) {
                            // the client's own cost stays small: only the first token's JSON is parsed
                            notice |= line.contains(INTERRUPTED_NOTICE);
                            tokenTimes.add(now);
                            continue;
                        }
                        JsonNode data = JSON.readTree(line.substring(5).strip());
                        switch (event) {
                            case "token" -> {
                                String text = data.path("text").asText();
                                first = now;
                                if (text.startsWith("g")) {
                                    generation = parseGeneration(text);
                                }
                                notice |= text.contains(INTERRUPTED_NOTICE);
                                tokenTimes.add(now);
                            }
                            case "done" -> {
                                done = now;
                                mode = data.path("mode").asText();
                                notice |= data.path("answer").asText().contains(INTERRUPTED_NOTICE);
                            }
                            case "error" -> error = "error event " + data.path("code").asText();
                            default -> {
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            error = error == null ? e.getClass().getSimpleName() : error;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        return new Stream(status, sent, first, done, generation, mode, notice, error, tokenTimes);
    }

    private static int parseGeneration(String text) {
        try {
            return Integer.parseInt(text.substring(1).strip().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
