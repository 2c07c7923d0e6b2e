package vn.trolyso.server.config;

import io.helidon.config.Config;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Usage reports and their data: the zone days are counted in and how long answers and ratings are kept.
 *
 * @param timeZone      zone of the report days and of "today" [trolyso.time-zone, TROLYSO_TIME_ZONE]
 * @param retentionDays answers and feedback older than this are purged daily [trolyso.retention-days,
 *                      TROLYSO_RETENTION_DAYS]; at least 1
 */
public record ReportSettings(ZoneId timeZone, int retentionDays) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final int DEFAULT_RETENTION_DAYS = 180;

    public ReportSettings {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("TROLYSO_RETENTION_DAYS (trolyso.retention-days) must be at least 1 day: "
                    + retentionDays);
        }
    }

    public static ReportSettings defaults() {
        return new ReportSettings(DEFAULT_ZONE, DEFAULT_RETENTION_DAYS);
    }

    static ReportSettings from(Config trolyso) {
        String zone = ConfigValues.text(trolyso.get("time-zone"), DEFAULT_ZONE.getId());
        String days = ConfigValues.text(trolyso.get("retention-days"), String.valueOf(DEFAULT_RETENTION_DAYS));
        return new ReportSettings(zone(zone), retentionDays(days));
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("TROLYSO_TIME_ZONE (trolyso.time-zone) must be a time zone such as"
                    + " Asia/Ho_Chi_Minh: " + value);
        }
    }

    private static int retentionDays(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TROLYSO_RETENTION_DAYS (trolyso.retention-days) must be a whole number"
                    + " of days, at least 1: " + value);
        }
    }
}
