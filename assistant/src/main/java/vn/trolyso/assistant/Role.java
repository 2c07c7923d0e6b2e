package vn.trolyso.assistant;

import java.util.Arrays;
import java.util.Optional;

/** Who is asking. The API names are stable (used by the HTTP API and the widget). */
public enum Role {
    CAN_BO_QUAN_LY("can_bo_quan_ly", "cán bộ quản lý"),
    GIAO_VIEN("giao_vien", "giáo viên"),
    NHAN_VIEN("nhan_vien", "nhân viên"),
    HOC_SINH("hoc_sinh", "học sinh"),
    PHU_HUYNH("phu_huynh", "phụ huynh");

    private final String apiName;
    private final String vietnameseName;

    Role(String apiName, String vietnameseName) {
        this.apiName = apiName;
        this.vietnameseName = vietnameseName;
    }

    public String apiName() {
        return apiName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    public static Optional<Role> fromApiName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName.equals(name)).findFirst();
    }
}
