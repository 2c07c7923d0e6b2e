package vn.trolyso.assistant.extractive;

import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;

/**
 * Whose document an extract quotes, as the answer names it: "Kế hoạch của Ủy ban nhân dân phường Kiến An", "Công
 * văn của Phòng Giáo dục và Đào tạo quận Phú Nhuận", a document without issuer by its title, a training module as
 * "học liệu “…”". A figure from one school's plan is never read as another's.
 */
public final class SourceLabel {
    private static final int MAX_TITLE = 60;

    private SourceLabel() {
    }

    public static String of(DocumentMetadata doc) {
        if (doc.kind() == DocumentKind.MATERIAL) {
            return "học liệu “" + clip(doc.title()) + "”";
        }
        if (doc.kind() == DocumentKind.OFFICIAL && !doc.issuer().isBlank()) {
            String type = doc.type().isBlank() ? "văn bản" : doc.type();
            return type + " của " + doc.issuer();
        }
        return "“" + clip(doc.title()) + "”";
    }

    private static String clip(String title) {
        String t = title.strip().replaceAll("\\s+", " ");
        if (t.length() <= MAX_TITLE) {
            return t;
        }
        int cut = t.lastIndexOf(' ', MAX_TITLE);
        return t.substring(0, cut > 20 ? cut : MAX_TITLE).replaceAll("[,;:.\\s]+$", "") + "…";
    }
}
