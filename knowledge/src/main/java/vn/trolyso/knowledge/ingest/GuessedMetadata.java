package vn.trolyso.knowledge.ingest;

/**
 * What the text of a Vietnamese administrative document says about itself. Empty strings when not found.
 *
 * @param title  e.g. "Kế hoạch triển khai Phong trào …" or, for an official letter, the "V/v" subject
 * @param issuer issuing body from the header, e.g. "Ủy ban nhân dân phường Kiến An"
 * @param place  place from the date line, e.g. "Kiến An"
 * @param date   "5/9/2025", "tháng 9/2025" or "2025", as precise as the document is
 * @param type   "Kế hoạch", "Công văn", "Quyết định", …
 * @param number document number, e.g. "12/KH-UBND" (or "/KH-UBND" when the number is left blank)
 */
public record GuessedMetadata(String title, String issuer, String place, String date, String type, String number) {
    public static final GuessedMetadata NONE = new GuessedMetadata("", "", "", "", "", "");
}
