package vn.trolyso.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentDatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5/9/2025|5/9/2025", "05/09/2025|5/9/2025", "05-09-2025|5/9/2025", "5.9.2025|5/9/2025",
            "2025-09-05|5/9/2025", "ngày 5 tháng 9 năm 2025|5/9/2025", "29/2/2024|29/2/2024",
            "tháng 9/2025|tháng 9/2025", "Tháng 09/2025|tháng 9/2025", "9/2025|tháng 9/2025",
            "tháng 9 năm 2025|tháng 9/2025", "2025|2025", "năm 2025|2025", " 2025 |2025"})
    void acceptsTheFormsDocumentsUse(String typed, String stored) {
        assertEquals(Optional.of(stored), DocumentDates.normalise(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hôm qua", "31/2/2025", "29/2/2025", "13/2025", "tháng 13/2025", "2025-13-01", "25",
            "1800", "5/9", "đầu năm học", "2025/09/05 10:00"})
    void refusesWhatIsNoDate(String typed) {
        assertEquals(Optional.empty(), DocumentDates.normalise(typed));
        IngestException e = assertThrows(IngestException.class, () -> DocumentDates.require(typed));
        assertEquals("invalid_date", e.code());
        assertTrue(e.getMessage().contains("5/9/2025, 2025-09-05, tháng 9/2025 hoặc 2025"), e.getMessage());
    }
}
