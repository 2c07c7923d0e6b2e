package vn.trolyso.knowledge.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** Text of a PDF, page by page (so headers and footers repeated on every page can be recognised). */
final class PdfTextExtractor {
    /** Fewer letters than this in the whole file means there is no usable text layer. */
    private static final int MIN_LETTERS = 20;

    private PdfTextExtractor() {
    }

    static List<String> pages(byte[] content) {
        try (PDDocument doc = Loader.loadPDF(content)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw encrypted(null);
            }
            int count = doc.getNumberOfPages();
            if (count == 0) {
                throw new IngestException("empty_document", "Tệp PDF không có trang nào.");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<String> pages = new ArrayList<>(count);
            int letters = 0;
            for (int p = 1; p <= count; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                letters += (int) text.codePoints().filter(Character::isLetter).count();
                pages.add(text);
            }
            if (letters < MIN_LETTERS) {
                if (hasImages(doc)) {
                    throw new IngestException("scanned_pdf", "Tệp PDF là bản quét (chỉ có hình ảnh, không có lớp văn"
                            + " bản). Hệ thống không hỗ trợ OCR: hãy tải lên bản PDF xuất từ Word hoặc tệp DOCX.");
                }
                throw new IngestException("empty_document", "Tệp PDF không có nội dung văn bản.");
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw encrypted(e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IngestException ie) {
                throw ie;
            }
            throw new IngestException("corrupt_document", "Tệp PDF bị hỏng, không đọc được nội dung.", e);
        }
    }

    private static IngestException encrypted(Exception cause) {
        return new IngestException("encrypted_document", "Tệp PDF được bảo vệ bằng mật khẩu hoặc cấm trích xuất"
                + " nội dung. Hãy gỡ mật khẩu rồi tải lên lại.", cause);
    }

    private static boolean hasImages(PDDocument doc) throws IOException {
        for (PDPage page : doc.getPages()) {
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
