package vn.trolyso.assistant.conversation;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.trolyso.assistant.text.Terms;

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
                + "|hoc sinh|hoc vien)"),
        ASPECT("(?:thoi gian|dia diem|kinh phi|doi tuong|noi dung|muc tieu|nhiem vu|hinh thuc|thanh phan"
                + "|trach nhiem|muc dich|yeu cau|giai phap|lo trinh|ket qua|chi tieu|so luong|ty le|thoi han"
                + "|phuong thuc|cach thuc|don vi chu tri|don vi phoi hop|bao cao|can cu)"),
        PLACE("(?:phuong|xa|quan|huyen|truong(?: tieu hoc| thcs| thpt)?) \\S+(?: \\S+)?");

        final Pattern pattern;

        Slot(String regex) {
            this.pattern = Pattern.compile("\\b" + regex + "\\b");
        }
    }

    private FollowUpRewriter() {
    }

    /** The question made standalone, given the conversation so far (oldest turn first). */
    public static String rewrite(List<Turn> history, String question) {
        if (history.isEmpty() || !isFollowUp(question)) {
            return question;
        }
        String previous = history.getLast().standaloneQuestion();
        String fragment = fragment(question);
        if (fragment.isBlank()) {
            return previous;
        }
        return substitute(previous, fragment).orElseGet(() -> append(previous, fragment));
    }

    /** True when the question reads as an elliptical continuation rather than a question of its own. */
    public static boolean isFollowUp(String question) {
        String f = fold(question);
        long contentWords = Terms.rawTokens(question).stream().filter(t -> !Terms.isStopword(t)).count();
        if (OPENER.matcher(f).find()) {
            return contentWords <= 8;
        }
        if (CLOSER.matcher(f).find() && f.matches(".*\\b(?:thi sao|the nao|ra sao|nua)$")) {
            return contentWords <= 5;
        }
        return DEICTIC.matcher(f).find() && contentWords <= 6;
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

    private static Optional<String> substitute(String previous, String fragment) {
        String prev = Normalizer.normalize(previous, Normalizer.Form.NFC);
        String prevFolded = fold(prev);
        String fragFolded = fold(fragment);
        if (prevFolded.length() != prev.length() || fragFolded.length() != fragment.length()) {
            return Optional.empty();
        }
        String result = prev;
        String resultFolded = prevFolded;
        boolean replaced = false;
        for (Slot slot : Slot.values()) {
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
            if (inPrevious.start() == 0 && Character.isUpperCase(result.charAt(0))) {
                replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
            }
            result = result.substring(0, inPrevious.start()) + replacement + result.substring(inPrevious.end());
            resultFolded = fold(result);
            replaced = true;
        }
        return replaced ? Optional.of(result) : Optional.empty();
    }

    private static String append(String previous, String fragment) {
        return stripPunctuation(previous) + " – " + fragment + "?";
    }

    private static String stripPunctuation(String s) {
        return s.strip().replaceAll("[?!.…]+$", "").strip();
    }

    private static String fold(String s) {
        return Terms.fold(s);
    }
}
