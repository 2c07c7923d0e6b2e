package vn.trolyso.knowledge.document;

import java.util.Objects;

/**
 * What a citation shows about a document.
 *
 * @param id     stable identifier (for bundled files: the file name without extension)
 * @param title  full Vietnamese title
 * @param issuer issuing body, e.g. "Ủy ban nhân dân phường Kiến An" (may be empty)
 * @param place  place, e.g. "Hải Phòng" (may be empty)
 * @param date   date as written by the document, e.g. "tháng 9/2025" (may be empty)
 * @param type   document type, e.g. "Kế hoạch", "Công văn", "Tài liệu học tập" (may be empty)
 * @param kind   official document, framework passage or training material
 * @param source where the text came from (file name), for administrators
 */
public record DocumentMetadata(String id, String title, String issuer, String place, String date,
                               String type, DocumentKind kind, String source) {
    public DocumentMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        issuer = issuer == null ? "" : issuer;
        place = place == null ? "" : place;
        date = date == null ? "" : date;
        type = type == null ? "" : type;
        source = source == null ? "" : source;
    }
}
