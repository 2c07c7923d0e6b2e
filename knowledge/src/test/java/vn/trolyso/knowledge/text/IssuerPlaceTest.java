package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssuerPlaceTest {
    @Test
    void theNameAfterTheWordNamingAPlaceOrSchoolEndsTheIssuer() {
        assertEquals(Optional.of("Kiến An"), IssuerPlace.of("Ủy ban nhân dân phường Kiến An"));
        assertEquals(Optional.of("Ngô Gia Tự"), IssuerPlace.of("Trường tiểu học Ngô Gia Tự"));
        assertEquals(Optional.of("Phú Nhuận"), IssuerPlace.of("Phòng Giáo dục và Đào tạo quận Phú Nhuận"));
        assertEquals(Optional.of("Hồ Chí Minh"), IssuerPlace.of("Ủy ban nhân dân Thành phố Hồ Chí Minh"));
        assertEquals(Optional.of("Lê Quý Đôn"), IssuerPlace.of("Trường THPT Lê Quý Đôn"));
    }

    @Test
    void capitalsAloneNameNoPlace() {
        assertEquals(Optional.empty(), IssuerPlace.of("Trường Đại học Công nghệ Thông Tin"));
        assertEquals(Optional.empty(), IssuerPlace.of("Sở Giáo dục và Đào tạo"));
        assertEquals(Optional.empty(), IssuerPlace.of(""));
        assertEquals(Optional.empty(), IssuerPlace.of(null));
    }
}
