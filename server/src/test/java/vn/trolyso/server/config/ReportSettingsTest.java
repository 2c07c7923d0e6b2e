package vn.trolyso.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportSettingsTest {
    @Test
    void defaultsAre180DaysInHoChiMinhCity() {
        ReportSettings r = ServerConfig.load(Map.of()).reports();
        assertEquals(180, r.retentionDays());
        assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), r.timeZone());
    }

    @Test
    void environmentOverridesTheYaml() {
        ReportSettings r = ServerConfig.load(Map.of("TROLYSO_RETENTION_DAYS", " 30 ", "TROLYSO_TIME_ZONE", "UTC")).reports();
        assertEquals(30, r.retentionDays());
        assertEquals(ZoneId.of("UTC"), r.timeZone());
    }

    @Test
    void invalidValuesFailWithAClearMessage() {
        for (String days : new String[] {"0", "-5", "sáu tháng", "1.5"}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> ServerConfig.load(Map.of("TROLYSO_RETENTION_DAYS", days)));
            assertTrue(e.getMessage().startsWith("TROLYSO_RETENTION_DAYS (trolyso.retention-days) must be"), e.getMessage());
            assertTrue(e.getMessage().contains(days), e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.load(Map.of("TROLYSO_TIME_ZONE", "Asia/Hanoi_City")));
        assertTrue(e.getMessage().contains("TROLYSO_TIME_ZONE"), e.getMessage());
    }
}
