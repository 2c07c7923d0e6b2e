package vn.trolyso.knowledge.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import vn.trolyso.knowledge.document.PlainTextCleaner;

/**
 * Turns an uploaded file into clean Vietnamese text. The type is detected from the content (magic bytes and
 * structure), never from the file name: PDF, DOCX, HTML, Markdown or UTF-8 plain text. The text then gets the clean-up
 * the bundled corpus gets ({@link PlainTextCleaner}: NFC, broken lines rejoined, page numbers dropped, tables as rows
 * with headers), after running headers/footers of PDFs are removed page by page. Every refusal is an
 * {@link IngestException} with a stable code and a Vietnamese message. Thread-safe.
 */
public final class DocumentExtractor {
    private static final Pattern HTML_START = Pattern.compile("(?i)^\\s*(<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>])");
    private static final Pattern HTML_CLOSING_TAG = Pattern.compile("(?i)</(p|div|h[1-6]|table|ul|ol|article|body|html)>");
    private static final Pattern MARKDOWN = Pattern.compile(
            "(?m)^\\s{0,3}#{1,6}\\s+\\S|\\[[^\\]\\n]+]\\([^)\\n]+\\)|\\*\\*[^*\\n]+\\*\\*|^\\s*\\|.*\\|\\s*$|^\\s{0,3}```");

    private final IngestLimits limits;

    public DocumentExtractor(IngestLimits limits) {
        this.limits = limits;
    }

    public IngestLimits limits() {
        return limits;
    }

    public ExtractedDocument extract(byte[] content) {
        if (content.length > limits.maxFileBytes()) {
            throw tooLarge(content.length, limits.maxFileBytes());
        }
        if (content.length == 0) {
            throw empty();
        }
        DocumentFormat format = detect(content);
        String text = switch (format) {
            case PDF -> String.join("\n\n", RepeatedLinesRemover.clean(
                    PdfTextExtractor.pages(content).stream().map(DocumentExtractor::normalise).toList()));
            case DOCX -> DocxTextExtractor.extract(content);
            case HTML -> HtmlTextExtractor.extract(TextDecoder.decode(content));
            case MARKDOWN -> MarkdownTextExtractor.extract(TextDecoder.decode(content));
            case TEXT -> TextDecoder.decode(content);
        };
        String raw = TextCleanup.clean(normalise(text));
        String clean = PlainTextCleaner.clean(raw);
        if (clean.codePoints().noneMatch(Character::isLetter)) {
            throw empty();
        }
        // Metadata is read from the lines as laid out, before the cleaner joins them into paragraphs.
        return new ExtractedDocument(format, clean, MetadataGuesser.guess(raw));
    }

    /** Detects the format from the bytes alone. */
    public DocumentFormat detect(byte[] content) {
        if (startsWithAscii(content, "%PDF-")) {
            return DocumentFormat.PDF;
        }
        if (TextDecoder.startsWith(content, 'P', 'K', 3, 4)) {
            Set<String> entries = ZipGuard.entryNames(content, limits);
            if (entries.contains("word/document.xml")) {
                return DocumentFormat.DOCX;
            }
            throw unsupported("Tệp nén (ZIP) này không phải văn bản Word DOCX.");
        }
        if (TextDecoder.startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw legacyOrEncryptedOffice(content);
        }
        if (startsWithAscii(content, "\u007fELF") || startsWithAscii(content, "MZ")
                || TextDecoder.startsWith(content, 0xFF, 0xD8, 0xFF) || TextDecoder.startsWith(content, 0x89, 'P', 'N', 'G')) {
            throw unsupported("");
        }
        String text = TextDecoder.decode(content);
        if (text.isBlank()) {
            throw empty();
        }
        String head = text.length() > 20_000 ? text.substring(0, 20_000) : text;
        if (HTML_START.matcher(head).find() || HTML_CLOSING_TAG.matcher(head).find()) {
            return DocumentFormat.HTML;
        }
        if (MARKDOWN.matcher(head).find()) {
            return DocumentFormat.MARKDOWN;
        }
        return DocumentFormat.TEXT;
    }

    /** The refusal for a file over the size limit (also used before reading a file into memory). */
    public static IngestException tooLarge(long size, long limit) {
        return new IngestException("too_large", String.format(Locale.ROOT,
                "Tệp quá lớn (%.1f MB). Giới hạn hiện tại là %.0f MB.", size / 1048576.0, limit / 1048576.0));
    }

    private static IngestException legacyOrEncryptedOffice(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            if (fs.getRoot().hasEntry("EncryptedPackage")) {
                return new IngestException("encrypted_document", "Tệp Word được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu"
                        + " rồi tải lên lại.");
            }
        } catch (IOException | RuntimeException e) {
            return new IngestException("corrupt_document", "Tệp bị hỏng, không đọc được nội dung.", e);
        }
        return unsupported("Định dạng Word/Excel cũ (.doc, .xls) chưa được hỗ trợ: hãy lưu lại thành .docx.");
    }

    private static IngestException unsupported(String detail) {
        String message = "Định dạng tệp không được hỗ trợ. Chỉ nhận PDF, DOCX, HTML, Markdown và văn bản thuần (UTF-8).";
        return new IngestException("unsupported_type", detail.isEmpty() ? message : detail + " " + message);
    }

    private static IngestException empty() {
        return new IngestException("empty_document", "Tệp không có nội dung văn bản.");
    }

    private static boolean startsWithAscii(byte[] content, String prefix) {
        int[] bytes = prefix.chars().toArray();
        return TextDecoder.startsWith(content, bytes);
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    }
}
