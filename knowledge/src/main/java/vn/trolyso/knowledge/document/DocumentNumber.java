package vn.trolyso.knowledge.document;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's own number as its header states it ("Số: 125/KH-UBND"). Plans are often published or extracted with
 * the number left blank ("Số: /KH-UBND", to be filled in when signed): then there is none, and "kế hoạch này số
 * hiệu bao nhiêu?" is not answered with the number of a document it cites ("Thực hiện Kế hoạch số 478-KH/TU …").
 */
public final class DocumentNumber {
    /** "Số: 125/KH-UBND", "Số 12/2025/QĐ-UBND" on a line of the header; the number must hold a figure. */
    private static final Pattern HEADER_NUMBER = Pattern.compile(
            "(?mU)^\\s*Số\\s*:?\\s*(\\d[\\w.]*(?:/[\\w.&Đđ-]+)+)\\s*$");
    /** The header is the first lines, before the title ("KẾ HOẠCH", "V/v …"). */
    private static final int HEADER_CHARACTERS = 1_500;

    private DocumentNumber() {
    }

    /** The number the document's header states ("125/KH-UBND"); empty when it states none or leaves it blank. */
    public static Optional<String> inHeader(String rawText) {
        if (rawText == null) {
            return Optional.empty();
        }
        Matcher m = HEADER_NUMBER.matcher(rawText.substring(0, Math.min(rawText.length(), HEADER_CHARACTERS)));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
