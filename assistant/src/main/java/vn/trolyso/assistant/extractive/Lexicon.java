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
}
