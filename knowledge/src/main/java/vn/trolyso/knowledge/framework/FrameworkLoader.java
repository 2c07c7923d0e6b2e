package vn.trolyso.knowledge.framework;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and validates the framework data file ({@code khung-nang-luc-so.json}). Validation is strict because the
 * answers are presented as exact: any missing or inconsistent item fails loading with a message naming the item
 * and the field.
 */
public final class FrameworkLoader {
    /** Classpath location of the bundled data. */
    public static final String BUNDLED_RESOURCE = "/framework/khung-nang-luc-so.json";

    static final int DOMAINS = 6;
    static final int COMPETENCIES = 24;
    static final int LEVELS = 8;
    static final int TIERS = 4;
    static final int GRADES = 12;

    private static final ObjectMapper JSON = new ObjectMapper();

    private FrameworkLoader() {
    }

    /** Loads the data bundled in the knowledge module. */
    public static CompetencyFramework loadBundled() {
        try (InputStream in = FrameworkLoader.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new FrameworkDataException("bundled framework data " + BUNDLED_RESOURCE + " is not on the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new FrameworkDataException("cannot read " + BUNDLED_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates framework data. The stream is not closed. */
    public static CompetencyFramework load(InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new FrameworkDataException("framework data is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FrameworkDataException("cannot read framework data: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FrameworkDataException("framework data must be a JSON object");
        }
        FrameworkProvenance provenance = provenance(root);
        List<Tier> tiers = tiers(object(root, "cau_truc", "(root)"));
        List<Level> levels = levels(root, tiers);
        List<Domain> domains = domains(root, levels);
        return new CompetencyFramework(provenance, tiers, levels, domains, digComp(root));
    }

    /** The optional DigComp 2.2 comparison; null when the data has none. */
    private static DigCompComparison digComp(JsonNode root) {
        JsonNode n = root.path("digcomp_doi_chieu");
        String version = optionalText(n, "phien_ban");
        String relation = optionalText(n, "quan_he");
        return version == null || relation == null ? null : new DigCompComparison(version, relation);
    }

    private static FrameworkProvenance provenance(JsonNode root) {
        JsonNode source = object(root, "source", "(root)");
        JsonNode structure = object(root, "cau_truc", "(root)");
        JsonNode codeRule = root.path("quy_uoc_ma_chi_bao");
        return new FrameworkProvenance(
                text(source, "van_ban_goc", "source"),
                text(source, "van_ban_huong_dan", "source"),
                optionalText(source, "tai_lieu_tap_huan"),
                optionalTexts(source, "nguon_du_lieu_yeu_cau_can_dat", "source"),
                optionalTexts(source, "nguon_cau_truc", "source"),
                text(source, "do_tin_cay", "source"),
                optionalText(source, "ngay_tong_hop"),
                optionalText(structure, "ghi_chu_muc_bac"),
                optionalTexts(root, "ghi_chu_cap_hoc", "(root)"),
                optionalText(codeRule, "ghi_chu"));
    }

    private static List<Tier> tiers(JsonNode structure) {
        expectCount(structure, "so_mien", DOMAINS, "cau_truc");
        expectCount(structure, "so_nang_luc_thanh_phan", COMPETENCIES, "cau_truc");
        expectCount(structure, "so_muc_trinh_do", TIERS, "cau_truc");
        expectCount(structure, "so_bac", LEVELS, "cau_truc");
        JsonNode list = array(structure, "muc_trinh_do", "cau_truc");
        if (list.size() != TIERS) {
            throw new FrameworkDataException("cau_truc.muc_trinh_do: expected " + TIERS + " tiers, found " + list.size());
        }
        List<Tier> tiers = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "cau_truc.muc_trinh_do[" + i + "]";
            JsonNode tier = list.get(i);
            List<Integer> levels = new ArrayList<>();
            for (JsonNode n : array(tier, "bac", where)) {
                int level = levelNumber(n, where + ".bac");
                if (!seen.add(level)) {
                    throw new FrameworkDataException(where + ".bac: level " + level + " belongs to two tiers");
                }
                levels.add(level);
            }
            tiers.add(new Tier(text(tier, "muc", where), levels));
        }
        if (seen.size() != LEVELS) {
            throw new FrameworkDataException("cau_truc.muc_trinh_do: the tiers cover " + seen.size() + " of " + LEVELS + " levels");
        }
        return tiers;
    }

    private static List<Level> levels(JsonNode root, List<Tier> tiers) {
        JsonNode list = array(root, "levels", "(root)");
        if (list.size() != LEVELS) {
            throw new FrameworkDataException("levels: expected " + LEVELS + " levels, found " + list.size());
        }
        Map<Integer, Level> byNumber = new TreeMap<>();
        Map<Integer, Integer> gradeToLevel = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = "levels[" + i + "]";
            int number = levelNumber(n.get("bac"), where + ".bac");
            where = "levels[" + i + "] (bậc " + number + ")";
            String tier = text(n, "muc", where);
            Tier expectedTier = tiers.stream().filter(t -> t.levels().contains(number)).findFirst().orElseThrow();
            if (!expectedTier.name().equals(tier)) {
                throw new FrameworkDataException(where + ".muc: \"" + tier + "\" but cau_truc puts it in \"" + expectedTier.name() + "\"");
            }
            boolean described = number <= Level.HIGHEST_DESCRIBED;
            List<Integer> grades = new ArrayList<>();
            for (JsonNode g : array(n, "lop", where)) {
                if (!g.isInt() || g.asInt() < 1 || g.asInt() > GRADES) {
                    throw new FrameworkDataException(where + ".lop: " + g + " is not a grade 1–" + GRADES);
                }
                Integer previous = gradeToLevel.put(g.asInt(), number);
                if (previous != null) {
                    throw new FrameworkDataException(where + ".lop: grade " + g.asInt() + " is also mapped to bậc " + previous);
                }
                grades.add(g.asInt());
            }
            Level level = new Level(number, tier,
                    described ? text(n, "ky_hieu", where) : optionalText(n, "ky_hieu"),
                    text(n, "ten", where),
                    described ? text(n, "cap_hoc", where) : optionalText(n, "cap_hoc"),
                    grades,
                    described ? text(n, "nhiem_vu", where) : optionalText(n, "nhiem_vu"),
                    described ? text(n, "tu_chu", where) : optionalText(n, "tu_chu"),
                    described ? text(n, "cau_dan", where) : optionalText(n, "cau_dan"),
                    text(n, "trang_thai", where),
                    optionalText(n, "ghi_chu"));
            if (byNumber.put(number, level) != null) {
                throw new FrameworkDataException(where + ".bac: level " + number + " appears twice");
            }
        }
        for (int g = 1; g <= GRADES; g++) {
            if (!gradeToLevel.containsKey(g)) {
                throw new FrameworkDataException("levels[*].lop: grade " + g + " is not mapped to any level");
            }
        }
        return List.copyOf(byNumber.values());
    }

    private static List<Domain> domains(JsonNode root, List<Level> levels) {
        JsonNode list = array(root, "domains", "(root)");
        if (list.size() != DOMAINS) {
            throw new FrameworkDataException("domains: expected " + DOMAINS + " domains, found " + list.size());
        }
        List<Domain> domains = new ArrayList<>();
        Set<String> competencyCodes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String code = text(n, "code", "domains[" + i + "]");
            String where = "domains[" + i + "] (miền " + code + ")";
            if (!code.equals(String.valueOf(i + 1))) {
                throw new FrameworkDataException(where + ".code: expected \"" + (i + 1) + "\"");
            }
            JsonNode comps = array(n, "competencies", where);
            if (n.has("so_nang_luc_thanh_phan") && n.get("so_nang_luc_thanh_phan").asInt() != comps.size()) {
                throw new FrameworkDataException(where + ".so_nang_luc_thanh_phan: says "
                        + n.get("so_nang_luc_thanh_phan").asInt() + " but lists " + comps.size() + " competencies");
            }
            List<Competency> competencies = new ArrayList<>();
            for (int j = 0; j < comps.size(); j++) {
                Competency c = competency(comps.get(j), code, where + ".competencies[" + j + "]", levels);
                if (!c.code().equals(code + "." + (j + 1))) {
                    throw new FrameworkDataException(where + ".competencies[" + j + "].code: \"" + c.code()
                            + "\", expected \"" + code + "." + (j + 1) + "\"");
                }
                if (!competencyCodes.add(c.code())) {
                    throw new FrameworkDataException(where + ".competencies[" + j + "].code: \"" + c.code() + "\" appears twice");
                }
                competencies.add(c);
            }
            domains.add(new Domain(code, text(n, "name", where), optionalTexts(n, "ten_khac", where),
                    text(n, "mo_ta_mien", where), optionalText(n, "mo_ta_mien_trang_thai"),
                    optionalText(n, "digcomp_2_2_area"), competencies));
        }
        if (competencyCodes.size() != COMPETENCIES) {
            throw new FrameworkDataException("domains[*].competencies: expected " + COMPETENCIES
                    + " competencies, found " + competencyCodes.size());
        }
        return domains;
    }

    private static Competency competency(JsonNode n, String domainCode, String at, List<Level> levels) {
        String code = text(n, "code", at);
        String where = at + " (" + code + ")";
        String status = text(n, "trang_thai", where);
        JsonNode descriptorsNode = object(n, "descriptors", where);
        JsonNode indicatorsNode = object(n, "chi_bao", where);
        Map<Integer, String> descriptors = new LinkedHashMap<>();
        Map<Integer, List<Indicator>> indicators = new LinkedHashMap<>();
        for (Level level : levels) {
            if (!level.hasDescriptors()) {
                continue;
            }
            String key = String.valueOf(level.number());
            JsonNode d = descriptorsNode.get(key);
            // A gap is accepted only where the data marks it explicitly (e.g. 6.1 level 1: "bac_1_khong_co").
            boolean markedMissing = status.contains("bac_" + key + "_khong_co");
            if (d == null || d.isNull()) {
                if (markedMissing) {
                    if (indicatorsNode.has(key)) {
                        throw new FrameworkDataException(where + ".chi_bao.\"" + key + "\": indicators for a level marked as having no descriptor");
                    }
                    continue;
                }
                throw new FrameworkDataException(where + ".descriptors.\"" + key + "\" is missing (bậc " + key + ")");
            }
            if (!d.isTextual() || d.asText().isBlank()) {
                throw new FrameworkDataException(where + ".descriptors.\"" + key + "\" must be non-empty text");
            }
            descriptors.put(level.number(), d.asText().strip());
            JsonNode list = indicatorsNode.get(key);
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new FrameworkDataException(where + ".chi_bao.\"" + key + "\" is missing or empty (bậc " + key + ")");
            }
            List<Indicator> items = new ArrayList<>();
            String prefix = code + "." + level.symbol();
            for (int k = 0; k < list.size(); k++) {
                String iw = where + ".chi_bao.\"" + key + "\"[" + k + "]";
                String ma = text(list.get(k), "ma", iw);
                if (!ma.startsWith(prefix)) {
                    throw new FrameworkDataException(iw + ".ma: \"" + ma + "\" does not start with \"" + prefix + "\"");
                }
                items.add(new Indicator(ma, text(list.get(k), "noi_dung", iw)));
            }
            indicators.put(level.number(), List.copyOf(items));
        }
        for (var it = descriptorsNode.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.matches("[1-5]")) {
                throw new FrameworkDataException(where + ".descriptors.\"" + key + "\": only levels 1–5 have descriptors");
            }
        }
        return new Competency(code, domainCode, text(n, "name", where), optionalTexts(n, "ten_khac", where),
                text(n, "mo_ta", where), optionalText(n, "digcomp_2_2"), descriptors, indicators, status,
                optionalText(n, "ten_trang_thai"), optionalTexts(n, "ghi_chu", where), optionalText(n, "ghi_chu_mo_ta"));
    }

    private static int levelNumber(JsonNode n, String where) {
        if (n == null || !n.isInt() || n.asInt() < 1 || n.asInt() > LEVELS) {
            throw new FrameworkDataException(where + ": " + n + " is not a level 1–" + LEVELS);
        }
        return n.asInt();
    }

    private static void expectCount(JsonNode n, String field, int expected, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isInt()) {
            throw new FrameworkDataException(where + "." + field + " is missing or not a number");
        }
        if (v.asInt() != expected) {
            throw new FrameworkDataException(where + "." + field + ": expected " + expected + ", found " + v.asInt());
        }
    }

    private static JsonNode object(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            throw new FrameworkDataException(where + "." + field + " is missing or not an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new FrameworkDataException(where + "." + field + " is missing or not a list");
        }
        return v;
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            throw new FrameworkDataException(where + "." + field + " is missing");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new FrameworkDataException(where + "." + field + " must be non-empty text");
        }
        return v.asText().strip();
    }

    private static String optionalText(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static List<String> optionalTexts(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return v.asText().isBlank() ? List.of() : List.of(v.asText().strip());
        }
        if (!v.isArray()) {
            throw new FrameworkDataException(where + "." + field + " must be a text or a list of texts");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new FrameworkDataException(where + "." + field + " must be a list of texts");
            }
            out.add(item.asText().strip());
        }
        return out;
    }
}
