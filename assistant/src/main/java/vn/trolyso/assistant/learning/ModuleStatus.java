package vn.trolyso.assistant.learning;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a person stands with one module. Only {@link #COMPLETED} counts as completed (path, report): it is reached by
 * passing the module's check ({@link PassMark}) and is kept once reached. Stored by {@link #apiName()}.
 */
public enum ModuleStatus {
    /** Read ("đã đọc"), check not attempted. */
    READ("read"),
    /** Check attempted and not passed yet; can be retried. */
    ATTEMPTED("attempted"),
    /** Check passed. */
    COMPLETED("completed");

    private final String apiName;

    ModuleStatus(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<ModuleStatus> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
    }
}
