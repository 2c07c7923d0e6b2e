package vn.trolyso.eval.reader;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.trolyso.assistant.answering.AnswerTexts;

/**
 * Whether an answer contains its gold extractive answer: both sides NFKC-normalised, lower-cased, punctuation and
 * whitespace folded, citation markers ([1]) removed; every span of a multi-span answer must be found. Only the
 * answer itself counts: the closing note and the learning suggestion are cut off first.
 */
public final class GoldMatch {
    private static final Pattern CITATION = Pattern.compile("\\[\\d+]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private GoldMatch() {
    }

    public static boolean contains(String answer, List<String> spans) {
        String body = fold(answerBody(answer));
        return !spans.isEmpty() && spans.stream().allMatch(s -> {
            String span = fold(s);
            return !span.isBlank() && (" " + body + " ").contains(" " + span + " ");
        });
    }

    /** The answer before its closing note ("(Trả lời trích từ tài liệu…)") and any "Gợi ý học tiếp" line. */
    public static String answerBody(String answer) {
        String body = answer;
        for (String cut : List.of(AnswerTexts.EXTRACTIVE_NOTE, AnswerTexts.FALLBACK_NOTE,
                "\n\n" + AnswerTexts.SUGGESTION_PREFIX)) {
            int at = body.indexOf(cut);
            if (at >= 0) {
                body = body.substring(0, at);
            }
        }
        return CITATION.matcher(body).replaceAll(" ").strip();
    }

    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(s).replaceAll(" ").strip();
    }
}
