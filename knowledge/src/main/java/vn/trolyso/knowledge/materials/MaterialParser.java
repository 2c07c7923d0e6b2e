package vn.trolyso.knowledge.materials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.trolyso.knowledge.framework.Competency;
import vn.trolyso.knowledge.framework.FrameworkLoader;
import vn.trolyso.knowledge.text.StrictUtf8;

/**
 * Parses one materials file: YAML front matter between {@code ---} lines, a Markdown body of {@code ##} sections, and
 * a final {@code ## Câu hỏi kiểm tra} section of numbered questions whose options are task-list items, the right one
 * ticked: {@code - [x] right option}, {@code - [ ] wrong option}. Collects every problem of the file before failing.
 */
public final class MaterialParser {
    /** Heading of the check-question section; it must be the last section. */
    public static final String CHECK_SECTION = "Câu hỏi kiểm tra";

    static final Set<String> FIELDS = Set.of("id", "title", "competencies", "levels", "audience", "duration_minutes",
            "summary", "basic");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Competency codes of the framework ("1.1" … "6.3"): a module may only claim codes that exist. */
    private static final Set<String> COMPETENCIES = FrameworkLoader.loadBundled().competencies().stream()
            .map(Competency::code).collect(Collectors.toUnmodifiableSet());
    private static final Pattern QUESTION = Pattern.compile("\\d+\\.\\s+(.+)");
    private static final Pattern OPTION = Pattern.compile("[-*]\\s+\\[([ xX])]\\s+(.+)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MaterialParser() {
    }

    /** Parses a file's bytes, which must be UTF-8. */
    public static Material parse(String file, byte[] bytes) throws InvalidMaterialException {
        Optional<String> content = StrictUtf8.decode(bytes);
        if (content.isEmpty()) {
            throw new InvalidMaterialException(List.of(new MaterialProblem(file, "mã hóa", "Tệp phải lưu ở dạng UTF-8.")));
        }
        return parse(file, content.get());
    }

    public static Material parse(String file, String content) throws InvalidMaterialException {
        Problems problems = new Problems(file);
        String text = Normalizer.normalize(content.replace("\r\n", "\n").replace("\uFEFF", ""), Normalizer.Form.NFC);
        if (!text.startsWith("---\n")) {
            throw problems.fail("front matter", "Tệp phải bắt đầu bằng dòng '---' mở đầu phần thông tin (front matter).");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw problems.fail("front matter", "Không tìm thấy dòng '---' kết thúc phần thông tin (front matter).");
        }
        JsonNode meta;
        try {
            meta = YAML.readTree(text.substring(4, end + 1));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + 1;
            throw problems.fail("front matter", "YAML không hợp lệ" + (line > 0 ? " ở dòng " + line : "") + ": "
                    + e.getOriginalMessage());
        }
        if (meta == null || !meta.isObject()) {
            throw problems.fail("front matter", "Phần thông tin phải là các cặp 'tên: giá trị'.");
        }
        for (Iterator<String> names = meta.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(name, "Trường không được hỗ trợ (các trường hợp lệ: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ").");
            }
        }
        String id = text(meta, "id", problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add("id", "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối, ví dụ 'an-toan-mang': '" + id + "'.");
        }
        String title = text(meta, "title", problems);
        String summary = text(meta, "summary", problems);
        List<String> competencies = list(meta, "competencies", problems, node -> {
            String code = node.asText().trim();
            return COMPETENCIES.contains(code) ? code : null;
        }, "mã năng lực thành phần của khung, từ \"1.1\" đến \"6.3\", ví dụ \"4.2\"");
        List<Integer> levels = list(meta, "levels", problems,
                node -> node.canConvertToInt() && node.isIntegralNumber() && node.asInt() >= 1 && node.asInt() <= 8
                        ? node.asInt() : null, "bậc từ 1 đến 8");
        List<Audience> audience = list(meta, "audience", problems,
                node -> Audience.fromCode(node.asText().trim()).orElse(null), "một trong CBQL, GV, NV, HS, PHHS");
        int duration = 0;
        JsonNode d = meta.get("duration_minutes");
        if (d == null || d.isNull()) {
            problems.add("duration_minutes", "Thiếu trường bắt buộc.");
        } else if (!d.isIntegralNumber() || d.asInt() < 1 || d.asInt() > 600) {
            problems.add("duration_minutes", "Phải là số phút nguyên từ 1 đến 600: '" + d.asText() + "'.");
        } else {
            duration = d.asInt();
        }
        boolean basic = false;
        JsonNode b = meta.get("basic");
        if (b != null && !b.isNull()) {
            if (b.isBoolean()) {
                basic = b.asBoolean();
            } else {
                problems.add("basic", "Phải là true hoặc false: '" + b.asText() + "'.");
            }
        }

        List<Material.Section> sections = sections(text.substring(end + 5));
        List<CheckQuestion> questions = List.of();
        if (sections.isEmpty() || !sections.getLast().heading().equals(CHECK_SECTION)) {
            problems.add(CHECK_SECTION, "Tệp phải kết thúc bằng mục '## " + CHECK_SECTION + "'.");
        } else {
            questions = checkQuestions(sections.getLast().text(), problems);
            sections = sections.subList(0, sections.size() - 1);
        }
        if (sections.isEmpty()) {
            problems.add("nội dung", "Cần ít nhất một mục '## ' nội dung trước phần câu hỏi kiểm tra.");
        }
        if (!problems.isEmpty()) {
            throw problems.fail();
        }
        return new Material(id, title, competencies, levels, EnumSet.copyOf(audience), duration, summary, basic,
                sections, questions, file);
    }

    private static String text(JsonNode meta, String field, Problems problems) {
        JsonNode node = meta.get(field);
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            problems.add(field, node == null || node.isNull() ? "Thiếu trường bắt buộc." : "Phải là một đoạn chữ không rỗng.");
            return null;
        }
        return node.asText().trim();
    }

    private static <T> List<T> list(JsonNode meta, String field, Problems problems, Function<JsonNode, T> convert,
                                    String expected) {
        JsonNode node = meta.get(field);
        if (node == null || node.isNull()) {
            problems.add(field, "Thiếu trường bắt buộc.");
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(field, "Phải là một danh sách không rỗng, ví dụ [" + (field.equals("audience") ? "GV, HS" : "1, 2")
                    + "].");
            return List.of();
        }
        List<T> values = new ArrayList<>();
        for (JsonNode item : node) {
            T value = item.isValueNode() ? convert.apply(item) : null;
            if (value == null) {
                problems.add(field, "Giá trị '" + item.asText() + "' không hợp lệ: cần " + expected + ".");
            } else if (!values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    /** Splits a Markdown body at its {@code ##} headings; text before the first heading is ignored. */
    static List<Material.Section> sections(String body) {
        List<Material.Section> sections = new ArrayList<>();
        String heading = null;
        StringBuilder current = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (heading != null) {
                    sections.add(new Material.Section(heading, current.toString().strip()));
                }
                heading = line.substring(3).strip();
                current.setLength(0);
            } else if (heading != null) {
                current.append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.add(new Material.Section(heading, current.toString().strip()));
        }
        return sections;
    }

    private static List<CheckQuestion> checkQuestions(String section, Problems problems) {
        List<CheckQuestion> questions = new ArrayList<>();
        int seen = 0;
        String question = null;
        List<String> options = new ArrayList<>();
        List<Integer> ticked = new ArrayList<>();
        String[] lines = section.split("\n");
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : null;
            Matcher q = line == null ? null : QUESTION.matcher(line);
            if (line == null || q.matches()) {
                if (question != null) {
                    seen++;
                    addQuestion(seen, questions, question, options, ticked, problems);
                }
                if (line != null) {
                    question = q.group(1).strip();
                    options = new ArrayList<>();
                    ticked = new ArrayList<>();
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            Matcher o = OPTION.matcher(line);
            if (o.matches() && question != null) {
                if (!o.group(1).isBlank()) {
                    ticked.add(options.size());
                }
                options.add(o.group(2).strip());
            } else {
                problems.add(CHECK_SECTION, "Dòng không phải câu hỏi ('1. …') hay lựa chọn ('- [ ] …' / '- [x] …'): '"
                        + line + "'.");
            }
        }
        if (seen < 2 || seen > 4) {
            problems.add(CHECK_SECTION, "Cần từ 2 đến 4 câu hỏi kiểm tra, hiện có " + seen + ".");
        }
        return questions;
    }

    private static void addQuestion(int number, List<CheckQuestion> questions, String question, List<String> options,
                                    List<Integer> ticked, Problems problems) {
        if (options.size() < 2) {
            problems.add(CHECK_SECTION, "Câu " + number + " cần ít nhất 2 lựa chọn.");
        } else if (ticked.size() != 1) {
            problems.add(CHECK_SECTION, "Câu " + number + " phải có đúng một lựa chọn được đánh dấu [x], hiện có "
                    + ticked.size() + ".");
        } else {
            questions.add(new CheckQuestion(question, options, ticked.getFirst()));
        }
    }

    /** Problems of one file, in the order found. */
    private static final class Problems {
        private final String file;
        private final List<MaterialProblem> list = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(String field, String message) {
            list.add(new MaterialProblem(file, field, message));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        InvalidMaterialException fail(String field, String message) {
            add(field, message);
            return fail();
        }

        InvalidMaterialException fail() {
            return new InvalidMaterialException(list);
        }
    }
}
