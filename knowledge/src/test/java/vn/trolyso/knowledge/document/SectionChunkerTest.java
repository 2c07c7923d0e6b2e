package vn.trolyso.knowledge.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionChunkerTest {
    private static final DocumentMetadata META = new DocumentMetadata("doc", "Tài liệu", "", "", "", "",
            DocumentKind.MATERIAL, "doc.md");

    @Test
    void markdownHeadingsAreSections() {
        String md = """
                # Bài 1. An toàn trên mạng
                Giới thiệu bài học về an toàn.
                ## Mật khẩu mạnh
                Một mật khẩu mạnh có ít nhất 12 ký tự.
                ## Lừa đảo trực tuyến
                Không bấm vào đường link lạ.
                """;
        List<Chunk> chunks = SectionChunker.chunk(META, PlainTextCleaner.clean(md));
        assertEquals(List.of("Bài 1. An toàn trên mạng", "Bài 1. An toàn trên mạng › Mật khẩu mạnh",
                "Bài 1. An toàn trên mạng › Lừa đảo trực tuyến"), chunks.stream().map(Chunk::sectionPath).toList());
        assertTrue(chunks.get(1).text().contains("12 ký tự"));
    }

    @Test
    void articlesLettersAndAppendixNest() {
        String text = """
                Chương I
                Điều 3. Phạm vi áp dụng
                a) Trường tiểu học.
                b) Trường trung học cơ sở.
                Điều 4. Hiệu lực
                Quy định có hiệu lực từ ngày ký.
                PHỤ LỤC
                I. Nhóm nhiệm vụ
                Nội dung của nhóm nhiệm vụ thứ nhất.
                """;
        List<String> paths = SectionChunker.chunk(META, text).stream().map(Chunk::sectionPath).toList();
        assertEquals(List.of("Chương I › Điều 3. Phạm vi áp dụng › a) Trường tiểu học.",
                "Chương I › Điều 3. Phạm vi áp dụng › b) Trường trung học cơ sở.",
                "Chương I › Điều 4. Hiệu lực", "PHỤ LỤC › I. Nhóm nhiệm vụ"), paths);
    }

    @Test
    void longSectionsSplitAtSentencesWithinTheirSection() {
        String sentence = "Nhà trường tổ chức bồi dưỡng kỹ năng số cho giáo viên theo kế hoạch năm học. ";
        String text = "I. NỘI DUNG\n" + sentence.repeat(40) + "\nII. TỔ CHỨC\nNgắn gọn nhưng đủ một câu trọn vẹn.";
        List<Chunk> chunks = SectionChunker.chunk(META, text);
        assertTrue(chunks.size() >= 4);
        chunks.forEach(c -> assertTrue(c.text().length() <= SectionChunker.MAX_CHARS, c.text().length() + ""));
        assertEquals("II. TỔ CHỨC", chunks.get(chunks.size() - 1).sectionPath());
        assertTrue(chunks.stream().filter(c -> c.sectionPath().equals("I. NỘI DUNG"))
                .allMatch(c -> c.text().strip().endsWith(".")), "cut at sentence ends");
    }

    @Test
    void blankTextHasNoChunks() {
        assertTrue(SectionChunker.chunk(META, "  \n ").isEmpty());
        assertEquals("", PlainTextCleaner.clean(null));
    }
}
