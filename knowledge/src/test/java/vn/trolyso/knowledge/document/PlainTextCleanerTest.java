package vn.trolyso.knowledge.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextCleanerTest {
    private static final DocumentMetadata META = new DocumentMetadata("tl-x", "Quy chế", "", "", "", "",
            DocumentKind.OFFICIAL, "x.txt");

    @Test
    void anArticleHeadingStaysItsOwnLineSoAShortArticleIsNotEmpty() {
        String text = PlainTextCleaner.clean("""
                Điều  27. Trách nhiệm của Phòng Thanh tra Pháp chế
                Tổ chức thanh tra, kiểm tra và giám sát công tác tổ chức thi.""");
        assertEquals("Điều 27. Trách nhiệm của Phòng Thanh tra Pháp chế\n"
                + "Tổ chức thanh tra, kiểm tra và giám sát công tác tổ chức thi.", text);
        List<Chunk> chunks = SectionChunker.chunk(META, text);
        assertEquals(1, chunks.size());
        assertEquals("Điều 27. Trách nhiệm của Phòng Thanh tra Pháp chế", chunks.getFirst().sectionPath());
    }

    @Test
    void aTabAfterAListMarkerIsSpacingNotATableColumn() {
        String text = PlainTextCleaner.clean("""
                Điều 24. Chế độ báo cáo
                1. \tTừ ngày 01 tháng 12 đến trước ngày 15 tháng 12 hằng năm, các Trạm gửi báo cáo.""");
        assertEquals("Điều 24. Chế độ báo cáo\n"
                + "1. Từ ngày 01 tháng 12 đến trước ngày 15 tháng 12 hằng năm, các Trạm gửi báo cáo.", text);
        assertFalse(SectionChunker.chunk(META, text).isEmpty());
    }

    @Test
    void tabSeparatedRowsAreStillTables() {
        String text = PlainTextCleaner.clean("Nội dung\tThời gian\nTập huấn giáo viên\tTháng 9/2025");
        assertEquals("Nội dung: Tập huấn giáo viên; Thời gian: Tháng 9/2025.", text.lines().reduce((a, b) -> b)
                .orElseThrow());
    }
}
