package vn.trolyso.assistant.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;

class SourceLabelTest {
    @Test
    void anOfficialDocumentIsNamedByItsTypeAndIssuer() {
        assertEquals("Kế hoạch của Ủy ban nhân dân phường Kiến An", SourceLabel.of(new DocumentMetadata("k",
                "Kế hoạch triển khai Phong trào", "Ủy ban nhân dân phường Kiến An", "", "", "Kế hoạch",
                DocumentKind.OFFICIAL, "")));
        assertEquals("văn bản của Trường THCS Lê Lợi", SourceLabel.of(new DocumentMetadata("l", "Nội quy",
                "Trường THCS Lê Lợi", "", "", "", DocumentKind.OFFICIAL, "")));
    }

    @Test
    void withoutIssuerTheTitleIsQuotedAndClipped() {
        String label = SourceLabel.of(new DocumentMetadata("d", "Điều 27. Trách nhiệm của Phòng Thanh tra Pháp chế "
                + "và Đảm bảo Chất lượng trong công tác tổ chức thi", "", "", "", "", DocumentKind.OFFICIAL, ""));
        assertTrue(label.startsWith("“Điều 27. Trách nhiệm của Phòng Thanh tra"), label);
        assertTrue(label.endsWith("…”") && label.length() <= 64, label);
        assertEquals("học liệu “An toàn trên mạng”", SourceLabel.of(new DocumentMetadata("m",
                "An toàn trên mạng", "", "", "", "", DocumentKind.MATERIAL, "")));
    }
}
