package vn.trolyso.assistant.extractive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import vn.trolyso.assistant.conversation.FollowUpRewriter;
import vn.trolyso.assistant.text.Terms;
import vn.trolyso.knowledge.text.Abbreviations;
import vn.trolyso.knowledge.text.EverydayWords;

/** A question analysed for sentence matching: its topic words (with abbreviation expansions), pairs, intent. */
final class QueryTerms {
    private static final Pattern ASKS_NUMBER = Pattern.compile(
            "\\b(?:bao nhieu|may phan tram|ty le|phan tram|bao gio|khi nao|nam nao|ngay nao|so may|so hieu|so luong"
                    + "|thoi gian|thoi han|hoan thanh|chi tieu|bao lau)\\b");
    /** An all-capitals word as typed ("TN", "PN"): an initialism the person may have made up on the spot. */
    private static final Pattern INITIALISM = Pattern.compile("\\p{Lu}{2,4}");
    /** The same in Latin capitals only ("CH" in "CH Play"; "CHẾ" in a title typed in capitals is a word). */
    private static final Pattern LATIN_INITIALISM = Pattern.compile("[A-Z]{2,4}");
    /** "lần", "lượt" (folded): times counted, which start no compound with the noun after them. */
    private static final Set<String> TIMES_COUNTED = Set.of("lan", "luot");
    /** "kéo dài bao lâu" asks for a duration: "kéo dài" is part of the question, not a topic. */
    private static final Pattern HOW_LONG = Pattern.compile("\\bkeo dai(?= bao lau\\b)");
    /** A closing choice of answers ("…, cả ngày hay nửa buổi?", "…, sáng hay chiều"), as written. */
    private static final Pattern CHOICE_TAIL = Pattern.compile("\\s*[,–-]\\s*(?:\\S+\\s+){0,4}hay\\s+(?:\\S+\\s*){1,5}$",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** "đơn vị nào", "phòng nào", "bộ phận nào … phụ trách": a unit is asked for (folded). */
    private static final Pattern ASKS_UNIT = Pattern.compile(
            "\\b(?:don vi|bo phan|phong|co quan|to|ban|trung tam|nguoi|ben) nao\\b|\\b(?:do ai|la ai)\\b");
    /**
     * Words after which a lowercase "ai" names the technology, not "who" ("day of ai", "ứng dụng ai", "trí tuệ …"):
     * "… thì ai phụ trách?" asks for a person.
     */
    private static final Set<String> AI_AFTER = Set.of("of", "dụng", "cụ", "về", "tuệ", "hợp", "học");
    /** The same words typed without diacritics ("ung dung ai"). */
    private static final Set<String> AI_AFTER_FOLDED = AI_AFTER.stream().map(Terms::fold)
            .collect(Collectors.toUnmodifiableSet());
    /**
     * Typed without diacritics, a lowercase "ai" after "cho" or "là" asks who ("the ban doc phat cho ai", "to truong
     * la ai"): no topic. ("do ai" may be "do AI tạo ra".)
     */
    private static boolean asksWhom(List<String> raw, int i) {
        return i > 0 && raw.get(i).equals("ai") && (raw.get(i - 1).equals("cho") || raw.get(i - 1).equals("la"));
    }

    /**
     * Words framing the question rather than naming its topic: hearsay ("em nghe nói trường … có …") and relation
     * ("phong trào liên quan tới tài khoản AI"). A plan never says them of what it does, and as topic words they would
     * count as missing from the sentence that answers.
     */
    private static boolean frames(List<String> raw, int i) {
        if (Terms.fold(raw.get(i)).equals("nghe") && i + 1 < raw.size()
                && HEARSAY.contains(Terms.fold(raw.get(i + 1)))) {
            return true;
        }
        // every word of "liên quan tới / đến / với"
        for (int start = Math.max(0, i - 2); start <= i && start + 2 < raw.size(); start++) {
            if (Terms.fold(raw.get(start)).equals("lien") && Terms.fold(raw.get(start + 1)).equals("quan")
                    && RELATION_AFTER.contains(Terms.fold(raw.get(start + 2)))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> HEARSAY = Set.of("noi", "bao", "don", "ke");
    private static final Set<String> RELATION_AFTER = Set.of("toi", "den", "voi");

    /** Verbs after which an unaccented "ai" asks who ("ai ky", "ai phu trach"), folded. */
    private static final Set<String> WHO_VERBS = Set.of("ky", "phu", "chu", "chiu", "cap", "tham", "duyet",
            "ban", "lo");
    /** "Kinh phí lấy từ đâu?" asks for a source of funds or of a rule: the answer names its "nguồn". */
    static final Pattern ASKS_SOURCE = Pattern.compile(
            "\\b(?:lay|trich|bo tri|huy dong|cap) tu (?:dau|nguon nao)\\b|\\btu nguon nao\\b"
                    // "Tiền … lấy ở đâu ra?" asks where money comes from; "Đề thi lấy ở đâu?" where a thing is kept.
                    + "|\\b(?:tien|kinh phi|ngan sach|chi phi|von)\\b(?: \\S+){0,20} (?:lay o dau|o dau ra)\\b");
    /**
     * A lone initial ("P. Kiến An", "Q. Phú Nhuận") names no topic: "P." is phường here and phòng there. One
     * joined to what follows ("P.ĐTĐH") is part of an abbreviation and stays.
     */
    private static final Pattern LONE_INITIAL = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}\\.(?=\\s)");
    /** Colloquial words for people that plans do not use ("thầy cô" for giáo viên). */
    private static final Set<String> PEOPLE = Set.of("thầy", "cô");
    /**
     * Taking part, folded: a plan's head count ("tập huấn cho khoảng 100 cán bộ") is of the people who take part, so
     * "bao nhiêu người tham dự" asks no more than the head count.
     */
    private static final Set<String> TAKING_PART =
            Set.of("tham", "gia", "du", "hoc", "co", "mat", "duoc", "dang", "ky");
    /**
     * What "bao nhiêu người / thầy cô" counts: any kind of people the plans count ("100 cán bộ quản lý và giáo
     * viên", "50 học sinh"), folded.
     */
    private static final Term PEOPLE_COUNTED = new Term("người", List.of("nguoi", "can bo", "giao vien", "hoc sinh",
            "hoc vien", "nhan vien", "phu huynh", "cbql", "gv", "hs", "cong chuc", "vien chuc", "doan vien",
            "dai bieu", "thanh vien", "tinh nguyen vien", "chuyen gia", "bao cao vien", "nguoi dan"), true, false);
    /** "tổng cộng / tất cả / hiện có bao nhiêu …": how many there are, which a target's share does not answer. */
    private static final Pattern ASKS_TOTAL = Pattern.compile(
            "\\b(?:tong cong|tat ca|tong so|hien co|hien nay co)(?: \\S+){0,2} bao nhieu\\b");
    /**
     * "Phường có bao nhiêu trường tham gia?": how many there are, which a target's share ("100% các trường") does not
     * answer. A condition or a requirement ("có hiệu lực khi có bao nhiêu thành viên đồng ý", "phải có bao nhiêu")
     * may be a share ("2/3", "50% thành viên").
     */
    private static final Pattern ASKS_HOW_MANY = Pattern.compile(
            "(?<!\\bkhi )(?<!\\bneu )(?<!\\bphai )(?<!\\bcan )(?<!\\bduoc )\\bco bao nhieu\\b");
    /**
     * "các trường phải làm gì", "Phòng Văn hóa - Xã hội có nhiệm vụ gì", "được giao những việc gì": a unit's duties,
     * which plans list under the unit's name in "Tổ chức thực hiện" (folded).
     */
    private static final Pattern ASKS_DUTY = Pattern.compile(
            "\\b(?:phai|can|se|nen) (?:lam|thuc hien|trien khai|chuan bi) (?:gi|nhung gi|nhung viec gi|viec gi)\\b"
                    + "|\\b(?:nhiem vu|trach nhiem|phan viec|cong viec) (?:gi|nao|la gi)\\b"
                    + "|\\b(?:duoc giao|phu trach|dam nhiem) (?:gi|nhung gi|viec gi|nhung viec gi|lam gi)\\b"
                    + "|\\blo (?:phan|viec|nhung viec|khau) gi\\b|\\blam nhung viec gi\\b");
    /**
     * A question about the document itself (folded, padded): who issued or signed it, when, where its issuer is. Only
     * such a question is answered from the document's card ({@code DocumentCard}).
     */
    private static final Pattern ABOUT_DOCUMENT = Pattern.compile(
            " (?:ban hanh|ky|nguoi ky|hieu truong|hieu pho|chu tich|truong phong|pho phong|giam doc|thuoc"
                    + "|dia ban|o dau|tinh nao|thanh pho nao|quan nao|huyen nao|xa nao|phuong nao|cua ai|do ai"
                    + "|ai ra|don vi nao|co quan nao|van ban|cong van|chuc vu|chuc danh|so hieu) ");
    /**
     * A text named or its issuing asked about (folded): its date is what a citing sentence states. ("ký" only as
     * signing: folded, "kỹ năng" and "học kỳ" read "ky" too.)
     */
    private static final Pattern NAMES_DOCUMENT = Pattern.compile("\\b(?:cong van|quyet dinh|thong tu|nghi quyet"
            + "|chi thi|nghi dinh|luat|can cu|ban hanh|so hieu|so may|van ban|ai ky|nguoi ky|ky ngay|ky vao|ky ban hanh)"
            + "\\b|\\d+/");
    /** "tỷ lệ", "bao nhiêu phần trăm", "%" (folded): a share is asked for. */
    static final Pattern ASKS_SHARE = Pattern.compile("\\b(?:phan tram|ty le|ti le)\\b|%");

    /**
     * One word (or abbreviation) of the question.
     *
     * @param alternatives the forms that count as a match (normalised or folded tokens joined by spaces)
     * @param folded       true when the alternatives are folded (typed without diacritics, or expansions)
     */
    record Term(String surface, List<String> alternatives, boolean folded, boolean numeric) {
        boolean matches(TextForms text) {
            String haystack = numeric ? text.figures() : folded ? text.folded() : text.normalized();
            for (String alt : alternatives) {
                if (haystack.contains(" " + alt + " ")) {
                    return true;
                }
            }
            return false;
        }

        /**
         * True when one of the alternatives starts within {@code reach} words after the figure ("100 cán bộ quản lý",
         * "khoảng 03 bài viết"): the figure counts this, not something else the sentence also names.
         */
        boolean follows(TextForms text, String figure, int reach) {
            String haystack = folded ? text.folded() : text.normalized();
            String[] words = haystack.strip().split(" ");
            for (int i = 0; i < words.length; i++) {
                if (!words[i].equals(figure)) {
                    continue;
                }
                String after = " " + String.join(" ", java.util.Arrays.copyOfRange(words, i + 1,
                        Math.min(words.length, i + 1 + reach + 4))) + " ";
                for (String alt : alternatives) {
                    int at = after.indexOf(" " + alt + " ");
                    String between = at < 0 ? "" : after.substring(0, at).strip();
                    if (at >= 0 && (between.isEmpty() || between.split(" ").length < reach)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * A text in both matching forms, padded with spaces so " word " finds whole words, and its tokens with each date's
     * day and month as one figure for the question's figures ({@link Terms#joinDayMonth}): the "10" of "lớp 10" is
     * not in "ngày 11/10".
     */
    record TextForms(String normalized, String folded, String figures) {
        static TextForms of(String text) {
            List<String> tokens = Terms.tokens(text);
            String norm = " " + String.join(" ", tokens) + " ";
            String fold = " " + String.join(" ", tokens.stream().map(Terms::fold).toList()) + " ";
            if (text.indexOf('%') >= 0) {
                norm += "phần trăm ";  // "bao nhiêu phần trăm" asks for a "%"
                fold += "phan tram ";
            }
            // Most sentences hold no date: their figures are their tokens, not worth a second tokenising.
            String joined = Terms.joinDayMonth(text);
            String figures = joined.equals(text) ? norm : " " + String.join(" ", Terms.tokens(joined)) + " ";
            return new TextForms(norm, fold, figures);
        }
    }

    final List<Term> terms;
    /** Adjacent pairs of topic words, matched as a phrase for a bonus. */
    final List<Term> pairs;
    final boolean asksNumber;
    final boolean asksPercent;
    /** The question asks how many there are in all ("có tổng cộng bao nhiêu trường"), not a target. */
    final boolean asksTotal;
    /** The question asks how many there are ("có bao nhiêu trường"), which a share does not answer. */
    final boolean asksHowMany;
    /** The question asks what a unit or person must do ("các trường phải làm gì", "nhiệm vụ gì"). */
    final boolean asksDuty;
    /** The question names a text or its issuing ("công văn 4977", "căn cứ", "ban hành", "ký ngày nào"). */
    final boolean namesDocument;
    /** The question is about a document itself (who signed it, where its issuer is): its card may answer. */
    final boolean aboutDocument;
    /** The words of a closing choice, both sides ("IELTS hay Cambridge"); empty when the question offers none. */
    final List<Term> choice;
    /** The question asks where something comes from ("lấy từ đâu", "từ nguồn nào"). */
    final boolean asksSource;
    /** The question asks who does something: a person, a unit ("Ai phụ trách …", "đơn vị nào", "phòng nào"). */
    final boolean asksWho;
    /** The kind of answer asked for, where a sentence shows it (a time, a place). */
    final AnswerKind kind;
    /** Years the question names (2025, 2030): a sentence about another period is a worse match. */
    final List<String> years;
    /**
     * The words naming what is asked for: the word before "nào / gì / mấy" ("nguồn nào", "ngày nào", "số mấy") and
     * the words after "bao nhiêu" ("bao nhiêu máy chiếu"). An answer sentence usually contains them, and for
     * "ngày nào" / "số mấy" a figure right after them ("ngày 18/8/2025", "số 5691/KH-SGDĐT").
     */
    final List<Term> focus;
    /** The words after "bao nhiêu": what is counted. A sentence without them does not answer the count. */
    final List<Term> counted;
    /** The counted words typed as an initialism ("TN" in "bao nhiêu câu TN"), which the person may have made up. */
    private final Set<Term> countedInitialisms;
    /**
     * What the people of a head count did, when the question says it after them ("bao nhiêu người đạt chứng nhận
     * MIT" → đạt, chứng nhận, MIT): a figure of people doing something else (the 100 to be trained) is no answer.
     */
    final List<Term> headCountDoing;
    /**
     * The first two counted words as one phrase ("nhân viên" in "bao nhiêu nhân viên y tế"), or null. Where the
     * knowledge base uses the phrase it is one word, and "nhân tạo … giáo viên" does not count it.
     */
    private final Term countedPhrase;
    /**
     * The topic words of the part a follow-up joined to the earlier question asks ("tập huấn vận hành cái đó cho ai"
     * after "… – "): what is new in it. Empty when the question is not joined.
     */
    final Set<Term> askedAnew;

    /** The figures the question states itself ("2026", "10"), as written. */
    final Set<String> numbers;
    /** Proper names the question gives ("Lê Lợi", "Ngô Quyền"), each one folded phrase. */
    final List<Term> names;
    /** The verb of a "who" question ("Ai ký …" → "ký"): the sentence naming who must contain it. */
    final List<Term> actor;

    /** The words and names that say what the question is about. */
    List<Term> topics() {
        List<Term> out = new ArrayList<>(terms);
        out.addAll(names);
        return out;
    }

    private QueryTerms(List<Term> terms, List<Term> pairs, boolean asksNumber, boolean asksPercent,
                       List<String> years, List<Term> focus, List<Term> counted, List<Term> names,
                       List<Term> actor, Set<String> numbers, boolean asksSource, AnswerKind kind,
                       boolean asksWho, boolean asksTotal, boolean asksHowMany, boolean asksDuty, boolean namesDocument,
                       boolean aboutDocument, List<Term> choice, Set<Term> countedInitialisms,
                       List<Term> headCountDoing, Term countedPhrase, Set<Term> askedAnew) {
        this.askedAnew = askedAnew;
        this.countedInitialisms = countedInitialisms;
        this.countedPhrase = countedPhrase;
        this.headCountDoing = headCountDoing;
        this.choice = choice;
        this.namesDocument = namesDocument;
        this.aboutDocument = aboutDocument;
        this.asksSource = asksSource;
        this.kind = kind;
        this.asksWho = asksWho;
        this.numbers = numbers;
        this.names = names;
        this.actor = actor;
        this.years = years;
        this.focus = focus;
        this.counted = counted;
        this.terms = terms;
        this.pairs = pairs;
        this.asksNumber = asksNumber;
        this.asksPercent = asksPercent;
        this.asksTotal = asksTotal;
        this.asksHowMany = asksTotal || asksHowMany;
        this.asksDuty = asksDuty;
    }

    static QueryTerms of(String question) {
        return of(question, Abbreviations.defaults());
    }

    static QueryTerms of(String question, Abbreviations abbreviations) {
        boolean aboutDocument = ABOUT_DOCUMENT.matcher(TextForms.of(question).folded()).find();
        question = withoutChoice(question);
        // A date's day and month are one figure ("11/10"), as in the sentences' figures.
        List<String> raw = new ArrayList<>(Terms.rawTokens(
                Terms.joinDayMonth(LONE_INITIAL.matcher(question).replaceAll(" "))));
        for (int i = 0; i + 3 < raw.size(); i++) {
            if (HOW_LONG.matcher(Terms.fold(String.join(" ", raw.subList(i, i + 4)))).lookingAt()) {
                raw.subList(i, i + 2).clear();
                break;
            }
        }
        Map<String, Term> terms = new LinkedHashMap<>();
        List<Term> pairs = new ArrayList<>();
        Term previous = null;
        boolean accented = Terms.hasDiacritics(question);
        boolean previousStop = true;
        Term[] everydayAt = new Term[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            String token = raw.get(i);
            EverydayWords.Match everyday = EVERYDAY.at(raw, i, accented);
            if (everyday != null) {
                // "tiền" also matches "kinh phí", "hạn chót" also "thời hạn": one topic, not a word never used.
                Term term = everydayTerm(raw.subList(i, i + everyday.length()), everyday, accented);
                terms.putIfAbsent(term.surface(), term);
                java.util.Arrays.fill(everydayAt, i, i + everyday.length(), term);
                i += everyday.length() - 1;
                previous = null;
                previousStop = true;
                continue;
            }
            boolean stop = Terms.isStopword(token, accented) || asksWhom(raw, i) || frames(raw, i);
            Term term = toTerm(token, abbreviations);
            if (!stop) {
                terms.putIfAbsent(term.surface(), term);
            }
            // A phrase pair may hold one function word ("cấp cho", "từ xa"): the phrase, not the word, is rare.
            if (previous != null && !(stop && previousStop) && previous.alternatives().size() == 1
                    && term.alternatives().size() == 1) {
                pairs.add(phrase(previous, term));
            }
            previous = term;
            previousStop = stop;
        }
        // A follow-up joined to the earlier question ("… bao nhiêu bài – hạn chót khi nào?") asks only what its last
        // part asks: the earlier part gives the topic, not the kind of answer ("bài" is no longer counted).
        String asked = askedPart(question);
        String folded = " " + Terms.fold(asked) + " ";
        int askedFrom = Math.max(0, raw.size() - Terms.rawTokens(asked).size());
        List<String> years = raw.stream().filter(t -> t.matches("(?:19|20)\\d\\d")).distinct().toList();
        List<Term> focus = new ArrayList<>();
        List<Term> counted = new ArrayList<>();
        List<Term> actor = new ArrayList<>();
        boolean asksPerson = false;
        boolean countsPeople = false;
        List<Term> headCountDoing = new ArrayList<>();
        Term countedPhrase = null;
        for (int i = askedFrom; i < raw.size(); i++) {
            String word = Terms.fold(raw.get(i));
            if ((word.equals("nao") || word.equals("gi") || word.equals("may")) && i > 0
                    && !Terms.isStopword(raw.get(i - 1))) {
                termAt(terms, everydayAt, raw, i - 1, abbreviations).ifPresent(focus::add);
            }
            // "Ai ký kế hoạch …", "Kế hoạch do ai ký?": who did it is asked of the verb that follows.
            // ("Ai là người ký …" too; "ai" typed without any diacritic in the question may be the topic AI.)
            // Typed without diacritics, "ai" is who only before a verb of doing ("ai ky ke hoach …").
            boolean who = raw.get(i).equalsIgnoreCase("ai") && !raw.get(i).equals("AI")
                    && (accented || i + 1 < raw.size() && WHO_VERBS.contains(Terms.fold(raw.get(i + 1))))
                    && (i == 0 || !AI_AFTER.contains(raw.get(i - 1).toLowerCase(java.util.Locale.ROOT))
                    && (accented || !AI_AFTER_FOLDED.contains(Terms.fold(raw.get(i - 1)))));
            asksPerson |= who;
            if (who && actor.isEmpty()) {
                for (int j = i + 1; j < raw.size() && actor.isEmpty(); j++) {
                    String next = raw.get(j);
                    if (!Terms.isStopword(next, true) && !Terms.fold(next).equals("nguoi")) {
                        termAt(terms, everydayAt, raw, j, abbreviations).ifPresent(actor::add);
                    }
                }
            }
            if (word.equals("nhieu") && i > 0 && Terms.fold(raw.get(i - 1)).equals("bao")) {
                int before = counted.size();
                boolean people = false;
                for (int j = i + 1; j < Math.min(raw.size(), i + 3) && !Terms.isStopword(raw.get(j)); j++) {
                    // "bao nhiêu người" is answered by "100 cán bộ, giáo viên": a head count of any kind of people
                    // ("bao nhiêu thầy cô": the documents say "giáo viên").
                    if (Terms.fold(raw.get(j)).equals("nguoi") || namesPeople(raw, j, accented)) {
                        people = true;
                        for (int k = j + 1; k < raw.size(); k++) {
                            if (!namesPeople(raw, k, accented) && saysWhatPeopleDid(raw.get(k), accented)) {
                                termAt(terms, everydayAt, raw, k, abbreviations).ifPresent(headCountDoing::add);
                            }
                        }
                        break;
                    }
                    termAt(terms, everydayAt, raw, j, abbreviations).ifPresent(counted::add);
                }
                countsPeople |= people;
                // ("gấp bao nhiêu lần học phí": "lần" counts times, and the noun after it starts another word)
                if (counted.size() - before == 2 && everydayAt[i + 1] == null && everydayAt[i + 2] == null
                        && !TIMES_COUNTED.contains(Terms.fold(raw.get(i + 1)))
                        && counted.get(before).alternatives().size() == 1
                        && counted.get(before + 1).alternatives().size() == 1) {
                    countedPhrase = phrase(counted.get(before), counted.get(before + 1));
                }
                // "được phụ cấp bao nhiêu": nothing after, so what is counted comes before ("phụ cấp").
                boolean nothingAfter = counted.size() == before && !people;
                for (int j = i - 2; nothingAfter && counted.size() - before < 2 && j >= 0; j--) {
                    if (Terms.isStopword(raw.get(j)) || MEASURES.contains(Terms.fold(raw.get(j)))) {
                        break;
                    }
                    termAt(terms, everydayAt, raw, j, abbreviations).ifPresent(counted::addFirst);
                }
            }
        }
        focus.addAll(counted);
        focus.addAll(actor);
        if (countsPeople) {
            counted.add(PEOPLE_COUNTED); // a filter on sentences only: it weighs nothing in the score
            // "bao nhiêu người tham dự" is covered by "100 cán bộ quản lý và giáo viên": the word is the head count.
            for (String key : List.of("người", "nguoi")) {
                terms.computeIfPresent(key, (k, t) -> new Term(k, PEOPLE_COUNTED.alternatives(), true, false));
            }
        }
        boolean asksSource = ASKS_SOURCE.matcher(folded).find();
        return new QueryTerms(List.copyOf(terms.values()), List.copyOf(pairs), ASKS_NUMBER.matcher(folded).find(),
                ASKS_SHARE.matcher(folded).find(), years, List.copyOf(focus), List.copyOf(counted),
                names(question, abbreviations),
                List.copyOf(actor), raw.stream().filter(Terms::isNumeric).collect(Collectors.toUnmodifiableSet()),
                asksSource, AnswerKind.of(asked, asksSource),
                asksPerson || ASKS_UNIT.matcher(folded).find(), ASKS_TOTAL.matcher(folded).find(),
                ASKS_HOW_MANY.matcher(folded).find() && !ASKS_SHARE.matcher(folded).find(),
                ASKS_DUTY.matcher(folded).find(), NAMES_DOCUMENT.matcher(" " + Terms.fold(question) + " ").find(),
                aboutDocument, choice(question, abbreviations), counted.stream()
                        .filter(t -> raw.stream().anyMatch(w -> INITIALISM.matcher(w).matches()
                                && Terms.fold(w).equals(Terms.fold(t.surface()))))
                        .collect(Collectors.toUnmodifiableSet()), List.copyOf(headCountDoing), countedPhrase,
                askedAnew(terms.values(), askedFrom == 0 ? List.of() : Terms.rawTokens(asked)));
    }

    /** The terms typed in the asked part of a joined follow-up (its tokens; none when the question is not joined). */
    private static Set<Term> askedAnew(java.util.Collection<Term> terms, List<String> askedTokens) {
        Set<String> asked = askedTokens.stream().map(Terms::fold).collect(Collectors.toSet());
        return terms.stream().filter(t -> asked.contains(Terms.fold(t.surface())))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * "thầy", "cô", and typed without diacritics "thay co": a colloquial word for people ({@link #PEOPLE}). Folded,
     * "thay" and "co" alone are other words ("thay đổi", "có").
     */
    private static boolean namesPeople(List<String> raw, int i, boolean accented) {
        if (PEOPLE.contains(Terms.normalizeWord(raw.get(i)))) {
            return true;
        }
        if (accented) {
            return false;
        }
        String word = Terms.fold(raw.get(i));
        return word.equals("thay") && i + 1 < raw.size() && Terms.fold(raw.get(i + 1)).equals("co")
                || word.equals("co") && i > 0 && Terms.fold(raw.get(i - 1)).equals("thay");
    }

    /** A word after the people of a head count that says what they did: no function word, people or taking part. */
    private static boolean saysWhatPeopleDid(String token, boolean accented) {
        String folded = Terms.fold(token);
        return !Terms.isStopword(token, accented) && !PEOPLE.contains(Terms.normalizeWord(token))
                && !folded.equals("nguoi") && !TAKING_PART.contains(folded);
    }

    /** A word starting with a capital and not written all in capitals ("Kiến", "Play"; not "THCS"). */
    private static boolean capitalisedWord(String token) {
        return token.length() > 1 && Character.isUpperCase(token.codePointAt(0)) && !allCapitals(token);
    }

    private static boolean allCapitals(String token) {
        return token.equals(token.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * True when the token is Latin initials no abbreviation expands, followed by a capitalised word: a brand ("CH
     * Play", "MS Teams") is a name, while "THCS Trần Huy Liệu" names the school by "Trần Huy Liệu". Not inside a title
     * typed in capitals ("QUY CHẾ Văn bằng" is no brand).
     */
    private static boolean startsBrand(List<String> raw, int i, Abbreviations abbreviations) {
        String token = i < raw.size() ? raw.get(i) : "";
        return i + 1 < raw.size() && LATIN_INITIALISM.matcher(token).matches()
                && abbreviations.foldedExpansions(token).isEmpty()
                && (i == 0 || !allCapitals(raw.get(i - 1))) && capitalisedWord(raw.get(i + 1));
    }

    /** Two adjacent words as one phrase, folded when either was typed without diacritics. */
    private static Term phrase(Term first, Term second) {
        boolean folded = first.folded() || second.folded();
        String a = folded ? Terms.fold(first.alternatives().getFirst()) : first.alternatives().getFirst();
        String b = folded ? Terms.fold(second.alternatives().getFirst()) : second.alternatives().getFirst();
        return new Term(a + " " + b, List.of(a + " " + b), folded, false);
    }

    /** {@link #countedPhrase} when the knowledge base uses it as a phrase, else empty. */
    Optional<Term> countedPhrase(ToIntFunction<String> vocabulary) {
        return countedPhrase != null && vocabulary.applyAsInt(countedPhrase.surface()) > 0
                ? Optional.of(countedPhrase) : Optional.empty();
    }

    /**
     * What a sentence must count, given the retrieved passages: an initialism made up while typing ("bao nhiêu câu
     * TN") that none of them has is the margins' to weigh, as long as another counted word is found. A word typed in
     * full is always demanded: "bao nhiêu phòng thí nghiệm" is not answered by a figure beside "Phòng Giáo dục".
     */
    List<Term> countedIn(List<TextForms> contexts) {
        List<Term> found = counted.stream()
                .filter(t -> !countedInitialisms.contains(t) || contexts.stream().anyMatch(t::matches)).toList();
        return found.isEmpty() ? counted : found;
    }

    /**
     * The words on both sides of the "hay" closing a question ("phải thi là IELTS hay Cambridge?", "dùng app nào,
     * ChatGPT hay Gemini?"): up to two words before it and three after, up to a function word.
     */
    static List<Term> choice(String question, Abbreviations abbreviations) {
        List<String> raw = Terms.rawTokens(question);
        int end = raw.size();
        while (end > 0 && Terms.isStopword(raw.get(end - 1))) {
            end--; // "… hay Gemini vậy ạ?"
        }
        int hay = -1;
        for (int i = end - 2; i >= Math.max(1, end - 4); i--) {
            if (Terms.fold(raw.get(i)).equals("hay")) {
                hay = i;
                break;
            }
        }
        if (hay < 0) {
            return List.of();
        }
        List<Term> before = new ArrayList<>();
        for (int i = hay - 1; i >= Math.max(0, hay - 2) && !Terms.isStopword(raw.get(i)); i--) {
            before.addFirst(toTerm(raw.get(i), abbreviations));
        }
        List<Term> after = new ArrayList<>();
        for (int i = hay + 1; i < end; i++) {
            if (Terms.isStopword(raw.get(i))) {
                return List.of();
            }
            after.add(toTerm(raw.get(i), abbreviations));
        }
        if (before.isEmpty() || after.isEmpty()) {
            return List.of();
        }
        before.addAll(after);
        return List.copyOf(before);
    }

    /**
     * The question without a closing choice of answers when what comes before it already asks a kind of answer:
     * "kéo dài bao lâu, cả ngày hay nửa buổi?" asks a length of time, and the words of the choice ("nửa", which the
     * plans never use: they write "1/2 ngày") name candidate answers, not what the question is about. A choice after
     * a question asking no kind ("phần mềm nào, ChatGPT hay Gemini?"), or one not between answers of that kind ("bao
     * lâu, học trực tiếp hay online?" asks a second thing), names the topic and stays.
     */
    static String withoutChoice(String question) {
        String q = question.strip().replaceAll("[?!.\\s]+$", "");
        java.util.regex.Matcher tail = CHOICE_TAIL.matcher(q);
        if (!tail.find() || tail.start() == 0 || !Terms.fold(tail.group()).contains(" hay ")) {
            return question;
        }
        String head = q.substring(0, tail.start());
        AnswerKind kind = AnswerKind.of(head);
        // "bao lâu, học trực tiếp hay online?" asks a second thing: only a choice between answers of the kind goes
        return kind != AnswerKind.ANY && kind.saidIn(" " + Terms.fold(tail.group()) + " ", tail.group())
                ? head + "?" : question;
    }

    /** Words before "bao nhiêu" that name a measure, not the thing measured ("tỷ lệ bao nhiêu" wants a "%"). */
    private static final java.util.Set<String> MEASURES = java.util.Set.of("ty", "ti", "le", "so", "luong", "muc",
            "khoang", "tong", "cong", "toi", "da", "thieu", "it", "nhat", "chiem", "dat");

    /** Words that start a place or school name without being part of it ("Trường Ngô Gia Tự", "phường Kiến An"). */
    private static final java.util.Set<String> NAME_PREFIXES = java.util.Set.of("truong", "phuong", "quan", "xa",
            "tinh", "thanh", "pho", "huyen", "so", "phong", "uy", "ban", "tieu", "hoc", "trung", "mam", "non");

    /**
     * Runs of two or more capitalised words (not acronyms, not a sentence's first word, without a leading
     * "Trường", "phường", …): the names of schools, wards and people a question asks about. A name never runs over
     * punctuation: "… phường Kiến An – Ai ký …" names Kiến An, not "Kiến An Ai".
     */
    private static List<Term> names(String question, Abbreviations abbreviations) {
        List<Term> out = new ArrayList<>();
        boolean accented = Terms.hasDiacritics(question);
        java.util.regex.Matcher clause = CLAUSE.matcher(question);
        boolean sentenceStart = true;
        while (clause.find()) {
            List<String> raw = Terms.rawTokens(clause.group(1));
            List<String> run = new ArrayList<>();
            for (int i = 0; i <= raw.size(); i++) {
                String token = i < raw.size() ? raw.get(i) : "";
                boolean capitalised = (i > 0 || !sentenceStart) && capitalisedWord(token);
                if (capitalised || run.isEmpty() && startsBrand(raw, i, abbreviations)) {
                    run.add(Terms.fold(token));
                    continue;
                }
                while (!run.isEmpty() && NAME_PREFIXES.contains(run.getFirst())) {
                    run.removeFirst();
                }
                if (run.size() >= 2) {
                    String name = String.join(" ", run);
                    out.add(new Term(name, List.of(name), true, false));
                }
                run.clear();
            }
            unitNames(raw, accented, out);
            String end = clause.group(2);
            // After "?", "!", ":", a dash, a quote or a bracket the next word is capitalised as a sentence's or a
            // title's first word ("Ở Đoàn Lập 'Ngày hội …'" names Đoàn Lập, not "Đoàn Lập Ngày"); after a comma or a
            // full stop (also "TP. Hồ Chí Minh") it is not taken for one.
            sentenceStart = !end.isBlank() && "?!:–—'\"“”‘’()".indexOf(end.strip().charAt(0)) >= 0;
        }
        return List.copyOf(out);
    }

    /** Words naming an administrative unit, before its name or number ("phường Kiến An", "quận 3"), folded. */
    private static final Set<String> UNITS = Set.of("phuong", "quan", "xa", "huyen", "tinh");

    /**
     * Places named without capitals: a numbered unit ("Quận 3", "phường 13") and, in a question typed without
     * diacritics, the two words after a unit word ("phuong le chan …"). A place the knowledge base never names is
     * one the documents say nothing of, as with a capitalised name.
     */
    private static void unitNames(List<String> raw, boolean accented, List<Term> out) {
        for (int i = 0; i + 1 < raw.size(); i++) {
            if (!UNITS.contains(Terms.fold(raw.get(i)))) {
                continue;
            }
            String next = raw.get(i + 1);
            String name = null;
            if (next.chars().allMatch(Character::isDigit)) {
                name = Terms.fold(raw.get(i)) + " " + next;
            } else if (!accented && i + 2 < raw.size() && !Terms.isStopword(next) && !Terms.isStopword(raw.get(i + 2))
                    && !next.equals(next.toUpperCase(java.util.Locale.ROOT))) {
                name = Terms.fold(next) + " " + Terms.fold(raw.get(i + 2));
            }
            String place = name;
            if (place != null && out.stream().noneMatch(t -> t.surface().equals(place))) {
                out.add(new Term(place, List.of(place), true, false));
            }
        }
    }

    /** A clause and the punctuation that ends it. */
    private static final java.util.regex.Pattern CLAUSE = java.util.regex.Pattern.compile(
            "([^.?!:;,–—'\"“”‘’()]+)([.?!:;,–—'\"“”‘’()]*\\s*|$)");

    /** True when a focus word is followed by a figure in the sentence ("ngày 18/8/2025", "số 5691"). */
    boolean focusBeforeNumber(String sentence) {
        List<String> words = List.of(sentence.split("\\s+"));
        for (int i = 0; i + 1 < words.size(); i++) {
            if (!Character.isDigit(words.get(i + 1).charAt(0))) {
                continue;
            }
            List<String> tokens = Terms.rawTokens(words.get(i));
            if (tokens.size() != 1 || !words.get(i).equals(tokens.getFirst())) {
                continue; // "ngày / /2025", "số: 12": punctuation between the word and the figure
            }
            String normalized = Terms.normalizeWord(tokens.getFirst());
            String folded = Terms.fold(tokens.getFirst());
            for (Term f : focus) {
                if (f.alternatives().contains(f.folded() ? folded : normalized)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final EverydayWords EVERYDAY = EverydayWords.defaults();

    /**
     * The topic a raw token of the question belongs to: its everyday phrase, or its own term; empty for a word that is
     * no topic (a stop word, "ai" read as who).
     */
    private static Optional<Term> termAt(Map<String, Term> terms, Term[] everydayAt, List<String> raw, int index,
                                         Abbreviations abbreviations) {
        return Optional.ofNullable(everydayAt[index] != null ? everydayAt[index]
                : terms.get(toTerm(raw.get(index), abbreviations).surface()));
    }

    /** The everyday phrase as one topic whose alternatives are the phrase itself and the documents' words for it. */
    private static Term everydayTerm(List<String> phrase, EverydayWords.Match match, boolean accented) {
        String typed = String.join(" ", phrase.stream().map(Terms::normalizeWord).toList());
        List<String> alternatives = new ArrayList<>();
        alternatives.add(accented ? typed : Terms.fold(typed));
        for (String words : match.documentWords()) {
            alternatives.add(accented ? words : Terms.fold(words));
        }
        return new Term(alternatives.getFirst(), List.copyOf(alternatives), !accented, false);
    }

    private static Term toTerm(String token, Abbreviations abbreviations) {
        List<String> expansions = abbreviations.foldedExpansions(token);
        boolean numeric = Terms.isNumeric(token);
        if (!expansions.isEmpty()) {
            List<String> alternatives = new ArrayList<>();
            alternatives.add(Terms.fold(token));
            alternatives.addAll(expansions);
            return new Term(Terms.fold(token), List.copyOf(alternatives), true, numeric);
        }
        Terms.Term t = Terms.Term.of(token);
        return new Term(t.key(), List.of(t.key()), t.folded(), numeric);
    }

    /**
     * Plans state figures per period: when the question names a year, a sentence (or its heading) naming another
     * year is about another period; one naming none is only weakly placed by its passage (1 when it asks none).
     */
    double yearFit(TextForms sentence, TextForms headings, TextForms passage) {
        if (years.isEmpty()) {
            return 1;
        }
        String local = sentence.folded() + headings.folded();
        if (years.stream().anyMatch(y -> local.contains(" " + y + " "))) {
            return 1;
        }
        if (ANY_YEAR.matcher(local).find()) {
            return 0.5;
        }
        return years.stream().anyMatch(y -> passage.folded().contains(" " + y + " ")) ? 0.85 : 0.6;
    }

    private static final Pattern QUESTION_WORD = Pattern.compile(
            "\\b(?:gi|nao|ai|dau|bao nhieu|bao lau|bao gio|khi nao|may|the nao|ra sao)\\b");

    /**
     * The part of a question that asks: after {@link FollowUpRewriter#JOIN} when that part asks anything, else all of
     * it.
     */
    static String askedPart(String question) {
        int join = question.lastIndexOf(FollowUpRewriter.JOIN);
        if (join < 0) {
            return question;
        }
        String tail = question.substring(join + FollowUpRewriter.JOIN.length());
        return QUESTION_WORD.matcher(Terms.fold(tail)).find() ? tail : question;
    }

    private static final Pattern ANY_YEAR = Pattern.compile(" (?:19|20)\\d\\d ");
    private static final Pattern YEAR_SPAN = Pattern.compile(" ((?:19|20)\\d\\d) ((?:19|20)\\d\\d) ");

    /**
     * True when the question names a year and the sentence or its headings name only others ("riêng năm 2026"
     * against the targets "đến năm 2025" and "đến năm 2030"); a span ("2025 - 2030") holds the years inside it.
     */
    boolean otherYear(TextForms sentence, TextForms headings) {
        if (years.isEmpty()) {
            return false;
        }
        String local = sentence.folded() + headings.folded();
        if (!ANY_YEAR.matcher(local).find() || years.stream().anyMatch(y -> local.contains(" " + y + " "))) {
            return false;
        }
        java.util.regex.Matcher span = YEAR_SPAN.matcher(local);
        while (span.find()) {
            int from = Integer.parseInt(span.group(1));
            int to = Integer.parseInt(span.group(2));
            if (years.stream().mapToInt(Integer::parseInt).anyMatch(y -> y > from && y < to)) {
                return false;
            }
        }
        return true;
    }
}
