package vn.trolyso.knowledge.framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a question is about the competency framework and what it asks: grade, level, competency, domain and
 * question type. Works on folded text, so "lop 8", "Lớp 8" and "LỚP 8" are the same. Thread-safe.
 */
public final class FrameworkQuestionRecognizer {
    /** "lớp 6 đến lớp 9", "lớp 1-3" (a dash between numbers is folded to "đến": {@link FrameworkText#fold}). */
    private static final Pattern GRADE_RANGE =
            Pattern.compile("\\b(?:lop|khoi)\\s*(\\d{1,2})\\s*(?:den|toi)\\s*(?:lop\\s*)?(\\d{1,2})\\b");
    private static final Pattern GRADE = Pattern.compile("\\b(?:lop|khoi)\\s*(\\d{1,2})\\b");
    /**
     * "cấp 1 / cấp 2 / cấp 3", as people call primary, lower and upper secondary school ("trung cấp 1" is the level
     * TC1, "sơ cấp" a training grade).
     */
    private static final Pattern SCHOOL_STAGE = Pattern.compile("(?<!trung )(?<!so )\\bcap\\s*([123])\\b");
    private static final int[][] STAGE_GRADES = {{1, 5}, {6, 9}, {10, 12}};
    /** Children before grade 1 ("trẻ mẫu giáo 5 tuổi", "mầm non"), asked about as grade {@link #PRESCHOOL}. */
    private static final Pattern PRESCHOOL_CHILD = Pattern.compile(
            "\\b(?:mam non|mau giao|nha tre|lop (?:choi|mam)|tre (?:em )?[2-5] tuoi)\\b");
    /** The grade a preschool child is asked about as: no grade of the level table. */
    public static final int PRESCHOOL = 0;
    private static final Pattern LEVEL_NUMBERS = Pattern.compile(
            "\\bbac\\s*(\\d{1,2})\\b(?:\\s*(?:va|voi|so voi|hay|hoac|den|toi)\\s*(?:bac\\s*)?(\\d{1,2})\\b)?");
    private static final Pattern LEVEL_SYMBOL = Pattern.compile("\\b(cb|tc|nc)\\s?([12])\\b");
    private static final Pattern LEVEL_NAME =
            Pattern.compile("\\b(co ban|trung cap|nang cao|chuyen sau)\\s*([12])\\b");
    private static final Pattern INDICATOR_CODE = Pattern.compile("\\b[1-9]\\.[0-9]\\.(cb|tc|nc)([12])[a-z]?\\b");
    /** A competency's code ("4.2"); not the version of the European framework ("DigComp 2.2"). */
    private static final Pattern CODE = Pattern.compile("(?<![0-9.])(?<!digcomp )([1-9])\\.([0-9])(?![0-9])");
    /** "miền 6", "miền số 6", "miền năng lực thứ 6". */
    private static final Pattern DOMAIN_NUMBER = Pattern.compile(
            "\\bmien\\s*(?:nang luc\\s*)?(?:so\\s*|thu\\s*)?(\\d)\\b");
    private static final Pattern DOMAIN_ORDINAL =
            Pattern.compile("\\bmien\\s*(?:nang luc\\s*)?(?:thu\\s*)(nhat|hai|ba|tu|bon|nam|sau)\\b");
    private static final Pattern OWN_CLASS = Pattern.compile(
            "\\b(?:hoc sinh|hoc tro|cac em|lop)\\s*(?:cua\\s*)?(?:toi|minh|em)\\b|\\blop (?:toi|minh) day\\b");
    private static final Pattern DOCUMENT_QUESTION = Pattern.compile(
            "\\b(?:ke hoach|tap huan|day of ai|ubnd|uy ban|binh dan hoc vu|kinh phi)\\b");
    private static final Pattern ANCHOR = Pattern.compile(
            "\\b(?:khung nang luc|nang luc so|nang luc thanh phan|nltp|nls|mien|bac|chi bao|yeu cau can dat|can dat"
                    + "|muc trinh do|cap do|trinh do|digcomp)\\b");

    /**
     * "lớp 4 thì thuộc mức nào?": of a grade, which of the framework's levels it is on (the plans map no grade to a
     * level; "thư viện đạt chuẩn mức mấy" names no grade).
     */
    private static final Pattern GRADES_TIER_ASKED = Pattern.compile(
            "\\b(?:thuoc|o|nam o|xep vao|ung voi) (?:muc|muc do) (?:nao|may)\\b");

    private static final Map<String, Integer> ORDINALS = Map.of("nhat", 1, "hai", 2, "ba", 3, "tu", 4, "bon", 4,
            "nam", 5, "sau", 6);

    /** Everyday phrasings of competencies (folded), checked after the official names, longest first. */
    private static final Map<String, String> COMPETENCY_ALIASES = new LinkedHashMap<>();
    /** Everyday phrasings of domains (folded). */
    private static final Map<String, String> DOMAIN_ALIASES = new LinkedHashMap<>();

    static {
        alias(COMPETENCY_ALIASES, "1.1", "tim kiem thong tin", "tim kiem", "loc du lieu", "loc thong tin");
        alias(COMPETENCY_ALIASES, "1.2", "danh gia du lieu", "danh gia thong tin", "danh gia nguon tin");
        alias(COMPETENCY_ALIASES, "1.3", "quan ly du lieu", "quan ly thong tin", "luu tru du lieu");
        alias(COMPETENCY_ALIASES, "2.1", "tuong tac qua cong nghe", "tuong tac thong qua");
        alias(COMPETENCY_ALIASES, "2.2", "chia se thong tin", "chia se noi dung");
        alias(COMPETENCY_ALIASES, "2.3", "trach nhiem cong dan", "cong dan so", "dich vu cong");
        alias(COMPETENCY_ALIASES, "2.4", "hop tac thong qua", "hop tac qua cong nghe", "hop tac truc tuyen");
        alias(COMPETENCY_ALIASES, "2.5", "quy tac ung xu", "ung xu tren mang", "netiquette", "van hoa mang");
        alias(COMPETENCY_ALIASES, "2.6", "danh tinh so", "danh tinh truc tuyen");
        alias(COMPETENCY_ALIASES, "3.1", "phat trien noi dung", "tao noi dung so");
        alias(COMPETENCY_ALIASES, "3.2", "tich hop noi dung", "tao lap lai");
        alias(COMPETENCY_ALIASES, "3.3", "ban quyen", "giay phep");
        alias(COMPETENCY_ALIASES, "3.4", "lap trinh", "viet chuong trinh");
        alias(COMPETENCY_ALIASES, "4.1", "bao ve thiet bi", "an toan thiet bi");
        alias(COMPETENCY_ALIASES, "4.2", "du lieu ca nhan", "quyen rieng tu", "thong tin ca nhan");
        alias(COMPETENCY_ALIASES, "4.3", "bao ve suc khoe", "suc khoe", "an sinh so");
        alias(COMPETENCY_ALIASES, "4.4", "bao ve moi truong");
        alias(COMPETENCY_ALIASES, "5.1", "van de ky thuat", "su co ky thuat");
        alias(COMPETENCY_ALIASES, "5.2", "giai phap cong nghe", "nhu cau cong nghe");
        alias(COMPETENCY_ALIASES, "5.3", "su dung sang tao", "sang tao cong nghe");
        alias(COMPETENCY_ALIASES, "5.4", "cai thien nang luc so", "cai thien nang luc", "tu danh gia nang luc so");
        alias(COMPETENCY_ALIASES, "6.1", "hieu biet ve ai", "hieu biet ve tri tue nhan tao", "hieu biet ai",
                "hieu ve ai", "kien thuc ve ai");
        alias(COMPETENCY_ALIASES, "6.2", "su dung ai", "dung ai", "su dung tri tue nhan tao", "dung tri tue nhan tao",
                "su dung cong cu ai", "dung cong cu ai", "ai co dao duc");
        alias(COMPETENCY_ALIASES, "6.3", "danh gia ai", "danh gia cong cu ai", "danh gia tri tue nhan tao",
                "danh gia cac cong cu ai");
        alias(DOMAIN_ALIASES, "1", "khai thac du lieu", "khai thac thong tin");
        alias(DOMAIN_ALIASES, "2", "giao tiep", "hop tac");
        alias(DOMAIN_ALIASES, "3", "sang tao noi dung");
        alias(DOMAIN_ALIASES, "4", "an toan so", "an toan");
        alias(DOMAIN_ALIASES, "5", "giai quyet van de");
        alias(DOMAIN_ALIASES, "6", "ung dung tri tue nhan tao", "tri tue nhan tao", "ung dung ai", "ai");
    }

    private static void alias(Map<String, String> map, String code, String... phrases) {
        for (String p : phrases) {
            map.put(p, code);
        }
    }

    private final CompetencyFramework framework;
    private final List<Map.Entry<String, String>> competencyNames = new ArrayList<>();
    private final List<Map.Entry<String, String>> domainNames = new ArrayList<>();
    /** Each indicator's folded words with its competency's code, folded once. */
    private final List<Map.Entry<String, List<String>>> indicatorWords = new ArrayList<>();

    public FrameworkQuestionRecognizer(CompetencyFramework framework) {
        this.framework = framework;
        for (Competency c : framework.competencies()) {
            competencyNames.add(Map.entry(FrameworkText.fold(c.name()), c.code()));
            c.alternativeNames().forEach(a -> competencyNames.add(Map.entry(FrameworkText.fold(a), c.code())));
            c.indicators().values().forEach(atLevel -> atLevel.forEach(i -> indicatorWords.add(
                    Map.entry(c.code(), List.of(FrameworkText.fold(i.text()).split(" "))))));
        }
        COMPETENCY_ALIASES.forEach((k, v) -> competencyNames.add(Map.entry(k, v)));
        competencyNames.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        for (Domain d : framework.domains()) {
            domainNames.add(Map.entry(FrameworkText.fold(d.name()), d.code()));
        }
        DOMAIN_ALIASES.forEach((k, v) -> domainNames.add(Map.entry(k, v)));
        domainNames.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
    }

    /** The framework intent of a question, or empty when it is not about the framework. */
    public Optional<FrameworkIntent> recognize(String question) {
        if (question == null || question.isBlank()) {
            return Optional.empty();
        }
        String f = FrameworkText.fold(question);
        if (DOCUMENT_QUESTION.matcher(f).find()) {
            return Optional.empty(); // about a plan or a local document that mentions the framework
        }
        List<Integer> grades = grades(f);
        List<Integer> levels = levels(f);
        // Only a question that may be about the framework is searched for an indicator's words: the rest of the
        // questions, about the plans, skip it.
        String competency = namedCompetency(f, ANCHOR.matcher(f).find() || !levels.isEmpty() || has(f, "nang luc"));
        String domain = domain(f);
        if (domain != null && competency != null) {
            // "miền An toàn …" names the domain; a competency code or an own phrase of a competency wins otherwise
            if (has(f, "mien") && !explicitCompetencyCode(f)) {
                competency = null;
            } else {
                domain = null;
            }
        }
        boolean ownClass = OWN_CLASS.matcher(f).find();
        boolean anchored = ANCHOR.matcher(f).find() || !levels.isEmpty()
                || competency != null && (explicitCompetencyCode(f) || has(f, "nang luc"))
                || !grades.isEmpty() && GRADES_TIER_ASKED.matcher(f).find();
        if (!anchored) {
            return Optional.empty();
        }
        FrameworkQuestionType type = type(f, grades, levels, competency, domain, ownClass);
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new FrameworkIntent(type, grades, levels, competency, domain, ownClass));
    }

    /** "cần đạt", "yêu cầu", "làm được gì" (folded): the question asks what is required. */
    private static final Pattern ASKS_REQUIREMENTS = Pattern.compile(
            "\\b(?:yeu cau|can dat|phai dat|dat duoc|lam duoc|phai lam|can lam|can biet|phai biet)\\b");

    /** "thế còn … thì sao", "còn lớp 9?": a follow-up that asks again what the question before it asked (folded). */
    private static final Pattern ELLIPTICAL = Pattern.compile(
            "^(?:the |vay |va )?con\\b|\\b(?:thi sao|the nao|ra sao)\\s*\\??$");

    /**
     * A follow-up of a framework question, completed by that question's intent. "lớp 8 thì phần đó yêu cầu cần đạt
     * thế nào?" after "Khung … có phần nào về bảo vệ sức khỏe …?" asks 4.3 at grade 8; "về bảo vệ dữ liệu cá nhân …
     * thì các em cần làm được gì?" after "Học sinh lớp 6 ứng với mức nào?" asks 4.2 at grade 6. Empty unless the
     * question asks for requirements (or asks again, "thế còn phần bản quyền thì sao?", after a question that did)
     * and names either the competency (or domain) or the grade (or level), not both, and the earlier intent has the
     * other.
     */
    public Optional<FrameworkIntent> recognizeFollowUp(String question, FrameworkIntent earlier) {
        if (question == null || earlier == null) {
            return Optional.empty();
        }
        String f = FrameworkText.fold(question);
        boolean asksAgain = earlier.type() == FrameworkQuestionType.REQUIREMENTS && ELLIPTICAL.matcher(f).find();
        if (DOCUMENT_QUESTION.matcher(f).find() || !ASKS_REQUIREMENTS.matcher(f).find() && !asksAgain) {
            return Optional.empty();
        }
        List<Integer> grades = grades(f);
        List<Integer> levels = levels(f);
        boolean ownClass = OWN_CLASS.matcher(f).find();
        // the earlier framework question anchors this one: an indicator's own words name its competency
        String competency = namedCompetency(f, true);
        String domain = competency == null ? domain(f) : null;
        boolean unitNamed = competency != null || domain != null;
        boolean stageNamed = !grades.isEmpty() || !levels.isEmpty() || ownClass;
        if (unitNamed == stageNamed || levels.size() > 1) {
            return Optional.empty(); // a question of its own, or nothing it names to complete
        }
        if (unitNamed) {
            if (earlier.grades().isEmpty() && earlier.levels().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new FrameworkIntent(FrameworkQuestionType.REQUIREMENTS, earlier.grades(),
                    earlier.levels(), competency, domain, earlier.ownClass()));
        }
        if (earlier.competencyCode() == null && earlier.domainCode() == null) {
            return Optional.empty();
        }
        return Optional.of(new FrameworkIntent(FrameworkQuestionType.REQUIREMENTS, grades, levels,
                earlier.competencyCode(), earlier.domainCode(), ownClass));
    }

    private static FrameworkQuestionType type(String f, List<Integer> grades, List<Integer> levels, String competency,
                                              String domain, boolean ownClass) {
        boolean framework = has(f, "khung nang luc") || has(f, "nang luc so") || has(f, "nang luc thanh phan")
                || has(f, "nltp") || has(f, "nls");
        boolean gradeGiven = !grades.isEmpty() || ownClass;
        boolean counts = has(f, "bao nhieu") || has(f, "may mien") || has(f, "may bac") || has(f, "may nang luc");
        // "Miền 6 có trong DigComp 2.2 không?", "Khung năng lực số đối chiếu theo khung nào của châu Âu?" (not the
        // European frame of reference for languages, "khung tham chiếu châu Âu")
        if (has(f, "digcomp") || has(f, "chau au") && framework && !has(f, "tham chieu")) {
            return FrameworkQuestionType.DIGCOMP;
        }
        // "Khung … ban hành theo Thông tư 02 gồm bao nhiêu miền?" names the circular and asks the counts.
        if (framework && !counts && (has(f, "thong tu nao") || has(f, "van ban nao") || has(f, "quy dinh o dau")
                || has(f, "quy dinh tai") || has(f, "ban hanh") || has(f, "cong van nao") || has(f, "can cu")
                || has(f, "hieu luc") || has(f, "ap dung tu"))) {
            // the circular's answer names its date and when it took effect
            return FrameworkQuestionType.SOURCE;
        }
        boolean compare = has(f, "khac nhau") || has(f, "so sanh") || has(f, "khac gi") || has(f, "khac biet");
        if (levels.size() >= 2 || (compare && levels.size() + grades.size() >= 2)) {
            return FrameworkQuestionType.COMPARE_LEVELS;
        }
        if (competency != null || domain != null) {
            boolean asksList = has(f, "nhung nang luc") || has(f, "cac nang luc") || has(f, "gom") || has(f, "bao gom");
            if (!levels.isEmpty() || gradeGiven) {
                return FrameworkQuestionType.REQUIREMENTS;
            }
            if (competency != null && !(domain != null && asksList)) {
                return FrameworkQuestionType.COMPETENCY;
            }
            return FrameworkQuestionType.DOMAIN;
        }
        if (gradeGiven && levels.isEmpty()) {
            return FrameworkQuestionType.LEVEL_FOR_GRADE;
        }
        if (!levels.isEmpty()) {
            // "Bậc 7 phải làm được những gì?" asks what the level requires, "Bậc 7 là gì?" what the level is.
            boolean requires = has(f, "yeu cau") || has(f, "can dat") || has(f, "phai lam") || has(f, "lam duoc")
                    || has(f, "dat duoc") || has(f, "nhung gi");
            return requires ? FrameworkQuestionType.REQUIREMENTS : FrameworkQuestionType.LEVEL;
        }
        if (has(f, "muc trinh do") || has(f, "may muc") || has(f, "cac muc") || has(f, "muc co ban")
                || has(f, "muc trung cap") || has(f, "muc nang cao") || has(f, "muc chuyen sau")) {
            return FrameworkQuestionType.TIERS;
        }
        if (has(f, "mien") && !counts && (has(f, "nhung mien") || has(f, "cac mien") || has(f, "mien nao")
                || has(f, "gom") || has(f, "ke ten") || has(f, "liet ke"))) {
            return FrameworkQuestionType.LIST_DOMAINS;
        }
        if (has(f, "bac") && (has(f, "lop nao") || has(f, "cac bac") || has(f, "bac nao") || has(f, "cap hoc"))) {
            return FrameworkQuestionType.TIERS;
        }
        // "Năng lực số được hiểu là gì?" asks for Điều 2's definition; "Khung năng lực số là gì?" for the structure.
        if (has(f, "nang luc so") && !has(f, "khung") && !counts && (has(f, "la gi") || has(f, "duoc hieu")
                || has(f, "dinh nghia") || has(f, "nghia la") || has(f, "hieu the nao") || has(f, "la the nao"))) {
            return FrameworkQuestionType.DEFINITION;
        }
        boolean asksStructure = counts || has(f, "cau truc") || has(f, "la gi") || has(f, "gom nhung gi")
                || has(f, "gom nhung") || has(f, "bao gom") || has(f, "co nhung gi") || has(f, "noi dung");
        if (asksStructure && (framework || has(f, "mien") || has(f, "bac"))) {
            return FrameworkQuestionType.STRUCTURE;
        }
        return null;
    }

    private static boolean has(String folded, String phrase) {
        return FrameworkText.containsWords(folded, phrase);
    }

    private static List<Integer> grades(String f) {
        List<Integer> out = new ArrayList<>();
        Matcher r = GRADE_RANGE.matcher(f);
        String rest = f;
        while (r.find()) {
            int a = Integer.parseInt(r.group(1));
            int b = Integer.parseInt(r.group(2));
            for (int g = Math.min(a, b); g <= Math.max(a, b) && g - Math.min(a, b) < 12; g++) {
                addDistinct(out, g);
            }
        }
        rest = GRADE_RANGE.matcher(rest).replaceAll(" ");
        Matcher m = GRADE.matcher(rest);
        while (m.find()) {
            addDistinct(out, Integer.parseInt(m.group(1)));
        }
        if (out.isEmpty() && PRESCHOOL_CHILD.matcher(rest).find()) {
            out.add(PRESCHOOL);
        }
        if (out.isEmpty()) {
            Matcher stage = SCHOOL_STAGE.matcher(rest);
            while (stage.find()) {
                int[] range = STAGE_GRADES[Integer.parseInt(stage.group(1)) - 1];
                for (int g = range[0]; g <= range[1]; g++) {
                    addDistinct(out, g);
                }
            }
        }
        return out;
    }

    private List<Integer> levels(String f) {
        List<int[]> found = new ArrayList<>(); // {position, level}
        Matcher m = LEVEL_NUMBERS.matcher(f);
        while (m.find()) {
            found.add(new int[] {m.start(1), Integer.parseInt(m.group(1))});
            if (m.group(2) != null) {
                found.add(new int[] {m.start(2), Integer.parseInt(m.group(2))});
            }
        }
        Matcher code = INDICATOR_CODE.matcher(f); // "4.2.TC1a" names a level too
        while (code.find()) {
            framework.findLevel(code.group(1) + " " + code.group(2))
                    .ifPresent(l -> found.add(new int[] {code.start(1), l.number()}));
        }
        for (Pattern p : List.of(LEVEL_SYMBOL, LEVEL_NAME)) {
            Matcher s = p.matcher(f);
            while (s.find()) {
                framework.findLevel(s.group(1) + " " + s.group(2))
                        .ifPresent(l -> found.add(new int[] {s.start(), l.number()}));
            }
        }
        found.sort(Comparator.comparingInt(a -> a[0]));
        List<Integer> out = new ArrayList<>();
        found.forEach(a -> addDistinct(out, a[1]));
        return out;
    }

    private boolean explicitCompetencyCode(String f) {
        Matcher m = CODE.matcher(f);
        while (m.find()) {
            if (framework.competency(m.group(1) + "." + m.group(2)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The competency named by code or name, else, searched only when asked to, by an indicator's own words. */
    private String namedCompetency(String folded, boolean byIndicator) {
        String competency = competency(folded);
        return competency != null || !byIndicator ? competency : competencyByIndicator(folded);
    }

    private String competency(String folded) {
        // "ứng dụng AI" is the domain's wording, not "dùng AI" (competency 6.2)
        String f = folded.replace("ung dung", "ungdung");
        Matcher m = CODE.matcher(f);
        while (m.find()) {
            String code = m.group(1) + "." + m.group(2);
            if (framework.competency(code).isPresent()) {
                return code;
            }
        }
        for (Map.Entry<String, String> e : competencyNames) {
            if (FrameworkText.containsWords(f, e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Words a question must share in a row with one competency's indicator to name it by its description. */
    private static final int INDICATOR_RUN = 5;

    /**
     * A competency named by the words of one of its indicators rather than its name ("… yêu cầu gì về bảo vệ bản thân
     * và người khác khỏi nguy cơ trên mạng?" is 4.3): the one sharing the longest run of at least
     * {@value #INDICATOR_RUN} words with the question, when no other shares as long a run.
     */
    private String competencyByIndicator(String folded) {
        List<String> question = List.of(folded.split(" "));
        Map<String, Integer> runs = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> indicator : indicatorWords) {
            runs.merge(indicator.getKey(), longestRun(question, indicator.getValue()), Math::max);
        }
        int best = runs.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> codes = runs.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        return best >= INDICATOR_RUN && codes.size() == 1 ? codes.getFirst() : null;
    }

    private static int longestRun(List<String> a, List<String> b) {
        int best = 0;
        int[] previous = new int[b.size() + 1];
        for (String word : a) {
            int[] current = new int[b.size() + 1];
            for (int j = 0; j < b.size(); j++) {
                if (!word.isEmpty() && word.equals(b.get(j))) {
                    current[j + 1] = previous[j] + 1;
                    best = Math.max(best, current[j + 1]);
                }
            }
            previous = current;
        }
        return best;
    }

    private String domain(String f) {
        Matcher m = DOMAIN_NUMBER.matcher(f);
        if (m.find() && framework.domain(m.group(1)).isPresent()) {
            return m.group(1);
        }
        m = DOMAIN_ORDINAL.matcher(f);
        if (m.find()) {
            return String.valueOf(ORDINALS.get(m.group(1)));
        }
        for (Map.Entry<String, String> e : domainNames) {
            if (FrameworkText.containsWords(f, e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void addDistinct(List<Integer> list, int value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
