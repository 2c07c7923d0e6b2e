package vn.trolyso.knowledge.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that make a Vietnamese sentence a question ("ai", "gì", "nào", "bao nhiêu", "như thế nào", "có … không",
 * "được không") but name nothing a document is about. Removed from the single-syllable part of a query: documents
 * rarely contain them, so they would only add noise matches. "AI" typed in capitals (artificial intelligence) stays.
 */
public final class QuestionWords {
    private static final Set<String> WORDS = Set.of(
            "ai", "gì", "nào", "đâu", "sao", "bao", "nhiêu", "mấy", "không", "chưa", "hay", "thế", "là", "có",
            "được", "hãy", "vậy", "nhỉ", "ạ", "à", "hả", "nhé", "những", "các", "cho", "biết", "thì", "mà");
    private static final Set<String> FOLDED_WORDS = Set.of(
            "ai", "gi", "nao", "dau", "sao", "bao", "nhieu", "may", "khong", "chua", "hay", "the", "la", "co",
            "duoc", "vay", "nhung", "cac", "cho", "biet", "thi", "ma");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private QuestionWords() {
    }

    /**
     * Whether an analysed term (a syllable or a "syllable syllable" bigram, lowercase) is made of question words
     * only, e.g. "gì", "thế nào", "được không".
     */
    public static boolean isQuestionTerm(String term, boolean folded) {
        for (String part : term.split(" ")) {
            if (!(folded ? FOLDED_WORDS : WORDS).contains(part)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The query without its question words (normalised text in, normalised text out). A query made of question
     * words only comes back whole: then they are what is searched for ("ai" typed for AI, "là gì").
     *
     * @param accented whether the query was typed with diacritics (then only the accented forms are removed)
     */
    public static String strip(String query, boolean accented) {
        StringBuilder out = new StringBuilder(query.length());
        Matcher m = WORD.matcher(query);
        int last = 0;
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            boolean capitalAi = word.equals("AI");
            boolean question = !capitalAi && (accented ? WORDS.contains(lower) : FOLDED_WORDS.contains(lower));
            out.append(query, last, m.start()).append(question ? " " : word);
            last = m.end();
        }
        String stripped = out.append(query, last, query.length()).toString();
        return WORD.matcher(stripped).find() ? stripped : query;
    }
}
