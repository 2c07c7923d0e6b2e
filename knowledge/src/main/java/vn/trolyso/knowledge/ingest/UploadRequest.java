package vn.trolyso.knowledge.ingest;

/**
 * An upload as received: the file's bytes and what the administrator typed. Blank metadata is guessed from the text.
 *
 * @param content  the file's bytes
 * @param fileName the name the file had on the administrator's machine (shown in lists; never used for detection)
 * @param title    optional title
 * @param issuer   optional issuing body
 * @param date     optional date as written ("5/9/2025", "tháng 9/2025")
 * @param type     optional document type ("Kế hoạch", "Công văn", …)
 */
public record UploadRequest(byte[] content, String fileName, String title, String issuer, String date, String type) {
    public UploadRequest {
        fileName = fileName == null || fileName.isBlank() ? "tai-lieu" : fileName.strip();
        title = blankToEmpty(title);
        issuer = blankToEmpty(issuer);
        date = blankToEmpty(date);
        type = blankToEmpty(type);
    }

    public static UploadRequest of(byte[] content, String fileName) {
        return new UploadRequest(content, fileName, "", "", "", "");
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
