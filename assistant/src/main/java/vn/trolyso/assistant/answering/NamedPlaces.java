package vn.trolyso.assistant.answering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.text.IssuerPlace;
import vn.trolyso.knowledge.text.VietnameseText;

/**
 * The school, ward or district a question names, matched to the documents that place issued: "Phường Kiến An đặt
 * chỉ tiêu gì…" (or "kien an …", typed without diacritics) names the plan of "Ủy ban nhân dân phường Kiến An", and
 * its passages answer before another place's. The place is the issuer's ({@link IssuerPlace}).
 */
final class NamedPlaces {
    private NamedPlaces() {
    }

    /** The issuing documents among {@code passages} whose place the question names, by document id. */
    static Map<String, DocumentMetadata> named(String question, List<Passage> passages) {
        String asked = " " + words(question) + " ";
        Map<String, DocumentMetadata> out = new LinkedHashMap<>();
        for (Passage p : passages) {
            DocumentMetadata doc = p.document();
            if (doc.kind() != DocumentKind.OFFICIAL || out.containsKey(doc.id())) {
                continue;
            }
            properName(doc.issuer()).filter(name -> asked.contains(" " + name + " "))
                    .ifPresent(name -> out.put(doc.id(), doc));
        }
        return out;
    }

    /** "Ủy ban nhân dân phường Kiến An" → "kien an"; "Trường tiểu học Ngô Gia Tự" → "ngo gia tu"; folded. */
    static Optional<String> properName(String issuer) {
        return IssuerPlace.of(issuer).map(NamedPlaces::words);
    }

    private static String words(String text) {
        return VietnameseText.fold(text).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
