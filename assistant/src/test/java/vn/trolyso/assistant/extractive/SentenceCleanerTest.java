package vn.trolyso.assistant.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Moved from SentenceSplitterTest when the splitter moved to knowledge.text; assertions unchanged. */
class SentenceCleanerTest {
    @Test
    void codeSpansAndThePlansOpeningFormulaAreNotShown() {
        assertEquals("Ví dụ ca-phe-Xe-dap-47.", SentenceCleaner.clean("Ví dụ `ca-phe-Xe-dap-47`."));
        assertEquals("Ủy ban nhân dân phường xây dựng Kế hoạch tập huấn năm học 2025 - 2026.", SentenceCleaner.clean(
                "Ủy ban nhân dân phường xây dựng Kế hoạch tập huấn năm học 2025 - 2026, cụ thể như sau:"));
        assertEquals("Nội dung như sau:", SentenceCleaner.clean("Nội dung như sau:"), "a list that follows is kept");
    }

    @Test
    void cleansMarkersAndEmphasis() {
        assertEquals("Triển khai Phong trào “Bình dân học vụ số” đến toàn bộ giáo viên.",
                SentenceCleaner.clean("- Triển khai Phong trào “*Bình dân học vụ số*” đến toàn bộ giáo viên;"));
        assertEquals("Đạt 80% phụ huynh.", SentenceCleaner.clean("a) Đạt 80% phụ huynh"));
    }
}
