package vn.trolyso.assistant.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    @Test
    void joinsBrokenLinesAndSplitsListItems() {
        String passage = """
                2. Mục tiêu đến năm 2030
                - Đạt 100% cán bộ quản lý có hiểu biết về chuyển đổi
                số, kiến thức và kỹ năng số.
                - Trên 90% phụ huynh học sinh có tri thức cơ bản.""";
        assertEquals(List.of("2. Mục tiêu đến năm 2030",
                "- Đạt 100% cán bộ quản lý có hiểu biết về chuyển đổi số, kiến thức và kỹ năng số.",
                "- Trên 90% phụ huynh học sinh có tri thức cơ bản."), SentenceSplitter.split(passage));
    }

    @Test
    void splitsSentencesButNotAbbreviationsOrAddresses() {
        List<String> s = SentenceSplitter.split(
                "Hệ thống tại csdl.hcm.edu.vn do TP. Hồ Chí Minh quản lý. Các trường cập nhật dữ liệu 2 lần/năm.");
        assertEquals(List.of("Hệ thống tại csdl.hcm.edu.vn do TP. Hồ Chí Minh quản lý.",
                "Các trường cập nhật dữ liệu 2 lần/năm."), s);
    }

    @Test
    void markdownHeadingsOfTrainingMaterialsAreHeadings() {
        List<SentenceSplitter.Segment> s = SentenceSplitter.segments("""
                ## Mật khẩu mạnh mà vẫn nhớ được
                Mật khẩu càng dài càng khó đoán.""");
        assertEquals(List.of(new SentenceSplitter.Segment("## Mật khẩu mạnh mà vẫn nhớ được", true),
                new SentenceSplitter.Segment("Mật khẩu càng dài càng khó đoán.", false)), s);
    }

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
