package vn.trolyso.knowledge.ingest;

/** The file formats the extractor reads, as detected from the content. */
public enum DocumentFormat {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    HTML("text/html", "html"),
    MARKDOWN("text/markdown", "md"),
    TEXT("text/plain", "txt");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** File extension used when the original is stored. */
    public String extension() {
        return extension;
    }
}
