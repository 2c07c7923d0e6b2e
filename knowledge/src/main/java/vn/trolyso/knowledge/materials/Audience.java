package vn.trolyso.knowledge.materials;

import java.util.Arrays;
import java.util.Optional;

/** Who a training module is written for; the codes are the ones the plans use and appear in the front matter. */
public enum Audience {
    /** Cán bộ quản lý: principals and deputies. */
    CBQL("cán bộ quản lý"),
    /** Giáo viên. */
    GV("giáo viên"),
    /** Nhân viên: administrative and support staff. */
    NV("nhân viên"),
    /** Học sinh. */
    HS("học sinh"),
    /** Phụ huynh học sinh. */
    PHHS("phụ huynh học sinh");

    private final String vietnameseName;

    Audience(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    /** Staff of the school (the plans report on them separately from pupils). */
    public boolean isStaff() {
        return this == CBQL || this == GV || this == NV;
    }

    public static Optional<Audience> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.name().equals(code)).findFirst();
    }
}
