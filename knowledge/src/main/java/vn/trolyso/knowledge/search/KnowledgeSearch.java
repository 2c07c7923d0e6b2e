package vn.trolyso.knowledge.search;

import java.util.List;
import vn.trolyso.knowledge.text.Abbreviations;

/** Ranked passage search over the knowledge base. Thread-safe; always answers from the current index. */
public interface KnowledgeSearch {
    /**
     * Returns passages ranked best first.
     *
     * @throws InvalidQueryException when the query cannot be run (empty after normalisation, too long, bad limit)
     */
    List<Passage> search(SearchQuery query);

    /**
     * How many passages of the whole knowledge base contain this word (diacritics ignored), or -1 when this search
     * cannot tell. A word no passage uses names something the documents are not about; one used elsewhere but not
     * in the passages found is more likely a paraphrase.
     */
    default int passagesWithWord(String word) {
        return -1;
    }

    /** The abbreviations this knowledge base expands: the bundled list plus those its documents define. */
    default Abbreviations abbreviations() {
        return Abbreviations.defaults();
    }
}
