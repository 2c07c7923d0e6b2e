package vn.trolyso.server.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What an API client may do. A widget key may only chat (and rate answers); a portal key may also read. */
public enum Scope {
    /** Chat, streaming chat and feedback on answers. */
    CHAT,
    /** Passage search. */
    SEARCH,
    /** The list of indexed documents. */
    DOCUMENTS,
    /** The competency framework endpoints. */
    FRAMEWORK,
    /** The learning endpoints (materials, assessment, progress). */
    LEARNING;

    /** Preset for the embeddable widget: chat plus its "Tự đánh giá" and "Lộ trình học" tabs. */
    public static final Set<Scope> WIDGET = Set.copyOf(EnumSet.of(CHAT, LEARNING));
    /** Preset for a school portal calling the API from its server. */
    public static final Set<Scope> PORTAL = Set.copyOf(EnumSet.allOf(Scope.class));

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst();
    }

    /**
     * Parses "chat+search", "widget", "portal" or a list of those.
     *
     * @throws IllegalArgumentException on an unknown name
     */
    public static Set<Scope> parse(Iterable<String> names) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String raw : names) {
            for (String name : raw.split("[+\\s]+")) {
                String n = name.strip().toLowerCase(Locale.ROOT);
                if (n.isEmpty()) {
                    continue;
                }
                switch (n) {
                    case "widget" -> scopes.addAll(WIDGET);
                    case "portal" -> scopes.addAll(PORTAL);
                    default -> scopes.add(fromApiName(n).orElseThrow(
                            () -> new IllegalArgumentException("Unknown API scope '" + n + "'")));
                }
            }
        }
        return Set.copyOf(scopes);
    }
}
