package vn.trolyso.knowledge.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentNumberTest {
    @Test
    void theNumberTheHeaderStates() {
        assertEquals(Optional.of("125/KH-UBND"),
                DocumentNumber.inHeader("\nSố: 125/KH-UBND\nKiến An, ngày 12 tháng 9 năm 2025\nKẾ HOẠCH\n"));
        assertEquals(Optional.of("12/2025/QĐ-UBND"), DocumentNumber.inHeader("Số 12/2025/QĐ-UBND\nQUYẾT ĐỊNH\n"));
    }

    @Test
    void aBlankNumberOrOneTheTextCitesIsNone() {
        // Published before it was numbered: the number is left blank.
        assertEquals(Optional.empty(), DocumentNumber.inHeader("\n\nSố: /KH-UBND\n\nKiến An, ngày tháng 9 năm 2025\n"));
        // "Thực hiện Kế hoạch số 5691/KH-SGDĐT …" is the number of another document.
        assertEquals(Optional.empty(), DocumentNumber.inHeader(
                "KẾ HOẠCH\nThực hiện Kế hoạch số 5691/KH-SGDĐT ngày 18/8/2025 của Sở Giáo dục và Đào tạo …\n"));
        assertEquals(Optional.empty(), DocumentNumber.inHeader(null));
    }
}
