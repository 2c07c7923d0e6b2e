package vn.trolyso.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads title, issuer, place, date, type and number from the places Vietnamese administrative documents put them
 * (Nghị định 30/2020/NĐ-CP layout): the issuing body top left, "Số: …/KH-UBND" under it, "…, ngày … tháng … năm …" top
 * right, then the type in capitals ("KẾ HOẠCH") with the subject below, or "V/v …" for an official letter.
 */
public final class MetadataGuesser {
    private static final Locale VI = Locale.forLanguageTag("vi");
    /** How many non-blank lines from the top are searched. */
    private static final int HEADER_LINES = 40;

    private static final Map<String, String> TYPES_BY_HEADING = Map.ofEntries(
            Map.entry("KẾ HOẠCH", "Kế hoạch"), Map.entry("QUYẾT ĐỊNH", "Quyết định"),
            Map.entry("THÔNG BÁO", "Thông báo"), Map.entry("BÁO CÁO", "Báo cáo"), Map.entry("HƯỚNG DẪN", "Hướng dẫn"),
            Map.entry("CÔNG VĂN", "Công văn"), Map.entry("CHỈ THỊ", "Chỉ thị"), Map.entry("TỜ TRÌNH", "Tờ trình"),
            Map.entry("NGHỊ QUYẾT", "Nghị quyết"), Map.entry("THÔNG TƯ", "Thông tư"), Map.entry("CHƯƠNG TRÌNH", "Chương trình"),
            Map.entry("ĐỀ ÁN", "Đề án"), Map.entry("QUY CHẾ", "Quy chế"), Map.entry("QUY ĐỊNH", "Quy định"),
            Map.entry("GIẤY MỜI", "Giấy mời"));
    private static final Map<String, String> TYPES_BY_CODE = Map.ofEntries(
            Map.entry("KH", "Kế hoạch"), Map.entry("QĐ", "Quyết định"), Map.entry("TB", "Thông báo"),
            Map.entry("BC", "Báo cáo"), Map.entry("HD", "Hướng dẫn"), Map.entry("CT", "Chỉ thị"),
            Map.entry("TTr", "Tờ trình"), Map.entry("NQ", "Nghị quyết"), Map.entry("TT", "Thông tư"),
            Map.entry("CTr", "Chương trình"), Map.entry("GM", "Giấy mời"));

    private static final Pattern NUMBER = Pattern.compile(
            "(?U)\\bSố\\s*:\\s*(\\d*\\s*/\\s*[\\p{L}\\d][\\p{L}\\d&.]*(?:\\s*[-–]\\s*[\\p{L}\\d&.]+)*)");
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?<![\\p{L}\\p{N}/\\-])(\\p{Lu}[\\p{L}.]*(?:\\s+[\\p{L}.]+){0,5}?)\\s*,\\s*ngày\\s*(\\d{1,2})?\\s*"
                    + "tháng\\s*(\\d{1,2})?\\s*năm\\s*(\\d{4})");
    private static final Pattern SUBJECT = Pattern.compile("^\\s*V/v[:.]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MOTTO = Pattern.compile(
            "(?iu)CỘNG\\s+H(?:ÒA|OÀ)\\s+XÃ\\s+HỘI\\s+CHỦ\\s+NGHĨA\\s+VIỆT\\s+NAM|Độc\\s+lập\\s*[-–—]\\s*Tự\\s+do\\s*[-–—]\\s*Hạnh\\s+phúc");
    private static final Pattern BODY_START = Pattern.compile(
            "(?U)^((Căn cứ|Thực hiện|Kính gửi|Để|Nhằm|Phần|Chương)\\b|([IVXL]{1,5}|\\d{1,2})\\.\\s).*");
    /** Words after which an issuing body's name is a proper name whose syllables are all capitalised. */
    private static final Pattern PROPER_NAME_AFTER = Pattern.compile(
            "(?iu)\\b(phường|xã|quận|huyện|tỉnh|thành phố|thị xã|thị trấn|tiểu học|trung học cơ sở|trung học phổ thông|"
                    + "mầm non|thcs|thpt|th|liên cấp|tiểu học và thcs)\\s+");

    /**
     * The opening sentence of a document whose header block the extraction lost: "Ủy ban nhân dân phường Đồ Sơn xây
     * dựng Kế hoạch tập huấn …, cụ thể như sau:" names both the issuer and the title.
     */
    private static final Pattern OPENING = Pattern.compile(
            "(?U)((?:Ủy|Uỷ|ỦY|UỶ) ban nhân dân|UBND|[Tt]rường|Phòng|Sở|Trung tâm)([^.;:,“”]{0,80}?)\\s+"
                    + "(?:xây dựng|ban hành)\\s+(Kế hoạch|kế hoạch|Hướng dẫn|hướng dẫn|Quy chế|quy chế)\\s+"
                    + "([^:;]{5,400}?)(?:,?\\s*cụ thể như sau|\\s*như sau|\\s*[:;])");
    /** How many non-blank lines are searched for the opening sentence. */
    private static final int OPENING_LINES = 80;
    /** Subjects that name a programme and keep their capital after the type: "Kế hoạch Phong trào “…”". */
    private static final Pattern NAMED_SUBJECT = Pattern.compile(
            "(?U)^(Phong trào|Đề án|Dự án|Chương trình|Cuộc thi|Hội thi|Ngày hội|Tháng hành động|Tuần lễ)\\b.*");

    private MetadataGuesser() {
    }

    public static GuessedMetadata guess(String text) {
        List<String> lines = headerLines(text);
        String number = find(NUMBER, lines, 1).map(n -> n.replaceAll("\\s+", "").replace('–', '-')).orElse("");
        String place = "";
        String date = "";
        int dateLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = DATE_LINE.matcher(lines.get(i));
            if (m.find()) {
                place = m.group(1).strip();
                date = formatDate(m.group(2), m.group(3), m.group(4));
                dateLine = i;
                break;
            }
        }
        String type = "";
        String title = "";
        int headingLine = -1;
        for (int i = 0; i < lines.size() && headingLine < 0; i++) {
            String line = MOTTO.matcher(lines.get(i)).replaceAll("").strip();
            for (var entry : TYPES_BY_HEADING.entrySet()) {
                if (line.startsWith(entry.getKey())) {
                    String rest = line.substring(entry.getKey().length()).strip();
                    if (!rest.isEmpty() && isUpperCase(rest.substring(0, 1)) && isUpperCase(rest)) {
                        continue; // e.g. "KẾ HOẠCH VÀ ĐẦU TƯ" inside an issuer's name
                    }
                    type = entry.getValue();
                    List<String> subject = new ArrayList<>();
                    if (!rest.isEmpty()) {
                        subject.add(rest);
                    }
                    subject.addAll(continuation(lines, i + 1, 4 - subject.size(), false));
                    title = subject.isEmpty() ? type : type + " " + subjectAfterType(String.join(" ", subject));
                    headingLine = i;
                    break;
                }
            }
        }
        int subjectLine = -1;
        if (title.isEmpty()) {
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = SUBJECT.matcher(lines.get(i));
                if (m.matches()) {
                    List<String> subject = new ArrayList<>();
                    if (!m.group(1).isBlank()) {
                        subject.add(m.group(1).strip());
                    }
                    subject.addAll(continuation(lines, i + 1, 5 - subject.size(), true));
                    title = upperFirst(String.join(" ", subject));
                    type = type.isEmpty() ? "Công văn" : type;
                    subjectLine = i;
                    break;
                }
            }
        }
        if (type.isEmpty() && number.contains("/")) {
            String code = number.substring(number.indexOf('/') + 1).split("-")[0];
            type = TYPES_BY_CODE.getOrDefault(code, "");
        }
        Optional<Matcher> opening = opening(text);
        if (title.isEmpty() && opening.isPresent()) {
            Matcher m = opening.get();
            type = type.isEmpty() ? upperFirst(m.group(3).toLowerCase(VI)) : type;
            title = upperFirst(m.group(3).toLowerCase(VI)) + " " + subjectAfterType(m.group(4));
        }
        if (title.isEmpty() && !lines.isEmpty()) {
            title = titleLikeLine(lines.getFirst());
        }
        int headerEnd = firstPositive(headingLine, subjectLine, dateLine, lineOf(NUMBER, lines), Math.min(8, lines.size()));
        String issuer = issuer(lines.subList(0, Math.min(headerEnd, lines.size())));
        if (issuer.isEmpty() && opening.isPresent()) {
            issuer = openingIssuer(opening.get(), place);
        }
        // "Trường Đại học … về việc ban hành …": what follows "về việc" is the subject, not the issuer.
        issuer = issuer.replaceFirst("(?iU)[\\s,]+(?:về việc|v/v)(?:\\s.*)?$", "").strip();
        return new GuessedMetadata(clip(readable(title)), issuer, place, date, type, number);
    }

    /** The opening sentence "X xây dựng/ban hành Kế hoạch …" among the first lines, joined as they are read. */
    private static Optional<Matcher> opening(String text) {
        StringBuilder joined = new StringBuilder();
        int n = 0;
        for (String line : text.split("\\R")) {
            String l = line.replaceAll("[\\s\\u00A0]+", " ").strip();
            if (!l.isEmpty()) {
                joined.append(l).append(' ');
                if (++n == OPENING_LINES) {
                    break;
                }
            }
        }
        Matcher m = OPENING.matcher(joined);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    /** "Ủy ban nhân dân (UBND) phường" + place "Kiến An" → "Ủy ban nhân dân phường Kiến An". */
    private static String openingIssuer(Matcher m, String place) {
        String issuer = (m.group(1) + m.group(2)).replaceAll("\\s*\\([^)]*\\)", "").replaceAll("\\s+", " ").strip();
        if (issuer.equals("UBND") || issuer.startsWith("UBND ")) {
            issuer = "Ủy ban nhân dân" + issuer.substring(4);
        }
        if (isUpperCase(issuer)) {
            issuer = sentenceCase(issuer);
        }
        issuer = upperFirst(issuer.replaceFirst("^(?:Uỷ|ỦY|UỶ)", "Ủy"));
        if (!place.isEmpty() && issuer.matches("(?U).*\\b(phường|xã|quận|huyện|tỉnh|thành phố|thị xã|thị trấn)$")) {
            issuer = issuer + " " + place;
        }
        return issuer;
    }

    /** The subject after a type word, lower-cased as a person writes it unless it names a programme. */
    private static String subjectAfterType(String subject) {
        String s = subject.strip();
        return NAMED_SUBJECT.matcher(s).matches() ? s : lowerFirst(s);
    }

    /**
     * The title as a person reads it: extraction artefacts undone — a space after an opening quote or before a
     * closing one, a single opening quote closed by a double one, a footnote number glued to an acronym
     * ("Day of AI1"), "&THCS".
     */
    static String readable(String title) {
        return title.replaceAll("‘\\s*([^’”“]*)”", "“$1”")
                .replaceAll("“\\s+", "“")
                .replaceAll("\\s+”", "”")
                .replaceAll("(?<=\\b\\p{Lu}{2,6})[1-9](?=[\\s,.;:]|$)", "")
                .replaceAll("(?<=\\s)&(?=\\p{L})", "& ")
                .replaceAll("\\s+", " ").strip();
    }

    /** A first line that reads like a heading (short, no final full stop), e.g. a Markdown "# …" or HTML title. */
    private static String titleLikeLine(String first) {
        String line = first.replaceFirst("^#+\\s*", "").strip();
        boolean heading = line.length() <= 150 && !line.contains("\t") && !isUpperCase(line) && !line.endsWith(".") && !line.endsWith(":")
                && !BODY_START.matcher(line).matches() && !line.endsWith(",")
                && !line.endsWith(";") && !DATE_LINE.matcher(line).find() && !NUMBER.matcher(line).find();
        return heading ? line : "";
    }

    private static List<String> headerLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String l = line.replaceAll("[\\s\\u00A0]+", " ").strip();
            if (!l.isEmpty()) {
                lines.add(l);
                if (lines.size() == HEADER_LINES) {
                    break;
                }
            }
        }
        return lines;
    }

    /** Lines continuing a title or subject, stopping at the body, the date line or another header element. */
    private static List<String> continuation(List<String> lines, int from, int max, boolean lowercaseOnly) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < lines.size() && out.size() < max; i++) {
            String line = lines.get(i);
            if (BODY_START.matcher(line).matches() || DATE_LINE.matcher(line).find() || NUMBER.matcher(line).find()
                    || line.startsWith("-") || (lowercaseOnly && !startsLowercaseOrDigit(line))) {
                break;
            }
            out.add(line);
            if (line.endsWith(".") || line.endsWith(":") || line.endsWith(";")) {
                break;
            }
        }
        return out;
    }

    /** The issuing body: the last capitalised organisation line of the header, completed by its parent's place. */
    private static String issuer(List<String> header) {
        List<String> bodies = new ArrayList<>();
        for (String raw : header) {
            String line = MOTTO.matcher(raw).replaceAll(" ").replaceAll("\\s+", " ").strip();
            line = NUMBER.matcher(line).replaceAll("").strip();
            line = line.replaceAll("[-–—_]{2,}", "").strip();
            if (TYPES_BY_HEADING.containsKey(line) || BODY_START.matcher(line).matches()) {
                continue; // a type heading or a section heading ("I. MỤC ĐÍCH") is no issuing body
            }
            if (line.split(" ").length >= 2 && isUpperCase(line) && line.codePoints().anyMatch(Character::isLetter)) {
                bodies.add(line);
            }
        }
        if (bodies.isEmpty()) {
            return "";
        }
        String body = bodies.getLast();
        if (bodies.size() >= 2 && body.matches("^(PHÒNG|BAN|TRUNG TÂM|VĂN PHÒNG)\\b.*")) {
            String parent = bodies.get(bodies.size() - 2).replaceFirst("^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\\s+", "");
            if (!parent.equals(bodies.get(bodies.size() - 2))) {
                body = body + " " + parent;
            }
        }
        return sentenceCase(body.replaceFirst("^UBND\\b", "ỦY BAN NHÂN DÂN"));
    }

    /** "ỦY BAN NHÂN DÂN PHƯỜNG KIẾN AN" → "Ủy ban nhân dân phường Kiến An". */
    static String sentenceCase(String upper) {
        String lower = upper.toLowerCase(VI)
                .replace("giáo dục và đào tạo", "Giáo dục và Đào tạo")
                .replace("thcs", "THCS")
                .replace("thpt", "THPT");
        Matcher m = PROPER_NAME_AFTER.matcher(lower);
        int lastEnd = -1;
        while (m.find()) {
            lastEnd = m.end();
        }
        StringBuilder out = new StringBuilder(upperFirst(lastEnd < 0 ? lower : lower.substring(0, lastEnd)));
        if (lastEnd >= 0) {
            for (String word : lower.substring(lastEnd).split(" ")) {
                out.append(upperFirst(word)).append(' ');
            }
        }
        return out.toString().strip();
    }

    private static String formatDate(String day, String month, String year) {
        if (day != null && month != null) {
            return Integer.parseInt(day) + "/" + Integer.parseInt(month) + "/" + year;
        }
        if (month != null) {
            return "tháng " + Integer.parseInt(month) + "/" + year;
        }
        return year;
    }

    private static Optional<String> find(Pattern pattern, List<String> lines, int group) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return Optional.of(m.group(group));
            }
        }
        return Optional.empty();
    }

    private static int lineOf(Pattern pattern, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    private static int firstPositive(int... candidates) {
        int best = Integer.MAX_VALUE;
        for (int c : candidates) {
            if (c >= 0) {
                best = Math.min(best, c);
            }
        }
        // The line holding "Số:" or the date may also hold the issuer (two columns extracted side by side).
        return best == Integer.MAX_VALUE ? 0 : best + 1;
    }

    private static boolean isUpperCase(String s) {
        long letters = s.codePoints().filter(Character::isLetter).count();
        long upper = s.codePoints().filter(Character::isUpperCase).count();
        return letters > 0 && upper * 10 >= letters * 9;
    }

    private static boolean startsLowercaseOrDigit(String s) {
        int c = s.codePointAt(0);
        return Character.isLowerCase(c) || Character.isDigit(c) || "“\"'(".indexOf(c) >= 0;
    }

    private static String lowerFirst(String s) {
        if (s.length() >= 2 && Character.isUpperCase(s.codePointAt(0)) && Character.isUpperCase(s.codePointAt(s.offsetByCodePoints(0, 1)))) {
            return s; // an acronym such as "AI" or "THCS"
        }
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(VI) + s.substring(1);
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(VI) + s.substring(1);
    }

    private static String clip(String title) {
        String t = title.replaceAll("\\s+", " ").strip();
        return t.length() <= 300 ? t : t.substring(0, 300).strip() + "…";
    }
}
