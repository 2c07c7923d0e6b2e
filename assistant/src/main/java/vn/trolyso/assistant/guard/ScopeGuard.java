package vn.trolyso.assistant.guard;

import java.util.List;
import java.util.regex.Pattern;
import vn.trolyso.assistant.text.Terms;

/**
 * Rule-based screening of a question before retrieval: prompt-injection attempts, topics outside school digital
 * transformation, and greetings. Rules run on the accent-folded text, so "quen cac quy tac" is caught like
 * "quên các quy tắc". Lexicons are deliberately about kinds of request, not about particular questions.
 */
public final class ScopeGuard {
    private static final String ANY_DET = "(?:(?:het|tat ca|moi|cac|nhung|toan bo|mot so) )?";
    private static final String RULES = "(?:quy tac|quy dinh|huong dan|chi dan|chi thi|luat|rang buoc|nguyen tac"
            + "|cau lenh|lenh|yeu cau truoc|thiet lap|gioi han|instructions?|rules?|prompts?)";

    private static final List<Pattern> INJECTION = compile(
            // "quên / bỏ qua / phớt lờ … các quy tắc …"
            "\\b(?:quen|bo qua|phot lo|lo di|vut bo|xoa bo|bo het|vo hieu hoa|vuot qua|khong can tuan theo"
                    + "|dung tuan theo|ngung tuan theo|thoat khoi) (?:di )?" + ANY_DET + "(?:\\S+ ){0,3}" + RULES,
            "\\b(?:ignore|disregard|forget|bypass|override) (?:\\S+ ){0,3}(?:instructions?|rules?|prompts?"
                    + "|guidelines?)",
            "\\bsystem ?prompt\\b", "\\b(?:prompt|loi nhac|chi dan|huong dan|cau lenh) (?:he thong|goc|ban dau)\\b",
            "\\b(?:tiet lo|in ra|hien thi|nhac lai|cho (?:toi|minh|em|tui) (?:xem|biet)|reveal|print|show)"
                    + " (?:\\S+ ){0,4}(?:prompt|quy tac cua ban|huong dan cua ban|chi dan cua ban|cau lenh cua ban"
                    + "|instructions)",
            "\\b(?:tu (?:gio|nay|bay gio)|bay gio) (?:ban|may|mi) (?:la|se la|dong vai)\\b",
            "\\b(?:dong vai|gia vo la|gia lam|hoa than thanh|nhap vai)\\b",
            "\\b(?:you are now|act as|pretend|jailbreak|developer mode|do anything now)\\b",
            "\\bche do (?:nha phat trien|developer|khong gioi han|jailbreak)\\b",
            "\\b(?:ban|may) (?:la|chinh la) chatgpt\\b", "rang (?:ban|toi) la chatgpt",
            "<\\|?(?:im_start|system)\\|?>", "\\[(?:system|inst)\\]", "###\\s*(?:instruction|system)",
            // requests to invent facts, or a permission to do so claimed in the message
            "\\b(?:bia|tu bia|che) (?:ra )?(?:so lieu|thong tin|du lieu|cau tra loi|noi dung)\\b",
            "\\bcho phep (?:ban|tro ly) (?:bia|bo qua|tra loi ngoai|khong can)\\b");

    /** A message opening with a role label ("Hệ thống:", "Ghi chú của admin:", "[SYSTEM]") speaks as someone else. */
    private static final Pattern ROLE_LABEL = Pattern.compile(
            "^\\W*(?:he thong|system|admin|administrator|quan tri vien|developer|nha phat trien|ghi chu cua (?:admin"
                    + "|quan tri vien|he thong)|thong bao (?:tu|cua) (?:he thong|admin|quan tri vien))\\s*[:\\]]");

    private static final List<Pattern> OUT_OF_SCOPE = compile(
            // weather and nature
            "\\bthoi tiet\\b", "\\bdu bao (?:thoi|mua|nang|nhiet)", "\\bnhiet do (?:ngoai troi|hom nay|ngay mai)",
            "\\btroi (?:co )?(?:mua|nang|lanh) (?:khong|ko)\\b", "\\b(?:co|se) mua (?:khong|ko)\\b",
            // money and markets
            "\\bgia (?:vang|xang|dau|bac|usd|do la|dola|bitcoin|nha dat|dat|nha|co phieu|chung khoan|heo|lua)\\b",
            "\\b(?:ty gia|chung khoan|co phieu|bitcoin|tien ao|tien dien tu|crypto|lai suat ngan hang)\\b",
            // gambling, fortune, romance
            "\\b(?:xo so|so de|lo de|ca cuoc|ca do|ket qua xs|xsmb|tu vi|xem boi|boi bai|phong thuy"
                    + "|cung hoang dao|nguoi yeu|tinh yeu|hen ho|thu tinh)\\b",
            // sports and entertainment
            "\\b(?:bong da|tran dau|world cup|ngoai hang anh|champions league|ca si|dien vien|phim (?:hay|moi|gi)"
                    + "|bai hat (?:hay|moi)|nghe nhac|showbiz)\\b",
            // cooking, health, travel, shopping
            "\\b(?:nau (?:an|mon|canh|com|pho|bun)|cong thuc (?:nau|lam banh|mon)|mon an ngon|giam can|tang can"
                    + "|chua benh|thuoc (?:tri|chua)|du lich|khach san|ve may bay|mua sam|giam gia)\\b",
            // writing and homework on demand
            "\\b(?:viet|soan|sang tac|lam|ke) (?:giup |ho |cho |gium |dum )?(?:toi |minh |em |tui |con |to )?"
                    + "(?:mot |1 |vai )?(?:bai van|doan van|bai tho|tho|truyen(?! thong)|cau chuyen|bai luan|tieu luan"
                    + "|van mau|bai hat|loi bai hat|bai rap|thu tinh|kich ban phim|bai cam nhan|bai nghi luan)\\b",
            "\\bbai van (?:ta|ke|nghi luan|mau)\\b",
            // jokes and riddles
            "\\b(?:chuyen cuoi|truyen cuoi|cau do vui|cau do meo|chuyen tieu lam)\\b", "\\b(?:giai|lam) (?:giup |ho |gium )?(?:toi |minh |em |tui )?"
                    + "(?:bai toan|phuong trinh|bai tap (?:toan|ly|hoa|tieng anh|van))\\b",
            "\\bdich (?:giup |ho )?(?:\\S+ ){0,4}sang tieng (?:anh|phap|trung|nhat|han)\\b");

    private static final Pattern GREETING = Pattern.compile(
            "^(?:xin chao|chao ban|chao tro ly|chao|hello|hi|alo|cam on(?: ban)?|thanks?)(?: ban| nhe| nha| a)*"
                    + "[ .!?]*$|^(?:ban la ai|ban lam duoc gi|ban giup duoc gi|ban co the giup gi)[ .!?]*$");

    /**
     * Small talk for the reports: the greetings above plus thanks, goodbyes and acknowledgements ("ok", "hay quá"),
     * which the assistant answers with its greeting but which are no question the documents failed to answer.
     */
    private static final Pattern SMALL_TALK = Pattern.compile(
            "^(?:(?:xin |)chao|hello|hi|alo|cam on|thanks?|thank you|tam biet|bye|goodbye|ok|oke|okay|vang|da|da vang"
                    + "|hay qua|tot qua|tuyet voi|tuyet|duoc roi|hieu roi|minh hieu roi)"
                    + "(?: ban| nhe| nha| a| nhieu| rat nhieu| tro ly| tro ly so| so)*[ .!?]*$"
                    + "|^(?:ban (?:la ai|la gi|ten (?:la )?gi|khoe khong|co khoe khong|lam duoc gi|giup duoc gi"
                    + "|co the giup gi|co the lam gi)|gioi thieu ve ban)(?: vay| the| nhi| a)*[ .!?]*$");

    private ScopeGuard() {
    }

    /** True for greetings and small talk ("xin chào", "cảm ơn", "bạn là ai", "tạm biệt", "ok"). */
    public static boolean isSmallTalk(String message) {
        if (message == null) {
            return false;
        }
        String folded = Terms.fold(message).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return SMALL_TALK.matcher(folded).find() || classify(message) == ScopeVerdict.GREETING;
    }

    public static ScopeVerdict classify(String question) {
        String folded = " " + Terms.fold(question).replaceAll("[^\\p{L}\\p{N}%<>|#\\[\\]_]+", " ").strip() + " ";
        if (INJECTION.stream().anyMatch(p -> p.matcher(folded).find())
                || ROLE_LABEL.matcher(Terms.fold(question)).find()) {
            return ScopeVerdict.INJECTION;
        }
        if (OUT_OF_SCOPE.stream().anyMatch(p -> p.matcher(folded).find())) {
            return ScopeVerdict.OUT_OF_SCOPE;
        }
        if (GREETING.matcher(folded.strip()).find()) {
            return ScopeVerdict.GREETING;
        }
        return ScopeVerdict.IN_SCOPE;
    }

    private static List<Pattern> compile(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}
