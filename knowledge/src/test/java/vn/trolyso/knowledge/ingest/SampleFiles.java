package vn.trolyso.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Generates real Vietnamese PDF and DOCX files for the tests (PDFBox with an embedded Unicode font, POI). Public
 * because the server's tests use it through this module's test-jar.
 */
public final class SampleFiles {
    public static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private SampleFiles() {
    }

    /** A PDF whose pages are drawn from the given lines; a null header/footer is left out. */
    public static byte[] pdf(List<List<String>> pages, String header, String footer) {
        assertTrue(Files.isReadable(FONT), "The tests need fonts-dejavu-core (" + FONT + "); ./trolyso test installs it");
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, FONT.toFile());
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    if (header != null) {
                        text(cs, font, 9, 50, 800, header);
                    }
                    float y = 760;
                    for (String line : pages.get(p)) {
                        text(cs, font, 12, 60, y, line);
                        y -= 18;
                    }
                    if (footer != null) {
                        text(cs, font, 9, 260, 30, footer.replace("{page}", String.valueOf(p + 1))
                                .replace("{pages}", String.valueOf(pages.size())));
                    }
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encryptedPdf(List<String> lines) {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf(List.of(lines), null, null))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("chu-so-huu", "mat-khau", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A "scanned" PDF: one page holding only an image, no text layer. */
    public static byte[] scannedPdf() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.drawString("scan", 20, 50);
            g.dispose();
            PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(xobject, 50, 500, 400, 200);
            }
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX with paragraphs, an optional table (first row = headers) and a page header and footer. */
    public static byte[] docx(List<String> paragraphs, List<List<String>> table, String header, String footer) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (header != null) {
                doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(header);
            }
            if (footer != null) {
                doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(footer);
            }
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            if (table != null) {
                XWPFTable t = doc.createTable(table.size(), table.getFirst().size());
                for (int r = 0; r < table.size(); r++) {
                    for (int c = 0; c < table.get(r).size(); c++) {
                        t.getRow(r).getCell(c).setText(table.get(r).get(c));
                    }
                }
                doc.createParagraph().createRun().setText("Kết thúc bảng phân công.");
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small ZIP that looks like a DOCX but inflates to {@code inflatedBytes} of zeros. */
    public static byte[] zipBomb(long inflatedBytes) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < inflatedBytes; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
