package vn.trolyso.assistant.conversation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.trolyso.assistant.text.Terms;
import vn.trolyso.knowledge.text.PersonNames;

/**
 * Rule-based follow-up rewrite, used when no LLM is up: "Còn đến năm 2030?" after "Kiến An đặt mục tiêu gì cho
 * phụ huynh năm 2025?" becomes "Kiến An đặt mục tiêu gì cho phụ huynh đến năm 2030?". A follow-up's new element
 * (a year, a school level, an audience, a place, an aspect such as "thời gian") replaces the element of the same
 * kind in the previous standalone question; when there is none to replace, it is added to the previous topic.
 */
public final class FollowUpRewriter {
    /** Openers and closers that mark an elliptical follow-up (folded). */
    private static final Pattern OPENER = Pattern.compile(
            "^(?:(?:the|vay|va|con|nhung|the con|vay con|va con|con ve|the con ve|vay thi|con doi voi|doi voi"
                    + "|con voi|con o|con cua|con cho|con voi lai)\\s+)+");
    private static final Pattern CLOSER = Pattern.compile(
            "(?:\\s+(?:thi sao|the nao|ra sao|nhu the nao|thi the nao|nua|khong|vay|a|nhi|nhe))+\\s*$");
    private static final Pattern DEICTIC = Pattern.compile(
            "\\b(?:ke hoach|van ban|tai lieu|chuong trinh|truong|phuong|don vi|muc tieu|cong van) (?:do|nay|ay|tren)\\b");

    /** Kinds of element a follow-up can swap; each pattern runs on folded text. */
    private enum Slot {
        YEAR("(?:(?:den|toi|vao|trong|cho|truoc) )?(?:nam (?:hoc )?)?20\\d\\d(?:\\s*-\\s*20\\d\\d)?"),
        LEVEL("(?:cap |bac |khoi )?(?:mam non|tieu hoc|trung hoc co so|trung hoc pho thong|thcs|thpt"
                + "|lop \\d{1,2}(?:\\s*(?:-|den)\\s*\\d{1,2})?|cap (?:1|2|3|mot|hai|ba)|bac \\d)"),
        AUDIENCE("(?:phu huynh(?: hoc sinh)?|giao vien|can bo quan ly|cbql|nhan vien|nguoi dan|nguoi lao dong"
                + "|hoc sinh|hoc vien|can bo(?:,? cong chuc)?(?:,? vien chuc)?|cong chuc(?:,? vien chuc)?|vien chuc)"),
        ASPECT("(?:thoi gian|dia diem|kinh phi|doi tuong|noi dung|muc tieu|nhiem vu|hinh thuc|thanh phan"
                + "|trach nhiem|muc dich|yeu cau|giai phap|lo trinh|ket qua|chi tieu|so luong|ty le|thoi han"
                + "|phuong thuc|cach thuc|don vi chu tri|don vi phoi hop|bao cao|can cu)"),
        PLACE("(?:phuong|p|xa|quan|q|huyen|truong(?: tieu hoc| thcs| thpt| th)?) \\S+(?: \\S+)?");

        final Pattern pattern;
        final String regex;

        Slot(String regex) {
            this.regex = regex;
            this.pattern = Pattern.compile("\\b" + regex + "\\b");
        }
    }

    private FollowUpRewriter() {
    }

    /**
     * A transcript kept by the caller, as conversation memory: each question rewritten against the turns before it
     * (the no-LLM rewrite: cheap, no model call per past turn), the last {@code window} turns kept.
     */
    public static List<Turn> replay(List<Turn> transcript, int window) {
        List<Turn> turns = new java.util.ArrayList<>();
        for (Turn t : transcript) {
            turns.add(new Turn(t.question(), rewrite(turns, t.question()), t.answer()));
        }
        return List.copyOf(turns.subList(Math.max(0, turns.size() - window), turns.size()));
    }

    /** The question made standalone, given the conversation so far (oldest turn first). */
    public static String rewrite(List<Turn> history, String message) {
        String question = MessageFraming.question(message);
        if (history.isEmpty()) {
            return question;
        }
        Optional<String> named = nameFromAnswer(history.getLast().answer(), question)
                .or(() -> personFromAnswer(history.getLast().answer(), question));
        if (named.isPresent()) {
            return named.get();
        }
        Optional<String> own = ownUnit(history, question);
        if (own.isPresent()) {
            return own.get();
        }
        String asked = history.getLast().standaloneQuestion();
        String resolved = nextYear(unitFromQuestion(question, asked), asked);
        if (!isFollowUp(resolved) && !narrowsTopic(resolved, asked)) {
            return resolved;
        }
        String previous = TOPIC_OPENING.matcher(asked).replaceFirst("");
        String fragment = fragment(resolved);
        if (fragment.isBlank()) {
            return previous;
        }
        if (pointsBackWhole(resolved, fragment)) {
            return append(previous, fragment);
        }
        return substitute(previous, fragment).orElseGet(() -> append(previous, fragment));
    }

    /**
     * The question joined to the previous topic, whatever {@link #rewrite} made of it: "ưu tiên giúp những ai trước?"
     * after "Kế hoạch trường Đoàn Lập có nói huy động học sinh đi tình nguyện không?" reads as a question of its own
     * and is one only of that topic. Empty without history or when the rewrite joined them already.
     */
    public static Optional<String> joined(List<Turn> history, String message) {
        String question = MessageFraming.question(message);
        if (history.isEmpty() || rewrite(history, message).contains(JOIN)) {
            return Optional.empty();
        }
        String previous = TOPIC_OPENING.matcher(history.getLast().standaloneQuestion()).replaceFirst("");
        String fragment = fragment(question);
        return fragment.isBlank() ? Optional.empty() : Optional.of(append(previous, fragment));
    }

    /**
     * "mục tiêu là bao nhiêu mô hình" after "Kiến An có tính làm mô hình trường học số không": a short question
     * naming nothing, which takes a word of the previous one, asks more of that topic.
     */
    static boolean narrowsTopic(String question, String previous) {
        List<String> own = Terms.rawTokens(question).stream().filter(t -> !Terms.isStopword(t)).map(Terms::fold)
                .toList();
        if (own.isEmpty() || own.size() > NARROWING_WORDS || hasName(question)) {
            return false;
        }
        java.util.Set<String> before = new java.util.HashSet<>(Terms.rawTokens(previous).stream()
                .filter(t -> !Terms.isStopword(t)).map(Terms::fold).toList());
        return own.stream().anyMatch(before::contains);
    }

    /** Longest question, in content words, that {@link #narrowsTopic} takes for a follow-up. */
    private static final int NARROWING_WORDS = 4;

        private static final String FRAMEWORK_UNIT = "miền|bậc|mức|năng lực thành phần|năng lực";

    /** "miền đó", "bậc này", "năng lực ấy": a framework unit pointed back to (group 1), with diacritics. */
    private static final Pattern UNIT_POINTED_BACK = Pattern.compile(
            "(?iU)\\b(" + FRAMEWORK_UNIT + ")\\s+(?:đó|này|ấy|trên)\\b");
    /** A framework unit with its number in an answer ("miền 3", "bậc 4", "năng lực thành phần 3.4"). */
    private static final Pattern UNIT_NUMBERED = Pattern.compile(
            "(?iU)\\b(" + FRAMEWORK_UNIT + ")\\s+(\\d+(?:\\.\\d+)?)\\b");

    /** "năng lực này" points back to a "năng lực thành phần 2.5" as much as to a "năng lực 2.5". */
    private static boolean sameUnit(String named, String pointed) {
        return named.equalsIgnoreCase(pointed) || named.toLowerCase(Locale.ROOT).startsWith("năng lực")
                && pointed.toLowerCase(Locale.ROOT).startsWith("năng lực");
    }

    /**
     * "Miền đó gồm những năng lực thành phần nào?" after an answer saying "… thuộc miền 3. Sáng tạo nội dung số":
     * the unit the previous answer named by its number replaces the pointer, and the question stands alone.
     */
    static Optional<String> nameFromAnswer(String previousAnswer, String question) {
        Matcher pointer = UNIT_POINTED_BACK.matcher(question);
        if (previousAnswer == null || !pointer.find()) {
            return Optional.empty();
        }
        String unit = pointer.group(1);
        Matcher named = UNIT_NUMBERED.matcher(previousAnswer);
        while (named.find()) {
            if (sameUnit(named.group(1), unit)) {
                return Optional.of(question.substring(0, pointer.start()) + unit + " " + named.group(2)
                        + question.substring(pointer.end()));
            }
        }
        return Optional.empty();
    }

    private static final String OWN_NOUN = "trường|phòng|đơn vị|tổ|cơ quan|phường|xã|lớp";
    /** "trường tôi", "phòng của mình", "lớp em": the person's own unit (group 1 the noun). */
    private static final Pattern OWN_UNIT = Pattern.compile("(?iU)\\b(" + OWN_NOUN + ")\\s+(?:của\\s+)?(?:tôi|mình"
            + "|em|tớ|chúng tôi|chúng mình|bọn mình|tụi mình|chúng em|tụi em)\\b");
    /** "tôi là phó hiệu trưởng một trường THCS …", "Tôi làm ở phòng Văn hóa - Xã hội phường Kiến An": who asks. */
    private static final Pattern INTRODUCTION = Pattern.compile("(?iU)\\b" + ChatPerson.SELF + "\\s+"
            + ChatPerson.INTRODUCING + "\\b[^,.;!?]*?\\b(" + OWN_NOUN + ")\\s+([^,.;!?]+)");

    /**
     * "Đợt tập huấn Day of AI thì trường tôi phải làm gì?" after "tôi là phó hiệu trưởng một trường THCS trên địa bàn
     * phường Đồ Sơn": the unit the person said they belong to stands for "trường tôi", and the question stands alone.
     */
    static Optional<String> ownUnit(List<Turn> history, String question) {
        Matcher own = OWN_UNIT.matcher(question);
        if (!own.find()) {
            return Optional.empty();
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            Matcher intro = INTRODUCTION.matcher(history.get(i).question());
            while (intro.find()) {
                if (intro.group(1).equalsIgnoreCase(own.group(1))) {
                    String unit = own.group(1) + " " + intro.group(2).strip();
                    return Optional.of(question.substring(0, own.start()) + unit + question.substring(own.end()));
                }
            }
        }
        return Optional.empty();
    }

    /** "ông ấy", "bà đó", "người này": a person pointed back to. */
    private static final Pattern PERSON_POINTER = Pattern.compile(
            "(?iU)\\b(?:ông|bà|thầy|cô|anh|chị|người)\\s+(?:ấy|đó|này|kia)\\b");

    /**
     * "Chức vụ của ông ấy là gì?" after an answer naming "Phạm Hoàng Tuấn (Phó Chủ tịch)": the person the previous
     * answer named replaces the pointer, and the question stands alone.
     */
    static Optional<String> personFromAnswer(String previousAnswer, String question) {
        Matcher pointer = PERSON_POINTER.matcher(question);
        if (!pointer.find()) {
            return Optional.empty();
        }
        return PersonNames.first(previousAnswer).map(name -> question.substring(0, pointer.start()) + name
                + question.substring(pointer.end()));
    }

    /** "phòng đó", "trường này", "đơn vị ấy": a unit pointed back to (group 1), with diacritics. */
    private static final Pattern UNIT_POINTER = Pattern.compile(
            "(?iU)\\b(phòng|trường|sở|ban|tổ|trung tâm|đơn vị)\\s+(?:đó|này|ấy|trên)\\b");
    /** Where the name of a unit in a question ends: a function word, a place word or punctuation. */
    private static final Pattern NAME_END = Pattern.compile(
            "(?iU)\\s+(?:phường|xã(?!\\s+hội)|quận|huyện|tỉnh|thành phố|có|là|được|phải|cần|đã|sẽ|làm|thì|trong|của"
                    + "|ở|tại|về|cho|với|đặt|giao|chịu|lo|phụ trách|thực hiện|tham mưu)\\b|\\s*[?!.;:(]");

    /**
     * "Còn ở phường Kiến An thì phòng đó làm gì?" after "Phòng Kinh tế, Hạ tầng và Đô thị phường Đồ Sơn có vai trò
     * gì?": the unit the previous question named (a capitalised name after the same noun) replaces the pointer.
     */
    static String unitFromQuestion(String question, String previous) {
        Matcher pointer = UNIT_POINTER.matcher(question);
        if (previous == null || !pointer.find()) {
            return question;
        }
        String noun = pointer.group(1);
        Matcher school = NAMED_SCHOOL.matcher(previous);
        if (noun.equalsIgnoreCase("trường") && school.find()) {
            // "Trường tiểu học Ngô Gia Tự thuộc tỉnh nào?": the school's type is lowercase, its name capitalised
            return question.substring(0, pointer.start()) + school.group() + question.substring(pointer.end());
        }
        Matcher named = Pattern.compile("(?iU)\\b" + Pattern.quote(noun) + "\\s+(?-i)(?=\\p{Lu})").matcher(previous);
        while (named.find()) {
            String name = previous.substring(named.start(), nameEnd(previous, named.end())).strip();
            if (name.length() > noun.length() + 1) {
                return question.substring(0, pointer.start()) + name + question.substring(pointer.end());
            }
        }
        return question;
    }

    /** A school named with its type ("Trường tiểu học Ngô Gia Tự", "trường THCS Trần Huy Liệu"). */
    private static final Pattern NAMED_SCHOOL = Pattern.compile("(?U)(?i:\\btrường\\s+(?:tiểu học và trung học cơ sở"
            + "|tiểu học|trung học cơ sở|trung học phổ thông|mầm non|th&thcs|thcs|thpt|th)\\s+)"
            + "\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*)*(?:\\s+\\d+)?");

    /** Where the unit name that starts before {@code from} ends in {@code text} ({@link #NAME_END}). */
    private static int nameEnd(String text, int from) {
        Matcher end = NAME_END.matcher(text);
        return end.find(from) ? end.start() : text.length();
    }

    /** "năm sau", "năm học tới", "năm học kế tiếp" (folded): the year after the one asked about before. */
    private static final Pattern NEXT_YEAR = Pattern.compile(
            "(?<!\\d\\s)\\bnam( hoc)? (?:sau|toi|ke tiep|tiep theo)(?: nua)?\\b");
    private static final Pattern YEAR_OR_SPAN = Pattern.compile("\\b(20\\d\\d)(?:\\s*-\\s*(20\\d\\d))?\\b");

    /** "Thế năm học sau thì sao?" after a question about 2025-2026 asks about 2026-2027: the year is written out. */
    static String nextYear(String question, String previous) {
        String folded = fold(question);
        Matcher next = NEXT_YEAR.matcher(folded);
        Matcher year = YEAR_OR_SPAN.matcher(previous == null ? "" : previous);
        if (folded.length() != question.length() || !next.find() || !year.find()) {
            return question;
        }
        int from = Integer.parseInt(year.group(1)) + 1;
        String span = year.group(2) == null ? "năm " + from : "năm học " + from + "-" + (from + 1);
        return question.substring(0, next.start()) + span + question.substring(next.end());
    }

    /**
     * "Cho mình hỏi về …", "bà muốn hỏi về …": the words that open a turn setting the topic, in any of the ways a
     * person speaks of themselves ({@link ChatPerson#SELF}).
     */
    private static final Pattern TOPIC_OPENING = Pattern.compile(
            "(?iU)^\\s*(?:cho\\s+)?" + ChatPerson.SELF + "\\s+(?:muốn\\s+|xin\\s+)?hỏi(?:\\s+(?:về|thăm))?\\s+"
                    + "|^\\s*cho\\s+" + ChatPerson.SELF + "\\s+hỏi(?:\\s+(?:về|thăm))?\\s+");

    /** True when the question reads as an elliptical continuation rather than a question of its own. */
    public static boolean isFollowUp(String question) {
        String f = fold(question);
        long contentWords = Terms.rawTokens(question).stream().filter(t -> !Terms.isStopword(t)).count();
        if (OPENER.matcher(f).find()) {
            return contentWords <= 8 && !placeThenOwnQuestion(question, f);
        }
        if (CLOSER.matcher(f).find() && f.matches(".*\\b(?:thi sao|the nao|ra sao|nua)$")) {
            return contentWords <= 5;
        }
        if (DEICTIC.matcher(f).find() && contentWords <= 6) {
            return true;
        }
        // "Lớp 1-3 thì cần đạt gì?", "Phụ huynh thì được hướng dẫn gì?": a new grade, audience or year as the topic,
        // what is said of it left to the previous question.
        if (contentWords <= 6 && (SLOT_TOPIC.matcher(f).find()
                || PLACE_TOPIC.matcher(f).find() && !placeThenOwnQuestion(question, f))) {
            return true;
        }
        // "Gồm những năng lực thành phần nào?", "Dành cho ai?": a predicate with no subject continues the topic.
        if (SUBJECTLESS.matcher(f).find() && contentWords <= 6) {
            return true;
        }
        // "Nó thuộc miền nào?", "Miền đó gồm những gì?", "Trong đó môn nào …?": a pronoun points back.
        // "Họ dùng AI vào những việc gì?": "họ" and "nó" stand for what was asked about even in a longer question.
        List<String> tokens = Terms.rawTokens(question);
        for (int i = 0; i < tokens.size(); i++) {
            String word = Terms.normalizeWord(tokens.get(i));
            boolean fullName = word.equals("họ") && i + 1 < tokens.size()
                    && Terms.fold(tokens.get(i + 1)).matches("ten|va"); // "họ tên", "họ và tên"
            int limit = word.equals("họ") || word.equals("nó") ? 10 : 6;
            if (POINTING_BACK.contains(word) && !fullName && contentWords <= limit) {
                return true;
            }
        }
        if (!hasName(question) && (Slot.ASPECT.pattern.matcher(f).find() || DEADLINE.matcher(f).find())) {
            // "Kết quả cần đạt là gì, làm trong thời gian nào?", "hạn hoàn thành là khi nào": aspects of something,
            // but of what is not said.
            String rest = DEADLINE.matcher(Slot.ASPECT.pattern.matcher(f).replaceAll(" ")).replaceAll(" ");
            long own = Terms.rawTokens(rest).stream()
                    .filter(t -> !Terms.isStopword(t) && !GENERIC_VERBS.contains(t)).count();
            if (own == 0) {
                return true;
            }
        }
        // "Kéo dài bao lâu?", "Dành cho những cấp học nào?": a question too short to have a topic of its own asks
        // about the previous one ("AI là gì?" asks for a definition and stands alone).
        return contentWords <= 2 && !DEFINITION.matcher(f).find() && !hasName(question);
    }

    /** A deadline asked for ("hạn chót", "hạn hoàn thành"): an aspect of the topic, added to it rather than swapped. */
    private static final Pattern DEADLINE = Pattern.compile("\\bhan (?:chot|nop|hoan thanh)\\b");

    /** Pronouns pointing back to the previous turn (with diacritics only: folded, "no", "do", "ho" are other words). */
    private static final java.util.Set<String> POINTING_BACK = java.util.Set.of("nó", "đó", "ấy", "họ");

    /** Verbs that say nothing of a topic (folded): "cần đạt", "thực hiện", "hoàn thành", "làm". */
    private static final java.util.Set<String> GENERIC_VERBS = java.util.Set.of("dat", "thuc", "hien", "lam",
            "can", "la", "duoc", "co", "phai", "the", "sao", "hoan", "thanh");

    private static final Pattern SUBJECTLESS = Pattern.compile(
            "^(?:gom|bao gom|thuoc|danh cho|keo dai|dien ra|ap dung cho|do ai|duoc to chuc|to chuc o)\\b");

    /** A slot value opening the question and followed by "thì" (folded). */
    private static final Pattern SLOT_TOPIC = Pattern.compile("^(?:(?:con|the con|vay)\\s+)?(?:"
            + Slot.LEVEL.regex + "|" + Slot.AUDIENCE.regex + "|" + Slot.YEAR.regex + ")\\s+thi\\b");

    /** "bên phường Kiến An thì ngày nào?", "ở Đồ Sơn thì sao?": another place as the topic (folded). */
    private static final Pattern PLACE_TOPIC = Pattern.compile(
            "^(?:(?:con|the con|vay|the)\\s+)?(?:ben|o|tai)\\s+(?:\\S+\\s+){1,5}?thi\\b");

    /**
     * "thế bên Phú Nhuận thì học liệu số gồm những dạng nào?": another place, and a question of its own asked there,
     * which stands alone. ("bên phường Kiến An thì ngày nào?" leaves what is asked to the previous question.)
     */
    private static boolean placeThenOwnQuestion(String question, String folded) {
        Matcher place = PLACE_TOPIC.matcher(folded);
        if (!place.find() || folded.length() != question.length()) {
            return false;
        }
        return Terms.rawTokens(question.substring(place.end())).stream()
                .filter(t -> !Terms.isStopword(t) && !GENERIC_VERBS.contains(Terms.fold(t))).count()
                >= OWN_QUESTION_WORDS;
    }

    /** Content words after "… thì" that make a question of its own. */
    private static final int OWN_QUESTION_WORDS = 3;

    private static final Pattern DEFINITION = Pattern.compile("\\b(?:la gi|nghia la gi|la sao|la the nao)\\b");

    /** A capitalised word after the first ("… ở Kiến An?") names its own topic. */
    private static boolean hasName(String question) {
        List<String> tokens = Terms.rawTokens(question);
        return tokens.stream().skip(1).anyMatch(t -> Character.isUpperCase(t.codePointAt(0)));
    }

    /** The follow-up without its openers and closers, in its original spelling. */
    static String fragment(String question) {
        String q = stripPunctuation(question);
        String f = fold(q);
        if (f.length() != q.length()) {
            return q;
        }
        Matcher open = OPENER.matcher(f);
        int start = open.find() ? open.end() : 0;
        Matcher close = CLOSER.matcher(f);
        int end = close.find(start) ? close.start() : f.length();
        return start >= end ? "" : q.substring(start, end).strip();
    }

    /** The interrogative end of a question ("lấy từ nguồn nào", "dành cho đối tượng nào", "là gì"), folded. */
    private static final Pattern QUESTION_TAIL = Pattern.compile(
            "\\s*(?:(?:duoc )?(?:lay|bo tri|trich) tu (?:nguon|dau)(?: nao)?|(?:danh )?cho (?:ai|doi tuong nao)"
                    + "|la gi|la ai|la bao nhieu|la khi nao|o dau|nhu the nao|the nao|ra sao|bao nhieu|khi nao"
                    + "|luc nao|vao ngay nao|gom (?:nhung )?gi|co (?:nhiem vu|noi dung|muc tieu) gi|gi|nao)\\s*[?.!]*$");

    /** The question word of a question that does not end with it ("văn bản nào của Sở"), folded. */
    private static final Pattern ASKED_BEFORE = Pattern.compile(
            "\\s\\S+ (?:nao|gi)\\b(?=\\s+\\S)|\\s(?:bao nhieu|khi nao|o dau|la ai)\\b(?=\\s+\\S)");

    /** A clause asking it, after a comma ("…, cơ quan nào chủ trì các nhiệm vụ?"), folded. */
    private static final Pattern ASKED_CLAUSE = Pattern.compile("\\s*[,;:]\\s*(?:\\S+ ){1,2}(?:nao|gi)\\b(?=\\s+\\S)");

    /** Where the first of the patterns that occurs in the text starts; -1 when none does. */
    private static int startOfFirst(String text, Pattern... patterns) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return m.start();
            }
        }
        return -1;
    }

    /** A follow-up asking a question of its own ("… khi nào phải xong", "… gồm những gì"), folded. */
    private static final Pattern OWN_ASK = Pattern.compile(
            "\\b(?:gi|nao|ai|dau|bao nhieu|may|bao gio|bao lau|the nao|ra sao)\\b");
    /** A word pointing back to what the previous question named ("nhiệm vụ đó", "họ"), with diacritics. */
    private static final Pattern POINTS_BACK = Pattern.compile("(?iU)\\b(?:đó|này|ấy|họ|nó)\\b");

    /**
     * True when the follow-up points back to what the previous question named and is kept whole, joined to it:
     * swapping slots would splice the two questions together, and a refusal repeats the rewritten question. That is
     * a unit the previous question names without capitals ("tổ đó báo cáo cho ai?" after "Tổ chuyên môn ở trường …
     * làm gì?"), or a question of its own about what it named ("Nhiệm vụ đó khi nào phải cơ bản xong?") that brings
     * no year, level, audience or place to swap in.
     */
    private static boolean pointsBackWhole(String resolved, String fragment) {
        if (UNIT_POINTER.matcher(resolved).find()) {
            return true;
        }
        String fragmentFolded = fold(fragment);
        if (fragmentFolded.length() != fragment.length() || !OWN_ASK.matcher(fragmentFolded).find()
                || !POINTS_BACK.matcher(fragment).find()) {
            return false;
        }
        return !ChatPerson.NAMED_PLACE.matcher(fragment).find() && java.util.stream.Stream.of(Slot.YEAR, Slot.LEVEL,
                Slot.AUDIENCE, Slot.PLACE).noneMatch(slot -> slot.pattern.matcher(fragmentFolded).find());
    }

    private static Optional<String> substitute(String previous, String fragment) {
        String prev = Normalizer.normalize(previous, Normalizer.Form.NFC);
        Optional<String> moved = movePlace(prev, fragment);
        Optional<String> unit = swapUnit(moved.orElse(prev), fragment);
        if (unit.isPresent()) {
            return unit;
        }
        Matcher aspect = Slot.ASPECT.pattern.matcher(fold(fragment));
        if (aspect.find() && !sameAspectOtherSlot(fold(moved.orElse(prev)), fold(fragment), aspect.group())) {
            return Optional.of(swapAspect(moved.orElse(prev), fragment));
        }
        String result = moved.orElse(prev);
        String resultFolded = fold(result);
        String fragFolded = fold(fragment);
        if (resultFolded.length() != result.length() || fragFolded.length() != fragment.length()) {
            return moved;
        }
        boolean replaced = moved.isPresent();
        for (Slot slot : Slot.values()) {
            if (slot == Slot.PLACE && moved.isPresent()) {
                continue; // the place named with its capitals has moved already
            }
            Matcher inFragment = slot.pattern.matcher(fragFolded);
            if (!inFragment.find()) {
                continue;
            }
            Matcher inPrevious = slot.pattern.matcher(resultFolded);
            if (!inPrevious.find()) {
                continue;
            }
            // The fragment's own phrasing ("đến năm 2030") is the one the person means.
            String replacement = fragment.substring(inFragment.start(), inFragment.end());
            if (fold(replacement).equals(inPrevious.group())) {
                continue; // the same element ("phụ huynh" again): nothing swapped
            }
            if (inPrevious.start() == 0 && Character.isUpperCase(result.charAt(0))) {
                replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
            }
            result = result.substring(0, inPrevious.start()) + replacement + result.substring(inPrevious.end());
            resultFolded = fold(result);
            replaced = true;
        }
        return replaced ? Optional.of(result) : swapHead(result, fragment);
    }

    private static final Pattern WORD = Pattern.compile("(?U)[\\p{L}\\p{N}]+");
    /** Words that end the noun phrase a follow-up replaces ("hệ thống thi đua khen thưởng | ngành GD …"). */
    private static final java.util.Set<String> PHRASE_END = java.util.Set.of("ngành", "của", "ở", "tại", "trong",
            "cho", "phường", "quận", "xã", "trường", "năm", "đến", "được", "có", "là", "phải", "triển", "thực", "khi",
            "bao", "nào", "gì", "mấy", "do", "và", "thì", "sẽ", "cần", "như", "thế", "từ", "vào", "với", "đã", "đang");
    private static final java.util.Set<String> PHRASE_END_FOLDED = PHRASE_END.stream().map(FollowUpRewriter::fold)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** True when the word ends a noun phrase: compared with its diacritics when the text has them ("thi đua"). */
    private static boolean endsPhrase(String word, boolean accented) {
        return accented ? PHRASE_END.contains(Normalizer.normalize(word.toLowerCase(java.util.Locale.ROOT),
                Normalizer.Form.NFC)) : PHRASE_END_FOLDED.contains(fold(word));
    }

    /**
     * "Còn hệ thống tuyển dụng viên chức?" after "Hệ thống thi đua khen thưởng ngành GD Phú Nhuận triển khai từ khi
     * nào?": a bare noun phrase whose head noun the previous question has asks the same of that other thing, so it
     * takes the place of the previous phrase with the same head (up to a word that ends a noun phrase).
     */
    private static Optional<String> swapHead(String previous, String fragment) {
        List<String> frag = Terms.rawTokens(fragment);
        if (frag.size() < 2 || frag.size() > 6 || hasName(fragment) || Terms.isStopword(frag.get(0))
                || frag.stream().anyMatch(t -> endsPhrase(t, Terms.hasDiacritics(fragment)))) {
            return Optional.empty();
        }
        int headLength = frag.size() >= 3 ? 2 : 1; // "hệ thống", "ứng dụng": a compound noun's two syllables
        List<String> head = frag.subList(0, headLength).stream().map(FollowUpRewriter::fold).toList();
        Matcher word = WORD.matcher(previous);
        List<int[]> spans = new java.util.ArrayList<>();
        while (word.find()) {
            spans.add(new int[] {word.start(), word.end()});
        }
        for (int i = 0; i + headLength < spans.size(); i++) {
            boolean same = true;
            for (int k = 0; k < headLength && same; k++) {
                same = fold(previous.substring(spans.get(i + k)[0], spans.get(i + k)[1])).equals(head.get(k));
            }
            if (!same) {
                continue;
            }
            int end = i + headLength;
            while (end < spans.size()) {
                String t = previous.substring(spans.get(end)[0], spans.get(end)[1]);
                if (endsPhrase(t, Terms.hasDiacritics(previous)) || Character.isUpperCase(t.codePointAt(0))
                        || !previous.substring(spans.get(end - 1)[1], spans.get(end)[0]).isBlank()) {
                    break;
                }
                end++;
            }
            String old = previous.substring(spans.get(i)[0], spans.get(end - 1)[1]);
            if (end == i + headLength || fold(old).equals(fold(fragment))) {
                return Optional.empty();
            }
            String now = i == 0 ? Character.toUpperCase(fragment.charAt(0)) + fragment.substring(1) : fragment;
            return Optional.of(previous.substring(0, spans.get(i)[0]) + now
                    + previous.substring(spans.get(end - 1)[1]));
        }
        return Optional.empty();
    }

    /** A unit a follow-up asks about instead ("các trường thì phải làm gì?"), up to what is said of it (folded). */
    private static final Pattern UNIT_SUBJECT = Pattern.compile(
            "^((?:cac |nhung )?(?:truong|phong|so|ban|trung tam|to|uy ban|ubnd|don vi|doan|hoi)\\b.*?)"
                    + "(?= thi\\b| phai\\b| can\\b| lam\\b| co nhiem vu\\b| chiu trach nhiem\\b| lo\\b|$)");
    /** A named unit in the previous question ("Phòng Kinh tế, Hạ tầng và Đô thị …", "Sở GD&ĐT …"). */
    private static final Pattern NAMED_UNIT = Pattern.compile(
            "(?U)\\b(?:[Pp]hòng|[Ss]ở|[Bb]an|[Tt]rung tâm|[Tt]ổ|(?:[Ủủ]y|[Uu]ỷ) ban|UBND|[Đđ]oàn|[Hh]ội)\\s+(?=\\p{Lu})");

    /**
     * "Thế các trường thì phải làm gì?" after "Ở Kiến An Phòng Kinh tế, Hạ tầng và Đô thị làm gì trong kế hoạch
     * BDHVS?": the unit asked about now replaces the unit named before, the rest of the question stays.
     */
    private static Optional<String> swapUnit(String previous, String fragment) {
        // "đô thị" is no "thì": "Thế còn phòng Kinh tế, Hạ tầng và Đô thị?" has no predicate after the unit.
        String fragFolded = fold(fragment.replaceAll("(?iU)\\bthị\\b", "thj"));
        Matcher subject = UNIT_SUBJECT.matcher(fragFolded);
        Matcher before = NAMED_UNIT.matcher(previous);
        // A school by name ("trường Ngô Gia Tự") is no unit taking the place of the one before.
        if (fragFolded.length() != fragment.length() || ChatPerson.NAMED_PLACE.matcher(fragment).find()
                || !subject.find() || !before.find()) {
            return Optional.empty();
        }
        String now = fragment.substring(0, subject.end(1)).strip();
        return Optional.of(previous.substring(0, before.start()) + now
                + previous.substring(nameEnd(previous, before.end())));
    }

    /**
     * A name in the middle of a question without a word introducing it ("… học vụ số Kiến An lấy từ đâu"): two to
     * four capitalised words that do not start with a unit ("Sở Giáo dục", "Phòng Văn hóa"), group 1.
     */
    private static final Pattern BARE_NAME = Pattern.compile(
            "(?U)(?<=\\s)(?!(?:Sở|Phòng|Ban|Bộ|Trung|Ủy|Uỷ|Tập|Viện|Thông|Kế|Công|Quyết|Phong|Ngày|Cuộc)\\b)"
                    + "(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){1,3})");

    /**
     * "Còn bên P. Kiến An thì sao?" after "Ai ký … ở Đồ Sơn?": the place named now replaces the one before, also
     * when the one before is named bare ("… kế hoạch bình dân học vụ số Kiến An …").
     */
    private static Optional<String> movePlace(String previous, String fragment) {
        Matcher now = ChatPerson.NAMED_PLACE.matcher(fragment);
        if (!now.find()) {
            return Optional.empty();
        }
        Matcher before = ChatPerson.NAMED_PLACE.matcher(previous);
        if (!before.find()) {
            before = BARE_NAME.matcher(previous);
            if (!before.find()) {
                return Optional.empty();
            }
        }
        if (fold(now.group(1)).equals(fold(before.group(1)))) {
            return Optional.empty();
        }
        return Optional.of(previous.substring(0, before.start(1)) + now.group(1) + previous.substring(before.end(1)));
    }

    /**
     * "Năm học sau đó thì chỉ tiêu là bao nhiêu?" after a question about the same "chỉ tiêu" asks it of another year:
     * the year is what changes, not the aspect (all folded).
     */
    private static boolean sameAspectOtherSlot(String previous, String fragment, String aspect) {
        return (" " + previous + " ").contains(" " + aspect + " ") && java.util.Arrays.stream(Slot.values())
                .anyMatch(slot -> slot != Slot.ASPECT && slot.pattern.matcher(fragment).find()
                        && slot.pattern.matcher(previous).find());
    }

    /**
     * "Còn thời gian tổ chức thì sao?" after "Kinh phí tập huấn Day of AI ở Đồ Sơn lấy từ nguồn nào?" asks for
     * another aspect of the same topic: drop the previous aspect and its question words, keep the topic.
     */
    private static String swapAspect(String previous, String fragment) {
        String topic = previous.strip();
        Matcher tail = QUESTION_TAIL.matcher(fold(topic));
        if (tail.find() && tail.start() > 0 && fold(topic).length() == topic.length()) {
            topic = topic.substring(0, tail.start()).strip();
        } else {
            // "… căn cứ văn bản nào của Sở?": what was asked before is not part of the topic either; asked in a
            // clause of its own ("…, cơ quan nào chủ trì …?"), the whole clause goes.
            int asked = startOfFirst(fold(topic), ASKED_CLAUSE, ASKED_BEFORE);
            if (asked > 0 && fold(topic).length() == topic.length()) {
                topic = topic.substring(0, asked).strip();
            }
        }
        String topicFolded = fold(topic);
        Matcher aspect = Slot.ASPECT.pattern.matcher(topicFolded);
        if (aspect.find() && topicFolded.length() == topic.length()) {
            topic = (topic.substring(0, aspect.start()) + topic.substring(aspect.end())).strip();
        }
        topic = topic.replaceAll("^(?:của|về|cho)\\s+", "").replaceAll("\\s{2,}", " ");
        String head = Character.toUpperCase(fragment.charAt(0)) + fragment.substring(1);
        String rest = topic.isEmpty() ? "" : " " + lowerFirstUnlessName(topic);
        return head + rest + "?";
    }

    /** Lower-cases the first letter unless the first two words are capitalised (a name such as "Kiến An"). */
    private static String lowerFirstUnlessName(String s) {
        String[] words = s.split("\\s+", 3);
        boolean name = words.length > 1 && !words[1].isEmpty() && Character.isUpperCase(words[1].charAt(0));
        return name ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Joins the previous question and a follow-up that adds to it; the reader asks only what follows the join. */
    public static final String JOIN = " – ";

    private static String append(String previous, String fragment) {
        return stripPunctuation(previous) + JOIN + fragment + "?";
    }

    private static String stripPunctuation(String s) {
        return s.strip().replaceAll("[?!.…]+$", "").strip();
    }

    private static String fold(String s) {
        return Terms.fold(s);
    }
}
