package vn.trolyso.knowledge.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentCardTest {
    @Test
    void statesIssuerPlaceDateAndSignerAfterTheDocumentsChunks() {
        DocumentMetadata doc = new DocumentMetadata("kh", "Kế hoạch tập huấn", "Ủy ban nhân dân phường Đồ Sơn",
                "Hải Phòng", "2025", "Kế hoạch", DocumentKind.OFFICIAL, "kh.txt");
        List<Chunk> chunks = DocumentCard.appendTo(List.of(new Chunk("kh", 0, "I. MỤC ĐÍCH", "Nội dung.")), doc,
                "Phạm Hoàng Tuấn (Phó Chủ tịch)");
        assertEquals(2, chunks.size());
        Chunk card = chunks.get(1);
        assertEquals("kh#1", card.id());
        assertEquals(DocumentCard.SECTION, card.sectionPath());
        assertEquals("Đơn vị ban hành: Ủy ban nhân dân phường Đồ Sơn (2025).\n"
                + "Ủy ban nhân dân phường Đồ Sơn thuộc địa bàn Hải Phòng.\n"
                + "Người ký văn bản của Ủy ban nhân dân phường Đồ Sơn: Phạm Hoàng Tuấn (Phó Chủ tịch).", card.text());
    }

    @Test
    void statesTheDocumentsOwnNumberWhenItsHeaderGivesOne() {
        DocumentMetadata doc = new DocumentMetadata("kh", "Kế hoạch", "Ủy ban nhân dân phường Kiến An", "", "",
                "Kế hoạch", DocumentKind.OFFICIAL, "kh.txt");
        String card = DocumentCard.of(doc, "", Optional.of("125/KH-UBND"), List.of()).orElseThrow().text();
        assertTrue(card.endsWith(
                "\n" + DocumentCard.NUMBER_LABEL + " của Ủy ban nhân dân phường Kiến An: 125/KH-UBND."), card);
        assertFalse(DocumentCard.of(doc, "", Optional.empty(), List.of()).orElseThrow().text()
                .contains(DocumentCard.NUMBER_LABEL));
    }

    @Test
    void aDocumentWithoutIssuerHasNoCard() {
        DocumentMetadata doc = new DocumentMetadata("x", "Ghi chú", "", "", "", "", DocumentKind.OFFICIAL, "x.txt");
        assertTrue(DocumentCard.of(doc, "", List.of()).isEmpty());
    }
}
