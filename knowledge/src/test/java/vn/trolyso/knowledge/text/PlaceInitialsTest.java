package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceInitialsTest {
    @Test
    void theInitialsOfEachIssuersPlaceOrSchool() {
        assertEquals(Map.of("ĐS", "Đồ Sơn", "NGT", "Ngô Gia Tự", "KA", "Kiến An", "PN", "Phú Nhuận", "ĐL", "Đoàn Lập"),
                PlaceInitials.learn(List.of("Ủy ban nhân dân phường Đồ Sơn", "Trường tiểu học Ngô Gia Tự",
                        "Uỷ ban nhân dân phường Kiến An", "Phòng Giáo dục và Đào tạo quận Phú Nhuận",
                        "Trường Tiểu học Đoàn Lập")));
    }

    @Test
    void noNameAfterAPlaceWordAndInitialsTwoPlacesShareTeachNothing() {
        // "Công nghệ Thông tin" is no place; "Kiến An" and "Khánh An" would both be "KA".
        assertEquals(Map.of(), PlaceInitials.learn(List.of("Trường Đại học Công nghệ Thông Tin",
                "Ủy ban nhân dân phường Kiến An", "Ủy ban nhân dân xã Khánh An", "Sở Giáo dục và Đào tạo", "")));
    }
}
