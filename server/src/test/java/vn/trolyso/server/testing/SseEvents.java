package vn.trolyso.server.testing;

import java.util.ArrayList;
import java.util.List;

/** Parses a Server-Sent Events body into its events (name + data), in order. */
public final class SseEvents {
    public record Event(String name, String data) {
    }

    private SseEvents() {
    }

    public static List<Event> parse(String body) {
        List<Event> events = new ArrayList<>();
        String name = "message";
        StringBuilder data = null;
        for (String line : body.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(name, data.toString()));
                }
                name = "message";
                data = null;
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String d = line.substring(5);
                d = d.startsWith(" ") ? d.substring(1) : d;
                data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
            }
        }
        if (data != null) {
            events.add(new Event(name, data.toString()));
        }
        return events;
    }
}
