package vn.trolyso.assistant.learning;

import java.util.List;
import vn.trolyso.assistant.report.SpreadsheetCsv;

/**
 * The share of staff and, separately, of pupils who completed their basic modules and who reached their target level
 * in each domain, against the plans' targets.
 *
 * @param school the school reported on, or null for every profile
 * @param groups staff, then pupils
 */
public record ProgressReport(String school, List<Group> groups) {
    public ProgressReport {
        groups = List.copyOf(groups);
    }

    /**
     * @param key           "staff" or "pupils"
     * @param label         Vietnamese name of the group
     * @param people        profiles in the group
     * @param targetPercent the share the plans ask for
     * @param rows          "basic_modules" first, then "domain_1" … "domain_6"
     */
    public record Group(String key, String label, int people, double targetPercent, List<Row> rows) {
        public Group {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One measured share.
     *
     * @param checksPassed    module checks passed by the group, over the modules the row is about (basic modules, or
     *                        modules serving the domain) written for each person's audience
     * @param checksAttempted the same modules whose check was attempted at least once (passed or not)
     */
    public record Row(String key, String label, int reached, int people, double targetPercent, int checksPassed,
                      int checksAttempted) {
        /** Share in percent, rounded to one decimal; 0 for an empty group. */
        public double percent() {
            return people == 0 ? 0 : Math.round(reached * 1000.0 / people) / 10.0;
        }

        /** Whether the target is met, compared exactly (not on the rounded share). */
        public boolean met() {
            return people > 0 && reached * 100.0 >= targetPercent * people;
        }
    }

    /**
     * The report as a CSV table with a header line, written by {@link SpreadsheetCsv} with LF line ends, without the
     * byte-order mark ({@link SpreadsheetCsv#fileBytes} adds it when the file is sent).
     */
    public String toCsv() {
        SpreadsheetCsv csv = new SpreadsheetCsv(SpreadsheetCsv.LineEnd.LF, "nhom", "chi_so", "noi_dung", "so_dat",
                "tong_so", "ty_le_phan_tram", "chi_tieu_phan_tram", "dat_chi_tieu", "so_kiem_tra_dat",
                "so_kiem_tra_da_lam");
        for (Group g : groups) {
            for (Row r : g.rows()) {
                csv.row(g.key(), r.key(), r.label(), r.reached(), r.people(), r.percent(), r.targetPercent(),
                        r.met() ? "co" : "chua", r.checksPassed(), r.checksAttempted());
            }
        }
        return csv.text();
    }
}
