package vn.trolyso.server.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.trolyso.assistant.llm.OllamaSettings;

/**
 * The configuration table of the operator guide (docs/cai-dat-van-hanh.md, "10. Bảng cấu hình") against the real
 * defaults: application.yaml (each value's variable is named in its comment, {@code # [VAR]}; the OLLAMA_* knobs
 * too) and the ./trolyso script for TROLYSO_HEAP. Every variable of application.yaml must be in the table and in the
 * alias table {@link ConfigVariables#ALIASES}, and every documented default must be the real one; the README's short
 * table ("Cấu hình chính") must agree with the guide's.
 */
class ConfigurationDocsTest {
    static final Path GUIDE = Path.of("..", "docs", "cai-dat-van-hanh.md");
    static final Path SCRIPT = Path.of("..", "trolyso");
    static final Path README = Path.of("..", "README.md");
    static final String NONE = "không có";
    static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]+)` \\| (`([^`]*)`|" + NONE + ") \\|.*");
    static final Pattern YAML_VAR = Pattern.compile("#\\s*\\[([A-Z][A-Z0-9_]+)\\]");

    /** Variable → documented default ("" for "không có") in the guide's full table. */
    static Map<String, String> documented() throws IOException {
        Map<String, String> rows = rows(GUIDE, "## 10. Bảng cấu hình");
        assertTrue(rows.size() > 20, "the configuration table was not found in " + GUIDE + ": " + rows);
        return rows;
    }

    /** The rows of the configuration tables under the section whose heading starts with {@code section}. */
    static Map<String, String> rows(Path file, String section) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(file, UTF_8)) {
            if (line.startsWith("## ")) {
                inTable = line.startsWith(section);
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (inTable && m.matches()) {
                rows.put(m.group(1), m.group(3) == null ? "" : m.group(3));
            }
        }
        return rows;
    }

    @Test
    void theReadmesTopSettingsAgreeWithTheGuide() throws IOException {
        Map<String, String> readme = rows(README, "## Cấu hình chính");
        assertTrue(readme.size() >= 5, "the README's settings table was not found: " + readme);
        Map<String, String> guide = documented();
        for (Map.Entry<String, String> row : readme.entrySet()) {
            assertEquals(guide.get(row.getKey()), row.getValue(), "README.md and " + GUIDE + " on " + row.getKey());
        }
    }

    /** Variable → the value application.yaml gives it ("" for an empty string or list; lists joined by commas). */
    static Map<String, String> yamlDefaults() throws IOException {
        List<String> lines;
        try (InputStream in = ConfigurationDocsTest.class.getResourceAsStream("/application.yaml")) {
            lines = new String(in.readAllBytes(), UTF_8).lines().toList();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = YAML_VAR.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            String line = lines.get(i);
            int hash = line.indexOf('#');
            if (line.substring(0, hash).isBlank()) { // a comment line: the value is on the next setting line
                int j = i + 1;
                while (lines.get(j).strip().startsWith("#")) {
                    j++;
                }
                line = lines.get(j);
                hash = line.contains("#") ? line.indexOf('#') : line.length();
            }
            String setting = line.substring(0, hash);
            out.put(m.group(1), normalise(setting.substring(setting.indexOf(':') + 1)));
        }
        return out;
    }

    static String normalise(String yamlValue) {
        String v = yamlValue.strip();
        if (v.equals("\"\"") || v.equals("[]")) {
            return "";
        }
        if (v.startsWith("[") && v.endsWith("]")) {
            return String.join(",", v.substring(1, v.length() - 1).split("\\s*,\\s*"));
        }
        return v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    @Test
    void everyVariableIsDocumented() throws Exception {
        Map<String, String> docs = documented();
        TreeSet<String> missing = new TreeSet<>(yamlDefaults().keySet());
        missing.addAll(ConfigVariables.ALIASES.keySet());
        missing.removeAll(docs.keySet());
        assertEquals(new TreeSet<>(), missing, "variables missing from the table in " + GUIDE);
    }

    @Test
    void theAliasTableAndApplicationYamlNameTheSameVariables() throws IOException {
        assertEquals(new TreeSet<>(ConfigVariables.ALIASES.keySet()), new TreeSet<>(yamlDefaults().keySet()));
    }

    @Test
    void everyDocumentedDefaultIsTheRealOne() throws Exception {
        Map<String, String> yaml = yamlDefaults();
        String script = Files.readString(SCRIPT, UTF_8);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> row : documented().entrySet()) {
            String name = row.getKey();
            String documentedValue = row.getValue();
            if (yaml.containsKey(name)) {
                if (!yaml.get(name).equals(documentedValue)) {
                    wrong.add(name + ": documented '" + documentedValue + "', application.yaml '" + yaml.get(name) + "'");
                }
                if (!documentedValue.isEmpty()) {
                    ServerConfig.load(Map.of(name, documentedValue)); // a documented value is a valid value
                }
                // Reading the documented value must give exactly the defaults (durations like 30m compare as values).
                if (!ServerConfig.load(Map.of(name, documentedValue)).ollama().equals(OllamaSettings.defaults())) {
                    wrong.add(name + ": documented '" + documentedValue + "' is not OllamaSettings' default");
                }
            } else if (script.contains("${" + name + ":-")) {
                if (!script.contains("${" + name + ":-" + documentedValue + "}")) {
                    wrong.add(name + ": documented '" + documentedValue + "' differs from ./trolyso");
                }
            } else {
                fail(name + " is documented but is neither in application.yaml nor ./trolyso");
            }
        }
        assertEquals(List.of(), wrong);
    }
}
