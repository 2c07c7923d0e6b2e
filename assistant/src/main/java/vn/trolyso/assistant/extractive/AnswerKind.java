package vn.trolyso.assistant.extractive;

import java.util.regex.Pattern;
import vn.trolyso.assistant.text.Terms;
import vn.trolyso.knowledge.document.DocumentCard;
import vn.trolyso.knowledge.document.DocumentNumber;
import vn.trolyso.knowledge.text.PersonNames;

/**
 * The kind of answer a question asks for, where the kind can be seen in a sentence: an hour ("mấy giờ"), a day
 * ("ngày nào"), a length of time ("bao lâu"), a time ("khi nào", "bao giờ"), a place ("ở đâu", "địa điểm nào"),
 * a school ("trường nào") or a way to reach someone ("số điện thoại"). Plans state them under labels ("Thời gian:
 * …", "Địa điểm: …") below the sentence that names the topic, so the topic-richest sentence is often the one that
 * does not answer.
 */
public enum AnswerKind {
    /**
     * "năm ngoái … thực tế đã đạt bao nhiêu %": what has actually been achieved, in a period gone by. Plans state
     * targets ("100% học sinh … được tiếp cận"), which are no result; only a sentence reporting one answers ("đã đạt",
     * "kết quả").
     */
    RESULT(Pattern.compile("^(?=.*\\b(?:thuc te|nam ngoai|vua roi|vua qua|nam hoc truoc)\\b)"
            + "(?=.*\\bda (?:dat|co|duoc|lam|thuc hien|trien khai|hoan thanh|to chuc)\\b)"),
            Pattern.compile("\\b(?:da (?:dat|co|duoc|thuc hien|trien khai|hoan thanh|to chuc)|dat duoc|ket qua)\\b"),
            null, false, true),
    /** "lúc mấy giờ": an hour of the day, which plans rarely state. */
    CLOCK(Pattern.compile("\\b(?:may gio|gio nao|luc may)\\b"),
            Pattern.compile("\\d+ ?(?:h|gio)\\b|\\d+:\\d\\d|\\b(?:gio|buoi (?:sang|chieu|toi)|ca (?:sang|chieu))\\b"),
            Pattern.compile("^(?:thoi gian|thoi diem)\\b"), false),
    /**
     * "học vào thứ mấy": a day of the week, which a date ("ngày 11/10 hằng năm") does not state ("Điều thứ mấy", "lần
     * thứ mấy" ask for a number).
     */
    WEEKDAY(Pattern.compile("(?<!dieu )(?<!lan )(?<!khoan )(?<!muc )(?<!chuong )(?<!hang )(?<!xep )(?<!dung )"
            + "\\bthu (?:may|nao)\\b|\\bngay nao trong tuan\\b"),
            Pattern.compile("\\bthu (?:hai|ba|tu|nam|sau|bay|[2-7])\\b|\\bchu nhat\\b|\\bcuoi tuan\\b"),
            null, false),
    /**
     * "hạn chót nộp bài", "chậm nhất ngày nào": a deadline, stated as one ("trước ngày 30/5", "hoàn thành vào tháng
     * 9", "thời hạn …"); the day an event is held ("vào ngày 11/10") is none.
     */
    DEADLINE(Pattern.compile("\\b(?:han chot|han cuoi|han nop|thoi han nop|cham nhat)\\b"),
            Pattern.compile("\\b(?:truoc|cham nhat|han|hoan thanh|hoan tat|ket thuc|den het|xong)\\b(?: \\S+){0,3}"
                    + " (?:ngay |thang |nam )?\\d|\\bthoi han\\b|\\bhan chot\\b"),
            Pattern.compile("^(?:thoi han|han)\\b"), false),
    /** "ngày nào": a day or a month, not "hằng năm". */
    DATE(Pattern.compile("\\b(?:ngay nao|ngay may|hom nao|thang may)\\b"),
            // "ngày 11/10", "tháng 5", or a deadline counted from something ("sau 30 ngày kể từ …")
            Pattern.compile("\\b(?:ngay|thang) \\d|\\d+ (?:ngay|thang|tuan)\\b"),
            Pattern.compile("^(?:thoi gian|thoi han|thoi diem|han)\\b"), false),
    /** "bao lâu", "kéo dài mấy ngày": a length of time ("1/2 ngày", "3 tháng"), not a date or a year. */
    DURATION(Pattern.compile("\\b(?:bao lau|keo dai (?:may|bao nhieu) (?:ngay|buoi|tuan|thang|nam|tiet|gio))\\b"),
            Pattern.compile("\\d+(?:[/,.]\\d+)? ?(?:ngay|buoi|tuan|thang|nam|tiet|gio|phut|hoc ky)\\b"
                    + "|\\b(?:nua|mot|hai|ba|ca) (?:ngay|buoi|tuan|thang|nam|hoc ky)\\b|\\bthuong xuyen\\b"),
            Pattern.compile("^(?:thoi gian|thoi luong|thoi han)\\b"), false),
    /**
     * "học mấy buổi", "mấy kỳ khảo sát": how many sessions or times, stated by a figure before the unit ("01 kỳ khảo
     * sát", "2 buổi"); "tổ chức các buổi học định kỳ" states none. ("bao nhiêu tiết" is a count, which a share of the
     * periods may answer: "1/3 số tiết"; "mấy khoá đó" points to the courses, as "những khoá đó".)
     */
    TIMES(Pattern.compile("\\bmay (?:buoi|tiet|ky|lan|dot|khoa|lop|phien)\\b(?! (?:do|nay|ay|kia)\\b)"),
            Pattern.compile("\\d+ (?:buoi|tiet|ky|lan|dot|khoa|lop|phien)\\b"
                    + "|\\b(?:mot|hai|ba|bon|nam) (?:buoi|tiet|ky|lan|dot|khoa|lop|phien)\\b"),
            null, false),
    TIME(Pattern.compile("\\b(?:khi nao|bao gio|luc nao|thoi gian nao|thoi diem nao|thang nao"
            + "|thoi han|giai doan nao|thoi ky nao|nam nao)\\b"),
            // A figure, or a time said in words ("thường xuyên", "hằng năm"); "khi nào" also asks in what case.
            // A share ("100% trường …") is no time.
            Pattern.compile("\\d(?![\\d.,]*%)|\\b(?:thuong xuyen|hang (?:nam|thang|tuan|quy|ngay|ky)|dinh ky|hoc ky|nam hoc"
                    + "|giai doan|(?:dau|cuoi|giua) (?:nam|khoa|hoc ky|ky|thang|tuan)|khi|neu|truong hop|sau|truoc"
                    + "|trong thoi gian)\\b"),
            Pattern.compile("^(?:thoi gian|thoi han|thoi diem)\\b"), false),
    PLACE(Pattern.compile("\\b(?:o dau|tai dau|noi nao|cho nao|dia diem nao|dia diem|o cho nao)\\b"),
            Pattern.compile("\\b(?:tai|o|dia diem|hoi truong|phong|tru so|duong|qua|truc tuyen|truc tiep"
                    + "|tren (?:he thong|cong|trang|website|ung dung|nen tang|phan mem))\\b"),
            Pattern.compile("^(?:dia diem|noi to chuc)\\b"), false),
    /**
     * "nằm ở đường nào", "ở nhà văn hóa tổ dân phố nào", "học ở phòng nào", "địa chỉ cụ thể": an address, which a
     * sentence shows by a number or a name after the street, floor or room ("Số 195 Lý Thánh Tông", "tầng 3", "Hội
     * trường UBND phường"); "trên địa bàn phường" is none. ("Phòng nào lo …" asks for a unit, not a room.)
     */
    ADDRESS(Pattern.compile("\\b(?:duong|pho|nha van hoa|to dan pho|khu pho|thon|tang|phong hoc|phong hop)(?: \\S+)?"
            + " nao\\b|\\b(?:o|tai) phong nao\\b|\\bdia chi(?: cu the| o dau| la gi| nao)\\b|\\bso nha\\b"),
            // Matched on the sentence as written: a street or a building shows by its capitals or its number.
            // ("thành phố Hải Phòng" is a city, "Phòng Giáo dục" a unit, "Kế hoạch số 5691" a document.)
            Pattern.compile("(?U)\\b[Ss]ố (?:nhà )?\\d+\\w* \\p{Lu}|\\b(?:[Đđ]ường|(?<![Tt]hành )[Pp]hố|[Kk]hu phố"
                    + "|[Tt]ổ dân phố|[Tt]hôn|[Nn]hà văn h(?:óa|oá))\\s+(?:\\d|\\p{Lu})|\\b(?:[Tt]ầng|[Pp]hòng)\\s+\\d"
                    + "|\\b[Hh]ội trường\\b"
                    // a system's address is a web address ("… có địa chỉ nào?": "tuyensinhdaucap.hcm.edu.vn")
                    + "|https?://|\\b[\\p{L}\\d-]+\\.(?:vn|com|net|org|edu|gov)\\b"),
            null, true, true),
    /** "cho xin link …", "đường dẫn", "trang web nào": a web address, which plans seldom give. */
    LINK(Pattern.compile("\\b(?:link|duong link|duong dan|url|trang web nao|website nao|web nao)\\b"),
            Pattern.compile("https?://|\\bwww\\.|\\b[\\p{L}\\d-]+\\.(?:vn|com|net|org|edu|gov)\\b"),
            null, true, true),
    /**
     * "kế hoạch … số hiệu bao nhiêu", "số hiệu của công văn": a document's own number, which only its header states
     * ("Số: 125/KH-UBND"; the card's "Số hiệu văn bản …", {@link DocumentNumber}); the number of a document it cites
     * ("Thực hiện Kế hoạch số 478-KH/TU …") is another's. ("số hiệu văn bằng" is a diploma's serial number.) The
     * document may be described at any length before "số hiệu" ("Công văn hướng dẫn của Phòng … về đề án … có số
     * hiệu là bao nhiêu?").
     */
    DOC_NUMBER(Pattern.compile("\\b(?:ke hoach|kh|cong van|cv|van ban|quyet dinh|nghi quyet)\\b(?: \\S+)*?"
            + " (?:mang |co |la )?so hieu\\b|\\bso hieu (?:cua )?(?:ke hoach|kh|cong van|cv|van ban|quyet dinh"
            + "|nghi quyet)\\b"),
            // the card's line, or the header's own where cleaning kept it (an uploaded document: "Số: 125/KH-UBND")
            Pattern.compile("(?U)\\b" + DocumentCard.NUMBER_LABEL + "\\b|^\\s*Số\\s*:?\\s*\\d[\\w.]*/\\w"),
            null, true, true),
    /**
     * "ứng dụng … tên là gì", "tên phần mềm là gì", "phần mềm AI cụ thể nào": the name of an app or a platform, which
     * shows as a brand ("VNeID", "K12Online"), a quoted name or a web address; "ứng dụng trực tuyến chăm sóc sức khỏe
     * học sinh" names none.
     */
    APP_NAME(Pattern.compile("\\b(?:" + AnswerKind.APP_NOUNS + ")\\b(?: \\S+){0,12}? ten (?:la )?(?:gi|j)\\b"
            + "|\\bten (?:cua )?(?:" + AnswerKind.APP_NOUNS + ")\\b(?: \\S+){0,4}? (?:la )?(?:gi|j)\\b"
            + "|\\b(?:phan mem|ung dung|app|nen tang|cong cu)(?: ai)? cu the nao\\b"),
            // Matched on the sentence as written: a brand's inner capital, the quotes, the dots of an address.
            Pattern.compile("(?U)\\b[\\p{L}\\d]*[\\p{Ll}\\d]\\p{Lu}[\\p{L}\\d]*\\b|[“\"][^”\"]{3,}[”\"]|https?://"
                    + "|\\b[\\p{L}\\d-]+\\.(?:vn|com|net|org|edu|gov)\\b"),
            null, true, true),
    /**
     * "trường nào", "những trường THCS nào", "danh sách các trường": a school named by its name ("trường tiểu học Cao
     * Báo Quát").
     */
    SCHOOL(Pattern.compile(
            "\\btruong (?:(?:mam non|tieu hoc|trung hoc co so|trung hoc pho thong|thcs|thpt|th) )?nao\\b"
            + "|\\b(?:danh sach|ten) (?:cac |nhung )?truong\\b"),
            // Matched on the sentence as written: a name is capitalised ("các trường Tiểu học, THCS" names none).
            Pattern.compile("(?U)\\b(?:[Tt]rường|TH|THCS|THPT)\\s+(?:(?:[Mm]ầm non|[Tt]iểu học|[Tt]rung học cơ sở"
                    + "|[Tt]rung học phổ thông|TH|THCS|THPT)\\s+)?(?!(?:Tiểu|Trung|Mầm)\\b)\\p{Lu}\\p{Ll}+"),
            null, true),
    /**
     * "số điện thoại", "hotline", "địa chỉ email": a way to reach someone, shown as a number or an address ("gửi qua
     * email nào" is answered by whom to send it to, and is no contact question).
     */
    CONTACT(Pattern.compile("\\b(?:so dien thoai|sdt|dien thoai lien he|hotline|duong day nong"
            + "|dia chi (?:email|thu dien tu)|e-?mail lien he)\\b"),
            // Matched on the sentence as written: "@" and the digits' grouping do not survive folding.
            // "(…@hcm.edu.vn)" is a template, not an address.
            Pattern.compile("[\\p{L}\\p{N}._-]+@[\\p{L}\\p{N}-]+\\.\\p{L}|(?<!\\d)0\\d(?:[ .-]?\\d){7,10}(?!\\d)"),
            null, true),
    /**
     * "hiệu trưởng tên là gì", "thầy dạy … họ tên đầy đủ là gì": a person's name ("Trần Đăng Quân"); an office
     * ("Trưởng phòng") is no name.
     */
    PERSON_NAME(Pattern.compile("\\b(?:thay|co giao|giao vien|gv|hieu truong|ht|hieu pho|nguoi|chuyen gia|can bo"
            + "|chu tich|giam doc|to truong|truong phong|truong ban)\\b(?: \\S+){0,12} (?:ho (?:va )?)?ten"
            + " (?:day du )?(?:la )?gi\\b"
            // the name asked for first: "xin tên mấy chuyên gia FPT", "cho biết họ tên của cô giáo phụ trách"
            + "|\\b(?:xin|cho biet|muon biet|can biet) (?:\\S+ ){0,2}?(?:ho (?:va )?)?ten (?:day du )?(?:cua )?"
            + "(?:may |cac |nhung |vi |hai |ba )?(?:thay|co giao|giao vien|gv|hieu truong|hieu pho|nguoi(?! dung)"
            + "|chuyen gia|can bo|chu tich|giam doc|to truong|truong phong|truong ban|bao cao vien|giang vien)\\b"
            // "Hiệu trưởng trường … hiện nay là ai?": a school's head is a person, and the office is no answer
            + "|\\b(?:pho )?hieu (?:truong|pho)\\b(?: \\S+){0,10} (?:hien nay |hien tai |bay gio )?la ai\\b"),
            // Matched on the sentence as written: a name shows by its capitals ("Trường Ngô Gia Tự" is a school).
            PersonNames.NAME, null, true, true),
    /**
     * "ai làm tổ trưởng": a person, named ("Trần Đăng Quân") or by office ("Hiệu trưởng"). Plans name few people, so
     * a sentence about the team ("Thành lập Tổ công tác …") does not answer who leads it.
     */
    NAME(Pattern.compile("\\bai (?:lam|la|giu|dam nhiem|dam nhan|duoc giao) (?:chuc |vai tro |vi tri )?"
            + "(?:to truong|to pho|truong ban|pho ban|truong nhom|truong doan|thu ky|chu tich|giam doc|hieu truong"
            + "|pho hieu truong)\\b"),
            Pattern.compile(PersonNames.NAME.pattern()
                    + "|(?iU)\\b(?:hiệu trưởng|hiệu phó|chủ tịch|giám đốc|trưởng phòng|bí thư|tổ trưởng|trưởng ban"
                    + "|trưởng khoa)\\b"),
            null, true, true),
    /**
     * "có giải thưởng gì", "giải nhất được bao nhiêu": a prize, which a plan announcing a contest seldom states
     * ("giải nhất …", "phần thưởng", "khen thưởng", an amount).
     */
    PRIZE(Pattern.compile("\\b(?:giai thuong|giai nhat|giai nhi|giai ba|giai khuyen khich|phan thuong|tien thuong"
            + "|duoc thuong|thuong gi|co thuong)\\b"),
            Pattern.compile("\\b(?:giai (?:nhat|nhi|ba|khuyen khich|thuong|dac biet)|phan thuong|tien thuong"
                    + "|khen thuong|trao (?:giai|thuong)|giay khen|bang khen|qua tang)\\b"
                    + "|\\d[\\d.,]*\\s*(?:d|dong|vnd|trieu|nghin|ngan)\\b"),
            null, false, true),
    /**
     * "Mức tiền thưởng … là bao nhiêu?", "học phí bao nhiêu": an amount of money ("15.000 đ/buổi", "2 triệu đồng"),
     * or that it is free. Plans rarely state sums, and a share ("100% các trường") is no amount.
     */
    MONEY(Pattern.compile("\\b(?:bao nhieu tien|may tien|bao nhieu (?:dong|trieu|ty)|(?:tien(?! mat)|kinh phi"
            + "|hoc phi|le phi|chi phi|muc (?:thuong|ho tro|chi|phu cap|hoc bong))(?: \\S+){0,14}?"
            + " (?:la |het |mat |ton )?bao nhieu(?=\\s*(?:(?:tien|dong|vay|v|a|ah|nhi|the|ha|ad)\\b|[?.!,]|$"
            // "học phí bao nhiêu một tháng": a sum per period or per head
            + "|(?:mot|moi|1) (?:thang|nam|buoi|ky|hoc ky|khoa|nguoi|hoc sinh|em)\\b)))"),
            Pattern.compile("\\d[\\d.,]*\\s*(?:d|dong|vnd|trieu|ty|nghin|ngan)\\b|\\bmien phi\\b"
                    + "|\\bkhong (?:thu|mat|ton) (?:phi|tien)\\b"),
            null, false, true),
    /**
     * "có mất phí không", "phụ huynh có phải trả phí không", "có miễn phí không": whether something costs money. Only a
     * sentence about a fee, a sum or its being free answers ("miễn phí", "kinh phí …"); the plans name many courses
     * and apps without a word on what they cost. ("thu học phí không dùng tiền mặt" asks how fees are paid.)
     */
    FEE(Pattern.compile("\\b(?:mat|ton|tra|thu|dong|nop|tinh)(?: \\S+)?? (?:phi|le phi|hoc phi|tien)\\b(?! mat)"
            + "(?: \\S+){0,6}? (?:khong|ko|k|hong|hok)\\b|\\bmien phi (?:khong|ko|k|hong|hok)\\b"),
            // Matched on the sentence as written: folded, "tien" is also "tiến" (tiến trình, tiên tiến).
            Pattern.compile("(?iU)\\b(?:phí|tiền|ngân sách)\\b"
                    + "|\\d[\\d.,]*\\s*(?:đ|đồng|vnđ|vnd|triệu|tỷ|tỉ|nghìn|ngàn)\\b"),
            null, true, true),
    /** "lấy từ đâu", "từ nguồn nào": where money or resources come from ("nguồn ngân sách", "xã hội hóa"). */
    SOURCE(QueryTerms.ASKS_SOURCE,
            Pattern.compile("\\b(?:nguon|ngan sach|von|tai tro|xa hoi hoa|dong gop|ho tro|kinh phi)\\b"),
            null, false),
    ANY(null, null, null, false);

    /** "… được quy định ở đâu?", "… ghi ở đâu?": asks which text says it. */
    private static final Pattern WHICH_TEXT = Pattern.compile(
            "\\b(?:quy dinh|ghi|neu|de cap|huong dan|cong bo) (?:o|tai) (?:dau|cho nao)\\b");

    private final Pattern asked;
    private final Pattern answered;
    private final Pattern label;
    /** The answer pattern runs on the sentence as written (capitals, "@", digit groups), not folded. */
    private final boolean asWritten;
    /**
     * Only a sentence of this kind answers: the evidence gate opens on one that covers the question and says it
     * (a sentence about the team is no answer to who leads it, however well it matches).
     */
    final boolean strict;

    AnswerKind(Pattern asked, Pattern answered, Pattern label, boolean asWritten) {
        this(asked, answered, label, asWritten, false);
    }

    AnswerKind(Pattern asked, Pattern answered, Pattern label, boolean asWritten, boolean strict) {
        this.asked = asked;
        this.answered = answered;
        this.label = label;
        this.asWritten = asWritten;
        this.strict = strict;
    }

    /** The kind a question asks for; {@link #ANY} when it asks for none that a sentence shows. */
    public static AnswerKind of(String question) {
        return of(question, asksSource(question));
    }

    private static boolean asksSource(String question) {
        return QueryTerms.ASKS_SOURCE.matcher(Terms.fold(question)).find();
    }

    /**
     * The kind a question asks for, knowing whether it asks for a source ("lấy từ đâu"). Of a message asking two
     * things ("Khi nào có kết quả …, giải nhất được thưởng gì?"), the one only a sentence of its kind answers: a
     * sentence saying when the contest opens does not say the prize.
     */
    static AnswerKind of(String question, boolean asksSource) {
        AnswerKind whole = ofClause(question, asksSource);
        if (whole.strict) {
            return whole;
        }
        String[] clauses = CLAUSE_END.split(question);
        if (clauses.length > 1) {
            for (String clause : clauses) {
                AnswerKind kind = ofClause(clause, asksSource && asksSource(clause));
                if (kind.strict) {
                    return kind;
                }
            }
        }
        return whole;
    }

    /** The things whose name an {@link #APP_NAME} question asks (folded): apps, platforms, virtual assistants. */
    static final String APP_NOUNS = "phan mem|ung dung|app|nen tang|tro ly ao|chatbot";

    private static final Pattern CLAUSE_END = Pattern.compile("[,;?!]+");

    /** "diễn ra ở hội trường nào": which hall, as typed (with diacritics). */
    private static final Pattern HALL_ASKED = Pattern.compile("(?iU)\\bhội trường(?:\\s+\\S+)?\\s+nào\\b");

    private static AnswerKind ofClause(String question, boolean asksSource) {
        String folded = Terms.fold(question);
        // First: "ký ngày mấy, số hiệu bao nhiêu?" is answered only by a sentence stating the number.
        if (DOC_NUMBER.asked.matcher(folded).find()) {
            return DOC_NUMBER;
        }
        if (RESULT.asked.matcher(folded).find()) {
            return RESULT;
        }
        if (CLOCK.asked.matcher(folded).find()) {
            return CLOCK;
        }
        if (WEEKDAY.asked.matcher(folded).find()) {
            return WEEKDAY;
        }
        if (DEADLINE.asked.matcher(folded).find()) {
            return DEADLINE;
        }
        if (DATE.asked.matcher(folded).find()) {
            return DATE;
        }
        if (DURATION.asked.matcher(folded).find()) {
            return DURATION;
        }
        if (TIMES.asked.matcher(folded).find()) {
            return TIMES;
        }
        if (TIME.asked.matcher(folded).find()) {
            return TIME;
        }
        if (HALL_ASKED.matcher(question).find()) {
            return ADDRESS; // "ở hội trường nào" asks for a hall, not a school (folded, "hỏi trường nào" reads alike)
        }
        if (SCHOOL.asked.matcher(folded).find()) {
            return SCHOOL;
        }
        if (LINK.asked.matcher(folded).find()) {
            return LINK;
        }
        if (ADDRESS.asked.matcher(folded).find()) {
            return ADDRESS;
        }
        if (CONTACT.asked.matcher(folded).find()) {
            return CONTACT;
        }
        if (APP_NAME.asked.matcher(folded).find()) {
            return APP_NAME;
        }
        if (PERSON_NAME.asked.matcher(folded).find()) {
            return PERSON_NAME;
        }
        if (NAME.asked.matcher(folded).find()) {
            return NAME;
        }
        if (asksSource) {
            return SOURCE;
        }
        // Before a place: "đăng ký ở đâu, có mất phí không?" is answered only by what it costs.
        if (FEE.asked.matcher(folded).find() && !folded.contains("tien mat")) {
            return FEE;
        }
        // "Kinh phí lấy từ đâu?" asks for a source, "quy định ở đâu?" for a document: neither for a place.
        if (!asksSource && PLACE.asked.matcher(folded).find() && !WHICH_TEXT.matcher(folded).find()) {
            return PLACE;
        }
        // "tỷ lệ … không dùng tiền mặt đạt bao nhiêu" asks for a share.
        if (MONEY.asked.matcher(folded).find() && !QueryTerms.ASKS_SHARE.matcher(folded).find()) {
            return MONEY; // "Mức tiền thưởng … là bao nhiêu?" asks for an amount, not any mention of rewards
        }
        return PRIZE.asked.matcher(folded).find() ? PRIZE : ANY;
    }

    /**
     * The question with the word that labels its kind of answer in plans ("thời gian", "địa điểm", and "nguồn" for
     * "lấy từ đâu"), to search with: the line "Địa điểm: Hội trường …" shares no other word with "… tổ chức ở đâu?".
     */
    public static String searchText(String question) {
        boolean asksSource = asksSource(question);
        return switch (of(question, asksSource)) {
            case CLOCK, WEEKDAY, DEADLINE, DATE, DURATION, TIME -> question + " thời gian";
            case PLACE, ADDRESS -> question + " địa điểm";
            case SOURCE -> question + " nguồn";
            case RESULT, DOC_NUMBER, APP_NAME, SCHOOL, CONTACT, LINK, PERSON_NAME, NAME, PRIZE, MONEY, FEE, TIMES,
                 ANY -> question;
        };
    }

    /** {@link #CLAUSE_END}, and a dash joining a follow-up to the question before it. */
    private static final Pattern PART_END = Pattern.compile(CLAUSE_END.pattern() + "|\\s[–-]\\s");
    private static final Pattern ASKS = Pattern.compile("\\b(?:bao nhieu|bao lau|bao gio|the nao|ra sao|nao|gi|j|ai"
            + "|may|hay|khong|ko|k|chua|dau|sao)\\b");

    /**
     * True when the message asks one thing only: a single clause or part asks ("… là ngày nào?"), not two ("mức mấy,
     * hạn chót khi nào?", "… bao nhiêu bài – hạn chót khi nào?").
     */
    static boolean asksOneThing(String question) {
        int asking = 0;
        for (String part : PART_END.split(question)) {
            if (ASKS.matcher(Terms.fold(part.replaceAll("\\bAI\\b", " "))).find()) {
                asking++;
            }
        }
        return asking <= 1;
    }

    /**
     * True when a sentence says this kind in few ways, all of which {@link #saidIn} knows: a day, an hour, a
     * weekday. A length of time or a deadline may be said in words ("trong thời hạn chấm thi"), a place too ("trong
     * ngân hàng câu hỏi").
     */
    boolean saidInFewWays() {
        return this == DATE || this == CLOCK || this == WEEKDAY;
    }

    /** A time of some kind: an hour, a day, a deadline, a length of time or any time. */
    boolean isTime() {
        return this == CLOCK || this == WEEKDAY || this == DEADLINE || this == DATE || this == DURATION || this == TIME;
    }

    /** True when the sentence (folded) says something of this kind at all. */
    boolean saidIn(String foldedSentence) {
        return saidIn(foldedSentence, foldedSentence);
    }

    /** The same, given the sentence folded and as written (a school's name shows by its capitals, an email by @). */
    boolean saidIn(String foldedSentence, String sentence) {
        return answered == null || answered.matcher(asWritten ? sentence : foldedSentence).find();
    }

    /** True when plans state this kind under a label ("Thời gian: …", "Địa điểm: …"). */
    boolean hasLabel() {
        return label != null;
    }

    /** True when the sentence is this kind's label line ("Thời gian: …", "Địa điểm: …"). */
    boolean labels(String foldedSentence) {
        return label != null && label.matcher(foldedSentence.strip()).find();
    }
}
