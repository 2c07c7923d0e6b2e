package vn.trolyso.knowledge.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates an administrator may type for a document, in the forms the documents themselves use: a day
 * ("5/9/2025", "05-09-2025", "2025-09-05", "ngày 5 tháng 9 năm 2025"), a month ("tháng 9/2025", "9/2025",
 * "tháng 9 năm 2025") or a year ("2025", "năm 2025"). Anything else ("hôm qua", "31/2/2025") is refused with
 * {@link #INVALID}, so a stored date is always one a reader can place.
 */
public final class DocumentDates {
    /** The stable code of a refused date. */
    public static final String INVALID = "invalid_date";
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;

    private static final Pattern DAY = Pattern.compile("(?:ngày )?(\\d{1,2}) ?[/.-] ?(\\d{1,2}) ?[/.-] ?(\\d{4})");
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_IN_WORDS = Pattern.compile("(?:ngày )?(\\d{1,2}) tháng (\\d{1,2}) năm (\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(?:tháng )?(\\d{1,2}) ?[/.-] ?(\\d{4})|tháng (\\d{1,2}) năm (\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(?:năm )?(\\d{4})");

    private DocumentDates() {
    }

    /** The date in the store's form ("5/9/2025", "tháng 9/2025", "2025"), or empty when it is not a date. */
    public static Optional<String> normalise(String raw) {
        String s = raw == null ? "" : raw.replaceAll("[\\s\\u00A0]+", " ").strip().toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = ISO_DAY.matcher(s)).matches()) {
            return day(m.group(3), m.group(2), m.group(1));
        }
        if ((m = DAY.matcher(s)).matches() || (m = DAY_IN_WORDS.matcher(s)).matches()) {
            return day(m.group(1), m.group(2), m.group(3));
        }
        if ((m = MONTH.matcher(s)).matches()) {
            String month = m.group(1) != null ? m.group(1) : m.group(3);
            String year = m.group(1) != null ? m.group(2) : m.group(4);
            int mo = Integer.parseInt(month);
            return mo >= 1 && mo <= 12 && year(year) ? Optional.of("tháng " + mo + "/" + Integer.parseInt(year))
                    : Optional.empty();
        }
        if ((m = YEAR.matcher(s)).matches()) {
            return year(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The typed date normalised; "" stays "".
     *
     * @throws IngestException {@link #INVALID} with a Vietnamese message listing the accepted forms
     */
    public static String require(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        return normalise(raw).orElseThrow(() -> new IngestException(INVALID, "Ngày ban hành “" + raw.strip()
                + "” không hợp lệ. Hãy ghi theo một trong các dạng: 5/9/2025, 2025-09-05, tháng 9/2025 hoặc 2025."));
    }

    private static Optional<String> day(String d, String m, String y) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
            return year(y) ? Optional.of(date.getDayOfMonth() + "/" + date.getMonthValue() + "/" + date.getYear())
                    : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean year(String y) {
        int year = Integer.parseInt(y);
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
