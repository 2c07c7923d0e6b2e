package vn.trolyso.assistant.answering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.trolyso.knowledge.document.DocumentKind;
import vn.trolyso.knowledge.document.DocumentMetadata;
import vn.trolyso.knowledge.search.Passage;

class NamedPlacesTest {
    private static final DocumentMetadata WARD = doc("kien-an", "Ủy ban nhân dân phường Kiến An");
    private static final DocumentMetadata SCHOOL = doc("doan-lap", "Trường Tiểu học Đoàn Lập");
    private static final DocumentMetadata DISTRICT = doc("phu-nhuan", "Phòng Giáo dục và Đào tạo quận Phú Nhuận");
    private static final List<Passage> PASSAGES = List.of(passage(SCHOOL), passage(WARD), passage(DISTRICT),
            passage(WARD));

    @Test
    void thePlaceIsTheNameAfterTheWordNamingItEndingTheIssuer() {
        assertEquals(Optional.of("kien an"), NamedPlaces.properName(WARD.issuer()));
        assertEquals(Optional.of("doan lap"), NamedPlaces.properName(SCHOOL.issuer()));
        assertEquals(Optional.of("phu nhuan"), NamedPlaces.properName(DISTRICT.issuer()));
        assertEquals(Optional.of("ngo gia tu"), NamedPlaces.properName("Trường tiểu học Ngô Gia Tự"));
        assertEquals(Optional.empty(), NamedPlaces.properName("Sở Giáo dục và Đào tạo"));
        // Capitals alone name no place: a question on "thông tin" is not about this university's documents.
        assertEquals(Optional.empty(), NamedPlaces.properName("Trường Đại học Công nghệ Thông Tin"));
        assertEquals(Optional.empty(), NamedPlaces.properName(""));
    }

    @Test
    void aQuestionNamesThePlacesItsDocumentsComeFrom() {
        assertEquals(List.of("kien-an"), List.copyOf(NamedPlaces.named(
                "Phường Kiến An đặt chỉ tiêu gì cho cán bộ, công chức đến năm 2025?", PASSAGES).keySet()));
        assertEquals(List.of("kien-an"), List.copyOf(NamedPlaces.named("chi tieu cua kien an", PASSAGES).keySet()));
        assertEquals(List.of("doan-lap", "kien-an"), List.copyOf(NamedPlaces.named(
                "So sánh kế hoạch của Đoàn Lập và Kiến An", PASSAGES).keySet()));
        assertTrue(NamedPlaces.named("Kế hoạch tập huấn có những nội dung gì?", PASSAGES).isEmpty());
        // A word that merely contains the name's letters does not name it.
        assertTrue(NamedPlaces.named("Học sinh được hướng dẫn an toàn trên mạng", PASSAGES).isEmpty());
    }

    private static DocumentMetadata doc(String id, String issuer) {
        return new DocumentMetadata(id, "Kế hoạch " + id, issuer, "", "2025", "Kế hoạch", DocumentKind.OFFICIAL,
                id + ".txt");
    }

    private static Passage passage(DocumentMetadata doc) {
        return new Passage(doc, doc.id() + "#0", "", "Nội dung.", 1f);
    }
}
