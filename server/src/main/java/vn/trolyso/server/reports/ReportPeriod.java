package vn.trolyso.server.reports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import vn.trolyso.server.http.ApiErrors;

/**
 * The days a report covers, from the {@code from} / {@code to} query parameters (YYYY-MM-DD, both inclusive). Missing
 * {@code to} = today; missing {@code from} = {@value #DEFAULT_DAYS} days ending at {@code to}.
 */
record ReportPeriod(LocalDate from, LocalDate to) {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    static ReportPeriod parse(Optional<String> from, Optional<String> to, LocalDate today) {
        LocalDate last = to.map(v -> date("to", v)).orElse(today);
        LocalDate first = from.map(v -> date("from", v)).orElse(last.minusDays(DEFAULT_DAYS - 1));
        if (last.isBefore(first)) {
            throw ApiErrors.badRequest("invalid_range", "Ngày kết thúc (to) không được trước ngày bắt đầu (from).");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw ApiErrors.badRequest("range_too_long",
                    "Khoảng thời gian tối đa là " + MAX_DAYS + " ngày. Hãy chọn khoảng ngắn hơn.");
        }
        return new ReportPeriod(first, last);
    }

    private static LocalDate date(String name, String value) {
        String v = value.strip();
        if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeException e) {
                // falls through: a well-shaped but impossible date such as 2026-02-30
            }
        }
        throw ApiErrors.badRequest("invalid_date",
                "Ngày \"" + name + "\" không hợp lệ. Hãy dùng dạng NĂM-THÁNG-NGÀY, ví dụ 2026-11-02.");
    }
}
