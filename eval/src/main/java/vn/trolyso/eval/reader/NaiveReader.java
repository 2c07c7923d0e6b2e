package vn.trolyso.eval.reader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.trolyso.knowledge.search.KnowledgeSearch;
import vn.trolyso.knowledge.search.Passage;
import vn.trolyso.knowledge.search.SearchQuery;
import vn.trolyso.knowledge.text.VietnameseText;

/**
 * The yardstick the reader must beat: search the top 3 passages, split them into sentences, keep the two sentences
 * with the most IDF-weighted question words (IDF over those sentences), in their document order. About twenty lines
 * of logic with no rules at all; a reader that does worse than this on text it was not tuned on is over-fitted.
 */
public final class NaiveReader {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.;!?])\\s+|\\n+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final KnowledgeSearch search;

    public NaiveReader(KnowledgeSearch search) {
        this.search = search;
    }

    public String answer(String question) {
        List<String> sentences = new ArrayList<>();
        for (Passage p : search.search(SearchQuery.of(question, 3))) {
            Arrays.stream(SENTENCE_END.split(p.text())).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(sentences::add);
        }
        if (sentences.isEmpty()) {
            return "";
        }
        List<Set<String>> words = sentences.stream().map(NaiveReader::words).toList();
        Map<String, Integer> df = new HashMap<>();
        words.forEach(ws -> ws.forEach(w -> df.merge(w, 1, Integer::sum)));
        Set<String> asked = words(question);
        double[] score = new double[sentences.size()];
        for (int i = 0; i < score.length; i++) {
            for (String w : words.get(i)) {
                if (asked.contains(w)) {
                    score[i] += Math.log(1 + (double) sentences.size() / df.get(w));
                }
            }
        }
        List<Integer> best = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            best.add(i);
        }
        best.sort(Comparator.comparingDouble((Integer i) -> -score[i]));
        List<Integer> kept = new ArrayList<>(best.subList(0, Math.min(2, best.size())));
        kept.sort(Comparator.naturalOrder());
        return String.join(" ", kept.stream().map(sentences::get).toList());
    }

    private static Set<String> words(String text) {
        return new HashSet<>(Arrays.asList(NOT_WORD.split(VietnameseText.fold(text))));
    }
}
