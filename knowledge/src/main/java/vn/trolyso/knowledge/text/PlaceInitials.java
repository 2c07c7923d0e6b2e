package vn.trolyso.knowledge.text;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The initials people type for the places and schools whose documents the knowledge base holds: "PN" for Phú Nhuận,
 * "KA" for Kiến An, "ĐS" for Đồ Sơn, "NGT" for Ngô Gia Tự ("CBQL, GV ở PN phải …", "KH BDHVS phường KA"). Learned
 * from the documents' issuers, so a ward's own deployment knows its own places; initials two places share are left
 * out, and the bundled abbreviations win over these ({@link Abbreviations#withLearned}).
 */
public final class PlaceInitials {
    private PlaceInitials() {
    }

    /** Initials → place name ("PN" → "Phú Nhuận"), from the issuers of the knowledge base's documents. */
    public static Map<String, String> learn(Iterable<String> issuers) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> shared = new HashSet<>();
        for (String issuer : issuers) {
            Optional<String> place = IssuerPlace.of(issuer);
            if (place.isEmpty()) {
                continue;
            }
            String name = place.get();
            StringBuilder initials = new StringBuilder();
            for (String syllable : name.split("\\s+")) {
                initials.appendCodePoint(syllable.codePointAt(0));
            }
            String key = initials.toString();
            String before = out.putIfAbsent(key, name);
            if (before != null && !before.equals(name)) {
                shared.add(key);
            }
        }
        shared.forEach(out::remove);
        return out;
    }
}
