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
    void aLongLetteredTitleHeadsItsItemsButALongListItemDoesNot() {
        String text = """
                5. Vận hành các hệ thống quản lý giáo dục
                k) Ứng dụng trực tuyến chăm sóc sức khỏe học sinh
                Hoàn thành cơ bản việc xây dựng ứng dụng trực tuyến chăm sóc sức khỏe học sinh.
                l) Thực hiện nhiệm vụ của lĩnh vực giáo dục trong Đề án “Phát triển ứng dụng dữ liệu về dân cư, định \
                danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022-2025, tầm nhìn đến năm 2030” \
                (Đề án 06)
                100% cán bộ quản lý, giáo viên, nhân viên kích hoạt tài khoản định danh điện tử mức độ 2.
                m) Nhằm cụ thể hóa và triển khai hiệu quả quan điểm chỉ đạo, định hướng các mục tiêu, nhiệm vụ và giải \
                pháp của Chiến lược phát triển ứng dụng AI đến năm 2030 phù hợp với điều kiện thực tế của nhà trường.
                Các tổ chuyên môn thực hiện.
                """;
        List<Chunk> chunks = SectionChunker.chunk(META, text);
        assertEquals(2, chunks.size(), chunks.toString());
        assertTrue(chunks.get(1).sectionPath().endsWith("› l) Thực hiện nhiệm vụ của lĩnh vực giáo dục trong Đề án "
                + "“Phát triển ứng dụng dữ liệu về…"), chunks.get(1).sectionPath());
        assertTrue(chunks.get(1).text().contains("tài khoản định danh điện tử"));
        // The long item ending as a sentence stays text of the section above it.
        assertTrue(chunks.get(1).text().contains("m) Nhằm cụ thể hóa"));
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
