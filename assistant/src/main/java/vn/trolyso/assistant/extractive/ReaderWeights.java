package vn.trolyso.assistant.extractive;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every weight of the no-LLM reader in one place, so a change is measured rather than guessed: {@code ./trolyso
 * eval reader --reader name=value,…} and {@code eval answers --reader …} run with other values. The defaults were
 * chosen on the development sets (ViRHE4QA v2's 1,000 questions and eval/blind/blind-dev.jsonl) and confirmed on
 * the held-out sets; README's Answering section gives the figures.
 *
 * @param minCoverage        share of the question's weighted words the best sentence (with its headings, title and
 *                           passage) must cover, else the documents are said not to mention it
 * @param minOwnCoverage     share the best sentence must cover with its headings and its document's title (what
 *                           the passage around it says does not answer the question)
 * @param unknownMargin      when a topic word of the question is used nowhere in the knowledge base, the best
 *                           sentence must cover this much more than {@code minCoverage}
 * @param unknownNameMargin  the same for a name ("THCS Lê Lợi") or a year the knowledge base never uses: a school,
 *                           place or period it has no document of (1 or more: never answered from the others)
 * @param absentMargin       the same when the word is in none of the retrieved passages but used elsewhere
 * @param headingWeight      a question word found in the sentence's headings, relative to one in the sentence
 * @param titleWeight        a question word found only in the document title
 * @param contextWeight      a question word found only elsewhere in the passage
 * @param pairBonus          a pair of adjacent question words found as a phrase
 * @param focusWeight        extra weight of the word naming what is asked for ("ngày nào", "bao nhiêu máy")
 * @param numberBonus        a sentence with a figure when the question asks for a number
 * @param figureBonus        the figure follows the focus word ("ngày 18/8/2025")
 * @param rankPrior          prior of the first passage's sentences (divided by 1 + rank)
 * @param freeLength         words a sentence may have before it is penalised
 * @param lengthSlope        words per unit of length penalty beyond that
 * @param nextSentence       a second sentence is added when it scores at least this share of the best
 * @param furtherSentence    a third, at least this share
 * @param gateDepth          the evidence gate looks at this many of the best-scored sentences and opens when one
 *                           of them covers the question enough (the best-placed sentence is not always the one
 *                           with the most of the question's words)
 * @param listChars          a sentence announcing a list ("… gồm:") brings its items while together they stay
 *                           within this many characters (the first item always comes)
 * @param kindMiss           a sentence saying nothing of the kind asked for ({@link AnswerKind}: no time for "khi
 *                           nào", no place for "ở đâu") scores this share
 * @param kindLabel          a sentence that is the asked kind's label line ("Thời gian: …" for "khi nào")
 * @param kindGate           1: when none of the {@code gateDepth} best sentences says anything of the kind asked
 *                           for (no hour for "mấy giờ"), the documents are said not to mention it; 0: off
 * @param marginWords        a question with more topic words than this gets the margins above scaled by this
 *                           number over its count (0: never scaled)
 * @param yearGate           1: a sentence whose text and headings name only other years than the question's
 *                           ("đến năm 2025" for "riêng năm 2026") does not open the gate; a span holds the years
 *                           inside it; 0: off
 * @param absentOwn          the share of the weight of question words that none of the retrieved passages has which
 *                           {@code minOwnCoverage} still counts: 0 leaves them to the margins above ("khuyến khích"
 *                           for what the plan states plainly no sentence can cover); 1 counts them in full
 * @param dutyMiss           when the question asks what someone must do ("các trường phải làm gì"), a sentence not
 *                           under a heading that names a unit or people sharing a word with the question scores this
 *                           share; 1: off
 * @param askedWeight        extra weight in a sentence's score of the words of the part a joined follow-up asks
 *                           ("… – tập huấn vận hành cái đó cho ai?"): what is new, against the earlier question it
 *                           carries; the coverage the evidence gate reads counts them as before; 0: off
 */
public record ReaderWeights(double minCoverage, double minOwnCoverage, double unknownMargin, double unknownNameMargin,
                            double absentMargin,
                             double headingWeight, double titleWeight,
                            double contextWeight, double pairBonus, double focusWeight, double numberBonus,
                            double figureBonus, double rankPrior, double freeLength, double lengthSlope,
                            double nextSentence, double furtherSentence, double gateDepth,
                            double listChars, double kindMiss, double kindLabel, double kindGate,
                            double marginWords, double yearGate, double absentOwn,
                            double dutyMiss, double askedWeight, double kindOpen) {

    public static ReaderWeights defaults() {
        return new ReaderWeights(0.4, 0.35, 0.3, 1.0, 0.0, 0.8, 0.6, 0.4, 0.75, 0.8, 1.0, 1.5, 1.2, 45, 150, 0.78, 0.88, 6,
                500, 0.7, 3.0, 1, 6, 1, 0, 0.7, 1, 1);
    }

    /** These weights with some replaced: "minCoverage=0.4,titleWeight=0.5". Unknown names are refused. */
    public ReaderWeights with(String overrides) {
        Map<String, Double> values = values();
        if (overrides != null && !overrides.isBlank()) {
            for (String pair : overrides.split(",")) {
                String[] kv = pair.split("=", 2);
                String name = kv[0].strip();
                if (kv.length != 2 || !values.containsKey(name)) {
                    throw new IllegalArgumentException("unknown reader weight '" + name + "'; known: "
                            + String.join(", ", values.keySet()));
                }
                values.put(name, Double.parseDouble(kv[1].strip()));
            }
        }
        try {
            RecordComponent[] components = ReaderWeights.class.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = double.class;
                args[i] = values.get(components[i].getName());
            }
            return ReaderWeights.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Name → value, in declaration order. */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            for (RecordComponent c : ReaderWeights.class.getRecordComponents()) {
                out.put(c.getName(), (Double) c.getAccessor().invoke(this));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        values().forEach((k, v) -> parts.add(k + "=" + String.format(Locale.ROOT, "%s", v)));
        return String.join(",", parts);
    }
}
