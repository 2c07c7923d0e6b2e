package vn.trolyso.assistant.extractive;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Whether the best sentence found is evidence enough to answer, or the documents are said not to mention the
 * question. Calibrated on data (ViRHE4QA, where every question is answerable, and the blind sets' absent and
 * out-of-scope questions), not on whether the question's own words appear: a paraphrase is not an absence.
 */
final class EvidenceGate {
    private final ReaderWeights w;
    private final ToIntFunction<String> vocabulary;

    /** @param vocabulary how many passages of the whole knowledge base use a word (-1: unknown) */
    EvidenceGate(ReaderWeights weights, ToIntFunction<String> vocabulary) {
        this.w = weights;
        this.vocabulary = vocabulary;
    }

    /**
     * The share of the question a sentence must cover to answer it, for these passages: {@code minCoverage} plus the
     * margin of the question's topic words they lack. The same for every sentence of the passages.
     *
     * @param contexts the retrieved passages (title, issuer, section, text) in matching form
     */
    double requiredCoverage(QueryTerms query, List<QueryTerms.TextForms> contexts) {
        double margin = margin(query, contexts);
        int words = query.topics().size();
        if (w.marginWords() > 0 && words > w.marginWords()) {
            // In "Kế hoạch dạy bơi?" the unknown word is the topic; in a long question it is more often a filler
            // ("Trường Đoàn Lập nằm ở xã nào?"), and its absence already costs it coverage.
            margin *= w.marginWords() / words;
        }
        return w.minCoverage() + margin;
    }

    /**
     * @param required    {@link #requiredCoverage} of the passages
     * @param coverage    a sentence's share of the question, counting its headings, title and passage
     * @param ownCoverage the same counting only its headings and title
     */
    boolean answers(double required, double coverage, double ownCoverage) {
        return coverage >= required && ownCoverage >= w.minOwnCoverage();
    }

    /**
     * How much more than {@code minCoverage} the best sentence must cover when topic words of the question are in
     * none of the retrieved passages. A word the whole knowledge base never uses ("bơi", "thời khóa biểu", "ChatGPT")
     * is usually what the question is about, so only a sentence covering nearly all the rest may still answer; a word
     * used elsewhere in the documents is more often a paraphrase ("tuân theo" for "thực hiện theo").
     */
    private double margin(QueryTerms query, List<QueryTerms.TextForms> contexts) {
        double margin = 0;
        for (QueryTerms.Term t : query.topics()) {
            if (t.numeric() && !query.years.contains(t.surface()) || contexts.stream().anyMatch(t::matches)) {
                continue; // a figure is what is asked for, but a year names the period asked about
            }
            boolean unknownToCorpus = t.alternatives().size() > 1 || vocabulary.applyAsInt(t.surface()) == 0;
            boolean name = query.names.contains(t) || query.years.contains(t.surface());
            margin = Math.max(margin, !unknownToCorpus ? w.absentMargin()
                    : name ? w.unknownNameMargin() : w.unknownMargin());
        }
        // "… phải thi là IELTS hay Cambridge?": the documents cannot say which of two things they never mention.
        if (!query.choice.isEmpty() && query.choice.stream().allMatch(t -> t.alternatives().size() == 1
                && vocabulary.applyAsInt(t.surface()) == 0 && contexts.stream().noneMatch(t::matches))) {
            margin = Math.max(margin, w.unknownNameMargin());
        }
        return margin;
    }
}
