package vn.trolyso.knowledge.text;

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
}
