package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonNamesTest {
    @Test
    void findsAPersonNotASchoolOrAPlace() {
        assertEquals(Optional.of("Lê Văn Hùng"), PersonNames.first("Người ký: Lê Văn Hùng (Hiệu trưởng)."));
        assertEquals(Optional.empty(), PersonNames.first("Tổ chức tại Trường Tiểu Học Ngô Gia Tự, phường Kiến An."));
        assertEquals(Optional.empty(), PersonNames.first("Thành lập Tổ công tác triển khai tại đơn vị."));
    }
}
