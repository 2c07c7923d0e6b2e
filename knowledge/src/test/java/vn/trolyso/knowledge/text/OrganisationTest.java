package vn.trolyso.knowledge.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrganisationTest {
    @Test
    void anOrganisationIsNamedInAnyOfTheWaysItIsWritten() {
        assertEquals(Optional.of(Organisation.YOUTH_UNION), Organisation.firstIn("Chi đoàn giáo viên làm gì?"));
        assertEquals(Optional.of(Organisation.YOUTH_UNION), Organisation.firstIn("doan thanh nien phuong lam gi"));
        assertEquals(Optional.of(Organisation.WOMENS_UNION), Organisation.firstIn("Hội LHPN phường, Hội Phụ nữ"));
        assertEquals(Optional.of(Organisation.PARTY_COMMITTEE), Organisation.firstIn("- TT. Đảng uỷ;"));
        assertEquals(Optional.of(Organisation.PARENTS_BOARD),
                Organisation.firstIn("Ban đại diện cha mẹ học sinh có nhiệm vụ gì?"));
        assertTrue(Organisation.POLICE.namedIn("phối hợp cùng công an phường, quận"));
    }

    @Test
    void aPlacesOrASchoolsNameIsNoOrganisation() {
        // "Đoàn Lập" is a school, "cha mẹ học sinh" the parents themselves, "công đoạn" a stage of work.
        assertEquals(Optional.empty(), Organisation.firstIn("Trường Đoàn Lập tuyên truyền cho cha mẹ học sinh"));
        assertFalse(Organisation.TRADE_UNION.namedIn("Hoàn thành từng công đoạn của kế hoạch."));
        assertTrue(Organisation.TRADE_UNION.namedIn("Công đoàn trường phối hợp"));
        assertTrue(Organisation.TRADE_UNION.namedIn("cong doan truong lam gi"), "typed without any diacritic");
    }
}
