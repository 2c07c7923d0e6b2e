package vn.trolyso.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetadataGuesserTest {

    @Test
    void readsAPlanFromTheBundledCorpus() throws IOException {
        GuessedMetadata m = MetadataGuesser.guess(corpus("ke-hoach-binh-dan-hoc-vu-so-kien-an.txt"));
        assertEquals("Kế hoạch", m.type());
        assertEquals("Kế hoạch triển khai Phong trào “Bình dân học vụ số” đối với ngành Giáo dục và Đào tạo phường Kiến An",
                m.title());
        assertEquals("/KH-UBND", m.number());
        assertEquals("tháng 9/2025", m.date());
        assertEquals("Kiến An", m.place());
    }

    @Test
    void readsAnOfficialLetterSubjectFromTheBundledCorpus() throws IOException {
        GuessedMetadata m = MetadataGuesser.guess(corpus("cong-van-giao-duc-thong-minh-phu-nhuan.txt"));
        assertEquals("Công văn", m.type());
        assertEquals("Hướng dẫn triển khai nhiệm vụ thực hiện Đề án “Giáo dục thông minh và học tập suốt đời trên địa"
                + " bàn quận giai đoạn 2021 - 2025” năm 2025", m.title());
        assertEquals("tháng 11/2024", m.date());
        assertEquals("Phú Nhuận", m.place());
    }

    @Test
    void readsTheIssuerFromTwoColumnHeaders() {
        String text = """
                UBND QUẬN PHÚ NHUẬN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                PHÒNG GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc
                Số: 1234/GDĐT-TH Phú Nhuận, ngày 03 tháng 12 năm 2024
                V/v tổ chức Ngày hội
                công nghệ số cấp tiểu học
                Kính gửi: Hiệu trưởng các trường tiểu học.
                """;
        GuessedMetadata m = MetadataGuesser.guess(text);
        assertEquals("Phòng Giáo dục và Đào tạo quận Phú Nhuận", m.issuer());
        assertEquals("1234/GDĐT-TH", m.number());
        assertEquals("3/12/2024", m.date());
        assertEquals("Phú Nhuận", m.place());
        assertEquals("Công văn", m.type());
        assertEquals("Tổ chức Ngày hội công nghệ số cấp tiểu học", m.title());
    }

    @Test
    void guessesTheTypeFromTheNumberWhenNoHeadingIsFound() {
        GuessedMetadata m = MetadataGuesser.guess("TRƯỜNG THCS LÊ LỢI\nSố: 15/TB-THCS\nNội dung thông báo họp phụ huynh.");
        assertEquals("Thông báo", m.type());
        assertEquals("Trường THCS Lê Lợi", m.issuer());
    }

    @Test
    void theSubjectStopsAtTheFirstSectionHeading() {
        GuessedMetadata m = MetadataGuesser.guess("KẾ HOẠCH\nTổ chức hội thi Robotics cấp phường\n\nI. NỘI DUNG\n"
                + "1. Hội thi dành cho học sinh khối 7.");
        assertEquals("Kế hoạch tổ chức hội thi Robotics cấp phường", m.title());
    }

    @Test
    void theIssuerStopsBeforeVeViec() {
        GuessedMetadata m = MetadataGuesser.guess("Quy chế đào tạo\nTrường Đại học Công nghệ Thông tin về việc ban "
                + "hành quy chế đào tạo theo học chế tín chỉ như sau:\nĐiều 1. Phạm vi điều chỉnh.");
        assertEquals("Trường Đại học Công nghệ Thông tin", m.issuer());
    }

    @Test
    void findsNothingInTextWithoutAdministrativeLayout() {
        GuessedMetadata m = MetadataGuesser.guess("Mẹo nhỏ: nhấn Ctrl+S để lưu bài thường xuyên.");
        assertEquals(GuessedMetadata.NONE, m);
    }

    private static String corpus(String file) throws IOException {
        try (InputStream in = MetadataGuesserTest.class.getResourceAsStream("/corpus/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
