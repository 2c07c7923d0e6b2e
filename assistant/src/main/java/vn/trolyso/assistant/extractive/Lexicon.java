package vn.trolyso.assistant.extractive;

import java.util.function.ToIntFunction;
import vn.trolyso.knowledge.search.KnowledgeSearch;
import vn.trolyso.knowledge.text.Abbreviations;

/**
 * What the reader knows of the whole knowledge base beyond the passages it reads: how many passages use a word
 * (a topic no document mentions versus a paraphrase), and the abbreviations, the bundled list plus those the
 * documents define themselves ("KLTN: Khóa luận tốt nghiệp").
 *
 * @param passagesWithWord passages using a word, -1 when unknown
 */
public record Lexicon(ToIntFunction<String> passagesWithWord, Abbreviations abbreviations) {
    /** Nothing known of the corpus beyond the bundled abbreviations. */
    public static final Lexicon BUNDLED = new Lexicon(word -> -1, Abbreviations.defaults());

    public static Lexicon of(KnowledgeSearch search) {
        return new Lexicon(search::passagesWithWord, search.abbreviations());
    }

    /**
     * This lexicon for a question confined to the documents it names ("Đến năm 2030 trường Đoàn Lập …"): a year
     * none of their retrieved passages states is a period those documents do not cover, however often the others
     * use it, so it weighs as a year the knowledge base never uses.
     */
    public Lexicon confinedToNamedDocuments() {
        return new Lexicon(word -> YEAR.matcher(word).matches() ? 0 : passagesWithWord.applyAsInt(word), abbreviations);
    }

    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("(?:19|20)\\d\\d");
}
