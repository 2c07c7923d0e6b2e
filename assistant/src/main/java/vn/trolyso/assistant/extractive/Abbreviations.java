package vn.trolyso.assistant.extractive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.trolyso.assistant.text.Terms;

/**
 * Expansions of the administrative abbreviations (knowledge's {@code text/viet-abbreviations.tsv}), folded, so a
 * question saying "CBQL" matches a sentence saying "cán bộ quản lý" and the other way round. Ambiguous
 * abbreviations (TT: Thông tư | trung tâm) keep every expansion.
 */
final class Abbreviations {
    private static final String RESOURCE = "/text/viet-abbreviations.tsv";
    /** Forms the bundled documents use that the shared list does not have yet. */
    private static final Map<String, List<String>> EXTRA = Map.of(
            "csgd", List.of("co so giao duc"),
            "gd", List.of("giao duc"),
            "tp", List.of("thanh pho"),
            "bdhvs", List.of("binh dan hoc vu so"));
    private static final Map<String, List<String>> EXPANSIONS = load();

    private Abbreviations() {
    }

    /** Folded expansions of a raw token, or an empty list when it is not an abbreviation. */
    static List<String> expansions(String rawToken) {
        return EXPANSIONS.getOrDefault(Terms.fold(rawToken), List.of());
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> map = new HashMap<>(EXTRA);
        try (InputStream in = Abbreviations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return map;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 2) {
                    continue;
                }
                List<String> alternatives = new ArrayList<>();
                for (String expansion : cols[1].split("\\|")) {
                    alternatives.add(String.join(" ", Terms.tokens(expansion).stream().map(Terms::fold).toList()));
                }
                map.put(Terms.fold(cols[0].strip()), List.copyOf(alternatives));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
